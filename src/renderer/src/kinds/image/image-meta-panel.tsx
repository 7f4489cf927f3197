import { Alert, Collapse, Descriptions, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { formatCapturedAt, TIME_WARNING_CODES } from '../../lib/item-time'
import { warningText } from '../../lib/warnings'
import { decimalCoords, dmsCoords, droneSentence, readDrone, signed } from './meta-text'
import { timeSourceText } from '../../lib/message-maps'
import type { MessageKey } from '../../i18n/keys'

/** EXIF orientation (TIFF 6.0 tag 274) in words; the eight values are all the standard has. */
const ORIENTATION_TEXT: Record<number, MessageKey> = {
  1: 'mediaViewer:image.orientationValue.1',
  2: 'mediaViewer:image.orientationValue.2',
  3: 'mediaViewer:image.orientationValue.3',
  4: 'mediaViewer:image.orientationValue.4',
  5: 'mediaViewer:image.orientationValue.5',
  6: 'mediaViewer:image.orientationValue.6',
  7: 'mediaViewer:image.orientationValue.7',
  8: 'mediaViewer:image.orientationValue.8',
}

/** A value outside the standard's eight is shown as recorded. */
function orientationText(value: number, t: TFunction): string {
  return Object.hasOwn(ORIENTATION_TEXT, value) ? t(ORIENTATION_TEXT[value]) : String(value)
}

/** Meta keys shown in their own groups above; the rest are listed under "other". */
const SHOWN = new Set([
  'format',
  'pixelWidth',
  'pixelHeight',
  'orientation',
  'drone',
  'sizeIsPreview',
  'rawFormat',
])

function Group({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="media-meta-group" data-testid={testId}>
      <Typography.Title level={5} className="media-meta-title">
        {title}
      </Typography.Title>
      {children}
    </section>
  )
}

/** What the file says about itself, grouped as an officer reads it; the raw JSON stays one click away. */
export function ImageMetaPanel({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation()
  const meta = item.meta
  const captured = formatCapturedAt(item)
  const timeWarnings = item.warnings.filter((w) => (TIME_WARNING_CODES as readonly string[]).includes(w.code))
  const otherWarnings = item.warnings.filter((w) => !timeWarnings.includes(w))
  const drone = readDrone(meta.drone)
  const orientation = typeof meta.orientation === 'number' ? meta.orientation : null
  const other = Object.entries(meta).filter(([key]) => !SHOWN.has(key))
  const dev = item.device

  return (
    <div className="media-meta" data-testid="image-meta">
      {otherWarnings.map((w, i) => (
        <Alert key={i} type="warning" showIcon title={warningText(w, t)} className="media-alert" />
      ))}
      <Group title={t('mediaViewer:image.group.capture')} testId="meta-capture">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('mediaViewer:image.field.time')}>
            <span className="mono" data-testid="capture-time">
              {captured ?? t('mediaViewer:image.noTime')}
            </span>
          </Descriptions.Item>
          {item.capturedAtSource && (
            <Descriptions.Item label={t('mediaViewer:image.field.source')}>
              <span data-testid="capture-source">{timeSourceText(t, item, 'media')}</span>
              {typeof meta.timeTag === 'string' && <span className="mono secondary"> ({meta.timeTag})</span>}
            </Descriptions.Item>
          )}
        </Descriptions>
        {timeWarnings.map((w, i) => (
          <Alert key={i} type="warning" showIcon title={warningText(w, t)} className="media-alert" />
        ))}
      </Group>

      {dev && (dev.make || dev.model || dev.serial || dev.id) && (
        <Group title={t('mediaViewer:image.group.device')}>
          <Descriptions size="small" column={1}>
            {dev.make && (
              <Descriptions.Item label={t('mediaViewer:image.field.make')}>{dev.make}</Descriptions.Item>
            )}
            {dev.model && (
              <Descriptions.Item label={t('mediaViewer:image.field.model')}>{dev.model}</Descriptions.Item>
            )}
            {dev.serial && (
              <Descriptions.Item label={t('mediaViewer:image.field.serial')}>
                <span className="mono">{dev.serial}</span>
              </Descriptions.Item>
            )}
            {dev.id && (
              <Descriptions.Item label={t('mediaViewer:image.field.deviceId')}>
                <span className="mono">{dev.id}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
        </Group>
      )}

      <Group title={t('mediaViewer:image.group.image')}>
        <Descriptions size="small" column={1}>
          {item.width !== null && item.height !== null && (
            // A camera raw whose recorded size is unreadable shows its embedded preview's size, and says so.
            <Descriptions.Item
              label={
                meta.sizeIsPreview === true
                  ? t('mediaViewer:image.field.previewSize')
                  : t('mediaViewer:image.field.size')
              }
            >
              <span data-testid="image-size">
                {t('mediaViewer:image.sizeValue', { w: item.width, h: item.height })}
              </span>
            </Descriptions.Item>
          )}
          {typeof meta.rawFormat === 'string' && (
            <Descriptions.Item label={t('mediaViewer:image.field.rawFormat')}>
              {meta.rawFormat}
            </Descriptions.Item>
          )}
          {typeof meta.pixelWidth === 'number' && typeof meta.pixelHeight === 'number' && (
            <Descriptions.Item label={t('mediaViewer:image.field.stored')}>
              {t('mediaViewer:image.sizeValue', { w: meta.pixelWidth, h: meta.pixelHeight })}
            </Descriptions.Item>
          )}
          {orientation !== null && (
            <Descriptions.Item label={t('mediaViewer:image.field.orientation')}>
              {orientationText(orientation, t)}
            </Descriptions.Item>
          )}
          {typeof meta.format === 'string' && (
            <Descriptions.Item label={t('mediaViewer:image.field.format')}>
              {meta.format.toUpperCase()}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('mediaViewer:image.field.sha256')}>
            <Typography.Text className="mono small" copyable={{ text: item.sha256 }} ellipsis>
              {item.sha256}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Group>

      <Group title={t('mediaViewer:image.group.gps')} testId="meta-gps">
        {item.gps ? (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('mediaViewer:image.field.decimal')}>
              <Typography.Text className="mono" copyable data-testid="gps-decimal">
                {decimalCoords(item.gps.lat, item.gps.lon)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('mediaViewer:image.field.dms')}>
              <Typography.Text className="mono" copyable data-testid="gps-dms">
                {dmsCoords(item.gps.lat, item.gps.lon)}
              </Typography.Text>
            </Descriptions.Item>
            {item.gps.alt !== null && (
              <Descriptions.Item label={t('mediaViewer:image.field.altitude')}>
                {t('mediaViewer:image.altitudeValue', { alt: signed(item.gps.alt) })}
              </Descriptions.Item>
            )}
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{t('mediaViewer:image.noGps')}</Typography.Text>
        )}
      </Group>

      {drone && (
        <Group title={t('mediaViewer:image.group.drone')} testId="meta-drone">
          <Typography.Paragraph data-testid="drone-sentence">{droneSentence(drone, t)}</Typography.Paragraph>
        </Group>
      )}

      {other.length > 0 && (
        <Group title={t('mediaViewer:image.group.other')}>
          <Descriptions size="small" column={1}>
            {other.map(([key, value]) => (
              <Descriptions.Item key={key} label={<span className="mono">{key}</span>}>
                <span className="mono">
                  {typeof value === 'object' ? JSON.stringify(value) : String(value)}
                </span>
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Group>
      )}

      <Collapse
        size="small"
        items={[
          {
            key: 'raw',
            label: t('mediaViewer:common.rawJson'),
            children: (
              <pre className="media-raw-json" data-testid="raw-json">
                {JSON.stringify(meta, null, 2)}
              </pre>
            ),
          },
        ]}
      />
    </div>
  )
}
