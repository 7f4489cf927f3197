import type { ReactNode } from 'react'

/** The backend's match markers (private-use characters, so no evidence text can forge them). */
const MARK_START = '\uE000'
const MARK_END = '\uE001'

/**
 * A snippet as text with each marked match in a <mark>: React elements, never HTML, so text in
 * evidence can never become markup. An unclosed marker runs to the end of the snippet.
 */
export function Snippet({ text }: { text: string }) {
  const parts: ReactNode[] = []
  let rest = text
  for (let i = 0; rest.length > 0; i++) {
    const start = rest.indexOf(MARK_START)
    if (start < 0) {
      parts.push(rest)
      break
    }
    if (start > 0) parts.push(rest.slice(0, start))
    const after = rest.slice(start + 1)
    const end = after.indexOf(MARK_END)
    parts.push(<mark key={i}>{end < 0 ? after : after.slice(0, end)}</mark>)
    rest = end < 0 ? '' : after.slice(end + 1)
  }
  return (
    <span className="cs-snippet" data-user-data>
      {parts}
    </span>
  )
}
