import type { AnnotationType, Officer } from '../../shared/types'
import type { LinkProblem, ViolationLink } from '../../shared/violation-types'
import type { ReadableDB } from '../db/database'

/** A link row joined with what it points at now, so a withdrawn citation shows on the link. */
interface LinkRow {
  id: string
  violation_id: string
  item_id: string
  annotation_id: string | null
  anchor_json: string | null
  note: string
  created_at: string
  created_by_json: string
  removed_at: string | null
  removed_reason: string | null
  item_number: string | null
  annotation_type: AnnotationType | null
  annotation_withdrawn_at: string | null
}

const LINK_SELECT = `
  SELECT l.*, i.number AS item_number, a.type AS annotation_type, a.withdrawn_at AS annotation_withdrawn_at
  FROM violation_links l
  LEFT JOIN items i ON i.id = l.item_id
  LEFT JOIN annotations a ON a.id = l.annotation_id`

function linkProblem(r: LinkRow): LinkProblem | null {
  if (r.item_number === null) return 'item-missing'
  if (r.annotation_id !== null && (r.annotation_type === null || r.annotation_withdrawn_at !== null))
    return 'citation-withdrawn'
  return null
}

function rowToLink(r: LinkRow): ViolationLink {
  return {
    id: r.id,
    violationId: r.violation_id,
    itemId: r.item_id,
    itemNumber: r.item_number ?? '',
    annotationId: r.annotation_id,
    annotationType: r.annotation_type,
    anchor: r.anchor_json ? (JSON.parse(r.anchor_json) as Record<string, unknown>) : null,
    note: r.note,
    createdAt: r.created_at,
    createdBy: JSON.parse(r.created_by_json) as Officer,
    removedAt: r.removed_at,
    removedReason: r.removed_reason,
    problem: linkProblem(r),
  }
}

/** All links (active and removed) of the case, oldest first, grouped by violation id. */
export function linksByViolation(db: ReadableDB): Map<string, ViolationLink[]> {
  const rows = db.prepare(`${LINK_SELECT} ORDER BY l.created_at, l.rowid`).all() as LinkRow[]
  const out = new Map<string, ViolationLink[]>()
  for (const r of rows) {
    const list = out.get(r.violation_id) ?? []
    list.push(rowToLink(r))
    out.set(r.violation_id, list)
  }
  return out
}

/** The links of one violation, oldest first. */
export function linksOf(db: ReadableDB, violationId: string): ViolationLink[] {
  return (
    db
      .prepare(`${LINK_SELECT} WHERE l.violation_id = ? ORDER BY l.created_at, l.rowid`)
      .all(violationId) as LinkRow[]
  ).map(rowToLink)
}

export function getLink(db: ReadableDB, id: string): ViolationLink | null {
  const row = db.prepare(`${LINK_SELECT} WHERE l.id = ?`).get(id) as LinkRow | undefined
  return row ? rowToLink(row) : null
}

/** A link still relied on: not removed, and its item and citation still stand. */
export function linkStands(l: ViolationLink): boolean {
  return l.removedAt === null && l.problem === null
}
