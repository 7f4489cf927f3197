/** 移送案件审批表: the internal approval, with the opinions and signatures of 承办人, 审核人 and 负责人. Never sent. */
import type { TransferDocumentField } from '../../shared/violation-types'
import { caseDate, proseDay } from './document-format'
import type { DocumentSources } from './document-sources'
import { fieldValue } from './document-fields'
import { PrintedText } from './html-layout'
import { citation, crimesOf } from './legal-citation'
import type { RenderedBody } from './transfer-letter'

export function approvalFormBody(s: DocumentSources, fields: TransferDocumentField[]): RenderedBody {
  const p = new PrintedText()
  const f = (key: string) => fieldValue(fields, key)
  const kinds = [
    s.grounds.criminal.length ? `涉嫌犯罪案件移送（涉嫌${crimesOf(s.grounds.criminal).join('、')}）` : '',
    s.grounds.detention.length ? '适用行政拘留案件移送' : '',
  ].filter(Boolean)
  const basis = [...s.grounds.criminal, ...s.grounds.detention].map(citation).join('；')
  const opinion = (label: string, key: string) =>
    `<tr><th>${label}</th><td class="opinion">${f(key) ? p.paragraphs(label, f(key), 'plain') : ''}<div class="sign"><span>签名：<span class="line"></span></span><span>日期：<span class="line short"></span></span></div></td></tr>`
  const body = `
<h1>移送案件审批表</h1>
<p class="doc-number">（内部审批，不随移送书送出）</p>
<table class="kv approval"><tbody>
<tr><th>案件名称</th><td>${p.text('案件名称', s.info.title)}</td></tr>
<tr><th>案件编号</th><td>${p.text('案件编号', s.info.number)}</td></tr>
<tr><th>当事人</th><td>${p.text('当事人', s.info.subject.name || '（未填写）')}</td></tr>
<tr><th>立案日期</th><td>${s.fields.filedOn ? proseDay(s.fields.filedOn) : '（未填写）'}</td></tr>
<tr><th>移送种类</th><td>${kinds.length ? kinds.join('；') : '（无可作为移送依据的条款）'}</td></tr>
<tr><th>违法事实</th><td>${s.violations.length ? s.violations.map((v) => p.text(`${v.number} 名称`, v.title)).join('；') : '（尚未认定）'}</td></tr>
<tr><th>移送依据</th><td>${basis ? p.text('移送依据', basis) : '（无）'}</td></tr>
${opinion('承办人意见', 'handlerOpinion')}
${opinion('审核人意见', 'reviewerOpinion')}
${opinion('负责人意见', 'chiefOpinion')}
</tbody></table>
<p class="note">制表日期：${caseDate(s.now, s.info.timezone)}</p>`
  return { body, problems: p.problems }
}
