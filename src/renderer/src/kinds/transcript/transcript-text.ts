/**
 * Character offsets into a transcript's `view.text`, the string quotes are anchored to. Every
 * piece of record text on screen is a span carrying `data-start` (its offset in view.text) whose
 * only child is a text node equal to view.text.slice(start, start + length), so a DOM selection
 * maps back to exact offsets. Labels and numbers carry no data-start and are never counted.
 */
import type { TranscriptView } from '../../../../shared/types'

/** A run of record text; `start` is null when it cannot be placed in view.text (then it is not citable). */
export interface Part {
  start: number | null
  text: string
}

export interface Mark {
  start: number
  end: number
  kind: 'hit' | 'current' | 'quote'
}

export interface Piece {
  start: number | null
  text: string
  kinds: Mark['kind'][]
}

/** A turn's question or answer, placed at its offset only when the text there is exactly the same. */
export function placePart(view: TranscriptView, text: string, start: number | null): Part {
  if (start !== null && view.text.slice(start, start + text.length) === text) return { start, text }
  return { start: null, text }
}

/** Splits a part at every mark boundary, so each piece has one set of highlight kinds. */
export function splitPart(part: Part, marks: Mark[]): Piece[] {
  if (part.start === null || part.text === '') return [{ ...part, kinds: [] }]
  const from = part.start
  const to = from + part.text.length
  const inside = marks.filter((m) => m.end > from && m.start < to)
  const cuts = new Set([from, to])
  for (const m of inside) {
    cuts.add(Math.max(from, m.start))
    cuts.add(Math.min(to, m.end))
  }
  const points = [...cuts].sort((a, b) => a - b)
  const pieces: Piece[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]]
    const kinds = inside.filter((m) => m.start <= s && m.end >= e).map((m) => m.kind)
    pieces.push({ start: s, text: part.text.slice(s - from, e - from), kinds })
  }
  return pieces
}

/** Every case-insensitive occurrence of `query` inside the citable parts, in text order. */
export function findMatches(parts: Part[], query: string): Array<{ start: number; end: number }> {
  const q = query.trim().toLocaleLowerCase()
  if (!q) return []
  const hits: Array<{ start: number; end: number }> = []
  for (const p of parts) {
    if (p.start === null) continue
    const hay = p.text.toLocaleLowerCase()
    // toLocaleLowerCase keeps lengths for CJK and ASCII; guard anyway so offsets never drift
    if (hay.length !== p.text.length) continue
    for (let i = hay.indexOf(q); i !== -1; i = hay.indexOf(q, i + q.length))
      hits.push({ start: p.start + i, end: p.start + i + q.length })
  }
  return hits.sort((a, b) => a.start - b.start)
}

function isMapped(node: Node): node is Text {
  return node.nodeType === Node.TEXT_NODE && node.parentElement?.dataset.start !== undefined
}

/** The mapped text nodes under root, in document order. */
function mappedTextNodes(root: HTMLElement): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  const nodes: Text[] = []
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (isMapped(n)) nodes.push(n)
  return nodes
}

const startOf = (t: Text): number => Number(t.parentElement!.dataset.start)

/**
 * A DOM boundary point as an offset in view.text. Inside a mapped text node it is exact; elsewhere
 * (a label, a gap, an element boundary after a triple-click) it snaps to the next mapped text.
 */
function boundaryOffset(nodes: Text[], container: Node, offset: number): number | null {
  if (isMapped(container)) return startOf(container) + Math.min(offset, container.data.length)
  const point = document.createRange()
  point.setStart(container, offset)
  for (const t of nodes) if (point.comparePoint(t, 0) >= 0) return startOf(t)
  const last = nodes[nodes.length - 1]
  return last ? startOf(last) + last.data.length : null
}

/**
 * The current selection inside `root` as [start, end) in view.text, or null when nothing citable
 * is selected. The caller checks the result against view.text before saving.
 */
export function selectionOffsets(
  root: HTMLElement,
  selection: Selection | null,
): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!root.contains(range.commonAncestorContainer)) return null
  const nodes = mappedTextNodes(root)
  const start = boundaryOffset(nodes, range.startContainer, range.startOffset)
  const end = boundaryOffset(nodes, range.endContainer, range.endOffset)
  if (start === null || end === null || end <= start) return null
  return { start, end }
}

/** A quote's text with outer white space trimmed, and its offsets moved to match. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = start
  let e = end
  while (s < e && /\s/.test(text[s])) s++
  while (e > s && /\s/.test(text[e - 1])) e--
  return { start: s, end: e }
}
