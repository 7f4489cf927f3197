import { Fragment, type ReactNode } from 'react'

/**
 * Fills "{{name}}" placeholders of a translated template with React nodes, so user data inside
 * a sentence can keep its own markup (a data-user-data span) without being parsed as markup.
 */
export function interpolateNodes(template: string, values: Record<string, ReactNode>): ReactNode {
  const parts = template.split(/\{\{\s*(\w+)\s*\}\}/)
  // split with one capture group alternates: text, name, text, name, …
  return parts.map((part, i) => <Fragment key={i}>{i % 2 === 1 ? (values[part] ?? '') : part}</Fragment>)
}

/** A value that came from the case, not from the interface. */
export function UserValue({ children }: { children: ReactNode }) {
  return <span data-user-data>{children}</span>
}
