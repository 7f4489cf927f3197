import type { EvidenceMatrix } from '../../shared/violation-types'
import type { ReadableDB } from '../db/database'
import { queryItems } from '../evidence/item-repository'
import { linkStands } from './link-rows'
import { listViolations } from './violation-store'

/**
 * Active violations × every item of the case. Only links that stand count: a removed link, or
 * one whose citation was withdrawn, proves nothing any more, so it shows as a gap.
 */
export function evidenceMatrix(db: ReadableDB): EvidenceMatrix {
  const violations = listViolations(db)
  const { items } = queryItems(db, { sort: 'number', order: 'asc', limit: 1_000_000 })
  const cells: EvidenceMatrix['cells'] = []
  const provingItems = new Set<string>()
  const violationsWithoutEvidence: string[] = []
  for (const v of violations) {
    const byItem = new Map<string, { links: number; citations: number }>()
    for (const l of v.links.filter(linkStands)) {
      const cell = byItem.get(l.itemId) ?? { links: 0, citations: 0 }
      cell.links += 1
      if (l.annotationId) cell.citations += 1
      byItem.set(l.itemId, cell)
      provingItems.add(l.itemId)
    }
    if (byItem.size === 0) violationsWithoutEvidence.push(v.id)
    for (const [itemId, c] of byItem) cells.push({ violationId: v.id, itemId, ...c })
  }
  return {
    violations: violations.map((v) => ({ id: v.id, number: v.number, title: v.title, status: v.status })),
    items: items.map((i) => ({ id: i.id, number: i.number, originalName: i.originalName, kind: i.kind })),
    cells,
    violationsWithoutEvidence,
    itemsProvingNothing: items.filter((i) => !provingItems.has(i.id)).map((i) => i.id),
  }
}
