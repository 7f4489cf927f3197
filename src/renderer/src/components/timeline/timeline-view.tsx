import { useMemo, useRef, useState } from 'react'
import { Button, Space, Tooltip, Typography } from 'antd'
import { ColumnWidthOutlined, ExpandOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { formatOffset } from '../../../../shared/time-zone'
import type { CustodyEvent, EvidenceItem } from '../../../../shared/types'
import { useElementWidth } from '../../hooks/use-element-width'
import { KIND_UI } from '../../kinds/registry'
import { buildLanes, custodyLane, exceedanceLane, type Lane } from './lanes'
import { useAllSeriesInForce } from '../../kinds/monitoring/use-series-in-force'
import { LABEL_W, TimelineChart } from './timeline-chart'
import { TimelineLegend } from './timeline-legend'
import { TimelineOverview } from './timeline-overview'
import { fitView, offsetMinutesAt, spanParts, zoomView, type View } from './time-scale'
import { UndatedList } from './undated-list'
import type { MessageKey } from '../../i18n/keys'

const UNIT_TEXT: Record<ReturnType<typeof spanParts>['unit'], MessageKey> = {
  day: 'timeline:units.day',
  hour: 'timeline:units.hour',
  minute: 'timeline:units.minute',
  second: 'timeline:units.second',
}

/** The earliest start and latest end over the lanes; null when they hold nothing. */
function extentOf(lanes: Lane[]): View | null {
  let start = Infinity
  let end = -Infinity
  for (const lane of lanes)
    for (const m of lane.marks) {
      start = Math.min(start, m.start)
      end = Math.max(end, m.end)
    }
  return start <= end ? { start, end } : null
}

interface Props {
  items: EvidenceItem[]
  events: CustodyEvent[]
  zone: string
}

/** The timeline tab: toolbar, lanes on the time axis, the overview brush, legend, and the undated list. */
export function TimelineView({ items, events, zone }: Props) {
  const { t } = useTranslation()
  const boxRef = useRef<HTMLDivElement>(null)
  const width = useElementWidth(boxRef)
  const inForce = useAllSeriesInForce()
  const { lanes, undated } = useMemo(() => {
    const built = buildLanes(items, (kind) => KIND_UI[kind].timelineMark === 'span')
    const exceedances = inForce ? exceedanceLane(items, inForce) : null
    return { lanes: exceedances ? [...built.lanes, exceedances] : built.lanes, undated: built.undated }
  }, [items, inForce])
  const custody = useMemo(() => custodyLane(events), [events])
  const numbers = useMemo(() => new Map(items.map((i) => [i.id, i.number])), [items])
  const evidenceExtent = useMemo(() => extentOf(lanes), [lanes])
  const allExtent = useMemo(() => extentOf([...lanes, custody]), [lanes, custody])
  const fitEvidence = () => {
    const e = evidenceExtent ?? allExtent
    return e ? fitView(e.start, e.end) : fitView(Date.now() - 3_600_000, Date.now())
  }
  // The evidence's own times first: custody events happen at import, often years later.
  const [view, setView] = useState<View>(fitEvidence)
  const overviewExtent = useMemo(() => {
    const e = allExtent ?? view
    const f = fitView(Math.min(e.start, view.start), Math.max(e.end, view.end))
    return f
  }, [allExtent, view])

  const mid = (view.start + view.end) / 2
  const span = spanParts(view.end - view.start)
  const offset = formatOffset(offsetMinutesAt(zone, mid))
  return (
    <div className="tl-view" data-testid="timeline-view">
      <div className="tl-toolbar">
        <Space wrap>
          <Tooltip title={t('timeline:zoomIn')}>
            <Button
              icon={<ZoomInOutlined />}
              aria-label={t('timeline:zoomIn')}
              data-testid="timeline-zoom-in"
              onClick={() => setView(zoomView(view, 0.5, mid))}
            />
          </Tooltip>
          <Tooltip title={t('timeline:zoomOut')}>
            <Button
              icon={<ZoomOutOutlined />}
              aria-label={t('timeline:zoomOut')}
              data-testid="timeline-zoom-out"
              onClick={() => setView(zoomView(view, 2, mid))}
            />
          </Tooltip>
          <Button
            icon={<ColumnWidthOutlined />}
            data-testid="timeline-fit-evidence"
            onClick={() => setView(fitEvidence())}
          >
            {t('timeline:fitEvidence')}
          </Button>
          <Button
            icon={<ExpandOutlined />}
            data-testid="timeline-fit-all"
            disabled={!allExtent}
            onClick={() => allExtent && setView(fitView(allExtent.start, allExtent.end))}
          >
            {t('timeline:fitAll')}
          </Button>
          <Typography.Text type="secondary" data-testid="timeline-span">
            {t('timeline:span', { span: t(UNIT_TEXT[span.unit], { count: span.count }) })}
          </Typography.Text>
        </Space>
        <Tooltip title={t('timeline:zone_hint')}>
          <Typography.Text className="tl-zone" data-testid="timeline-zone">
            {t('timeline:zone', { zone, offset })}
          </Typography.Text>
        </Tooltip>
      </div>
      <Typography.Paragraph type="secondary" className="tl-hint">
        {t('timeline:hint')}
      </Typography.Paragraph>
      <div ref={boxRef} className="tl-box">
        {width > 0 && (
          <>
            <TimelineChart
              lanes={lanes}
              custody={custody}
              view={view}
              onView={setView}
              zone={zone}
              width={width}
              numbers={numbers}
            />
            <TimelineOverview
              lanes={lanes}
              custody={custody}
              extent={overviewExtent}
              view={view}
              onView={setView}
              left={LABEL_W}
              width={width}
            />
          </>
        )}
      </div>
      <TimelineLegend />
      <UndatedList items={undated} zone={zone} />
    </div>
  )
}
