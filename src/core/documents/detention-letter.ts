/**
 * 涉嫌环境违法适用行政拘留处罚案件移送书, after 《行政主管部门移送适用行政拘留环境违法案件暂行
 * 办法》(公治〔2014〕853号) and the detention articles (环境保护法 第六十三条, 固体废物污染环境
 * 防治法 第一百二十条, and their 生态环境法典 counterparts): for violations citing a detention
 * provision, naming the persons to be detained.
 */
import type { TransferDocumentField } from '../../shared/violation-types'
import type { DocumentSources } from './document-sources'
import { PrintedText } from './html-layout'
import { citation, groundsOf } from './legal-citation'
import {
  caseFactProblems,
  caseFactsTable,
  letterClosing,
  personsTable,
  letterOpening,
  violationsTable,
  violationsToTransfer,
} from './letter-parts'
import { materialsTable } from './materials'
import type { RenderedBody } from './transfer-letter'
import { violationProblems } from './violation-problems'

export function detentionLetterBody(s: DocumentSources, fields: TransferDocumentField[]): RenderedBody {
  const p = new PrintedText()
  const violations = violationsToTransfer(s, 'detention')
  const penalty = s.attachments.filter((a) => a.kind === 'penalty-decision')
  const body = `
<h1 class="long">涉嫌环境违法适用行政拘留处罚案件移送书</h1>
${letterOpening(p, fields)}
<h2>一、当事人及案件基本情况</h2>
${caseFactsTable(s, p)}
<p class="plain">行政处罚决定：${penalty.length ? penalty.map((a) => p.text('行政处罚决定书', `${a.title}${a.reference ? `（${a.reference}）` : ''}`)).join('；') : '（尚未登记行政处罚决定书）'}</p>
<h2>二、直接负责的主管人员和其他直接责任人员</h2>
${personsTable(s, p, ['manager', 'direct', 'suspect'])}
<h2>三、违法事实及适用行政拘留的法律依据</h2>
${violationsTable(s, violations, p, (v) => p.text('法律依据', groundsOf(s, 'detention', [v]).map(citation).join('；')))}
<h2>四、附件</h2>
${materialsTable(s, p)}
${letterClosing(s, fields, p)}`
  const problems = [
    ...violationProblems({ ...s, violations }, ['basis', 'evidence', 'law']),
    ...caseFactProblems(s, '直接负责的主管人员和其他直接责任人员'),
    ...p.problems,
  ]
  if (penalty.length === 0)
    problems.push({
      code: 'missing-field',
      field: 'attachments',
      message: '适用行政拘留的案件应当先依法作出行政处罚决定：请登记行政处罚决定书（扫描件或纸质页数）。',
    })
  return { body, problems }
}
