import { Empty } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'

/** Placeholder until this viewer is built: says so plainly, shows nothing invented. */
export function DocumentViewer({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation()
  return <Empty description={t('viewer:notBuilt', { number: item.number })} />
}
