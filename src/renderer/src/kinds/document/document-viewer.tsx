import { Empty } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { TranscriptViewer } from '../transcript/transcript-viewer'

/**
 * A plain-text document reads like a record without 问/答: its text in the transcript viewer (find,
 * quotes by character offsets, the decoding and a way to choose another). Other documents (PDF,
 * office files) have no viewer yet: it says so plainly and shows nothing invented.
 */
export function DocumentViewer({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation()
  if (item.mime.startsWith('text/') && typeof item.meta.encoding === 'string')
    return <TranscriptViewer item={item} />
  return <Empty description={t('viewer:notBuilt', { number: item.number })} />
}
