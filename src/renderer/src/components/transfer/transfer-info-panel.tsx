import { useEffect, useState } from 'react'
import { Spin } from 'antd'
import type { EvidenceItem } from '../../../../shared/types'
import { api } from '../../api'
import { ErrorAlert } from '../error-alert'
import { AttachmentsCard } from './attachments-card'
import { BatchesCard } from './batches-card'
import { CaseFieldsCard } from './case-fields-card'
import { SeizedItemsCard } from './seized-items-card'
import { useTransferInfo } from './use-transfer-info'

/** What the documents need beyond violations: the case facts, the materials, seized things, and how the electronic data was extracted. */
export function TransferInfoPanel({ zone, readOnly }: { zone: string; readOnly: boolean }) {
  const { info, failure } = useTransferInfo()
  const [items, setItems] = useState<EvidenceItem[]>([])
  useEffect(() => {
    void api.invoke('evidence:list', {}).then(
      (r) => setItems(r.items),
      () => undefined,
    )
  }, [])
  if (failure) return <ErrorAlert error={failure} className="form-alert" />
  if (!info) return <Spin />
  return (
    <div className="transfer-info" data-testid="transfer-info">
      <CaseFieldsCard fields={info.fields} readOnly={readOnly} />
      <AttachmentsCard attachments={info.attachments} items={items} readOnly={readOnly} />
      <SeizedItemsCard seized={info.seizedItems} readOnly={readOnly} />
      <BatchesCard batches={info.batches} zone={zone} readOnly={readOnly} />
    </div>
  )
}
