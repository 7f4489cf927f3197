import { createContext, useContext } from 'react'

/**
 * True while a package is open for review: every control that would change the case hides or
 * disables itself. Components that write (save, link, withdraw, import, edit) ask `useReadOnly()`.
 */
export const ReadOnlyContext = createContext(false)

export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext)
}
