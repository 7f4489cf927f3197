/**
 * 涉嫌犯罪案件移送书, after 《行政执法机关移送涉嫌犯罪案件的规定》 and 行政处罚法 第二十七条: only
 * for violations that cite a criminal provision; it names the 罪名 and cites 刑法 with the
 * interpretation's item, and never a "尚不构成犯罪的" provision.
 */
import type { DocumentProblem, TransferDocumentField } from '../../shared/violation-types'
import type { DocumentSources } from './document-sources'
import { fieldValue } from './document-fields'
import { PrintedText } from './html-layout'
import { criminalCitations, groundsOf } from './legal-citation'
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
import { violationProblems } from './violation-problems'

export interface RenderedBody {
  body: string
  problems: DocumentProblem[]
}

export function transferLetterBody(s: DocumentSources, fields: TransferDocumentField[]): RenderedBody {
  const p = new PrintedText()
  const f = (key: string) => fieldValue(fields, key)
  const violations = violationsToTransfer(s, 'criminal')
  const procuratorate = f('procuratorate')
  const body = `
<h1>涉嫌犯罪案件移送书</h1>
${letterOpening(p, fields)}
<h2>一、当事人及案件基本情况</h2>
${caseFactsTable(s, p)}
<p class="plain">涉嫌罪名：${p.text('涉嫌罪名', f('suspectedCrime'))}</p>
<h2>二、犯罪嫌疑人及直接责任人员</h2>
${personsTable(s, p, ['suspect', 'manager', 'direct'])}
<h2>三、涉嫌犯罪事实及法律依据</h2>
${violationsTable(s, violations, p, (v) => p.text('法律依据', criminalCitations(groundsOf(s, 'criminal', [v]))))}
<h2>四、附件</h2>
${materialsTable(s, p)}
${letterClosing(s, fields, p, `<p class="cc">抄送：${procuratorate ? p.text('抄送', procuratorate) : '<span class="blank"></span>人民检察院'}</p>`)}`
  return {
    body,
    problems: [
      ...violationProblems({ ...s, violations }, ['basis', 'evidence', 'law']),
      ...caseFactProblems(s, '犯罪嫌疑人或者直接负责的主管人员和其他直接责任人员'),
      ...p.problems,
    ],
  }
}
