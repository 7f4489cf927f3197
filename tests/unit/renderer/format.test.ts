import { describe, expect, it } from 'vitest'
import {
  baseName,
  dirName,
  formatBytes,
  formatCoordinate,
  formatDuration,
  formatNumber,
  formatSpeed,
} from '../../../src/renderer/src/lib/format'
import { isPlainFolderName, joinPath, pathCrumbs, separatorOf } from '../../../src/renderer/src/lib/paths'
import { formatCapturedAt, formatIsoWithOwnOffset } from '../../../src/renderer/src/lib/item-time'
import { formatInZone, timeZoneOptions } from '../../../src/renderer/src/lib/time'
import { caseTimeInput, parseCaseTime } from '../../../src/renderer/src/components/violations/violation-time'
import { translator } from './support/i18n'

describe('format', () => {
  it('writes sizes in binary units as file managers do', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(1023)).toBe('1023 B')
    expect(formatBytes(1024)).toBe('1.0 KB')
    expect(formatBytes(1.4 * 1024 * 1024)).toBe('1.4 MB')
    expect(formatBytes(150 * 1024 ** 3)).toBe('150 GB')
    expect(formatBytes(3 * 1024 ** 5)).toBe('3072 TB')
    expect(formatBytes(-1)).toBe('—')
    expect(formatBytes(Number.NaN)).toBe('—')
    expect(formatSpeed(350 * 1024 * 1024)).toBe('350.0 MB/s')
  })

  it('writes a duration in the interface language, leaving out zero parts', () => {
    const zh = translator('zh-CN')
    const en = translator('en')
    expect(formatDuration(125, zh)).toBe('2 分 5 秒')
    expect(formatDuration(3600, zh)).toBe('1 小时')
    expect(formatDuration(0, zh)).toBe('0 秒')
    expect(formatDuration(-5, zh)).toBe('0 秒')
    expect(formatDuration(3725.4, en)).toMatch(/^1 h 2 min 5 s$/)
  })

  it('keeps coordinates to six decimals and facts without trailing zeros', () => {
    expect(formatCoordinate(31.2304166666)).toBe('31.230417')
    expect(formatNumber(2.5)).toBe('2.5')
    expect(formatNumber(2.0)).toBe('2')
    expect(formatNumber(1.23456, 3)).toBe('1.235')
  })

  it('splits paths from either kind of machine', () => {
    expect(baseName('/media/card/DCIM/100MEDIA/DJI_0001.JPG')).toBe('DJI_0001.JPG')
    expect(baseName('D:\\执法记录仪\\20210524_040312.MP4')).toBe('20210524_040312.MP4')
    expect(dirName('D:\\执法记录仪\\20210524_040312.MP4')).toBe('D:\\执法记录仪')
    expect(dirName('file.txt')).toBe('')
  })
})

describe('paths for the folder browser', () => {
  it('takes the separator from the path itself', () => {
    expect(separatorOf('/home/zhang')).toBe('/')
    expect(separatorOf('C:\\Users\\zhang')).toBe('\\')
    expect(joinPath('/home/zhang', '案件')).toBe('/home/zhang/案件')
    expect(joinPath('/', 'tmp')).toBe('/tmp')
    expect(joinPath('C:\\', 'cases')).toBe('C:\\cases')
  })

  it('breaks a path into crumbs, each with the path up to it', () => {
    expect(pathCrumbs('/home/a/b')).toEqual([
      { label: '/', path: '/' },
      { label: 'home', path: '/home' },
      { label: 'a', path: '/home/a' },
      { label: 'b', path: '/home/a/b' },
    ])
    expect(pathCrumbs('C:\\x\\y')).toEqual([
      { label: 'C:\\', path: 'C:\\' },
      { label: 'x', path: 'C:\\x' },
      { label: 'y', path: 'C:\\x\\y' },
    ])
  })

  it('accepts one plain folder name, never a path or a dot name', () => {
    expect(isPlainFolderName(' 2024-001 某公司超标排放案 ')).toBe(true)
    for (const bad of ['', '  ', '.', '..', 'a/b', 'a\\b']) expect(isPlainFolderName(bad), bad).toBe(false)
  })
})

describe('times as officers read them', () => {
  it('shows an instant in the case zone with the offset that applied then', () => {
    expect(formatInZone('2021-05-23T20:03:12Z', 'Asia/Shanghai')).toBe('2021-05-24 04:03:12 +08:00')
    expect(formatInZone('2021-01-15T12:00:00Z', 'America/New_York')).toBe('2021-01-15 07:00:00 -05:00')
    expect(formatInZone('2021-07-15T12:00:00Z', 'America/New_York')).toBe('2021-07-15 08:00:00 -04:00')
    expect(formatInZone('not a time', 'Asia/Shanghai')).toBe('not a time')
  })

  it('shows a capture time with the offset its source recorded, not the viewer’s', () => {
    expect(formatIsoWithOwnOffset('2021-05-24T02:00:00+08:00')).toBe('2021-05-24 02:00:00 +08:00')
    expect(formatCapturedAt({ capturedAt: '2021-05-23T20:03:12Z', utcOffset: '+08:00' })).toBe(
      '2021-05-24 04:03:12 +08:00',
    )
    expect(formatCapturedAt({ capturedAt: '2021-05-24T04:03:12+09:00', utcOffset: null })).toBe(
      '2021-05-24 04:03:12 +09:00',
    )
    expect(formatCapturedAt({ capturedAt: null, utcOffset: '+08:00' })).toBeNull()
  })

  it('lists time zones with their offsets, keeping one the runtime may not list', () => {
    const options = timeZoneOptions(['Asia/Shanghai', 'Asia/Calcutta', 'Etc/Unknown-Kept'])
    expect(options.find((o) => o.value === 'Asia/Shanghai')?.label).toBe('Asia/Shanghai (UTC+08:00)')
    // an alias the runtime knows but does not list, and a zone it does not know at all (a case made elsewhere)
    expect(options.find((o) => o.value === 'Asia/Calcutta')?.label).toBe('Asia/Calcutta (UTC+05:30)')
    expect(options.find((o) => o.value === 'Etc/Unknown-Kept')?.label).toBe('Etc/Unknown-Kept')
    expect(options.some((o) => o.value === 'UTC')).toBe(true)
    expect(options.map((o) => o.value)).toEqual(
      [...options.map((o) => o.value)].sort((a, b) => a.localeCompare(b)),
    )
  })

  it('reads what an officer types as wall time in the case zone, and writes it back the same way', () => {
    expect(parseCaseTime('2021-05-24 02:00', 'Asia/Shanghai')).toBe('2021-05-24T02:00:00+08:00')
    expect(parseCaseTime('2021-5-4 2:00:30', 'Asia/Shanghai')).toBe('2021-05-04T02:00:30+08:00')
    expect(parseCaseTime('', 'Asia/Shanghai')).toBeNull()
    expect(parseCaseTime('2021-02-30 02:00', 'Asia/Shanghai')).toBe('invalid')
    expect(parseCaseTime('yesterday', 'Asia/Shanghai')).toBe('invalid')
    expect(caseTimeInput('2021-05-23T18:00:00Z', 'Asia/Shanghai')).toBe('2021-05-24 02:00')
    expect(caseTimeInput('2021-05-23T18:00:30Z', 'Asia/Shanghai')).toBe('2021-05-24 02:00:30')
    expect(caseTimeInput(null, 'Asia/Shanghai')).toBe('')
  })
})
