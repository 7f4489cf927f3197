/** 涉案物品清单 (one row per item the violations rely on) and 证据清单 (one row per citation, by violation). */
import type { EvidenceItem } from '../../shared/types'
import type { TransferDocumentField } from '../../shared/violation-types'
import { linkAnchorInWords, captureTime, caseDate, itemSource, kindLabel } from './document-format'
import type { DocumentSources } from './document-sources'
import { activeLinks } from './document-sources'
import { fieldValue } from './document-fields'
import { issuerBlock, PrintedText, signatureLines } from './html-layout'
import type { RenderedBody } from './transfer-letter'
import { violationProblems } from './violation-problems'

/** The heading every list shares: title, case number, party, date. */
export function listHeading(s: DocumentSources, title: string, p: PrintedText): string {
  return `<h1>${title}</h1>
<p class="doc-number">案件编号：${p.text('案件编号', s.info.number)}　当事人：${p.text('当事人', s.info.subject.name || '（未填写）')}　制表日期：${caseDate(s.now, s.info.timezone)}</p>`
}

/** The unit that made the list, with the seal placeholder, and the signature lines. */
export function listClosing(s: DocumentSources, p: PrintedText, roles?: string[]): string {
  // side by side on a landscape page, so the closing fits under the table
  return `<div class="closing row">
${signatureLines(roles)}
${issuerBlock(`制表单位：${p.text('制表单位', s.info.unit || '（制表单位）')}`, caseDate(s.now, s.info.timezone))}
</div>`
}

function remarksBlock(fields: TransferDocumentField[], p: PrintedText): string {
  const remarks = fieldValue(fields, 'remarks')
  return remarks ? `<p class="plain">备注：</p>${p.paragraphs('备注', remarks)}` : ''
}

function itemName(item: EvidenceItem, p: PrintedText): string {
  return `${item.number} ${p.text(`${item.number} 文件名`, item.originalName)}`
}

/** Where this item appears in the electronic data list, so the two can be read side by side. */
function electronicRow(s: DocumentSources, item: EvidenceItem): string {
  const n = s.packageItems.findIndex((i) => i.id === item.id)
  return n >= 0 ? `电子数据提取固定清单第 ${n + 1} 项` : ''
}

export function seizedItemsListBody(s: DocumentSources, fields: TransferDocumentField[]): RenderedBody {
  const p = new PrintedText()
  const tz = s.info.timezone
  const rows = s.linkedItems.map((item, i) => {
    const proves = (s.linksByItem.get(item.id) ?? [])
      .map(
        ({ violation, link }) =>
          `${violation.number}：${p.text(`${item.number} 证明内容`, link.note || '（未说明）')}`,
      )
      .join('<br>')
    const warnings = item.warnings.map((w) => p.text(`${item.number} 警告`, w.message))
    const remark = [electronicRow(s, item), ...warnings].filter(Boolean).join('；')
    return `<tr><td class="num">${i + 1}</td><td>${itemName(item, p)}</td><td>${kindLabel(item.kind)}</td><td>${p.text(`${item.number} 来源`, itemSource(item))}</td><td>${p.text(`${item.number} 时间`, captureTime(item, tz))}</td><td>${proves}</td><td>${remark}</td></tr>`
  })
  const body = `${listHeading(s, '涉案物品清单', p)}
<table>
<thead><tr><th class="num" style="width:4%">序号</th><th style="width:16%">名称</th><th style="width:9%">类别</th><th style="width:20%">来源</th><th style="width:14%">拍摄/采集时间</th><th>证明内容</th><th style="width:13%">页码/备注</th></tr></thead>
<tbody>
${rows.length ? rows.join('\n') : '<tr><td colspan="7" style="text-align:center">（违法事实尚未关联证据）</td></tr>'}
</tbody>
</table>
<p class="note">时间按案件时区（${p.text('时区', tz)}）显示，括号内为时间来源。本清单所列为电子证据；现场查封、扣押的实物请在备注中列明或另附清单。</p>
${remarksBlock(fields, p)}
${listClosing(s, p)}`
  return { body, problems: p.problems }
}

export function evidenceListBody(s: DocumentSources, fields: TransferDocumentField[]): RenderedBody {
  const p = new PrintedText()
  const tz = s.info.timezone
  let n = 0
  const groups = s.violations.map((v) => {
    const links = activeLinks(v)
    const rows = links.map((l) => {
      n += 1
      const item = s.linkedItems.find((i) => i.id === l.itemId)
      const anchor = p.text(`${l.itemNumber} 引用位置`, linkAnchorInWords(l, s))
      const broken =
        l.problem === 'citation-withdrawn'
          ? '；该引用已撤回'
          : l.problem === 'item-missing'
            ? '；证据缺失'
            : ''
      if (!item)
        return `<tr><td class="num">${n}</td><td>${l.itemNumber}（已不在案件中）</td><td></td><td></td><td></td><td>${p.text(`${v.number} 证明内容`, l.note)}</td><td>${anchor}${broken}</td></tr>`
      return `<tr><td class="num">${n}</td><td>${itemName(item, p)}</td><td>${kindLabel(item.kind)}</td><td>${p.text(`${item.number} 来源`, itemSource(item))}</td><td>${p.text(`${item.number} 时间`, captureTime(item, tz))}</td><td>${p.text(`${v.number} 证明内容`, l.note || '（未说明）')}</td><td>${anchor}${broken}</td></tr>`
    })
    const heading = `<tr><td colspan="7"><strong>${v.number} ${p.text(`${v.number} 名称`, v.title)}</strong></td></tr>`
    return [heading, ...(rows.length ? rows : ['<tr><td colspan="7">（尚未关联证据）</td></tr>'])].join('\n')
  })
  const body = `${listHeading(s, '证据清单', p)}
<table>
<thead><tr><th class="num" style="width:4%">序号</th><th style="width:16%">名称</th><th style="width:9%">类别</th><th style="width:19%">来源</th><th style="width:14%">拍摄/采集时间</th><th>证明内容</th><th style="width:16%">引用位置/备注</th></tr></thead>
<tbody>
${groups.length ? groups.join('\n') : '<tr><td colspan="7" style="text-align:center">（尚未认定违法事实）</td></tr>'}
</tbody>
</table>
<p class="note">时间按案件时区（${p.text('时区', tz)}）显示，括号内为时间来源。每件证据的完整性校验值（SHA-256）见《电子数据提取固定清单》。</p>
${remarksBlock(fields, p)}
${listClosing(s, p)}`
  return { body, problems: [...violationProblems(s, ['evidence', 'links']), ...p.problems] }
}

/** How many rows the evidence list has: one per active link of the transferred violations. */
export function evidenceEntryCount(s: DocumentSources): number {
  return s.violations.reduce((sum, v) => sum + activeLinks(v).length, 0)
}
