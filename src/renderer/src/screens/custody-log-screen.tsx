import { useState } from 'react'
import { Button, Card, Descriptions, Table, Tag, Tooltip, Typography } from 'antd'
import { ReloadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { CustodyEvent } from '../../../shared/types'
import { ErrorAlert } from '../components/error-alert'
import { TechnicalDetails } from '../components/technical-details'
import { actionLabel, summariseEvent } from '../lib/custody-summary'
import { useApi } from '../hooks/use-api'
import { formatInZone } from '../lib/time'
import { useCurrentCase } from '../state/session'

const PAGE_SIZE = 50

/** 监管链记录: the append-only log, page by page from the backend, with each entry's hash link. */
export function CustodyLogScreen() {
  const { t, i18n } = useTranslation()
  const info = useCurrentCase()
  const [page, setPage] = useState(1)
  // Refetch when the case gains events elsewhere too (an edit, a check from the top bar).
  const log = useApi(
    'custody:list',
    { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    { refetchKey: info.custodyEventCount, keepPrevious: true },
  )
  const events = log.data?.events ?? []
  const total = log.data?.total ?? 0

  return (
    <div className="page">
      <Card
        title={t('custody.title')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void log.reload()}>
            {t('custody.refresh')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('custody.intro')}</Typography.Paragraph>
        {log.error && <ErrorAlert error={log.error} className="form-alert" />}
        <Table<CustodyEvent>
          data-testid="custody-table"
          size="small"
          rowKey="seq"
          loading={log.loading}
          dataSource={events}
          locale={{ emptyText: t('custody.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total,
            showSizeChanger: false,
            showTotal: (n) => t('custody.total', { count: n }),
            onChange: setPage,
          }}
          expandable={{
            expandedRowRender: (e) => (
              <Descriptions
                size="small"
                column={1}
                bordered
                items={[
                  {
                    key: 'details',
                    label: t('custody.technical'),
                    children: <TechnicalDetails details={e.details} />,
                  },
                  {
                    key: 'prev',
                    label: t('custody.prevHash'),
                    children: (
                      <span className="mono break-all" data-user-data>
                        {e.prevHash}
                      </span>
                    ),
                  },
                  {
                    key: 'hash',
                    label: t('custody.hash'),
                    children: <span className="mono break-all">{e.hash}</span>,
                  },
                ]}
              />
            ),
          }}
          columns={[
            { key: 'seq', dataIndex: 'seq', title: t('custody.seq'), width: 64 },
            {
              key: 'at',
              title: t('custody.time'),
              width: 232,
              render: (_, e) => <span className="mono nowrap">{formatInZone(e.at, info.timezone)}</span>,
            },
            {
              key: 'actor',
              title: t('custody.actor'),
              width: 140,
              render: (_, e) => (
                <div data-user-data>
                  <div>{e.actor.name}</div>
                  <Typography.Text type="secondary" className="mono small">
                    {e.actor.certNo}
                  </Typography.Text>
                </div>
              ),
            },
            {
              key: 'action',
              title: t('custody.action'),
              width: 160,
              render: (_, e) => <Tag>{actionLabel(e.action, i18n.language)}</Tag>,
            },
            {
              key: 'details',
              title: t('custody.details'),
              render: (_, e) => (
                <span className="break-word" data-testid="custody-details">
                  {summariseEvent(e, i18n.language, info.timezone, log.data?.items)}
                </span>
              ),
            },
            {
              key: 'hash',
              title: t('custody.hash'),
              width: 150,
              render: (_, e) => (
                <Tooltip title={<span className="mono break-all">{e.hash}</span>}>
                  <span className="mono">{e.hash.slice(0, 12)}…</span>
                </Tooltip>
              ),
            },
          ]}
        />
      </Card>
    </div>
  )
}
