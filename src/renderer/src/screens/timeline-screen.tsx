import { Alert, Card, Spin, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../components/error-alert'
import { LocationView } from '../components/location/location-view'
import '../components/timeline/timeline.css'
import { TimelineView } from '../components/timeline/timeline-view'
import { useTimelineData } from '../components/timeline/use-timeline-data'
import { asApiError } from '../lib/errors'
import { useCurrentCase } from '../state/session'

/** 时间线: every dated item and custody event on one axis, and the 位置 tab for GPS positions. */
export function TimelineScreen() {
  const { t } = useTranslation()
  const info = useCurrentCase()
  const { data, error } = useTimelineData()

  const body = !data ? (
    error ? null : (
      <div className="tl-loading" data-testid="timeline-loading">
        <Spin /> {t('timeline:loading')}
      </div>
    )
  ) : data.items.length === 0 ? (
    <Alert type="info" showIcon message={t('timeline:empty')} data-testid="timeline-empty" />
  ) : (
    <Tabs
      destroyOnHidden
      items={[
        {
          key: 'timeline',
          label: t('timeline:tabs.timeline'),
          children: <TimelineView items={data.items} events={data.events} zone={info.timezone} />,
        },
        {
          key: 'locations',
          label: t('timeline:tabs.locations'),
          children: <LocationView items={data.items} />,
        },
      ]}
    />
  )
  return (
    <div className="page tl-screen" data-testid="timeline-screen">
      <Card title={t('timeline:title')}>
        {error != null && <ErrorAlert error={asApiError(error)} className="form-alert" />}
        {body}
      </Card>
    </div>
  )
}
