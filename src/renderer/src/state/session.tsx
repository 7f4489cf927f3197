import { createContext, useContext } from 'react'
import type { AppInfo, CaseInfo, Profile } from '../../../shared/types'

/** What every screen may need: the app, the officer at the keyboard, and the open case. */
export interface Session {
  info: AppInfo
  profile: Profile | null
  currentCase: CaseInfo | null
  setProfile(profile: Profile): void
  setCase(info: CaseInfo | null): void
}

export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside SessionContext')
  return session
}

/** The open case; only for screens inside the case frame. */
export function useCurrentCase(): CaseInfo {
  const { currentCase } = useSession()
  if (!currentCase) throw new Error('useCurrentCase without an open case')
  return currentCase
}
