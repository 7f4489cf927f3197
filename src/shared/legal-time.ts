/**
 * Which provisions were in force on a day, and where the law changed between the act and the
 * decision. Pure date logic on calendar days (YYYY-MM-DD) so the UI and core agree.
 */
import { zoneOffsetMinutes } from './time-zone'
import type { LegalBasisEntry } from './violation-types'

/** The calendar day (YYYY-MM-DD) of an instant in the case's zone. */
export function dayInZone(iso: string | Date, timezone: string): string {
  const ms = typeof iso === 'string' ? Date.parse(iso) : iso.getTime()
  const local = new Date(ms + zoneOffsetMinutes(timezone, ms) * 60_000)
  return local.toISOString().slice(0, 10)
}

/** Whether the provision was in force on `day`; entries without dates (local ones) always are. */
export function inForceOn(
  entry: Pick<LegalBasisEntry, 'effectiveFrom' | 'effectiveTo'>,
  day: string,
): boolean {
  if (entry.effectiveFrom && day < entry.effectiveFrom) return false
  if (entry.effectiveTo && day > entry.effectiveTo) return false
  return true
}

export interface LawChange {
  /** the cited provision in force on the act's day but not on the decision's */
  old: LegalBasisEntry
  /** its counterparts in force on the decision's day */
  replacements: LegalBasisEntry[]
}

/**
 * Where the act and the decision fall on opposite sides of a change in the law: each cited
 * provision that was in force on `actDay`, is no longer in force on `decisionDay`, and has a
 * counterpart that is. These are the cases 从旧兼从轻 (行政处罚法 第三十七条) decides.
 */
export function lawChanges(
  cited: LegalBasisEntry[],
  lookup: (id: string) => LegalBasisEntry | undefined,
  actDay: string,
  decisionDay: string,
): LawChange[] {
  const out: LawChange[] = []
  for (const old of cited) {
    if (!inForceOn(old, actDay) || inForceOn(old, decisionDay)) continue
    const replacements = (old.replacedBy ?? [])
      .map(lookup)
      .filter((e): e is LegalBasisEntry => e !== undefined && inForceOn(e, decisionDay))
    if (replacements.length > 0) out.push({ old, replacements })
  }
  return out
}
