import { Card, Collapse, Descriptions } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ThermalFrameInfo } from '../../../../shared/types'
import { formatValue } from './thermal-render'
import type { MessageKey } from '../../i18n/keys'

// Shown first, in this order, in words; the Planck and atmosphere constants follow under their file names.
const PARAM_TEXT = {
  emissivity: 'thermal:param.emissivity',
  objectDistance: 'thermal:param.objectDistance',
  reflectedTempC: 'thermal:param.reflectedTempC',
  atmosphericTempC: 'thermal:param.atmosphericTempC',
  ambientTempC: 'thermal:param.ambientTempC',
  relativeHumidity: 'thermal:param.relativeHumidity',
  irWindowTempC: 'thermal:param.irWindowTempC',
  irWindowTransmission: 'thermal:param.irWindowTransmission',
  cameraRangeMinC: 'thermal:param.cameraRangeMinC',
  cameraRangeMaxC: 'thermal:param.cameraRangeMaxC',
} as const satisfies Record<string, MessageKey>
const KNOWN_PARAMS: string[] = Object.keys(PARAM_TEXT)

const FORMAT_TEXT: Record<ThermalFrameInfo['format'], MessageKey> = {
  flir: 'thermal:format.flir',
  dji: 'thermal:format.dji',
}

function paramValue(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)))
}

/** The frame's format, size and whole-frame readings, and the parameters the file records. */
export function FramePanel({ info }: { info: ThermalFrameInfo }) {
  const { t } = useTranslation()
  const unit = info.relativeOnly ? t('thermal:unit.raw') : t('thermal:unit.celsius')
  const s = info.stats
  const fmt = (v: number) => `${formatValue(v, info.relativeOnly)} ${unit}`
  const params = Object.entries(info.params ?? {}).sort(([a], [b]) => {
    const ia = KNOWN_PARAMS.indexOf(a)
    const ib = KNOWN_PARAMS.indexOf(b)
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b)
  })
  const label = (k: string) =>
    Object.hasOwn(PARAM_TEXT, k) ? t(PARAM_TEXT[k as keyof typeof PARAM_TEXT]) : k
  return (
    <Card
      size="small"
      title={t('thermal:frame.title')}
      className="thermal-frame-panel"
      data-testid="thermal-frame-panel"
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'format', label: t('thermal:frame.format'), children: t(FORMAT_TEXT[info.format]) },
          {
            key: 'size',
            label: t('thermal:frame.size'),
            children: <span className="mono">{`${info.width} × ${info.height}`}</span>,
          },
          ...(s
            ? [
                {
                  key: 'max',
                  label: t('thermal:frame.max'),
                  children: (
                    <span className="mono" data-testid="frame-max">
                      {fmt(s.maxC)}
                    </span>
                  ),
                },
                {
                  key: 'min',
                  label: t('thermal:frame.min'),
                  children: <span className="mono">{fmt(s.minC)}</span>,
                },
                {
                  key: 'mean',
                  label: t('thermal:frame.mean'),
                  children: <span className="mono">{fmt(s.meanC)}</span>,
                },
              ]
            : []),
        ]}
      />
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: 'params',
            label: info.format === 'dji' ? t('thermal:frame.paramsDji') : t('thermal:frame.params'),
            children: params.length ? (
              <Descriptions
                size="small"
                column={1}
                items={params.map(([k, v]) => ({
                  key: k,
                  label: label(k),
                  children: <span className="mono">{paramValue(v)}</span>,
                }))}
              />
            ) : (
              t('thermal:frame.noParams')
            ),
          },
        ]}
      />
    </Card>
  )
}
