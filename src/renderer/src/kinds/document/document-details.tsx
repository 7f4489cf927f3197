import { useTranslation } from 'react-i18next'
import type { EvidenceItemOf } from '../../../../shared/types'
import { FactList, factRows } from '../../components/evidence/fact-rows'

/** A document's text encoding, when it is text. */
export function DocumentDetails({ item }: { item: EvidenceItemOf<'document'> }) {
  const { t } = useTranslation()
  const { rows, add } = factRows()
  add('encoding', t('item.transcript.encoding'), item.meta.encoding?.toUpperCase())
  return <FactList rows={rows} />
}
