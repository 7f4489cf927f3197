import { useContext, useMemo, useState } from 'react'
import { Alert, App, Button, Flex, Segmented, Slider, Spin, Switch, Tooltip, Typography } from 'antd'
import { AimOutlined, BorderOutlined, EyeOutlined, LineOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { Annotation, EvidenceItem, ThermalShape } from '../../../../shared/types'
import { api, mediaUrl } from '../../api'
import { SessionContext } from '../../state/session'
import { ErrorAlert } from '../../components/error-alert'
import { FramePanel } from './frame-panel'
import { MeasurementForm } from './measurement-form'
import { MeasurementList } from './measurement-list'
import { readMeasurement } from './measurement-text'
import { PALETTES, type PaletteName } from './palettes'
import type { Tool } from './thermal-geometry'
import { formatValue } from './thermal-render'
import { ThermalStage, type StageLabels, type StageMark, type ViewMode } from './thermal-stage'
import { ThermalWarnings } from './thermal-warnings'
import { useThermalFrame } from './use-thermal-frame'
import './thermal-viewer.css'
import type { MessageKey } from '../../i18n/keys'

const TOOL_TEXT: Record<Tool, { name: MessageKey; hint: MessageKey }> = {
  inspect: { name: 'thermal:tools.inspect', hint: 'thermal:tools.hint.inspect' },
  spot: { name: 'thermal:tools.spot', hint: 'thermal:tools.hint.spot' },
  box: { name: 'thermal:tools.box', hint: 'thermal:tools.hint.box' },
  line: { name: 'thermal:tools.line', hint: 'thermal:tools.hint.line' },
}
const PALETTE_TEXT: Record<PaletteName, MessageKey> = {
  iron: 'thermal:palette.iron',
  rainbow: 'thermal:palette.rainbow',
  grey: 'thermal:palette.grey',
}
const VIEW_TEXT: Record<ViewMode, MessageKey> = {
  thermal: 'thermal:view.thermal',
  side: 'thermal:view.side',
  blend: 'thermal:view.blend',
}

const TOOL_ICONS = {
  inspect: <EyeOutlined />,
  spot: <AimOutlined />,
  box: <BorderOutlined />,
  line: <LineOutlined />,
} as const

/**
 * 红外热成像 viewer for one thermal item: the frame in a palette with its scale, the reading under
 * the pointer, spot/box/line measurements saved as annotations, the hottest and coldest points,
 * and the camera's visible photo beside or under it. DJI files show raw values, said plainly.
 */
export function ThermalViewer({ item }: { item: EvidenceItem }) {
  // Keyed by item: the tool, range and a half-drawn shape belong to one image, never the next.
  return <ThermalViewerBody key={item.id} item={item} />
}

function ThermalViewerBody({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const session = useContext(SessionContext)
  const timezone = session?.currentCase?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  const { loading, info, frame, failure, measurements, addMeasurement } = useThermalFrame(item.id)

  const [palette, setPalette] = useState<PaletteName>('iron')
  const [tool, setTool] = useState<Tool>('spot')
  const [view, setView] = useState<ViewMode>('thermal')
  const [opacity, setOpacity] = useState(60)
  const [range, setRange] = useState<[number, number] | null>(null)
  const [showExtremes, setShowExtremes] = useState(true)
  const [pending, setPending] = useState<ThermalShape | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)

  const relativeOnly = info?.relativeOnly ?? false
  const unit = relativeOnly ? t('thermal:unit.raw') : t('thermal:unit.celsius')

  const marks = useMemo<StageMark[]>(
    () =>
      measurements.flatMap((a, i) => {
        const m = readMeasurement(a)
        if (!m.shape) return []
        // The tag repeats the reading (a spot) or the maximum (a box or line); raw counts go without a unit.
        const reading = m.maxC === null ? '' : formatValue(m.maxC, m.relativeOnly)
        const unitText = m.relativeOnly ? '' : ` ${t('thermal:unit.celsius')}`
        const prefix = m.pixelCount === 1 ? '' : `${t('thermal:list.max')} `
        return [
          {
            id: a.id,
            shape: m.shape,
            tag: reading ? `M${i + 1} ${prefix}${reading}${unitText}` : `M${i + 1}`,
          },
        ]
      }),
    [measurements, t],
  )
  const labels = useMemo<StageLabels>(
    () => ({
      idle: t('thermal:readout.idle'),
      pixel: (x, y) => t('thermal:readout.pixel', { x, y }),
      invalid: t('thermal:readout.invalid'),
      unit,
      max: t('thermal:extremes.max'),
      min: t('thermal:extremes.min'),
      visibleAlt: t('thermal:view.visibleAlt'),
      canvas: t('thermal:title'),
    }),
    [t, unit],
  )

  async function onSaved(a: Annotation) {
    addMeasurement(a)
    setPending(null)
    setSelectedId(a.id)
    void message.success(t('thermal:measure.saved'))
    // The measurement added a custody event: refresh the case so the top bar's count follows.
    if (session) {
      const current = await api.invoke('case:current', {}).catch(() => null)
      if (current) session.setCase(current)
    }
  }

  if (loading) {
    return (
      <div className="thermal-viewer thermal-loading" data-testid="thermal-viewer" data-state="loading">
        <Spin />
        <Typography.Text type="secondary">{t('thermal:loading')}</Typography.Text>
      </div>
    )
  }

  const stats = info?.stats ?? null
  const lo = range?.[0] ?? stats?.minC ?? 0
  const hi = range?.[1] ?? stats?.maxC ?? 1
  const step = relativeOnly ? 1 : 0.1
  const visibleUrl = info?.visible ? mediaUrl(item.id, 'visible') : null
  const effectiveView: ViewMode = visibleUrl ? view : 'thermal'

  return (
    <div className="thermal-viewer" data-testid="thermal-viewer" data-state={frame ? 'ready' : 'failed'}>
      {info?.format === 'dji' && (
        <Alert
          type="warning"
          showIcon
          className="thermal-alert"
          data-testid="thermal-dji-notice"
          title={t('thermal:djiNotice')}
          description={t('thermal:djiNoticeDetail')}
        />
      )}
      {info && info.format !== 'dji' && info.relativeOnly && (
        <Alert type="warning" showIcon className="thermal-alert" title={t('thermal:relativeNotice')} />
      )}
      {failure && (
        <ErrorAlert
          error={failure}
          subject={`${item.number} ${item.originalName}`}
          className="thermal-alert"
        />
      )}
      {info && <ThermalWarnings warnings={info.warnings} />}
      {info && !frame && !failure && (
        <Alert type="error" showIcon className="thermal-alert" title={t('thermal:noFrame')} />
      )}

      {info && frame && (
        <div className="thermal-grid">
          <div className="thermal-main">
            <Flex wrap gap={12} align="center" className="thermal-toolbar">
              <Segmented<Tool>
                aria-label={t('thermal:tools.label')}
                value={tool}
                onChange={(v) => setTool(v)}
                options={(['inspect', 'spot', 'box', 'line'] as const).map((k) => ({
                  value: k,
                  icon: TOOL_ICONS[k],
                  label: <span data-testid={`tool-${k}`}>{t(TOOL_TEXT[k].name)}</span>,
                }))}
              />
              <Segmented<PaletteName>
                aria-label={t('thermal:palette.label')}
                value={palette}
                onChange={(v) => setPalette(v)}
                options={PALETTES.map((p) => ({ value: p, label: t(PALETTE_TEXT[p]) }))}
              />
              {visibleUrl && (
                <Segmented<ViewMode>
                  aria-label={t('thermal:view.label')}
                  value={view}
                  onChange={(v) => setView(v)}
                  options={(['thermal', 'side', 'blend'] as const).map((v) => ({
                    value: v,
                    label: t(VIEW_TEXT[v]),
                  }))}
                />
              )}
              <label className="thermal-switch">
                <Switch size="small" checked={showExtremes} onChange={setShowExtremes} />
                <span>{t('thermal:extremes.show')}</span>
              </label>
            </Flex>
            <Flex wrap gap={12} align="center" className="thermal-toolbar">
              {stats && (
                <div className="thermal-range">
                  <span className="thermal-range-label">{t('thermal:range.label')}</span>
                  <Slider
                    range
                    aria-label={t('thermal:range.label')}
                    className="thermal-range-slider"
                    min={Math.floor(stats.minC / step) * step}
                    max={Math.ceil(stats.maxC / step) * step}
                    step={step}
                    value={[lo, hi]}
                    tooltip={{
                      formatter: (v) => (v === undefined ? '' : `${formatValue(v, relativeOnly)} ${unit}`),
                    }}
                    onChange={(v) => setRange(v[1] > v[0] ? [v[0], v[1]] : null)}
                  />
                  <Button size="small" disabled={range === null} onClick={() => setRange(null)}>
                    {t('thermal:range.auto')}
                  </Button>
                </div>
              )}
              {effectiveView === 'blend' && (
                <div className="thermal-range">
                  <span className="thermal-range-label">{t('thermal:view.opacity')}</span>
                  <Slider
                    aria-label={t('thermal:view.opacity')}
                    className="thermal-opacity-slider"
                    min={0}
                    max={100}
                    value={opacity}
                    onChange={setOpacity}
                    tooltip={{ formatter: (v) => `${v ?? 0}%` }}
                  />
                </div>
              )}
            </Flex>
            <ThermalStage
              frame={frame}
              stats={stats}
              relativeOnly={relativeOnly}
              palette={palette}
              lo={lo}
              hi={hi}
              tool={tool}
              marks={marks}
              selectedId={selectedId}
              pending={pending}
              showExtremes={showExtremes}
              view={effectiveView}
              opacity={opacity / 100}
              visibleUrl={visibleUrl}
              labels={labels}
              onShape={(s) => {
                setPending(s)
                setSelectedId(null)
              }}
            />
            <Typography.Text type="secondary" className="small thermal-hint">
              {t(TOOL_TEXT[tool].hint)}
              {effectiveView === 'blend' && (
                <Tooltip title={t('thermal:view.blendApprox')}>
                  <span className="thermal-hint-extra"> · {t('thermal:view.blendApprox')}</span>
                </Tooltip>
              )}
            </Typography.Text>
          </div>
          <div className="thermal-side">
            {pending && (
              <MeasurementForm
                key={JSON.stringify(pending)}
                info={info}
                shape={pending}
                onSaved={(a) => void onSaved(a)}
                onCancel={() => setPending(null)}
              />
            )}
            <MeasurementList
              measurements={measurements}
              selectedId={selectedId}
              onSelect={setSelectedId}
              timezone={timezone}
            />
            <FramePanel info={info} />
          </div>
        </div>
      )}
    </div>
  )
}
