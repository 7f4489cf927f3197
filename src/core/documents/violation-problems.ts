/** What keeps the transferred violations from being ready: no legal basis, no evidence, broken links. */
import type { DocumentProblem } from '../../shared/violation-types'
import type { DocumentSources } from './document-sources'
import { activeLinks } from './document-sources'

export type ProblemScope = 'basis' | 'evidence' | 'links'

export function violationProblems(s: DocumentSources, scopes: ProblemScope[]): DocumentProblem[] {
  const problems: DocumentProblem[] = []
  if (s.violations.length === 0 && scopes.includes('basis'))
    problems.push({ code: 'no-legal-basis', message: '尚未认定任何违法事实，移送缺少违法事实及其法律依据。' })
  for (const v of s.violations) {
    if (scopes.includes('basis') && v.basis.filter((id) => s.basis.has(id)).length === 0)
      problems.push({
        code: 'no-legal-basis',
        violationId: v.id,
        message: `违法事实 ${v.number}「${v.title}」没有法律依据，请在违法事实中选择法律条款。`,
      })
    const links = activeLinks(v)
    if (scopes.includes('evidence') && links.length === 0)
      problems.push({
        code: 'no-evidence',
        violationId: v.id,
        message: `违法事实 ${v.number}「${v.title}」没有关联任何证据。`,
      })
    if (scopes.includes('links'))
      for (const l of links.filter((x) => x.problem))
        problems.push({
          code: 'link-broken',
          violationId: v.id,
          message: `违法事实 ${v.number} 引用的证据 ${l.itemNumber}${l.problem === 'citation-withdrawn' ? ' 的引用已被撤回' : ' 已不在案件中'}，请重新关联或解除关联。`,
        })
  }
  return problems
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 12 → 十二, 23 → 二十三: section numbers as official documents write them (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`
}
