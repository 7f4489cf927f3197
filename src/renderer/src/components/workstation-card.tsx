import { Card, Descriptions } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../../shared/types'

/** Facts support asks for first: version, how the app runs, where its own data lives. */
export function WorkstationCard({ info }: { info: AppInfo }) {
  const { t } = useTranslation()
  return (
    <Card title={t('start.workstation')} size="small" className="workstation-card">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'version',
            label: t('start.version'),
            children: <span className="mono">{info.version}</span>,
          },
          {
            key: 'mode',
            label: t('start.mode'),
            children: t(info.mode === 'browser' ? 'start.modeBrowser' : 'start.modeElectron'),
          },
          {
            key: 'tz',
            label: t('start.systemTimeZone'),
            children: <span className="mono">{info.systemTimeZone}</span>,
          },
          {
            key: 'data',
            label: t('start.dataDir'),
            children: (
              <span className="mono break-all" data-user-data>
                {info.dataDir}
              </span>
            ),
          },
        ]}
      />
    </Card>
  )
}
