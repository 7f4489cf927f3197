/**
 * The case time zone (issue 15): a new case made on a machine set to UTC starts in Asia/Shanghai,
 * one on a machine with a real zone keeps it; the zone is changed later only with a reason, as a
 * custody event naming the old and the new zone, and every time written afterwards follows it.
 */
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CaseFile } from '../../src/core/case/case-file'
import { iterateCustodyEvents, verifyChain } from '../../src/core/custody/custody-log'
import { Backend } from '../../src/core/api/backend'
import { caseTime } from '../../src/core/documents/document-format'
import { custodyDetailsInWords, sentenceText } from '../../src/shared/custody-words'
import { AppData } from '../../src/core/profile/app-data'
import { OFFICER_A, sampleCaseFields } from '../support/case-fixture'
import { caseInitArgs, evidesk } from '../support/cli'
import { fixedClock, tempDir } from '../support/temp'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir('zone-')
})
afterEach(() => tmp.cleanup())

describe('a new case from the command line', () => {
  const initWithoutZone = (dir: string) =>
    caseInitArgs(dir).filter((a, i, all) => a !== '--timezone' && all[i - 1] !== '--timezone')
  const zoneOf = (tz: string) => {
    const env = { EVIDESK_DATA_DIR: join(tmp.dir, `data-${tz.replace('/', '-')}`), TZ: tz }
    new AppData(env.EVIDESK_DATA_DIR).saveProfile({ name: '张三', certNo: '32010001', unit: '某局' })
    const r = evidesk([...initWithoutZone(join(tmp.dir, `case-${tz.replace('/', '-')}`)), '--json'], env)
    expect(r.code, r.stderr).toBe(0)
    return (JSON.parse(r.stdout) as { timezone: string }).timezone
  }
  it('starts in Asia/Shanghai on a machine set to UTC, and in the machine zone otherwise', () => {
    expect(zoneOf('UTC')).toBe('Asia/Shanghai')
    expect(zoneOf('Etc/UTC')).toBe('Asia/Shanghai')
    expect(zoneOf('Europe/Berlin')).toBe('Europe/Berlin')
  })
})

describe('changing the case time zone', () => {
  it('needs a reason, records old and new zone in the custody log, and times follow', () => {
    const file = CaseFile.create(
      join(tmp.dir, 'case'),
      sampleCaseFields({ timezone: 'UTC' }),
      OFFICER_A,
      fixedClock(),
    )
    try {
      expect(() => file.setTimeZone('Asia/Shanghai', '  ', OFFICER_A, fixedClock())).toThrow(/why/)
      expect(file.info().timezone).toBe('UTC')
      const info = file.setTimeZone(
        'Asia/Shanghai',
        '案发地在南京，建案时误用了 UTC',
        OFFICER_A,
        fixedClock(),
      )
      expect(info.timezone).toBe('Asia/Shanghai')
      const events = [...iterateCustodyEvents(file.db)].filter((e) => e.action === 'case-edited')
      expect(events).toHaveLength(1)
      expect(events[0].details).toEqual({
        field: 'timezone',
        from: 'UTC',
        to: 'Asia/Shanghai',
        reason: '案发地在南京，建案时误用了 UTC',
      })
      expect(sentenceText(custodyDetailsInWords(events[0], { lang: 'zh-CN', timezone: info.timezone }))).toBe(
        '案件时区：UTC → Asia/Shanghai（原因：案发地在南京，建案时误用了 UTC）',
      )
      expect(verifyChain(iterateCustodyEvents(file.db)).intact).toBe(true)
      // the same zone again records nothing
      file.setTimeZone('Asia/Shanghai', '再确认', OFFICER_A, fixedClock())
      expect([...iterateCustodyEvents(file.db)].filter((e) => e.action === 'case-edited')).toHaveLength(1)
      expect(caseTime('2021-05-23T20:03:12Z', file.info().timezone)).toBe('2021-05-24 04:03:12 +08:00')
    } finally {
      file.close()
    }
  })

  it('is refused without a reason or with an unknown zone at the API', async () => {
    const backend = new Backend({
      mode: 'browser',
      dataDir: join(tmp.dir, 'data'),
      version: 'test',
      clock: fixedClock(),
    })
    try {
      await backend.dispatch('profile:save', { ...OFFICER_A, unit: '某局' })
      await backend.dispatch('case:create', { dir: join(tmp.dir, 'api-case'), fields: sampleCaseFields() })
      expect(
        await backend.dispatch('case:set-timezone', { timezone: 'Europe/Berlin', reason: '' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      })
      expect(
        await backend.dispatch('case:set-timezone', { timezone: 'Asia/Atlantis', reason: '搬迁' }),
      ).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
      const done = await backend.dispatch('case:set-timezone', {
        timezone: 'Asia/Urumqi',
        reason: '案发地在新疆',
      })
      expect(done).toMatchObject({ ok: true, value: { timezone: 'Asia/Urumqi' } })
    } finally {
      await backend.dispose()
    }
  })
})
