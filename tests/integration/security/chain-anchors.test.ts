import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CaseFile } from '../../../src/core/case/case-file'
import { checkCase } from '../../../src/core/case/integrity'
import { ChainAnchors } from '../../../src/core/custody/anchors'
import { canonicalJson } from '../../../src/core/custody/canonical-json'
import { signCheckpoint } from '../../../src/core/custody/checkpoint'
import { GENESIS_HASH, custodyHash, iterateCustodyEvents } from '../../../src/core/custody/custody-log'
import { importPaths } from '../../../src/core/evidence/import'
import { exportCase } from '../../../src/core/package/export'
import { OfficerKeys } from '../../../src/core/signing/officer-key'
import { generateKeyPairSync, sign } from 'node:crypto'
import { fingerprintOf } from '../../../src/core/signing/officer-key'
import { OFFICER_A, sampleCaseFields } from '../../support/case-fixture'
import { fixedClock, tempDir } from '../../support/temp'

/**
 * Issue 11, item 8: the custody chain's head is also kept outside the case file (the app data
 * folder; every export), and checkpoints are signed with the officer's key. Cutting the tail
 * (with the triggers dropped and the check rows deleted) or recomputing the whole unkeyed chain
 * inside case.sqlite then no longer passes `check`, which names the anchor that disagrees.
 */

let tmp: ReturnType<typeof tempDir>
let dataDir: string
let file: CaseFile
let clock: () => Date
beforeEach(async () => {
  tmp = tempDir('chain-anchors-')
  dataDir = join(tmp.dir, 'app-data')
  clock = fixedClock()
  file = CaseFile.create(join(tmp.dir, 'case'), sampleCaseFields(), OFFICER_A, clock)
  const card = join(tmp.dir, 'card')
  mkdirSync(card)
  writeFileSync(join(card, 'DSJ_0001.MP4'), 'body-cam bytes')
  writeFileSync(join(card, 'notes.txt'), '现场记录')
  await importPaths(file, [card], { actor: OFFICER_A, clock })
})
afterEach(() => {
  file.close()
  tmp.cleanup()
})

const keys = () => new OfficerKeys(dataDir)
const anchorsOpts = () => {
  const key = keys().ensure(OFFICER_A, clock())
  return {
    anchors: new ChainAnchors(dataDir),
    signer: { fingerprint: key.info.fingerprint, publicKeyPem: key.info.publicKeyPem, sign: key.sign },
  }
}
const check = () =>
  checkCase(file, OFFICER_A, clock, {
    ...anchorsOpts(),
    knownSigners: keys()
      .list()
      .map((k) => ({ ...k, source: 'officer-key' as const })),
  })

/** A check, an export and another check: the anchors an officer's ordinary work leaves. */
async function ordinaryWork(): Promise<void> {
  expect((await check()).ok).toBe(true)
  const out = join(tmp.dir, 'out')
  mkdirSync(out, { recursive: true })
  await exportCase(file, join(out, 'pkg'), {
    actor: OFFICER_A,
    keys: keys(),
    clock,
    generator: 'test',
    anchors: new ChainAnchors(dataDir),
  })
  expect((await check()).ok).toBe(true)
}

/** What someone with the case folder (not the key) can do to case.sqlite. */
function tamper(sql: string): void {
  file.db.exec(
    `DROP TRIGGER IF EXISTS custody_events_no_update; DROP TRIGGER IF EXISTS custody_events_no_delete;`,
  )
  file.db.exec(sql)
}

/** Recomputes every hash from seq 1, as the chain rule is public and unkeyed. */
function recomputeChain(edit: (details: Record<string, unknown>, action: string) => void): void {
  const events = [...iterateCustodyEvents(file.db)]
  let prev = GENESIS_HASH
  const update = file.db.prepare(
    'UPDATE custody_events SET details_json = ?, prev_hash = ?, hash = ? WHERE seq = ?',
  )
  for (const e of events) {
    edit(e.details, e.action)
    const hash = custodyHash(prev, { ...e, details: e.details })
    update.run(canonicalJson(e.details), prev, hash, e.seq)
    prev = hash
  }
}

describe('the chain head outside the case file, and signed checkpoints', () => {
  it('cutting the tail (triggers dropped, check rows deleted) fails check, naming the outside anchor', async () => {
    await ordinaryWork()
    tamper(
      `DELETE FROM custody_events WHERE seq > (SELECT max(seq) - 3 FROM custody_events); DELETE FROM integrity_checks;`,
    )
    const r = await check()
    expect(r.ok).toBe(false)
    expect(r.custody.intact).toBe(false)
    expect(r.custody.problem).toMatch(/app data folder/)
  })

  it('recomputing the whole chain after an edit fails check, naming the outside anchor', async () => {
    await ordinaryWork()
    tamper('DELETE FROM integrity_checks;')
    recomputeChain((d, action) => {
      if (action === 'imported' && d.number === 'E001') d.path = 'card/swapped.MP4'
      delete d.checkpoint // whoever recomputes cannot sign, so drops the signed checkpoints
    })
    const r = await check()
    expect(r.custody.intact).toBe(false)
    expect(r.custody.problem).toMatch(/app data folder/)
  })

  it('with the outside anchors gone too, the signed checkpoints in the chain still disagree', async () => {
    await ordinaryWork()
    tamper('DELETE FROM integrity_checks;')
    recomputeChain((d, action) => {
      if (action === 'imported' && d.number === 'E001') d.path = 'card/swapped.MP4'
    })
    rmSync(join(dataDir, 'anchors'), { recursive: true, force: true })
    const r = await check()
    expect(r.custody.intact).toBe(false)
    expect(r.custody.problem).toMatch(/signed checkpoint/)
  })

  it('a chain recomputed and signed again with a key made in the officer’s name fails check', async () => {
    await ordinaryWork()
    tamper('DELETE FROM integrity_checks;')
    rmSync(join(dataDir, 'anchors'), { recursive: true, force: true })
    // the forger's own Ed25519 key, labelled with OFFICER_A's name and 执法证号 in the events
    const { publicKey, privateKey } = generateKeyPairSync('ed25519')
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
    const forger = {
      fingerprint: fingerprintOf(publicKeyPem),
      publicKeyPem,
      sign: (data: Buffer) => sign(null, data, privateKey),
    }
    const caseId = file.info().id
    let prev = GENESIS_HASH
    let seq = 0
    const update = file.db.prepare(
      'UPDATE custody_events SET details_json = ?, prev_hash = ?, hash = ? WHERE seq = ?',
    )
    for (const e of [...iterateCustodyEvents(file.db)]) {
      if (e.action === 'imported' && e.details.number === 'E001') e.details.path = 'card/swapped.MP4'
      if (e.details.checkpoint) e.details.checkpoint = signCheckpoint(forger, caseId, { seq, hash: prev })
      const hash = custodyHash(prev, { ...e, details: e.details })
      update.run(canonicalJson(e.details), prev, hash, e.seq)
      prev = hash
      seq = e.seq
    }
    const r = await check()
    expect(r.custody.intact).toBe(false)
    expect(r.custody.problem).toMatch(/not the one this machine knows/)
  })

  it('an untouched case passes, and every check and export left an anchor outside the case', async () => {
    await ordinaryWork()
    const anchors = new ChainAnchors(dataDir).list(file.info().id)
    expect(anchors.map((a) => a.source)).toEqual(['check', 'export', 'check'])
    expect(anchors.every((a) => a.checkpoint?.fingerprint === keys().load(OFFICER_A)?.info.fingerprint)).toBe(
      true,
    )
    expect((await check()).ok).toBe(true)
  })
})
