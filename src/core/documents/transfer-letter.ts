/** 涉嫌犯罪案件移送书, after 《行政执法机关移送涉嫌犯罪案件的规定》 and the 2017 衔接工作办法. */
import type { DocumentProblem, TransferDocumentField } from '../../shared/violation-types'
import { caseDate } from './document-format'
import type { DocumentSources } from './document-sources'
import { fieldValue } from './document-fields'
import { issuerBlock, PrintedText, signatureLines } from './html-layout'
import { violationProblems } from './violation-problems'

export interface RenderedBody {
  body: string
  problems: DocumentProblem[]
}

export interface AttachmentCounts {
  seizedItems: number
  evidenceEntries: number
  electronicItems: number
  electronicBytes: number
}

export function transferLetterBody(
  s: DocumentSources,
  fields: TransferDocumentField[],
  counts: AttachmentCounts,
): RenderedBody {
  const p = new PrintedText()
  const f = (key: string) => fieldValue(fields, key)
  const info = s.info
  const docNumber = f('docNumber')
  const addressee = f('addressee')
  const crime = f('suspectedCrime')
  const basis = [...new Set(s.violations.flatMap((v) => v.basis))]
    .map((id) => s.basis.get(id))
    .filter((b) => b !== undefined)
  const basisHtml = basis.length
    ? basis.map((b) => `${p.text('法律依据', b.law)}${p.text('法律依据', b.article)}`).join('；')
    : '（尚未选择法律依据）'
  const row = (label: string, value: string) => `<tr><th>${label}</th><td>${value}</td></tr>`
  const attachments: Array<[string, string]> = [
    ['涉嫌犯罪案件情况的调查报告', '1 份'],
    ['涉案物品清单', `${counts.seizedItems} 项`],
    ['证据清单', `${counts.evidenceEntries} 项`],
    [
      '电子数据提取固定清单',
      `${counts.electronicItems} 项（原始电子数据 ${counts.electronicItems} 件，共 ${counts.electronicBytes} 字节）`,
    ],
  ]
  const remarks = f('remarks')
  const contact = f('contact')
  const body = `
<h1>涉嫌犯罪案件移送书</h1>
<p class="doc-number">${docNumber ? p.text('文号', docNumber) : '〔　　　　〕　　　号'}</p>
<p class="addressee">${addressee ? p.text('受移送机关', addressee) : '<span class="blank"></span>'}：</p>
${p.paragraphs('正文', f('body'))}
<table class="kv">
<tbody>
${row('案件编号', p.text('案件编号', info.number))}
${row('案件名称', p.text('案件名称', info.title))}
${row('当事人', p.text('当事人', info.subject.name || '（未填写）'))}
${row('统一社会信用代码', p.text('统一社会信用代码', info.subject.creditCode || '（无）'))}
${row('法定代表人', p.text('法定代表人', info.subject.legalRep || '（未填写）'))}
${row('住所', p.text('住所', info.subject.address || '（未填写）'))}
${row('涉嫌罪名', p.text('涉嫌罪名', crime))}
${row('违法事实', s.violations.length ? s.violations.map((v) => `${v.number} ${p.text(`${v.number} 违法事实`, v.title)}`).join('<br>') : '（尚未认定）')}
${row('法律依据', basisHtml)}
</tbody>
</table>
<h2>附件：移送材料清单</h2>
<table>
<thead><tr><th class="num">序号</th><th>材料名称</th><th>数量</th></tr></thead>
<tbody>
${attachments.map(([name, n], i) => `<tr><td class="num">${i + 1}</td><td>${name}</td><td>${n}</td></tr>`).join('\n')}
</tbody>
</table>
${remarks ? `<p class="plain">备注：</p>${p.paragraphs('备注', remarks)}` : ''}
<div class="closing">
${issuerBlock(p.text('移送单位', info.unit || '（移送单位）'), caseDate(s.now, info.timezone))}
${signatureLines()}
<p class="plain">联系人及联系电话：${contact ? p.text('联系人及联系电话', contact) : '<span class="blank"></span>'}</p>
<p class="cc">抄送：<span class="blank"></span>人民检察院</p>
</div>`
  return { body, problems: [...violationProblems(s, ['basis', 'evidence']), ...p.problems] }
}
