import { useTranslation } from 'react-i18next'
import type { EvidenceItemOf } from '../../../../shared/types'
import { FactList, factRows } from '../../components/evidence/fact-rows'
import { droneRows } from './drone-rows'

/** A photo's drone facts and the software that last wrote it. */
export function ImageDetails({ item }: { item: EvidenceItemOf<'image'> }) {
  const { t } = useTranslation()
  const { rows, add } = factRows()
  droneRows(item.meta.drone, add, t)
  add(
    'software',
    t('item.image.software'),
    item.meta.software && <span data-user-data>{item.meta.software}</span>,
  )
  return <FactList rows={rows} />
}
