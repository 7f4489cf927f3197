import type { ReactNode } from 'react'
import { Descriptions, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem, ItemSource } from '../../../../shared/types'
import { formatBytes, formatCoordinate, formatNumber } from '../../lib/format'
import { formatInZone } from '../../lib/time'
import { useCurrentCase } from '../../state/session'
import { CapturedTime } from './captured-time'
import { CorrectedTime, DeviceClock } from './clock-offset'
import { timeSourceText } from '../../lib/message-maps'

const LABEL_WIDTH = 112

type Row = { key: string; label: string; children: ReactNode }

/** What the item is and where it came from: identity, integrity, capture, place, device, import. */
export function DetailsFacts({ item, sources }: { item: EvidenceItem; sources: ItemSource[] }) {
  const { t, i18n } = useTranslation()
  const { timezone } = useCurrentCase()
  const device = item.device
  const rows: Array<Row | false | null> = [
    {
      key: 'sha256',
      label: t('item.sha256'),
      children: (
        <span>
          <Typography.Text type="secondary" className="small">
            {t('item.sha256Algorithm')}
          </Typography.Text>
          <br />
          <Typography.Text copyable className="mono break-all small" data-testid="item-sha256" data-user-data>
            {item.sha256}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'size',
      label: t('item.size'),
      children: (
        <span>
          {formatBytes(item.size)}{' '}
          <Typography.Text type="secondary" className="small">
            {t('item.bytes', { count: item.size, formatted: item.size.toLocaleString(i18n.language) })}
          </Typography.Text>
        </span>
      ),
    },
    { key: 'mime', label: t('item.mime'), children: <span className="mono small">{item.mime}</span> },
    { key: 'name', label: t('item.originalName'), children: <span data-user-data>{item.originalName}</span> },
    {
      key: 'captured',
      label: t('item.capturedAt'),
      children: (
        <span className="captured-cell">
          {item.clock?.correctedAt ? <CorrectedTime item={item} /> : <CapturedTime item={item} />}
          {item.capturedAtSource && (
            <Typography.Text type="secondary" className="small">
              {t('item.timeSourceLine', { source: timeSourceText(t, item) })}
              {item.utcOffset ? ` · ${t('item.offset', { offset: item.utcOffset })}` : ''}
            </Typography.Text>
          )}
        </span>
      ),
    },
    item.gps && {
      key: 'gps',
      label: t('item.gps'),
      children: (
        <span>
          <Typography.Text copyable className="mono" data-testid="item-gps" data-user-data>
            {`${formatCoordinate(item.gps.lat)}, ${formatCoordinate(item.gps.lon)}`}
          </Typography.Text>
          {item.gps.alt !== null && (
            <Typography.Text type="secondary" className="small">
              {' '}
              {t('item.altitude', { alt: formatNumber(item.gps.alt, 1) })}
            </Typography.Text>
          )}
        </span>
      ),
    },
    device && {
      key: 'device',
      label: t('item.device'),
      children: (
        <div>
          <span data-user-data>
            {[device.make, device.model].filter(Boolean).join(' ')}
            {device.serial && <div className="mono small">{t('item.serial', { serial: device.serial })}</div>}
            {device.id && <div className="mono small">{t('item.deviceId', { id: device.id })}</div>}
          </span>
          <DeviceClock item={item} />
        </div>
      ),
    },
    item.width !== null &&
      item.height !== null && {
        key: 'dimensions',
        label: t('item.dimensions'),
        children: <span className="mono">{`${item.width} × ${item.height}`}</span>,
      },
    {
      key: 'imported',
      label: t('item.importedBy'),
      children: (
        <span>
          <span data-user-data>{item.importedBy.name}</span>{' '}
          <Typography.Text type="secondary" className="mono small" data-user-data>
            {item.importedBy.certNo}
          </Typography.Text>
          <div className="mono small">{formatInZone(item.importedAt, timezone)}</div>
        </span>
      ),
    },
    {
      key: 'sources',
      label: t('item.sources', { count: Math.max(1, sources.length) }),
      children: (
        <ul className="source-list" data-testid="item-sources">
          {(sources.length ? sources : [fallbackSource(item)]).map((s, i) => (
            <li key={i}>
              <span className="mono small break-all" data-user-data title={s.path}>
                {s.path}
              </span>
              {s.duplicate && <Tag className="source-tag">{t('item.duplicateSource')}</Tag>}
              {s.linkTarget && (
                <div className="mono small secondary break-all" data-user-data>
                  {t('item.linkTarget', { target: s.linkTarget })}
                </div>
              )}
              {s.duplicate && (
                <div className="small secondary">
                  {t('item.seenAt', { time: formatInZone(s.seenAt, timezone) })}
                </div>
              )}
            </li>
          ))}
        </ul>
      ),
    },
  ]
  const items = rows.filter((x): x is Row => Boolean(x))

  return (
    <Descriptions
      colon={false}
      size="small"
      column={1}
      className="details-descriptions"
      styles={{ label: { width: LABEL_WIDTH } }}
      items={items}
    />
  )
}

/** Items always have their first source; this covers a backend that has not listed them. */
function fallbackSource(item: EvidenceItem): ItemSource {
  return {
    path: item.sourcePath,
    duplicate: false,
    linkTarget: null,
    seenAt: item.importedAt,
    mtime: item.sourceMtime,
  }
}
