import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHash, createPublicKey, verify } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as yauzl from 'yauzl'
import { objectPath } from '../../src/core/case/layout'
import { listCustodyEvents, verifyChain } from '../../src/core/custody/custody-log'
import { queryItems } from '../../src/core/evidence/item-repository'
import { deriveFromVideo } from '../../src/core/evidence/kinds/video/derive-item'
import { addAnnotation } from '../../src/core/annotations/annotation-store'
import { openBag, verifyBag } from '../../src/core/package/bagit'
import { exportBlockers, exportCase, type ExportOptions } from '../../src/core/package/export'
import { OfficerKeys } from '../../src/core/signing/officer-key'
import { saveViolation } from '../../src/core/violations'
import type { CaseJson } from '../../src/shared/package-types'
import type { CustodyEvent } from '../../src/shared/types'
import { OFFICER_A } from '../support/case-fixture'
import { buildRealisticCase, type RealisticCase } from '../support/realistic-case'
import { fixedClock, tempDir } from '../support/temp'

let tmp: ReturnType<typeof tempDir>
let rc: RealisticCase
let out: string
const clock = fixedClock('2026-05-24T01:00:00.000Z')

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex')

function options(extra: Partial<ExportOptions> = {}): ExportOptions {
  return {
    actor: OFFICER_A,
    keys: new OfficerKeys(join(tmp.dir, 'appdata')),
    clock,
    generator: 'Evidence Desk test',
    ...extra,
  }
}

function lastEvent(): CustodyEvent {
  const all = listCustodyEvents(rc.file.db, 0, 100_000)
  return all[all.length - 1]
}

beforeEach(async () => {
  tmp = tempDir('evidesk-export-')
  rc = await buildRealisticCase(tmp.dir, clock)
  out = join(tmp.dir, 'out')
  // the target's folder must exist; the package itself must not
  mkdirSync(out)
}, 60_000)
afterEach(() => {
  rc.file.close()
  tmp.cleanup()
})

