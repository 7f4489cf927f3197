import { Card, Empty, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Annotation } from '../../../../shared/types'
import { formatInZone } from '../../lib/time'
import { readMeasurement, shapeText } from './measurement-text'
import { formatValue } from './thermal-render'

interface Props {
  measurements: Annotation[]
  selectedId: string | null
  onSelect(id: string | null): void
  timezone: string
}

/** The item's measurements, oldest first, numbered M1… as they are tagged on the image. */
export function MeasurementList({ measurements, selectedId, onSelect, timezone }: Props) {
  const { t } = useTranslation()
  return (
    <Card
      size="small"
      title={t('thermal:list.title')}
      className="thermal-list"
      data-testid="measurement-list"
    >
      {measurements.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('thermal:list.empty')} />
      ) : (
        <ol className="thermal-list-items">
          {measurements.map((a, i) => {
            const m = readMeasurement(a)
            const unit = m.relativeOnly ? t('thermal:unit.raw') : t('thermal:unit.celsius')
            const fmt = (v: number | null) => (v === null ? '—' : `${formatValue(v, m.relativeOnly)} ${unit}`)
            const single = m.pixelCount === 1
            const selected = a.id === selectedId
            return (
              <li key={a.id}>
                <button
                  type="button"
                  className={`thermal-list-item${selected ? ' selected' : ''}`}
                  aria-pressed={selected}
                  data-testid="measurement-row"
                  onClick={() => onSelect(selected ? null : a.id)}
                >
                  <div className="thermal-list-head">
                    <span className="thermal-list-label">M{i + 1}</span>
                    {m.shape && <span className="mono small">{shapeText(m.shape, t)}</span>}
                    {m.pixelCount !== null && !single && (
                      <span className="secondary small">
                        {t('thermal:list.pixels', { count: m.pixelCount })}
                      </span>
                    )}
                  </div>
                  <div className="thermal-list-values mono" data-testid="measurement-values">
                    {single ? (
                      <span>
                        {t('thermal:list.value')} <strong>{fmt(m.maxC)}</strong>
                      </span>
                    ) : (
                      <>
                        <span>
                          {t('thermal:list.max')} <strong>{fmt(m.maxC)}</strong>
                        </span>
                        <span>
                          {t('thermal:list.min')} {fmt(m.minC)}
                        </span>
                        <span>
                          {t('thermal:list.mean')} {fmt(m.meanC)}
                        </span>
                      </>
                    )}
                  </div>
                  {(m.overrides || m.relativeOnly || m.outOfRange) && (
                    <div className="thermal-list-tags">
                      {m.relativeOnly && <Tag color="orange">{t('thermal:list.relative')}</Tag>}
                      {m.overrides && (
                        <Tooltip title={t('thermal:list.overridden')}>
                          <Tag color="purple" data-testid="measurement-overrides">
                            {[
                              m.overrides.emissivity !== undefined &&
                                `${t('thermal:measure.emissivity')} ${m.overrides.emissivity}`,
                              m.overrides.objectDistance !== undefined &&
                                `${t('thermal:measure.objectDistance')} ${m.overrides.objectDistance}`,
                              m.overrides.reflectedTempC !== undefined &&
                                `${t('thermal:measure.reflectedTempC')} ${m.overrides.reflectedTempC}`,
                            ]
                              .filter(Boolean)
                              .join(' · ')}
                          </Tag>
                        </Tooltip>
                      )}
                      {m.outOfRange && <Tag color="red">{t('thermal:list.outOfRange')}</Tag>}
                    </div>
                  )}
                  {a.note && (
                    <Typography.Paragraph className="thermal-list-note" data-user-data ellipsis={{ rows: 3 }}>
                      {a.note}
                    </Typography.Paragraph>
                  )}
                  <div className="secondary small" data-user-data>
                    {t('thermal:list.by', { name: a.author.name, time: formatInZone(a.createdAt, timezone) })}
                  </div>
                </button>
              </li>
            )
          })}
        </ol>
      )}
    </Card>
  )
}
