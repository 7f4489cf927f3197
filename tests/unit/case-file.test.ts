import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync, readdirSync, truncateSync, statSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { CaseFile } from '../../src/core/case/case-file'
import { checkCase } from '../../src/core/case/integrity'
import { iterateCustodyEvents } from '../../src/core/custody/custody-log'
import { fixedClock, tempDir } from '../support/temp'
import { OFFICER_A, OFFICER_B, sampleCaseFields } from '../support/case-fixture'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => (tmp = tempDir()))
afterEach(() => tmp.cleanup())

describe('case folder', () => {
  it('creates the layout, records the creation, and reopens with the same details', () => {
    const dir = join(tmp.dir, 'case-1')
    const created = CaseFile.create(dir, sampleCaseFields(), OFFICER_A, fixedClock())
    const info = created.info()
    created.close()
    // .lock.sqlite stays: it carries the OS lock, and deleting it would let two writers lock two files
    expect(readdirSync(dir).sort()).toEqual(['.lock.sqlite', 'case.sqlite', 'derived', 'objects'])
    const reopened = CaseFile.open(dir)
    expect(reopened.info()).toEqual(info)
    expect(info.officers).toEqual([OFFICER_A, OFFICER_B])
    expect(info.integrity).toBeNull()
    const events = [...iterateCustodyEvents(reopened.db)]
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'case-created', actor: OFFICER_A })
    expect(reopened.db.pragma('journal_mode', { simple: true })).toBe('wal')
    reopened.close()
  })

  it('refuses a non-empty folder and leaves it exactly as it was', () => {
    const dir = join(tmp.dir, 'busy')
    mkdirSync(dir)
    writeFileSync(join(dir, 'notes.txt'), 'x')
    expect(() => CaseFile.create(dir, sampleCaseFields(), OFFICER_A, fixedClock())).toThrow(/not empty/)
    expect(readdirSync(dir)).toEqual(['notes.txt'])
  })

  it('refuses a missing folder and a folder without case.sqlite', () => {
    expect(() => CaseFile.open(join(tmp.dir, 'nope'))).toThrow(/does not exist/)
    expect(() => CaseFile.open(tmp.dir)).toThrow(/not a case folder/)
  })

  it('refuses a second writer and names the process holding the case', () => {
    const dir = join(tmp.dir, 'c')
    const first = CaseFile.create(dir, sampleCaseFields(), OFFICER_A, fixedClock())
    expect(() => CaseFile.open(dir)).toThrow(new RegExp(`process ${process.pid}`))
    // readers need no lock
    const reader = CaseFile.open(dir, { readOnly: true })
    expect(reader.info().number).toBe(sampleCaseFields().number)
    reader.close()
    first.close()
  })

  it('a truncated case.sqlite is reported as damaged, naming the file', () => {
    const dir = join(tmp.dir, 'c')
    const file = CaseFile.create(dir, sampleCaseFields(), OFFICER_A, fixedClock())
    file.close()
    const db = join(dir, 'case.sqlite')
    truncateSync(db, Math.floor(statSync(db).size / 2))
    expect(() => CaseFile.open(dir)).toThrow(/case\.sqlite is damaged|Cannot open the case database/)
    expect(existsSync(join(dir, '.lock'))).toBe(false)
  })

  it('each edited field is one custody event with the old and new value', () => {
    const file = CaseFile.create(join(tmp.dir, 'c'), sampleCaseFields(), OFFICER_A, fixedClock())
    const clock = fixedClock('2026-06-01T00:00:00Z')
    const after = file.update(
      { title: '新标题', cause: '新案由', unit: sampleCaseFields().unit },
      OFFICER_B,
      clock,
    )
    expect(after.title).toBe('新标题')
    const events = [...iterateCustodyEvents(file.db)].slice(1)
    expect(events.map((e) => [e.action, e.details.field, e.details.to, e.actor.name])).toEqual([
      ['case-edited', 'title', '新标题', '李四'],
      ['case-edited', 'cause', '新案由', '李四'],
    ])
    file.close()
  })

  it('an integrity check is recorded and shows in the case info', async () => {
    const file = CaseFile.create(join(tmp.dir, 'c'), sampleCaseFields(), OFFICER_A, fixedClock())
    const result = await checkCase(file, OFFICER_A, fixedClock('2026-07-01T00:00:00Z'))
    expect(result).toMatchObject({
      ok: true,
      objects: { checked: 0, bad: [] },
      custody: { events: 1, intact: true },
    })
    expect(file.info().integrity).toEqual({ checkedAt: result.checkedAt, ok: true, problemCount: 0 })
    expect(file.info().custodyEventCount).toBe(2)
    file.close()
  })
})
