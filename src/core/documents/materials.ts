/**
 * The 附件 (materials) list of a transfer letter, in 份 and 页: the documents this app makes for
 * the transfer and the officer's registered attachments (scans linked to an item, or paper).
 */
import type { AttachmentKind } from '../../shared/transfer-types'
import type { TransferDocumentKind } from '../../shared/violation-types'
import type { DocumentSources } from './document-sources'
import type { PrintedText } from './html-layout'

export const ATTACHMENT_LABELS: Record<AttachmentKind, string> = {
  'test-report': '检验报告、监测报告或者鉴定意见',
  'inspection-record': '现场检查（勘察）笔录',
  'interview-record': '询问笔录（经签名的纸质原件）',
  'sampling-record': '采样记录',
  'seizure-decision': '查封、扣押决定书及清单',
  'penalty-decision': '行政处罚决定书',
  other: '其他材料',
}

export interface MaterialRow {
  name: string
  copies: number
  /** null while the document has not been printed (its pages are not known yet) */
  pages: number | null
  note: string
}

/** The app's own documents that travel with a letter, in filing order. */
export function appDocumentsFor(s: DocumentSources): Array<{ kind: TransferDocumentKind; name: string }> {
  const out: Array<{ kind: TransferDocumentKind; name: string }> = [
    {
      kind: 'investigation-report',
      name: s.grounds.criminal.length ? '涉嫌犯罪案件情况的调查报告' : '案件调查报告',
    },
    { kind: 'evidence-list', name: '证据清单' },
  ]
  if (s.seizedItems.length) out.push({ kind: 'seized-items-list', name: '涉案物品清单' })
  if (s.packageItems.length) {
    out.push({ kind: 'extraction-record', name: '电子数据提取笔录' })
    out.push({ kind: 'electronic-data-list', name: '电子数据清单' })
  }
  return out
}

export function materialRows(s: DocumentSources): MaterialRow[] {
  const rows: MaterialRow[] = appDocumentsFor(s).map((d) => ({
    name: d.name,
    copies: 1,
    pages: s.pageCounts[d.kind] ?? null,
    note: '',
  }))
  for (const a of s.attachments)
    rows.push({
      name: `${ATTACHMENT_LABELS[a.kind]}：${a.title}${a.reference ? `（${a.reference}）` : ''}`,
      copies: a.copies,
      pages: a.pages * a.copies,
      note: a.itemNumber ? `扫描件见电子数据 ${a.itemNumber}` : '纸质',
    })
  if (s.packageItems.length)
    rows.push({
      name: '电子数据存储介质（证据包）',
      copies: 1,
      pages: null,
      note: `原始电子数据 ${s.packageItems.length} 件`,
    })
  return rows
}

/** The 附件 table with totals; pages of documents not yet printed are said to be counted on printing. */
export function materialsTable(s: DocumentSources, p: PrintedText): string {
  const rows = materialRows(s)
  const copies = rows.reduce((n, r) => n + r.copies, 0)
  const pages = rows.reduce((n, r) => n + (r.pages ?? 0), 0)
  const unknown = rows.some((r) => r.pages === null && r.name !== '电子数据存储介质（证据包）')
  const body = rows
    .map(
      (r, i) =>
        `<tr><td class="num">${i + 1}</td><td>${p.text('附件', r.name)}</td><td class="num">${r.copies} 份</td><td class="num">${r.pages === null ? '—' : `${r.pages} 页`}</td><td>${p.text('附件', r.note)}</td></tr>`,
    )
    .join('\n')
  return `<table>
<thead><tr><th class="num" style="width:8%">序号</th><th>材料名称</th><th style="width:11%">份数</th><th style="width:11%">页数</th><th style="width:22%">备注</th></tr></thead>
<tbody>
${body}
<tr><td></td><td>合计</td><td class="num">${copies} 份</td><td class="num">${pages} 页${unknown ? '＋' : ''}</td><td>${unknown ? '“—”为打印后计页' : ''}</td></tr>
</tbody>
</table>`
}

/** "共 N 份 M 页" for the receipt. */
export function materialsTotal(s: DocumentSources): { copies: number; pages: number; complete: boolean } {
  const rows = materialRows(s)
  return {
    copies: rows.reduce((n, r) => n + r.copies, 0),
    pages: rows.reduce((n, r) => n + (r.pages ?? 0), 0),
    complete: rows.every((r) => r.pages !== null || r.name === '电子数据存储介质（证据包）'),
  }
}
