/** 涉嫌犯罪案件情况的调查报告 (案件调查报告 for a detention-only transfer): the enterprise, the persons, how the case came and was investigated, each violation with its basis, the choice of law and the evidence. */
import type { TransferDocumentField, Violation } from '../../shared/violation-types'
import { linkAnchorInWords, caseDate, kindLabel, proseTime } from './document-format'
import { basisText } from './legal-citation'
import { personsTable } from './letter-parts'
import type { DocumentSources } from './document-sources'
import { activeLinks } from './document-sources'
import { fieldValue } from './document-fields'
import { issuerBlock, PrintedText } from './html-layout'
import type { RenderedBody } from './transfer-letter'
import { chineseNumber, violationProblems } from './violation-problems'

/** The time of the act as 公文 write it in prose: "2021年5月24日2时至2021年5月24日4时". */
function occurred(v: Violation, timezone: string): string {
  if (v.occurredFrom && v.occurredTo)
    return `${proseTime(v.occurredFrom, timezone)}至${proseTime(v.occurredTo, timezone)}`
  if (v.occurredFrom) return `${proseTime(v.occurredFrom, timezone)}起`
  if (v.occurredTo) return `至${proseTime(v.occurredTo, timezone)}`
  return '未认定'
}

function violationSection(s: DocumentSources, v: Violation, index: number, p: PrintedText): string {
  const tz = s.info.timezone
  const basis = v.basis.map((id) => s.basis.get(id)).filter((b) => b !== undefined)
  const basisTable = basis.length
    ? `<table><thead><tr><th style="width:30%">法律</th><th style="width:18%">条款</th><th>条文</th></tr></thead><tbody>
${basis
  .map(
    (b) =>
      `<tr><td>${p.text(`${v.number} 法律依据`, b.law)}</td><td>${p.text(`${v.number} 法律依据`, b.article)}</td><td>${basisText(b, p, `${v.number} 法律依据`)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
    : '<p class="plain">法律依据：（尚未选择——本报告为草稿）</p>'
  const choice = s.lawChoices.get(v.id)
  const lawChoice = choice
    ? `<p class="plain">法律适用：违法行为发生后有关规定已修改，依照《中华人民共和国行政处罚法》第三十七条（从旧兼从轻）的规定，适用${choice.chosen === 'old' ? '违法行为发生时' : '作出决定时'}的规定。理由：${p.text(`${v.number} 法律适用理由`, choice.reason)}</p>`
    : ''
  const links = activeLinks(v)
  const evidenceTable = links.length
    ? `<table><thead><tr><th class="num">证据编号</th><th style="width:22%">名称</th><th style="width:36%">证明内容</th><th>引用位置</th></tr></thead><tbody>
${links
  .map((l) => {
    const item = s.linkedItems.find((i) => i.id === l.itemId)
    const name = item
      ? `${kindLabel(item)}：${p.text(`${l.itemNumber} 文件名`, item.originalName)}`
      : '（证据已不在案件中）'
    const broken =
      l.problem === 'citation-withdrawn'
        ? '（该引用已撤回）'
        : l.problem === 'item-missing'
          ? '（证据缺失）'
          : ''
    return `<tr><td class="num">${l.itemNumber}</td><td>${name}</td><td>${p.text(`${v.number} 证明内容`, l.note || '（未说明）')}</td><td>${p.text(`${l.itemNumber} 引用位置`, linkAnchorInWords(l, s))}${broken}</td></tr>`
  })
  .join('\n')}
</tbody></table>`
    : '<p class="plain">证据：（尚未关联证据——本报告为草稿）</p>'
  return `
<h3>（${chineseNumber(index + 1)}）${p.text(`${v.number} 名称`, v.title)}</h3>
<p class="plain">发生时间：${p.text(`${v.number} 发生时间`, occurred(v, tz))}${v.place ? `；地点：${p.text(`${v.number} 地点`, v.place)}` : ''}</p>
${v.subject.name && v.subject.name !== s.info.subject.name ? `<p class="plain">行为人：${p.text(`${v.number} 当事人`, v.subject.name)}</p>` : ''}
${v.facts ? p.paragraphs(`${v.number} 违法事实`, v.facts) : '<p class="para">（违法事实尚未填写）</p>'}
<p class="plain">法律依据：</p>
${basisTable}
${lawChoice}
<p class="plain">证据：</p>
${evidenceTable}`
}

export function investigationReportBody(s: DocumentSources, fields: TransferDocumentField[]): RenderedBody {
  const p = new PrintedText()
  const f = (key: string) => fieldValue(fields, key)
  const info = s.info
  const subject = info.subject
  const remarks = f('remarks')
  const title = s.grounds.criminal.length ? '涉嫌犯罪案件情况的调查报告' : '案件调查报告'
  const body = `
<h1>${title}</h1>
<p class="doc-number">案件编号：${p.text('案件编号', info.number)}</p>
<h2>一、当事人基本情况</h2>
<table class="kv"><tbody>
<tr><th>名称</th><td>${p.text('当事人', subject.name || '（未填写）')}</td></tr>
<tr><th>统一社会信用代码</th><td>${p.text('统一社会信用代码', subject.creditCode || '（无）')}</td></tr>
<tr><th>住所</th><td>${p.text('住所', subject.address || '（未填写）')}</td></tr>
<tr><th>法定代表人</th><td>${p.text('法定代表人', subject.legalRep || '（未填写）')}</td></tr>
</tbody></table>
<p class="plain">犯罪嫌疑人及直接负责的主管人员和其他直接责任人员：</p>
${personsTable(s, p, ['suspect', 'manager', 'direct'])}
<h2>二、案件来源</h2>
${p.paragraphs('案件来源', f('caseSource'))}
<h2>三、调查经过</h2>
${p.paragraphs('调查经过', f('investigation'))}
<h2>四、违法事实、法律依据及证据</h2>
${p.paragraphs('违法事实概述', f('facts'))}
${s.violations.map((v, i) => violationSection(s, v, i, p)).join('\n')}
<h2>五、调查结论及处理意见</h2>
${p.paragraphs('调查结论及处理意见', f('conclusion'))}
<h2>六、调查人员</h2>
<table><thead><tr><th class="num">序号</th><th>姓名</th><th>执法证号</th></tr></thead><tbody>
${info.officers.map((o, i) => `<tr><td class="num">${i + 1}</td><td>${p.text('执法人员', o.name)}</td><td>${p.text('执法证号', o.certNo)}</td></tr>`).join('\n')}
</tbody></table>
${remarks ? `<h2>七、备注</h2>${p.paragraphs('备注', remarks)}` : ''}
<div class="closing keep">
${issuerBlock(p.text('调查单位', info.unit || '（调查单位）'), caseDate(s.now, info.timezone))}
</div>`
  return { body, problems: [...violationProblems(s, ['basis', 'evidence', 'links', 'law']), ...p.problems] }
}