describe('export to a bag folder', () => {
  it('writes a valid, signed BagIt bag whose originals, case.json, log and report hold together', async () => {
    const result = await exportCase(rc.file, join(out, 'pkg'), options())
    const bag = result.path
    expect(bag).toBe(join(out, 'pkg'))
    expect(result.sha256).toBeNull()

    // a BagIt validator accepts it
    const source = await openBag(bag)
    const verdict = await verifyBag(source)
    await source.close()
    expect(verdict.problems).toEqual([])
    expect(verdict.valid).toBe(true)
    expect(result.files).toBe(verdict.payloadFiles)
    expect(result.bytes).toBe(verdict.payloadBytes)

    // originals byte for byte, named E00n_<original name>
    const items = queryItems(rc.file.db).items
    const evidenceDir = join(bag, 'data', 'evidence')
    expect(readdirSync(evidenceDir).sort()).toEqual([
      'E001_20210524_040312_DSJ-A8-00123.MP4',
      'E002_DJI_0001.JPG',
      'E003_询问笔录-赵六.txt',
      'E004_CEMS-1号排放口-20210524.csv',
    ])
    for (const [i, src] of [
      rc.sources.video,
      rc.sources.drone,
      rc.sources.transcript,
      rc.sources.cems,
    ].entries()) {
      const name = readdirSync(evidenceDir).sort()[i]
      expect(readFileSync(join(evidenceDir, name)).equals(readFileSync(src))).toBe(true)
      expect(sha256(readFileSync(join(evidenceDir, name)))).toBe(items[i].sha256)
    }

    // case.json
    const caseJson = JSON.parse(readFileSync(join(bag, 'data', 'case.json'), 'utf8')) as CaseJson
    expect(caseJson.format).toBe('evidence-desk-case')
    expect(caseJson.formatVersion).toBe(1)
    expect(caseJson.case.number).toBe('宁环罚〔2026〕12号')
    expect(caseJson.exportedBy).toEqual(OFFICER_A)
    expect(caseJson.evidence.map((e) => [e.number, e.path, e.sha256])).toEqual(
      items.map((i, n) => [i.number, `data/evidence/${readdirSync(evidenceDir).sort()[n]}`, i.sha256]),
    )
    expect(caseJson.violations.map((v) => v.title)).toEqual(['通过暗管排放水污染物'])
    expect(caseJson.violations[0].links.filter((l) => !l.removedAt)).toHaveLength(2)
    expect(caseJson.legalBasis.map((b) => b.id)).toContain('water-39')
    expect(caseJson.annotations.map((a) => a.note)).toEqual(['暗管出水口'])
    // the violation cites no transfer ground (water-39 only): no letters, receipt or approval form
    expect(caseJson.documents.map((d) => d.kind)).toEqual([
      'investigation-report',
      'evidence-list',
      'extraction-record',
      'electronic-data-list',
    ])
    for (const d of caseJson.documents) expect(existsSync(join(bag, d.html))).toBe(true)

    // custody log: the whole chain, the export itself last, its hash the head everywhere
    const lines = readFileSync(join(bag, 'data', 'custody-log.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
    const events = lines.map((l) => JSON.parse(l) as CustodyEvent)
    expect(verifyChain(events).intact).toBe(true)
    const last = events[events.length - 1]
    expect(last.action).toBe('exported')
    expect(last.details).toMatchObject({ target: 'pkg', format: 'folder', signer: { name: '张三' } })
    const bagInfo = readFileSync(join(bag, 'bag-info.txt'), 'utf8')
    expect(bagInfo).toContain(`Custody-Log-Head: ${last.hash}\n`)
    expect(bagInfo).toContain(`Custody-Log-Events: ${events.length}\n`)
    expect(bagInfo).toContain('External-Identifier: 宁环罚〔2026〕12号\n')
    expect(bagInfo).toContain('Source-Organization: 南京市生态环境局\n')
    expect(bagInfo).toContain('Contact-Name: 张三\n')
    expect(bagInfo).toMatch(/Bagging-Date: 2026-05-24\n/)
    expect(caseJson.custody).toEqual({
      path: 'data/custody-log.jsonl',
      events: events.length,
      headHash: last.hash,
    })
    // the case's own log has the same event at its head
    expect(lastEvent().hash).toBe(last.hash)

    // the signature covers tagmanifest-sha256.txt and verifies with the public key in signer.json
    const signer = JSON.parse(readFileSync(join(bag, 'signature', 'signer.json'), 'utf8')) as {
      algorithm: string
      name: string
      certNo: string
      fingerprint: string
      publicKeyPem: string
    }
    expect(signer).toMatchObject({ algorithm: 'Ed25519', name: '张三', certNo: '32010001' })
    const raw = Buffer.from(
      createPublicKey(signer.publicKeyPem).export({ format: 'jwk' }).x as string,
      'base64url',
    )
    expect(raw).toHaveLength(32)
    expect(signer.fingerprint).toBe(sha256(raw))
    expect(bagInfo).toContain(`Signer-Fingerprint: ${signer.fingerprint}\n`)
    expect(caseJson.signer.fingerprint).toBe(signer.fingerprint)
    const sig = Buffer.from(
      readFileSync(join(bag, 'signature', 'tagmanifest-sha256.txt.sig'), 'utf8').trim(),
      'base64',
    )
    const tagManifest = readFileSync(join(bag, 'tagmanifest-sha256.txt'))
    expect(verify(null, tagManifest, createPublicKey(signer.publicKeyPem), sig)).toBe(true)
    expect(tagManifest.toString('utf8')).toMatch(/  bag-info\.txt\n/)
    expect(verify(null, Buffer.concat([tagManifest, Buffer.from(' ')]), signer.publicKeyPem, sig)).toBe(false)

    // the report: self-contained, thumbnails inline
    const report = readFileSync(join(bag, 'data', 'report', 'index.html'), 'utf8')
    expect(report).not.toMatch(/https?:\/\//i)
    expect(report).toMatch(/<img alt="E002" src="data:image\/(jpeg|png|webp);base64,/)
    expect(report).toContain('宁环罚〔2026〕12号')
  }, 60_000)

  it('given an existing folder, writes "<case number>_<date>" inside it, then "_2" beside the first', async () => {
    const a = await exportCase(rc.file, out, options())
    const b = await exportCase(rc.file, out, options())
    expect(a.path).toBe(join(out, '宁环罚〔2026〕12号_20260524'))
    expect(b.path).toBe(join(out, '宁环罚〔2026〕12号_20260524_2'))
    const src = await openBag(b.path)
    expect((await verifyBag(src)).valid).toBe(true)
    await src.close()
  }, 60_000)
})

describe('derived items', () => {
  it('are exported only once something cites them', async () => {
    const video = queryItems(rc.file.db).items[0]
    const still = await deriveFromVideo(
      rc.file,
      { itemId: video.id, operation: 'still', start: 1 },
      OFFICER_A,
      clock,
    )
    const clip = await deriveFromVideo(
      rc.file,
      { itemId: video.id, operation: 'clip', start: 0, end: 1 },
      OFFICER_A,
      clock,
    )
    addAnnotation(
      rc.file,
      { itemId: still.id!, type: 'region', anchor: { x: 1, y: 1, w: 5, h: 5 }, note: '排口' },
      OFFICER_A,
      clock,
    )
    const result = await exportCase(rc.file, join(out, 'pkg'), options())
    const names = readdirSync(join(result.path, 'data', 'evidence'))
    expect(names).toContain(`${still.number}_${queryItems(rc.file.db).items[4].originalName}`)
    expect(names.some((n) => n.startsWith(`${clip.number}_`))).toBe(false)
    const caseJson = JSON.parse(readFileSync(join(result.path, 'data', 'case.json'), 'utf8')) as CaseJson
    expect(caseJson.evidence.find((e) => e.number === still.number)?.derivedFrom?.sourceNumber).toBe('E001')
  }, 60_000)
})

function readZip(path: string): Promise<Array<{ name: string; method: number }>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err)
      const entries: Array<{ name: string; method: number }> = []
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push({ name: e.fileName, method: e.compressionMethod })
        zip.readEntry()
      })
      zip.on('end', () => resolve(entries))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

describe('export to a ZIP', () => {
  it('writes one stored ZIP with a single top-level folder, valid as a bag, its SHA-256 reported', async () => {
    const target = join(out, 'package.zip')
    const result = await exportCase(rc.file, target, options())
    expect(result.path).toBe(target)
    expect(result.sha256).toBe(sha256(readFileSync(target)))
    const entries = await readZip(target)
    const tops = new Set(entries.map((e) => e.name.split('/')[0]))
    expect([...tops]).toEqual(['宁环罚〔2026〕12号_20260524'])
    expect(entries.every((e) => e.method === 0)).toBe(true)
    expect(entries.map((e) => e.name)).toContain(
      '宁环罚〔2026〕12号_20260524/data/evidence/E003_询问笔录-赵六.txt',
    )
    const source = await openBag(target)
    const verdict = await verifyBag(source)
    await source.close()
    expect(verdict.problems).toEqual([])
    expect(verdict.valid).toBe(true)
    expect(lastEvent()).toMatchObject({
      action: 'exported',
      details: { target: 'package.zip', format: 'zip' },
    })
    // nothing but the package is left in the target folder
    expect(readdirSync(out)).toEqual(['package.zip'])
  }, 60_000)
})

describe('export refuses and cleans up', () => {
  it('a cancelled export leaves nothing under the final name and is on record', async () => {
    const controller = new AbortController()
    const target = join(out, 'cancelled.zip')
    const run = exportCase(
      rc.file,
      target,
      options({
        signal: controller.signal,
        onProgress: (p) => {
          if (p.filesDone >= 1) controller.abort()
        },
      }),
    )
    await expect(run).rejects.toMatchObject({ code: 'cancelled' })
    expect(existsSync(target)).toBe(false)
    expect(readdirSync(out)).toEqual([])
    expect(lastEvent()).toMatchObject({ action: 'export-cancelled', details: { target: 'cancelled.zip' } })
    expect(verifyChain(listCustodyEvents(rc.file.db, 0, 100_000)).intact).toBe(true)
  }, 60_000)

  it('refuses a case whose confirmed violation has no evidence, naming it', async () => {
    saveViolation(
      rc.file,
      {
        title: '未按规定安装自动监测设备',
        facts: '',
        occurredFrom: null,
        occurredTo: null,
        place: '',
        basis: ['water-39'],
        status: 'confirmed',
      },
      OFFICER_A,
      clock,
    )
    const blockers = exportBlockers(rc.file)
    expect(blockers.map((b) => b.code)).toEqual(['violation-without-evidence'])
    expect(blockers[0].message).toContain('V2')
    const before = lastEvent().seq
    await expect(exportCase(rc.file, join(out, 'x.zip'), options())).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringContaining('未按规定安装自动监测设备'),
    })
    expect(readdirSync(out)).toEqual([])
    // refused before anything started: nothing to record
    expect(lastEvent().seq).toBe(before)
  }, 60_000)

  it('refuses when a stored original fails its hash, naming the evidence number, and leaves nothing', async () => {
    const transcript = queryItems(rc.file.db).items[2]
    const path = objectPath(rc.file.dir, transcript.sha256)
    chmodSync(path, 0o644)
    const bytes = readFileSync(path)
    bytes[10] ^= 0xff
    writeFileSync(path, bytes)
    // same size: only the re-hash during export can tell
    expect(exportBlockers(rc.file)).toEqual([])
    const target = join(out, 'bad.zip')
    await expect(exportCase(rc.file, target, options())).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringMatching(/E003 "询问笔录-赵六\.txt"/),
    })
    expect(existsSync(target)).toBe(false)
    expect(readdirSync(out)).toEqual([])
    expect(lastEvent()).toMatchObject({ action: 'export-failed', details: { target: 'bad.zip' } })
    expect(String(lastEvent().details.reason)).toContain('E003')
  }, 60_000)

  it('lists a missing original as a blocker before exporting', async () => {
    const cems = queryItems(rc.file.db).items[3]
    const path = objectPath(rc.file.dir, cems.sha256)
    rmSync(path, { force: true })
    const blockers = exportBlockers(rc.file)
    expect(blockers).toEqual([expect.objectContaining({ code: 'object-bad', itemId: cems.id })])
    expect(blockers[0].message).toContain('E004')
    await expect(exportCase(rc.file, join(out, 'y'), options())).rejects.toMatchObject({ code: 'refused' })
    expect(readdirSync(out)).toEqual([])
  }, 60_000)
})
