import { useTranslation } from 'react-i18next'
import type { EvidenceItemOf } from '../../../../shared/types'
import { FactList, factRows } from '../../components/evidence/fact-rows'
import type { MessageKey } from '../../i18n/keys'

/** The formats the extractor writes; another (a newer version's) is shown as recorded. */
const FORMAT_TEXT = {
  docx: 'item.transcript.formats.docx',
  text: 'item.transcript.formats.text',
} as const satisfies Record<string, MessageKey>

/** An interview record's format, encoding, number of 问/答 turns, title and header fields. */
export function TranscriptDetails({ item }: { item: EvidenceItemOf<'transcript'> }) {
  const { t } = useTranslation()
  const { rows, add } = factRows()
  const meta = item.meta
  add(
    'format',
    t('item.transcript.format'),
    meta.format &&
      (Object.hasOwn(FORMAT_TEXT, meta.format)
        ? t(FORMAT_TEXT[meta.format as keyof typeof FORMAT_TEXT])
        : meta.format),
  )
  add('encoding', t('item.transcript.encoding'), meta.encoding?.toUpperCase())
  add(
    'turns',
    t('item.transcript.turns'),
    meta.turns === undefined ? null : t('item.transcript.turnCount', { count: meta.turns }),
  )
  add('title', t('item.transcript.title'), meta.title && <span data-user-data>{meta.title}</span>)
  // the header's own field names (时间, 地点, 询问人 …) are the record's words, not the interface's
  for (const [k, v] of Object.entries(meta.header ?? {}))
    add(`h-${k}`, <span data-user-data>{k}</span>, <span data-user-data>{v}</span>)
  return <FactList rows={rows} />
}
