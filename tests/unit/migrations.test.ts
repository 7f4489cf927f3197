import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { openDatabase, type WritableDB } from '../../src/core/db/database'
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../src/core/db/migrations'
import { appendCustodyEvent, iterateCustodyEvents, verifyChain } from '../../src/core/custody/custody-log'
import { CaseFile } from '../../src/core/case/case-file'
import { fixedClock, tempDir } from '../support/temp'
import { OFFICER_A } from '../support/case-fixture'

let tmp: ReturnType<typeof tempDir>
let db: WritableDB
beforeEach(() => {
  tmp = tempDir()
  db = openDatabase(join(tmp.dir, 'case.sqlite'))
})
afterEach(() => {
  db.close()
  tmp.cleanup()
})

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length)
  })

  it('v1 → v2 keeps the case and its custody chain, and adds the evidence tables', () => {
    migrate(db, 1)
    expect(schemaVersion(db)).toBe(1)
    db.prepare(
      `INSERT INTO case_info (id, number, title, cause, subject_json, unit, timezone, created_at, created_by_json)
       VALUES ('c1', 'N-1', '标题', '', '{}', '单位', 'Asia/Shanghai', '2026-01-01T00:00:00.000Z', '{}')`,
    ).run()
    const clock = fixedClock()
    appendCustodyEvent(db, OFFICER_A, clock(), { action: 'case-created' })
    appendCustodyEvent(db, OFFICER_A, clock(), { action: 'case-edited', details: { field: 'title' } })

    migrate(db, 2)
    expect(schemaVersion(db)).toBe(2)
    expect(db.prepare('SELECT number FROM case_info').get()).toEqual({ number: 'N-1' })
    expect(verifyChain(iterateCustodyEvents(db))).toMatchObject({ events: 2, intact: true })
    expect(db.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: 0 })
    db.prepare(
      "INSERT INTO items_fts (item_id, name, meta, body) VALUES ('x', '询问笔录.txt', '', '问：你单位的废气处理设施是否正常运行？')",
    ).run()
    expect(db.prepare("SELECT item_id FROM items_fts WHERE items_fts MATCH '处理设施'").all()).toEqual([
      { item_id: 'x' },
    ])
  })

  it('v2 → v3 keeps the evidence items and adds annotations that reference them', () => {
    migrate(db, 2)
    db.prepare(
      `INSERT INTO items (id, ordinal, number, sha256, size, original_name, source_path, kind, mime, imported_at, imported_by_name, imported_by_cert_no)
       VALUES ('i1', 1, 'E001', 'ab', 3, 'a.jpg', '/card/a.jpg', 'image', 'image/jpeg', '2026-01-01T00:00:00Z', '张三', '1')`,
    ).run()
    migrate(db, 3)
    expect(schemaVersion(db)).toBe(3)
    expect(db.prepare('SELECT number FROM items').all()).toEqual([{ number: 'E001' }])
    db.prepare(
      `INSERT INTO annotations (id, item_id, type, anchor_json, author_name, author_cert_no, created_at) VALUES ('a1', 'i1', 'region', '{}', '张三', '1', 'now')`,
    ).run()
    expect(() =>
      db
        .prepare(
          `INSERT INTO annotations (id, item_id, type, anchor_json, author_name, author_cert_no, created_at) VALUES ('a2', 'nope', 'region', '{}', 'x', '1', 'now')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/)
  })

  it('v3 → v4 keeps annotations and adds officer-set monitoring limits', () => {
    migrate(db, 3)
    db.prepare(
      `INSERT INTO items (id, ordinal, number, sha256, size, original_name, source_path, kind, mime, imported_at, imported_by_name, imported_by_cert_no)
       VALUES ('m1', 1, 'E001', 'cd', 3, 'cems.csv', '/card/cems.csv', 'monitoring', 'text/csv', '2026-01-01T00:00:00Z', '张三', '1')`,
    ).run()
    migrate(db, 4)
    expect(schemaVersion(db)).toBe(4)
    db.prepare(
      `INSERT INTO monitoring_limits (item_id, pollutant, limit_value, reason, set_by_name, set_by_cert_no, set_at) VALUES ('m1', 'SO2', 35, 'r', '张三', '1', 'now')`,
    ).run()
    expect(db.prepare('SELECT limit_value FROM monitoring_limits').get()).toEqual({ limit_value: 35 })
  })

  it('v5 → v6 keeps violations and adds what a transfer needs, refusing 0 pages and a law choice for no violation', () => {
    migrate(db, 5)
    db.prepare(
      `INSERT INTO violations (id, ordinal, number, title, subject_json, status, created_at, created_by_json, updated_at)
       VALUES ('v1', 1, 'V1', '暗管', '{}', 'draft', 'now', '{}', 'now')`,
    ).run()
    migrate(db, 6)
    expect(schemaVersion(db)).toBe(6)
    expect(db.prepare('SELECT number FROM violations').all()).toEqual([{ number: 'V1' }])
    const attach = db.prepare(
      `INSERT INTO transfer_attachments (id, ordinal, kind, title, copies, pages, created_at, created_by_json) VALUES (?, ?, 'other', 't', 1, ?, 'now', '{}')`,
    )
    attach.run('a1', 1, 3)
    expect(() => attach.run('a2', 2, 0)).toThrow(/CHECK/)
    const choice = db.prepare(
      `INSERT INTO law_choices (violation_id, chosen, reason, old_ids_json, new_ids_json, decided_on, recorded_at, recorded_by_json)
       VALUES (?, 'old', 'r', '[]', '[]', '2026-12-03', 'now', '{}')`,
    )
    choice.run('v1')
    expect(() => choice.run('nope')).toThrow(/FOREIGN KEY/)
  })

  it('v7 → v8 keeps the items and adds the device clock offsets, a removal being a NULL offset', () => {
    migrate(db, 7)
    db.prepare(
      `INSERT INTO items (id, ordinal, number, sha256, size, original_name, source_path, kind, mime, imported_at, imported_by_name, imported_by_cert_no, captured_at, device_json)
       VALUES ('v1', 1, 'E001', 'ab', 3, 'a.mp4', '/card/a.mp4', 'video', 'video/mp4', '2026-01-01T00:00:00Z', '张三', '1', '2021-05-24T04:03:13+08:00', '{"make":null,"model":"DSJ-A8","serial":"00123","id":null}')`,
    ).run()
    migrate(db, 8)
    expect(schemaVersion(db)).toBe(8)
    const add = db.prepare(
      `INSERT INTO clock_offsets (device_key, device_json, offset_ms, checked_at, against, reason, set_by_name, set_by_cert_no, set_at)
       VALUES ('|DSJ-A8|00123', '{}', ?, '2021-05-24', '北京时间', 'r', '张三', '1', 'now')`,
    )
    add.run(192_000)
    add.run(null)
    expect(db.prepare('SELECT offset_ms FROM clock_offsets ORDER BY id').all()).toEqual([
      { offset_ms: 192_000 },
      { offset_ms: null },
    ])
    expect(db.prepare('SELECT captured_at FROM items').get()).toEqual({
      captured_at: '2021-05-24T04:03:13+08:00',
    })
  })

  it('a failing step leaves the previous version intact', () => {
    migrate(db, 1)
    db.exec('CREATE TABLE items (x)') // makes step 2 fail half-way
    expect(() => migrate(db)).toThrow()
    expect(schemaVersion(db)).toBe(1)
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'item_sources'").get()).toEqual({
      n: 0,
    })
  })

  it('refuses a database from a newer version, naming both versions, and changes nothing', () => {
    migrate(db)
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`)
    db.close()
    expect(() => CaseFile.open(tmp.dir)).toThrow(
      new RegExp(`schema ${LATEST_SCHEMA_VERSION + 5}.*up to ${LATEST_SCHEMA_VERSION}`),
    )
    db = openDatabase(join(tmp.dir, 'case.sqlite'))
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 5)
  })
})
