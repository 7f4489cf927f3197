/**
 * A recorded clock offset per device (issue 15): set, change and remove are custody events in
 * words; the capture times stay as recorded and the corrected ones are derived on read, for the
 * device's items and a still cut from its video; nonsense is refused naming the field; the offsets
 * travel in the package and a reviewer sees the same corrected times. Real ffmpeg media, real
 * SQLite, the real command line.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CaseFile } from '../../src/core/case/case-file'
import { clockOffsets, removeClockOffset, setClockOffset } from '../../src/core/clock/clock-offsets'
import { iterateCustodyEvents } from '../../src/core/custody/custody-log'
import { importPaths } from '../../src/core/evidence/import'
import { getItem, queryItems } from '../../src/core/evidence/item-repository'
import { deriveFromVideo } from '../../src/core/evidence/kinds/video/derive-item'
import { EvidenceError } from '../../src/core/errors'
import { captureTime } from '../../src/core/documents/document-format'
import { custodyDetailsInWords, sentenceText } from '../../src/shared/custody-words'
import { parseClockOffset } from '../../src/shared/clock-offset'
import { AppData } from '../../src/core/profile/app-data'
import { Backend } from '../../src/core/api/backend'
import { openBag } from '../../src/core/package/bagit'
import { OFFICER_A, OFFICER_B, sampleCaseFields } from '../support/case-fixture'
import { caseInitArgs, evidesk } from '../support/cli'
import { makeBodycamMp4, makeDroneJpeg } from '../support/media'
import { fixedClock, tempDir } from '../support/temp'

const tmp = tempDir('clock-offsets-')
let file: CaseFile
let video: string
let photo: string
const clock = fixedClock('2026-05-25T00:00:00Z')

beforeAll(async () => {
  const media = join(tmp.dir, 'media')
  mkdirSync(media)
  // container time 2021-05-23T20:03:12Z = 04:03:12 +08:00; the recorder's id comes from the file name
  const v = makeBodycamMp4(media, { durationSec: 3 })
  const p = await makeDroneJpeg(media)
  file = CaseFile.create(join(tmp.dir, 'case'), sampleCaseFields(), OFFICER_A, clock)
  const { results } = await importPaths(file, [v, p], { actor: OFFICER_A, clock })
  video = results.find((r) => r.path === v)!.id!
  photo = results.find((r) => r.path === p)!.id!
}, 120_000)
afterAll(() => {
  file?.close()
  tmp.cleanup()
})

const sentence = (lang: 'zh-CN' | 'en', action: string) => {
  const e = [...iterateCustodyEvents(file.db)].filter((x) => x.action === action).at(-1)!
  return sentenceText(custodyDetailsInWords(e, { lang, timezone: 'Asia/Shanghai' }))
}

describe('a device clock offset', () => {
  it('is set on the recorder: its items read corrected beside the recorded time, a custody event in words', async () => {
    expect(getItem(file.db, video)!.device).toMatchObject({ id: 'DSJ-A8-00123' })
    const offset = setClockOffset(
      file,
      {
        device: 'DSJ-A8-00123',
        offsetMs: parseClockOffset('+3m12s')!,
        checkedAt: '2021-05-24',
        against: '北京时间',
        reason: '现场对照手机北京时间',
      },
      OFFICER_A,
      clock,
    )
    expect(offset).toMatchObject({ offsetMs: 192_000, against: '北京时间', setBy: OFFICER_A })
    const item = getItem(file.db, video)!
    expect(item.capturedAt).toBe('2021-05-24T04:03:12+08:00')
    expect(item.clock?.correctedAt).toBe('2021-05-24T04:00:00+08:00')
    // the stored row is untouched: only the read derives the corrected time
    expect(file.db.prepare('SELECT captured_at FROM items WHERE id = ?').get(video)).toEqual({
      captured_at: '2021-05-24T04:03:12+08:00',
    })
    // another device's items are not corrected
    expect(getItem(file.db, photo)!.clock).toBeUndefined()
    expect(queryItems(file.db).items.find((i) => i.id === video)!.clock?.offset.offsetMs).toBe(192_000)
    expect(sentence('zh-CN', 'clock-offset-set')).toBe(
      'DSJ-A8-00123 快 3分12秒（2021年5月24日与北京时间核对；原因：现场对照手机北京时间）',
    )
  })

  it('is the time the transfer documents use, saying so, the recorded one beside it', () => {
    expect(captureTime(getItem(file.db, video)!, 'Asia/Shanghai')).toBe(
      '2021-05-24 04:00:00 +08:00（已按设备时钟偏差校正：设备快 3分12秒，2021年5月24日与北京时间核对；记录时间 2021-05-24 04:03:12 +08:00，取自视频容器元数据）',
    )
    expect(captureTime(getItem(file.db, photo)!, 'Asia/Shanghai')).not.toContain('校正')
  })

  it('applies to a still cut from that video (its time comes from the source frame)', async () => {
    const r = await deriveFromVideo(file, { itemId: video, operation: 'still', start: 1 }, OFFICER_A, clock)
    const still = getItem(file.db, r.id!)!
    expect(still.capturedAt).toBe('2021-05-24T04:03:13+08:00')
    expect(still.clock?.correctedAt).toBe('2021-05-24T04:00:01+08:00')
  })

  it('is changed naming old → new, then removed naming the old one; times read as recorded again', () => {
    setClockOffset(
      file,
      {
        device: 'DSJ-A8-00123',
        offsetMs: -5_500,
        checkedAt: '2021-05-25T09:00:00+08:00',
        against: 'GPS',
        reason: '复核',
      },
      OFFICER_A,
      clock,
    )
    expect(getItem(file.db, video)!.clock?.correctedAt).toBe('2021-05-24T04:03:17.500+08:00')
    expect(sentence('zh-CN', 'clock-offset-changed')).toBe(
      'DSJ-A8-00123：快 3分12秒（2021年5月24日与北京时间核对） → 慢 5.5秒（2021年5月25日 09:00与GPS核对；原因：复核）',
    )
    removeClockOffset(file, { device: 'DSJ-A8-00123', reason: '核对有误' }, OFFICER_A, clock)
    expect(getItem(file.db, video)!.clock).toBeUndefined()
    expect(clockOffsets(file.db)).toEqual([])
    expect(sentence('en', 'clock-offset-removed')).toBe(
      'DSJ-A8-00123: was 5.5 s slow (checked against GPS on 2021-05-25 09:00) (reason: 核对有误)',
    )
    expect(
      [...iterateCustodyEvents(file.db)]
        .filter((e) => e.action.startsWith('clock-offset'))
        .map((e) => e.action),
    ).toEqual(['clock-offset-set', 'clock-offset-changed', 'clock-offset-removed'])
  })

  it('refuses nonsense naming the field, and changes nothing', () => {
    const events = [...iterateCustodyEvents(file.db)].length
    const attempt = (over: Partial<Parameters<typeof setClockOffset>[1]>) => {
      try {
        setClockOffset(
          file,
          {
            device: 'DSJ-A8-00123',
            offsetMs: 1000,
            checkedAt: '2021-05-24',
            against: '北京时间',
            reason: 'r',
            ...over,
          },
          OFFICER_A,
          clock,
        )
      } catch (e) {
        expect(e).toBeInstanceOf(EvidenceError)
        return (e as EvidenceError).fields?.[0]?.path
      }
      return 'accepted'
    }
    expect(attempt({ offsetMs: 8 * 24 * 3600 * 1000 })).toBe('offset')
    expect(attempt({ reason: '  ' })).toBe('reason')
    expect(attempt({ against: '' })).toBe('against')
    expect(attempt({ checkedAt: '2021-02-30' })).toBe('checked')
    expect(attempt({ device: 'DSJ-X9-99999' })).toBe('device')
    expect(() => removeClockOffset(file, { device: 'DSJ-A8-00123', reason: 'r' }, OFFICER_A, clock)).toThrow(
      /no clock offset/,
    )
    expect([...iterateCustodyEvents(file.db)].length).toBe(events)
  })
})

describe('evidesk clock', () => {
  const env = () => ({ EVIDESK_DATA_DIR: join(tmp.dir, 'cli-data') })
  let caseDir: string
  beforeAll(() => {
    new AppData(env().EVIDESK_DATA_DIR).saveProfile({ ...OFFICER_A, unit: '南京市生态环境局' })
    caseDir = join(tmp.dir, 'cli-case')
    expect(evidesk(caseInitArgs(caseDir), env()).code).toBe(0)
    const card = join(tmp.dir, 'cli-card')
    mkdirSync(card)
    makeBodycamMp4(card, { durationSec: 2 })
    expect(evidesk(['import', caseDir, card], env()).code).toBe(0)
  }, 120_000)

  it('sets, lists (JSON) and removes an offset; the item shows both times', () => {
    const set = evidesk(
      [
        'clock',
        caseDir,
        'DSJ-A8-00123',
        '--offset',
        '+192s',
        '--checked',
        '2021-05-24',
        '--against',
        '北京时间',
        '--reason',
        '现场核对',
      ],
      env(),
    )
    expect(set.code, set.stderr).toBe(0)
    expect(set.stderr).toContain('DSJ-A8-00123  3 min 12 s fast  checked against 北京时间 on 2021-05-24')
    const list = evidesk(['clock', caseDir, '--list', '--json'], env())
    expect(list.code).toBe(0)
    const parsed = JSON.parse(list.stdout) as {
      offsets: Array<{ offsetMs: number }>
      devices: Array<{ name: string }>
    }
    expect(parsed.offsets.map((o) => o.offsetMs)).toEqual([192_000])
    expect(parsed.devices.map((d) => d.name)).toEqual(['DSJ-A8-00123'])
    const shown = JSON.parse(evidesk(['show', caseDir, 'E001', '--json'], env()).stdout) as {
      capturedAt: string
      clock: { correctedAt: string }
    }
    expect([shown.capturedAt, shown.clock.correctedAt]).toEqual([
      '2021-05-24T04:03:12+08:00',
      '2021-05-24T04:00:00+08:00',
    ])
    const zh = evidesk(['clock', caseDir, '--list', '--lang', 'zh-CN'], env())
    expect(zh.stderr).toContain('DSJ-A8-00123  快 3分12秒  2021年5月24日与北京时间核对')
    const removed = evidesk(['clock', caseDir, 'DSJ-A8-00123', '--remove', '--reason', '核对有误'], env())
    expect(removed.code, removed.stderr).toBe(0)
    expect(JSON.parse(evidesk(['clock', caseDir, '--list', '--json'], env()).stdout).offsets).toEqual([])
  })

  it('exits 2 naming the field on bad input', () => {
    const run = (...extra: string[]) =>
      evidesk(
        ['clock', caseDir, 'DSJ-A8-00123', '--checked', '2021-05-24', '--against', 'GPS', ...extra],
        env(),
      )
    const badOffset = run('--offset', 'fast', '--reason', 'r')
    expect(badOffset.code).toBe(2)
    expect(badOffset.stderr).toContain('--offset')
    const noReason = run('--offset', '+3s')
    expect(noReason.code).toBe(2)
    expect(noReason.stderr).toContain('--reason')
    const tooFar = run('--offset', '+200h', '--reason', 'r')
    expect(tooFar.code).toBe(2)
    expect(tooFar.stderr).toContain('--offset')
    const unknown = evidesk(
      [
        'clock',
        caseDir,
        'NOPE-1',
        '--offset',
        '+3s',
        '--checked',
        '2021-05-24',
        '--against',
        'GPS',
        '--reason',
        'r',
      ],
      env(),
    )
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('DSJ-A8-00123')
  })
})

describe('in the package and in review', () => {
  it('travels in case.json; the reviewer sees the corrected times read-only and cannot change them', async () => {
    const call = async <T>(b: Backend, channel: string, input: unknown = {}) => {
      const r = await b.dispatch(channel, input)
      if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`)
      return r.value as T
    }
    const card = join(tmp.dir, 'pkg-card')
    mkdirSync(card)
    makeBodycamMp4(card, { durationSec: 2 })
    const officer = new Backend({ mode: 'browser', dataDir: join(tmp.dir, 'pkg-officer'), version: 'test' })
    await call(officer, 'profile:save', { ...OFFICER_A, unit: '南京市生态环境局' })
    await call(officer, 'case:create', { dir: join(tmp.dir, 'pkg-case'), fields: sampleCaseFields() })
    await call(officer, 'import:start', { paths: [card] })
    await officer.idle()
    await call(officer, 'clock:set', {
      device: 'DSJ-A8-00123',
      offsetMs: 192_000,
      checkedAt: '2021-05-24',
      against: '北京时间',
      reason: '现场核对',
    })
    const { items } = await call<{ items: Array<{ id: string }> }>(officer, 'evidence:list', {})
    const v = await call<{ id: string }>(officer, 'violation:save', {
      title: '偷排',
      facts: '现场检查',
      occurredFrom: null,
      occurredTo: null,
      place: '厂区',
      basis: ['water-39'],
      status: 'confirmed',
    })
    await call(officer, 'violation:link', { violationId: v.id, itemId: items[0].id, note: '证明偷排' })
    const zip = join(tmp.dir, 'pkg.zip')
    const { taskId } = await call<{ taskId: string }>(officer, 'export:start', { target: zip })
    await officer.idle()
    const exported = (await call<Array<{ taskId: string; state: string }>>(officer, 'job:list')).find(
      (j) => j.taskId === taskId,
    )
    expect(exported?.state).toBe('done')
    await officer.dispose()
    const bag = await openBag(zip)
    try {
      const caseJson = JSON.parse((await bag.readFile('data/case.json', 1 << 24)).toString('utf8')) as {
        clockOffsets: Array<{ offsetMs: number }>
      }
      expect(caseJson.clockOffsets.map((o) => o.offsetMs)).toEqual([192_000])
      const report = (await bag.readFile('data/report/index.html', 1 << 24)).toString('utf8')
      expect(report).toContain(
        '校正后 2021-05-24 04:00:00 +08:00（设备快 3分12秒，2021年5月24日与北京时间核对）',
      )
    } finally {
      await bag.close()
    }

    const reviewer = new Backend({ mode: 'browser', dataDir: join(tmp.dir, 'pkg-reviewer'), version: 'test' })
    try {
      await call(reviewer, 'profile:save', { ...OFFICER_B, unit: '南京市公安局' })
      const open = await call<{ taskId: string }>(reviewer, 'review:open', { path: zip })
      await reviewer.idle()
      const opened = (await call<Array<{ taskId: string; state: string }>>(reviewer, 'job:list')).find(
        (j) => j.taskId === open.taskId,
      )
      expect(opened?.state).toBe('done')
      const seen = await call<{ items: Array<{ capturedAt: string; clock?: { correctedAt: string } }> }>(
        reviewer,
        'evidence:list',
        {},
      )
      expect(seen.items.map((i) => [i.capturedAt, i.clock?.correctedAt])).toEqual([
        ['2021-05-24T04:03:12+08:00', '2021-05-24T04:00:00+08:00'],
      ])
      const listed = await call<{ offsets: Array<{ offsetMs: number; reason: string }> }>(
        reviewer,
        'clock:list',
      )
      expect(listed.offsets).toMatchObject([{ offsetMs: 192_000, reason: '现场核对' }])
      const refused = await reviewer.dispatch('clock:remove', { device: 'DSJ-A8-00123', reason: 'x' })
      expect(refused.ok ? null : refused.error.code).toBe('read-only')
    } finally {
      await reviewer.dispose()
    }
  }, 180_000)
})
