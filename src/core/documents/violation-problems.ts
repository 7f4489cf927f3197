/** What keeps the transferred violations from being ready: no legal basis, no evidence, broken links, the law in time. */
import { inForceOn, lawChanges } from '../../shared/legal-time'
import { dayInZone } from '../../shared/legal-time'
import type { DocumentProblem, LegalBasisEntry } from '../../shared/violation-types'
import type { DocumentSources } from './document-sources'
import { activeLinks } from './document-sources'
import { citation } from './legal-citation'

export type ProblemScope = 'basis' | 'evidence' | 'links' | 'law'

export function violationProblems(s: DocumentSources, scopes: ProblemScope[]): DocumentProblem[] {
  const problems: DocumentProblem[] = []
  if (s.violations.length === 0 && scopes.includes('basis'))
    problems.push({ code: 'no-legal-basis', message: '尚未认定任何违法事实，移送缺少违法事实及其法律依据。' })
  for (const v of s.violations) {
    const cited = v.basis.map((id) => s.basis.get(id)).filter((b): b is LegalBasisEntry => b !== undefined)
    if (scopes.includes('basis') && cited.length === 0)
      problems.push({
        code: 'no-legal-basis',
        violationId: v.id,
        message: `违法事实 ${v.number}「${v.title}」没有法律依据，请在违法事实中选择法律条款。`,
      })
    if (scopes.includes('law')) problems.push(...lawProblems(s, v, cited))
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

/** The law in time: provisions not yet (or no longer) in force on the act's day, a missing 从旧兼从轻 choice, unchecked texts. */
function lawProblems(
  s: DocumentSources,
  v: DocumentSources['violations'][number],
  cited: LegalBasisEntry[],
): DocumentProblem[] {
  const out: DocumentProblem[] = []
  const choice = s.lawChoices.get(v.id)
  const actDay = v.occurredFrom ? dayInZone(v.occurredFrom, s.info.timezone) : null
  if (actDay) {
    for (const b of cited) {
      const chosenNew = choice?.chosen === 'new' && choice.newIds.includes(b.id)
      if (!inForceOn(b, actDay) && !chosenNew)
        out.push({
          code: 'basis-not-in-force',
          violationId: v.id,
          message: `违法事实 ${v.number} 引用的${citation(b)}在违法行为发生之日（${actDay}）不在施行期内，请改选当时有效的条款，或按从旧兼从轻原则记录选择。`,
        })
    }
    const changes = lawChanges(cited, s.lookup, actDay, s.today)
    const decided = choice?.chosen === 'old' && changes.every((c) => choice.oldIds.includes(c.old.id))
    if (changes.length > 0 && !decided)
      out.push({
        code: 'law-choice-missing',
        violationId: v.id,
        message: `违法事实 ${v.number} 的行为发生于${actDay}，作出决定时（${s.today}）${changes.map((c) => citation(c.old)).join('、')}已被${[...new Set(changes.flatMap((c) => c.replacements.map(citation)))].join('、')}取代：请按从旧兼从轻原则选择适用的规定并记录理由。`,
      })
  }
  for (const b of cited.filter((x) => (x.textStatus ?? 'summary') === 'unverified'))
    out.push({
      code: 'unverified-text',
      violationId: v.id,
      message: `违法事实 ${v.number} 引用的${citation(b)}条文尚未与公布文本逐字核对，移送前请依据官方文本核对。`,
    })
  return out
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 12 → 十二, 23 → 二十三: section numbers as official documents write them (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`
}
