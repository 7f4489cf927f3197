import { Button, Card, Empty, Tag, Tooltip, Typography } from 'antd'
import { FileProtectOutlined, WarningOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { RecentCase } from '../../../shared/types'
import { formatInZone } from '../lib/time'

interface Props {
  recent: RecentCase[] | null
  /** each case's times show in its own zone; this one (the machine's) only for a list entry that records none */
  timezone: string
  busyDir: string | null
  onOpen(dir: string): void
  onForget(dir: string): void
}

export function RecentCases({ recent, timezone, busyDir, onOpen, onForget }: Props) {
  const { t } = useTranslation()
  return (
    <Card title={t('start.recent')} className="recent-card" loading={recent === null}>
      {recent && recent.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('start.recentEmpty')} />
      )}
      {recent && recent.length > 0 && (
        <ul className="recent-list" data-testid="recent-list">
          {recent.map((r) => {
            const open = () => r.exists && busyDir === null && onOpen(r.dir)
            return (
              <li
                key={r.dir}
                className={`recent-row${r.exists ? '' : ' recent-missing'}`}
                data-testid="recent-row"
                data-exists={r.exists}
                role={r.exists ? 'button' : undefined}
                tabIndex={r.exists ? 0 : undefined}
                onClick={open}
                onKeyDown={(e) => e.key === 'Enter' && open()}
              >
                {r.exists ? (
                  <FileProtectOutlined className="recent-icon" />
                ) : (
                  <WarningOutlined className="recent-icon" />
                )}
                <div className="recent-main">
                  <div className="recent-title-line">
                    <Typography.Text strong className="recent-number" data-user-data>
                      {r.number}
                    </Typography.Text>
                    <Typography.Text className="recent-title" data-user-data>
                      {r.title || t('start.untitled')}
                    </Typography.Text>
                  </div>
                  <div className="recent-meta">
                    <Typography.Text type="secondary" className="recent-path mono" data-user-data>
                      {r.dir}
                    </Typography.Text>
                    {r.exists && (
                      <Typography.Text type="secondary" className="recent-time">
                        {busyDir === r.dir
                          ? t('start.opening')
                          : t('start.openedAt', { time: formatInZone(r.openedAt, r.timezone ?? timezone) })}
                      </Typography.Text>
                    )}
                  </div>
                </div>
                {!r.exists && (
                  <div className="recent-side">
                    <Tooltip title={t('start.missingTip')}>
                      <Tag>{t('start.missing')}</Tag>
                    </Tooltip>
                    <Button
                      size="small"
                      onClick={(e) => {
                        e.stopPropagation()
                        onForget(r.dir)
                      }}
                    >
                      {t('start.forget')}
                    </Button>
                  </div>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </Card>
  )
}
