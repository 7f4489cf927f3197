import { Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { formatInZone } from '../../lib/time'
import { itemViewer } from '../../state/viewer'
import { KindIcon, itemLabel } from '../../kinds/registry'
import { ItemCheckMark } from '../review/item-check'

/** 无拍摄时间的证据: items the axis cannot place, listed so none is silently left out. */
export function UndatedList({ items, zone }: { items: EvidenceItem[]; zone: string }) {
  const { t } = useTranslation()
  if (items.length === 0) return null
  return (
    <section className="tl-undated" data-testid="timeline-undated">
      <Typography.Title level={5}>
        {t('timeline:undated.title')}{' '}
        <Typography.Text type="secondary">
          {t('timeline:undated.count', { count: items.length })}
        </Typography.Text>
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('timeline:undated.hint')}</Typography.Paragraph>
      <Table<EvidenceItem>
        size="small"
        rowKey="id"
        dataSource={items}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        onRow={(item) => ({
          onClick: () => itemViewer.open(item.id),
          onKeyDown: (e) => {
            if (e.key === 'Enter') itemViewer.open(item.id)
          },
          tabIndex: 0,
          className: 'tl-undated-row',
          'data-testid': 'undated-row',
          'data-item-id': item.id,
        })}
        columns={[
          {
            key: 'number',
            title: t('timeline:undated.number'),
            dataIndex: 'number',
            width: 110,
            className: 'mono',
          },
          {
            key: 'kind',
            title: t('timeline:undated.kind'),
            width: 160,
            render: (_, item) => (
              <span>
                <KindIcon kind={item.kind} /> {itemLabel(t, item)}
              </span>
            ),
          },
          {
            key: 'name',
            title: t('timeline:undated.name'),
            render: (_, item) => (
              <span>
                <span data-user-data>{item.originalName}</span> <ItemCheckMark itemId={item.id} />
              </span>
            ),
          },
          {
            key: 'importedAt',
            title: t('timeline:undated.importedAt'),
            width: 230,
            render: (_, item) => <span className="mono">{formatInZone(item.importedAt, zone)}</span>,
          },
        ]}
      />
    </section>
  )
}
