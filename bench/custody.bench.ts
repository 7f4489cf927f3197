import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Bench } from './bench-types'
import { openDatabase } from '../src/core/db/database'
import { migrate } from '../src/core/db/migrations'
import { appendCustodyEvent, iterateCustodyEvents, verifyChain } from '../src/core/custody/custody-log'
import { canonicalJson } from '../src/core/custody/canonical-json'
import { bestOf, timeShell } from './timing'

/**
 * Appending N custody events (hash-chained) vs inserting the same rows without the chain; and
 * re-walking the chain vs `openssl dgst -sha256` over the same events as JSONL.
 */
export const custodyBench: Bench = {
  name: 'custody',
  async run({ tmpDir, quick, log }) {
    const n = quick ? 10_000 : 100_000
    const actor = { name: '张三', certNo: '32010001' }
    const details = (i: number) => ({
      item: `E${String(i).padStart(5, '0')}`,
      path: `/media/card/DCIM/100MEDIA/DJI_${i}.JPG`,
      sha256: 'ab'.repeat(32),
    })

    const db = openDatabase(join(tmpDir, 'chain.sqlite'))
    migrate(db)
    const at = new Date('2026-05-24T00:00:00Z')
    const t0 = performance.now()
    db.transaction(() => {
      for (let i = 0; i < n; i++)
        appendCustodyEvent(db, actor, at, { action: 'imported', itemId: `item-${i}`, details: details(i) })
    })()
    const appendMs = performance.now() - t0

    const plain = openDatabase(join(tmpDir, 'plain.sqlite'))
    plain.exec(
      'CREATE TABLE e (seq INTEGER PRIMARY KEY, at TEXT, actor TEXT, action TEXT, item TEXT, details TEXT)',
    )
    const insert = plain.prepare('INSERT INTO e VALUES (?, ?, ?, ?, ?, ?)')
    const t1 = performance.now()
    plain.transaction(() => {
      for (let i = 0; i < n; i++)
        insert.run(i + 1, at.toISOString(), actor.name, 'imported', `item-${i}`, canonicalJson(details(i)))
    })()
    const plainMs = performance.now() - t1
    plain.close()

    let verdict = verifyChain(iterateCustodyEvents(db))
    const verifyMs = await bestOf(3, () => (verdict = verifyChain(iterateCustodyEvents(db))))
    if (!verdict.intact || verdict.events !== n)
      throw new Error(`chain did not verify: ${JSON.stringify(verdict)}`)
    const jsonl = join(tmpDir, 'custody-log.jsonl')
    writeFileSync(jsonl, [...iterateCustodyEvents(db)].map((e) => canonicalJson(e)).join('\n') + '\n')
    db.close()
    const opensslMs = Math.min(
      timeShell(`openssl dgst -sha256 ${jsonl}`),
      timeShell(`openssl dgst -sha256 ${jsonl}`),
    )
    log(`${n} events`)
    return [
      {
        name: `append ${n} custody events (one transaction)`,
        oursMs: appendMs,
        referenceMs: plainMs,
        reference: 'plain SQLite insert of the same rows',
        extra: { eventsPerSec: Math.round(n / (appendMs / 1000)) },
      },
      {
        name: `verify chain of ${n} events`,
        oursMs: verifyMs,
        referenceMs: opensslMs,
        reference: 'openssl dgst -sha256 of the same events as JSONL',
        extra: { eventsPerSec: Math.round(n / (verifyMs / 1000)) },
      },
    ]
  },
}
