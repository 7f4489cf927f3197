/**
 * A sentence as segments: the interface's own words (strings) and values that came from the case
 * ({ user }), so the screen can mark user data (a language check skips it) and the HTML reports
 * can escape it, while all of them say the same words.
 */
export type Segment = string | { user: string }
export type Sentence = Segment[]

/** "{{name}}" placeholders of a template filled with segments. */
export function fill(template: string, values: Record<string, Segment | Sentence>): Sentence {
  const parts = template.split(/\{\{\s*(\w+)\s*\}\}/)
  const out: Sentence = []
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      if (part) out.push(part)
      return
    }
    const v = values[part]
    if (v === undefined) return
    if (Array.isArray(v)) out.push(...v)
    else out.push(v)
  })
  return out
}

/** The sentence as plain text (user values as they are). */
export function sentenceText(s: Sentence): string {
  return s.map((x) => (typeof x === 'string' ? x : x.user)).join('')
}

/** The sentence as HTML, every part escaped. */
export function sentenceHtml(s: Sentence, esc: (t: string) => string): string {
  return s.map((x) => esc(typeof x === 'string' ? x : x.user)).join('')
}
