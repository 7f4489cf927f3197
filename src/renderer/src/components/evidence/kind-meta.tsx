import type { ReactNode } from 'react'
import { Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { formatDuration, formatNumber } from '../../lib/format'
import { dict, num, str, type Dict } from './meta-read'
import { MonitoringMeta } from './monitoring-meta'

type Row = { key: string; label: string; children: ReactNode }

const CODECS: Record<string, string> = {
  h264: 'H.264 (AVC)',
  hevc: 'H.265 (HEVC)',
  mpeg4: 'MPEG-4 Part 2',
  mjpeg: 'Motion JPEG',
  aac: 'AAC',
  mp3: 'MP3',
  opus: 'Opus',
  pcm_s16le: 'PCM',
  pcm_mulaw: 'G.711 μ-law',
  pcm_alaw: 'G.711 A-law',
}
const CONTAINERS: Record<string, string> = {
  'video/mp4': 'MP4',
  'video/quicktime': 'MOV',
  'video/x-msvideo': 'AVI',
  'video/x-matroska': 'MKV',
  'video/webm': 'WebM',
}

/** ffprobe names a family ("mov,mp4,m4a,3gp,3g2,mj2"); the MIME says which member this file is. */
function containerName(container: string | null, mime: string): string | null {
  if (!container) return null
  return CONTAINERS[mime] ?? container.split(',')[0].toUpperCase()
}

function codecName(codec: string | null): string | null {
  return codec ? (CODECS[codec] ?? codec) : null
}

/** The per-kind facts of an item in words: what a reviewer would otherwise dig out of `meta`. */
export function KindMeta({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation()
  const meta = item.meta
  const rows: Row[] = []
  const add = (key: string, label: string, value: ReactNode | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') rows.push({ key, label, children: value })
  }
  const deg = (v: unknown) => fmt(v, 1, (n) => `${n}°`)
  const metres = (v: unknown) => fmt(v, 1, (n) => t('item.metres', { value: n }))

  switch (item.kind) {
    case 'video':
      add('container', t('item.video.container'), containerName(str(meta.container), item.mime))
      add('videoCodec', t('item.video.videoCodec'), codecName(str(meta.videoCodec)))
      add(
        'audioCodec',
        t('item.video.audioCodec'),
        codecName(str(meta.audioCodec)) ?? t('item.video.noAudio'),
      )
      add('fps', t('item.video.fps'), fmt(meta.fps, 2))
      add(
        'duration',
        t('item.video.duration'),
        item.durationSec === null ? null : formatDuration(item.durationSec, t),
      )
      break
    case 'transcript': {
      const format = str(meta.format)
      add(
        'format',
        t('item.transcript.format'),
        format && t(`item.transcript.formats.${format}`, { defaultValue: format }),
      )
      add('encoding', t('item.transcript.encoding'), str(meta.encoding)?.toUpperCase())
      const turns = num(meta.turns)
      add(
        'turns',
        t('item.transcript.turns'),
        turns === null ? null : t('item.transcript.turnCount', { count: turns }),
      )
      add(
        'title',
        t('item.transcript.title'),
        str(meta.title) && <span data-user-data>{str(meta.title)}</span>,
      )
      const header = dict(meta.header) ?? {}
      for (const [k, v] of Object.entries(header))
        add(`h-${k}`, k, typeof v === 'string' ? <span data-user-data>{v}</span> : null)
      break
    }
    case 'monitoring':
      return <MonitoringMeta meta={meta} />
    case 'thermal': {
      const th = dict(meta.thermal)
      if (th) thermalRows(th, add, t)
      droneRows(dict(meta.drone), add, t, deg, metres)
      break
    }
    case 'image':
      droneRows(dict(meta.drone), add, t, deg, metres)
      add(
        'software',
        t('item.image.software'),
        str(meta.software) && <span data-user-data>{str(meta.software)}</span>,
      )
      break
    case 'document':
      add('encoding', t('item.transcript.encoding'), str(meta.encoding)?.toUpperCase())
      break
  }
  if (rows.length === 0) return <Typography.Text type="secondary">{t('item.noMeta')}</Typography.Text>
  return (
    <Descriptions
      colon={false}
      size="small"
      column={1}
      className="details-descriptions"
      styles={{ label: { width: 112 } }}
      items={rows}
    />
  )
}

/** A number from meta, rounded and dressed by `wrap`; null when meta has none. */
function fmt(v: unknown, digits: number, wrap: (n: string) => string = (n) => n): string | null {
  const n = num(v)
  return n === null ? null : wrap(formatNumber(n, digits))
}

type Add = (key: string, label: string, value: ReactNode | null | undefined) => void
type T = ReturnType<typeof useTranslation>['t']

function thermalRows(th: Dict, add: Add, t: T) {
  const format = str(th.format)
  add(
    'tformat',
    t('item.thermal.format'),
    format && t(`item.thermal.formats.${format}`, { defaultValue: format }),
  )
  if (th.relativeOnly === true) {
    add('trange', t('item.thermal.values'), t('item.thermal.relative'))
  } else {
    const c = (v: unknown) => fmt(v, 1, (n) => `${n} °C`)
    add('tmin', t('item.thermal.min'), c(th.minC))
    add('tmax', t('item.thermal.max'), c(th.maxC))
    add('tmean', t('item.thermal.mean'), c(th.meanC))
  }
  add('temis', t('item.thermal.emissivity'), fmt(th.emissivity, 2))
  const w = num(th.rawWidth)
  const h = num(th.rawHeight)
  add('traw', t('item.thermal.rawSize'), w && h ? `${w} × ${h}` : null)
}

function droneRows(
  drone: Dict | null,
  add: Add,
  t: T,
  deg: (v: unknown) => string | null,
  metres: (v: unknown) => string | null,
) {
  if (!drone) return
  add('absAlt', t('item.drone.absoluteAltitude'), metres(drone.absoluteAltitude))
  add('relAlt', t('item.drone.relativeAltitude'), metres(drone.relativeAltitude))
  const gimbal = [drone.gimbalYaw, drone.gimbalPitch, drone.gimbalRoll].map(deg)
  if (gimbal.some(Boolean))
    add(
      'gimbal',
      t('item.drone.gimbal'),
      t('item.drone.angles', { yaw: gimbal[0] ?? '—', pitch: gimbal[1] ?? '—', roll: gimbal[2] ?? '—' }),
    )
  const flight = [drone.flightYaw, drone.flightPitch, drone.flightRoll].map(deg)
  if (flight.some(Boolean))
    add(
      'flight',
      t('item.drone.flight'),
      t('item.drone.angles', { yaw: flight[0] ?? '—', pitch: flight[1] ?? '—', roll: flight[2] ?? '—' }),
    )
}
