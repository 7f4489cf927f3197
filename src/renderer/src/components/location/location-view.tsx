import { useMemo, useRef, type HTMLAttributes } from 'react'
import { Empty, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { useElementWidth } from '../../hooks/use-element-width'
import { itemViewer } from '../../state/viewer'
import { formatMetres, haversineMetres } from './geo'
import { LocationPlot, type GpsItem } from './location-plot'
import './location.css'

/** Up to this many points every pair is listed (190 rows); beyond, each point's nearest neighbour. */
const PAIRWISE_MAX = 20

interface Row {
  key: string
  from: GpsItem
  to: GpsItem
  metres: number
}

function pairwise(points: GpsItem[]): Row[] {
  const rows: Row[] = []
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++)
      rows.push({
        key: `${i}-${j}`,
        from: points[i],
        to: points[j],
        metres: haversineMetres(points[i].gps, points[j].gps),
      })
  return rows
}

function nearest(points: GpsItem[]): Row[] {
  return points.map((p, i) => {
    let best: Row | null = null
    points.forEach((q, j) => {
      if (i === j) return
      const metres = haversineMetres(p.gps, q.gps)
      if (!best || metres < best.metres) best = { key: `${i}`, from: p, to: q, metres }
    })
    return best as unknown as Row
  })
}

const isValidGps = (item: EvidenceItem): item is GpsItem =>
  item.gps !== null && Number.isFinite(item.gps.lat) && Number.isFinite(item.gps.lon)

/** 位置: evidence with GPS drawn relative to each other, with the distances between them. */
export function LocationView({ items }: { items: EvidenceItem[] }) {
  const { t } = useTranslation()
  const boxRef = useRef<HTMLDivElement>(null)
  const width = useElementWidth(boxRef)
  const points = useMemo(
    () => items.filter(isValidGps).sort((a, b) => a.number.localeCompare(b.number)),
    [items],
  )
  const all = points.length <= PAIRWISE_MAX
  const rows = useMemo(
    () => (points.length < 2 ? [] : all ? pairwise(points) : nearest(points)),
    [points, all],
  )

  const numberCell = (item: GpsItem) => (
    <Typography.Link className="mono" onClick={() => itemViewer.open(item.id)}>
      {item.number}
    </Typography.Link>
  )
  return (
    <div className="loc-view" data-testid="location-view">
      <Typography.Paragraph type="secondary">{t('timeline:location.intro')}</Typography.Paragraph>
      {points.length === 0 ? (
        <Empty description={t('timeline:location.empty')} data-testid="location-empty" />
      ) : (
        <>
          <Typography.Text strong>{t('timeline:location.points', { count: points.length })}</Typography.Text>
          <div ref={boxRef} className="loc-box">
            {width > 0 && <LocationPlot points={points} width={width} />}
          </div>
          {rows.length > 0 && (
            <section className="loc-distances">
              <Typography.Title level={5}>
                {all ? t('timeline:location.pairwise') : t('timeline:location.nearest')}
              </Typography.Title>
              <Typography.Paragraph type="secondary">
                {t('timeline:location.distanceHint')}
              </Typography.Paragraph>
              <Table<Row>
                size="small"
                rowKey="key"
                dataSource={rows}
                data-testid="distance-table"
                pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                onRow={(row) =>
                  ({
                    'data-testid': 'distance-row',
                    'data-from': row.from.number,
                    'data-to': row.to.number,
                  }) as HTMLAttributes<HTMLElement>
                }
                columns={[
                  {
                    key: 'from',
                    title: t('timeline:location.from'),
                    render: (_, r) => numberCell(r.from),
                    width: 120,
                  },
                  {
                    key: 'to',
                    title: t('timeline:location.to'),
                    render: (_, r) => numberCell(r.to),
                    width: 120,
                  },
                  {
                    key: 'distance',
                    title: t('timeline:location.distance'),
                    sorter: (a, b) => a.metres - b.metres,
                    render: (_, r) => (
                      <span className="mono" data-testid="distance" data-metres={r.metres}>
                        {formatMetres(r.metres)}
                      </span>
                    ),
                  },
                ]}
              />
            </section>
          )}
        </>
      )}
    </div>
  )
}
