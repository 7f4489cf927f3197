import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openDatabase, type WritableDB } from '../../src/core/db/database'
import { migrate } from '../../src/core/db/migrations'
import {
  appendCustodyEvent,
  custodyHash,
  GENESIS_HASH,
  iterateCustodyEvents,
  verifyChain,
  type NewCustodyEvent,
} from '../../src/core/custody/custody-log'
import { canonicalJson } from '../../src/core/custody/canonical-json'
import { fixedClock, tempDir } from '../support/temp'
import { OFFICER_A } from '../support/case-fixture'

let tmp: ReturnType<typeof tempDir>
let db: WritableDB
let file: string

beforeEach(() => {
  tmp = tempDir()
  file = join(tmp.dir, 'case.sqlite')
  db = openDatabase(file)
  migrate(db)
  const clock = fixedClock()
  for (let i = 0; i < 10; i++)
    appendCustodyEvent(db, OFFICER_A, clock(), {
      action: 'case-edited',
      details: { field: 'cause', from: `第${i}条`, to: `第${i + 1}条` },
    })
})
afterEach(() => {
  db.close()
  tmp.cleanup()
})

/** Raw access as an attacker would have it: no app, triggers dropped. */
function tamper(sql: string): void {
  db.close()
  const raw = new Database(file)
  raw.exec('DROP TRIGGER custody_events_no_update; DROP TRIGGER custody_events_no_delete;')
  raw.exec(sql)
  raw.close()
  db = openDatabase(file)
}

describe('custody log', () => {
  it('links each event to the one before it by hash', () => {
    const events = [...iterateCustodyEvents(db)]
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(events[0].prevHash).toBe(GENESIS_HASH)
    for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash)
    expect(events[3].hash).toBe(custodyHash(events[2].hash, events[3]))
    expect(verifyChain(events)).toEqual({ events: 10, intact: true, firstBadSeq: null, problem: null })
  })

  it('refuses UPDATE and DELETE through its triggers', () => {
    expect(() => db.prepare("UPDATE custody_events SET action = 'x' WHERE seq = 3").run()).toThrow(
      /append-only/,
    )
    expect(() => db.prepare('DELETE FROM custody_events WHERE seq = 3').run()).toThrow(/append-only/)
  })

  it('finds an event edited by raw SQL with the triggers dropped', () => {
    tamper(`UPDATE custody_events SET details_json = '{"i":4,"text":"改过"}' WHERE seq = 5`)
    const verdict = verifyChain(iterateCustodyEvents(db))
    expect(verdict).toMatchObject({ intact: false, firstBadSeq: 5 })
  })

  it('finds a deleted event in the middle', () => {
    tamper('DELETE FROM custody_events WHERE seq = 7')
    expect(verifyChain(iterateCustodyEvents(db))).toMatchObject({ intact: false, firstBadSeq: 7 })
  })

  it('finds an edit whose hash was recomputed, by the broken link to the next event', () => {
    const e4 = [...iterateCustodyEvents(db)][3]
    const forged = { ...e4, action: 'forged' }
    tamper(
      `UPDATE custody_events SET action = 'forged', hash = '${custodyHash(e4.prevHash, forged)}' WHERE seq = 4`,
    )
    expect(verifyChain(iterateCustodyEvents(db))).toMatchObject({ intact: false, firstBadSeq: 5 })
  })

  it('refuses an action it does not know, before anything is written', () => {
    const unknown = { action: 'note' } as unknown as NewCustodyEvent
    expect(() => appendCustodyEvent(db, OFFICER_A, new Date(), unknown)).toThrow(/not a custody action/)
    expect([...iterateCustodyEvents(db)]).toHaveLength(10)
    // @ts-expect-error -- the type admits only CUSTODY_ACTIONS
    expect(() => appendCustodyEvent(db, OFFICER_A, new Date(), { action: 'case-renamed' })).toThrow()
  })

  it('finds a cut-off tail only against a head recorded earlier', () => {
    const head = [...iterateCustodyEvents(db)][9]
    tamper('DELETE FROM custody_events WHERE seq >= 9')
    expect(verifyChain(iterateCustodyEvents(db)).intact).toBe(true)
    expect(verifyChain(iterateCustodyEvents(db), { seq: head.seq, hash: head.hash })).toMatchObject({
      intact: false,
      firstBadSeq: 9,
    })
  })
})

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined, so equal data hashes equally', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    )
    expect(canonicalJson({ 名: '值' })).toBe('{"名":"值"}')
  })
})
