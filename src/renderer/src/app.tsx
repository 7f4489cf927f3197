import { useEffect, useMemo, useState } from 'react'
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../shared/errors'
import type { AppInfo, CaseInfo, Profile } from '../../shared/types'
import { api } from './api'
import { ErrorAlert } from './components/error-alert'
import { useLanguage } from './hooks/use-language'
import { asApiError } from './lib/errors'
import { theme } from './theme'
import { CaseFrame } from './screens/case-frame'
import { NewCaseScreen } from './screens/new-case-screen'
import { ProfileScreen } from './screens/profile-screen'
import { StartScreen } from './screens/start-screen'
import { JobsProvider } from './state/jobs'
import { SessionContext, type Session } from './state/session'

type Boot =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; info: AppInfo; profile: Profile | null; currentCase: CaseInfo | null }

/** Everything the first screen depends on; never throws, so a failure becomes a screen with "try again". */
async function fetchBoot(): Promise<Boot> {
  try {
    // The backend may already hold an open case (browser mode started with a case folder).
    const [info, profile, currentCase] = await Promise.all([
      api.invoke('app:info', {}),
      api.invoke('profile:get', {}),
      api.invoke('case:current', {}),
    ])
    return { status: 'ready', info, profile, currentCase }
  } catch (err) {
    return { status: 'failed', error: asApiError(err) }
  }
}

/** Providers: antd's own texts (pagination, empty tables…) follow the UI language too. */
export function App() {
  const [language] = useLanguage()
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <JobsProvider>
          <Root />
        </JobsProvider>
      </AntApp>
    </ConfigProvider>
  )
}

function Root() {
  const { t } = useTranslation()
  const [boot, setBoot] = useState<Boot>({ status: 'loading' })
  const [view, setView] = useState<'start' | 'new-case'>('start')

  useEffect(() => {
    void fetchBoot().then(setBoot)
  }, [])

  const session = useMemo<Session | null>(() => {
    if (boot.status !== 'ready') return null
    return {
      info: boot.info,
      profile: boot.profile,
      currentCase: boot.currentCase,
      setProfile: (profile) => setBoot({ ...boot, profile }),
      setCase: (currentCase) => {
        setView('start')
        setBoot({ ...boot, currentCase })
      },
    }
  }, [boot])

  const caseNumber = session?.currentCase?.number
  useEffect(() => {
    document.title = caseNumber ? `${caseNumber} — ${t('app.name')}` : t('app.name')
  }, [caseNumber, t])

  if (boot.status === 'loading') {
    return (
      <div className="boot">
        <Spin size="large" description={t('app.loading')}>
          <div className="boot-spacer" />
        </Spin>
      </div>
    )
  }
  if (boot.status === 'failed' || !session) {
    return (
      <div className="boot">
        <Result
          status="warning"
          title={t('app.startFailed')}
          extra={
            <Button
              type="primary"
              onClick={() => {
                setBoot({ status: 'loading' })
                void fetchBoot().then(setBoot)
              }}
            >
              {t('app.retry')}
            </Button>
          }
        >
          {boot.status === 'failed' && <ErrorAlert error={boot.error} />}
        </Result>
      </div>
    )
  }

  let screen
  if (!session.profile) screen = <ProfileScreen />
  else if (session.currentCase) screen = <CaseFrame key={session.currentCase.id} />
  else if (view === 'new-case') screen = <NewCaseScreen onCancel={() => setView('start')} />
  else screen = <StartScreen onNewCase={() => setView('new-case')} />
  return <SessionContext.Provider value={session}>{screen}</SessionContext.Provider>
}
