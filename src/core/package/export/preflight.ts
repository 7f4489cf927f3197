import { statSync } from 'node:fs'
import type { ExportBlocker } from '../../../shared/package-types'
import type { EvidenceItem } from '../../../shared/types'
import type { Violation } from '../../../shared/violation-types'
import type { CaseFile } from '../../case/case-file'
import { objectPath } from '../../case/layout'
import type { ReadableDB } from '../../db/database'
import { EvidenceError } from '../../errors'
import { listAnnotations } from '../../annotations/annotation-rows'
import { queryItems } from '../../evidence/item-repository'
import { listViolations } from '../../violations'

/**
 * The violations an export carries: every active one, or the chosen ones (by id or number, V1).
 * Throws EvidenceError('not-found') naming a chosen id that is not an active violation.
 */
export function selectViolations(db: ReadableDB, violationIds?: string[]): Violation[] {
  const active = listViolations(db)
  if (!violationIds || violationIds.length === 0) return active
  return violationIds.map((id) => {
    const v = active.find((x) => x.id === id || x.number === id.toUpperCase())
    if (!v) throw new EvidenceError('not-found', `No active violation ${id} in this case.`)
    return v
  })
}

/**
 * The items whose originals go into the package: every original, and each derived item (still,
 * clip) only when something relies on it — an active violation link or a citation on it.
 */
export function selectEvidence(db: ReadableDB): EvidenceItem[] {
  const items = queryItems(db, { sort: 'number' }).items
  const linked = new Set<string>()
  for (const v of listViolations(db)) for (const l of v.links) if (!l.removedAt) linked.add(l.itemId)
  const annotated = new Set(listAnnotations(db).map((a) => a.itemId))
  return items.filter((i) => !i.derivedFrom || linked.has(i.id) || annotated.has(i.id))
}

/**
 * What keeps the case from being exported, from cheap checks only (no hashing): no evidence,
 * confirmed violations without evidence or legal basis, stored originals that are missing or
 * have the wrong size. Empty when the export may start; it re-hashes every original anyway.
 */
export function exportBlockers(file: CaseFile, violationIds?: string[]): ExportBlocker[] {
  const blockers: ExportBlocker[] = []
  const items = selectEvidence(file.db)
  if (items.length === 0)
    blockers.push({
      code: 'no-evidence',
      message: 'The case holds no evidence yet; import the evidence first.',
    })
  for (const v of selectViolations(file.db, violationIds)) {
    // Drafts are still being worked on and are printed as such; confirmed facts must be proved.
    if (v.status === 'draft') continue
    if (!v.links.some((l) => !l.removedAt))
      blockers.push({
        code: 'violation-without-evidence',
        violationId: v.id,
        subject: { number: v.number, title: v.title },
        message: `${v.number} "${v.title}" is confirmed but no evidence is linked to it; link the evidence that proves it, or set it back to draft.`,
      })
    if (v.basis.length === 0)
      blockers.push({
        code: 'violation-without-basis',
        violationId: v.id,
        subject: { number: v.number, title: v.title },
        message: `${v.number} "${v.title}" is confirmed but cites no legal basis; add the provision it violates.`,
      })
  }
  for (const item of items) {
    const problem = objectProblem(file.dir, item)
    if (problem)
      blockers.push({
        code: 'object-bad',
        itemId: item.id,
        subject: { number: item.number, title: item.originalName },
        message: `${item.number} "${item.originalName}": ${problem}; run the integrity check and restore the original from its source.`,
      })
  }
  return blockers
}

function objectProblem(caseDir: string, item: EvidenceItem): string | null {
  try {
    const st = statSync(objectPath(caseDir, item.sha256))
    if (!st.isFile()) return 'the stored original is not a file'
    if (st.size !== item.size) return `the stored original has ${st.size} bytes instead of ${item.size}`
    return null
  } catch {
    return 'the stored original is missing'
  }
}

/** One sentence naming every blocker, for the 'refused' error. */
export function refusalMessage(blockers: ExportBlocker[]): string {
  return `Export refused: ${blockers.map((b) => b.message).join(' ')}`
}
