import { createContext, useContext } from 'react'
import type { Channel } from '../../../shared/api'
import { channelWrites } from '../../../shared/channel-effects'

/**
 * True while a package is open for review: every control that would change the case hides or
 * disables itself. Components that write (save, link, withdraw, import, edit) ask `useReadOnly()`,
 * or better `useCan(channel)`, which asks the read/write table the backend enforces.
 */
export const ReadOnlyContext = createContext(false)

export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext)
}

/** Whether the control that calls `channel` is offered: everything in a case, only reads in review. */
export function useCan(channel: Channel): boolean {
  const readOnly = useContext(ReadOnlyContext)
  return !readOnly || !channelWrites(channel)
}
