/** 证据清单 (one row per citation, with the legal 证据种类) and 涉案物品清单 (seized physical things only). */
import type { TransferDocumentField } from '../../shared/violation-types'
import { linkAnchorInWords, captureTime, caseDate, itemOrigin } from './document-format'
import type { DocumentSources } from './document-sources'
import { activeLinks } from './document-sources'
import { fieldValue } from './document-fields'
import { categoryBasis, categoryNote, evidenceCategory, type EvidenceRegime } from './evidence-category'
import { issuerBlock, PrintedText } from './html-layout'
import type { RenderedBody } from './transfer-letter'
import { violationProblems } from './violation-problems'

/** The heading every list shares: title, case number, party, date. */
export function listHeading(s: DocumentSources, title: string, p: PrintedText): string {
  return `<h1>${title}</h1>
<p class="doc-number">案件编号：${p.text('案件编号', s.info.number)}　当事人：${p.text('当事人', s.info.subject.name || '（未填写）')}　制表日期：${caseDate(s.now, s.info.timezone)}</p>`
}

/** The unit that made the list, with the seal placeholder, kept with the remarks above it. */
export function listClosing(s: DocumentSources, fields: TransferDocumentField[], p: PrintedText): string {
  const remarks = fieldValue(fields, 'remarks')
  return `<div class="keep">
${remarks ? `<p class="plain">备注：</p>${p.paragraphs('备注', remarks)}` : ''}
<div class="closing">
${issuerBlock(`制表单位：${p.text('制表单位', s.info.unit || '（制表单位）')}`, caseDate(s.now, s.info.timezone))}
</div>
</div>`
}

/** Criminal when any transferred violation cites a criminal provision. */
export function regimeOf(s: DocumentSources): EvidenceRegime {
  return s.grounds.criminal.length ? 'criminal' : 'administrative'
}

export function evidenceListBody(s: DocumentSources, fields: TransferDocumentField[]): RenderedBody {
  const p = new PrintedText()
  const tz = s.info.timezone
  const regime = regimeOf(s)
  let n = 0
  const rows = s.violations.flatMap((v) => {
    const links = activeLinks(v)
    if (links.length === 0)
      return [
        `<tr><td class="num"></td><td class="num">${v.number}</td><td colspan="6">（尚未关联证据）</td></tr>`,
      ]
    return links.map((l) => {
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
        return `<tr><td class="num">${n}</td><td class="num">${v.number}</td><td class="num">${l.itemNumber}</td><td>（已不在案件中）</td><td></td><td></td><td>${p.text(`${v.number} 证明内容`, l.note)}</td><td>${anchor}${broken}</td></tr>`
      const note = categoryNote(item)
      return `<tr><td class="num">${n}</td><td class="num">${v.number}</td><td class="num">${item.number}</td><td>${p.text(`${item.number} 来源`, itemOrigin(item))}</td><td>${evidenceCategory(item.kind, regime)}${note ? `<br><span class="unverified">${p.text(`${item.number} 说明`, note)}</span>` : ''}</td><td>${p.text(`${item.number} 时间`, captureTime(item, tz))}</td><td>${p.text(`${v.number} 证明内容`, l.note || '（未说明）')}</td><td>${anchor}${broken}</td></tr>`
    })
  })
  const body = `${listHeading(s, '证据清单', p)}
<table>
<thead><tr><th class="num" style="width:4%">序号</th><th class="num" style="width:5%">违法事实</th><th class="num" style="width:6%">证据编号</th><th style="width:20%">证据名称及来源</th><th style="width:12%">证据种类</th><th style="width:13%">拍摄/采集时间</th><th>证明内容</th><th style="width:15%">引用位置/备注</th></tr></thead>
<tbody>
${rows.length ? rows.join('\n') : '<tr><td colspan="8" style="text-align:center">（尚未认定违法事实）</td></tr>'}
</tbody>
</table>
<p class="note">${categoryBasis(regime)}时间按案件时区（${p.text('时区', tz)}）显示，括号内为时间来源。每件电子证据的完整性校验值（SHA-256）见《电子数据清单》。</p>
${listClosing(s, fields, p)}`
  return { body, problems: [...violationProblems(s, ['evidence', 'links']), ...p.problems] }
}

export function seizedItemsListBody(s: DocumentSources, fields: TransferDocumentField[]): RenderedBody {
  const p = new PrintedText()
  const rows = s.seizedItems.map(
    (x, i) =>
      `<tr><td class="num">${i + 1}</td><td>${p.text('物品名称', x.name)}</td><td>${p.text('规格/特征', x.spec)}</td><td class="right">${x.quantity}</td><td>${p.text('单位', x.unit)}</td><td>${p.text('存放地点', x.storagePlace)}</td><td>${p.text('查封扣押决定书文号', x.decisionNumber)}</td></tr>`,
  )
  const body = `${listHeading(s, '涉案物品清单', p)}
<table>
<thead><tr><th class="num" style="width:5%">序号</th><th style="width:18%">名称</th><th style="width:22%">规格/特征</th><th style="width:8%">数量</th><th style="width:7%">单位</th><th style="width:20%">存放地点</th><th>查封扣押决定书文号</th></tr></thead>
<tbody>
${rows.length ? rows.join('\n') : '<tr><td colspan="7" style="text-align:center">（本案无查封、扣押的涉案物品）</td></tr>'}
</tbody>
</table>
<p class="note">本清单仅列查封、扣押的实物；电子数据列于《电子数据清单》。</p>
${listClosing(s, fields, p)}`
  return { body, problems: p.problems }
}
