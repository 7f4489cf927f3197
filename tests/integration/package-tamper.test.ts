import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  closeSync,
  cpSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import * as yauzl from 'yauzl'
import { openBag } from '../../src/core/package/bagit'
import { exportCase } from '../../src/core/package/export'
import { verifyCustodyPackage } from '../../src/core/package/verify-package'
import { OfficerKeys } from '../../src/core/signing/officer-key'
import type { PackageVerdict } from '../../src/shared/package-types'
import { OFFICER_A } from '../support/case-fixture'
import { newSigningKey, recomputeManifests } from '../support/custody-package'
import { buildRealisticCase } from '../support/realistic-case'
import { fixedClock, tempDir } from '../support/temp'

/**
 * Tampering with copies of a real exported package (a realistic case with video, drone photo,
 * transcript and CEMS export): each change is caught with the right problem code and file,
 * including an attacker who recomputes every manifest, and one who also re-signs.
 */

let tmp: ReturnType<typeof tempDir>
let folderPkg: string
let zipPkg: string
let officerFingerprint: string
let copies = 0

beforeAll(async () => {
  tmp = tempDir('package-tamper-')
  const clock = fixedClock('2026-05-24T01:00:00.000Z')
  const rc = await buildRealisticCase(join(tmp.dir, 'case-root'), clock)
  const out = join(tmp.dir, 'out')
  mkdirSync(out)
  const options = {
    actor: OFFICER_A,
    keys: new OfficerKeys(join(tmp.dir, 'appdata')),
    clock,
    generator: 'Evidence Desk test',
  }
  try {
    const folder = await exportCase(rc.file, join(out, 'pkg'), options)
    const zip = await exportCase(rc.file, join(out, 'pkg.zip'), options)
    folderPkg = folder.path
    zipPkg = zip.path
    officerFingerprint = folder.signer.fingerprint
  } finally {
    rc.file.close()
  }
}, 180_000)
afterAll(() => tmp.cleanup())

/** A fresh copy of the exported folder package to tamper with. */
function copy(): string {
  const dir = join(tmp.dir, `copy-${++copies}`)
  cpSync(folderPkg, dir, { recursive: true })
  return dir
}

async function verify(path: string, trusted = [officerFingerprint]): Promise<PackageVerdict> {
  const source = await openBag(path)
  try {
    return (await verifyCustodyPackage(source, { trustedFingerprints: new Set(trusted) })).verdict
  } finally {
    await source.close()
  }
}

const codes = (v: PackageVerdict): string[] => [...new Set(v.problems.map((p) => p.code))].sort()
const evidenceFile = (bag: string, prefix: string): string =>
  JSON.parse(readFileSync(join(bag, 'data', 'case.json'), 'utf8')).evidence.find(
    (e: { number: string }) => e.number === prefix,
  ).path as string

describe('tampered copies of an exported package', () => {
  it('the untouched export verifies: valid, signed by the trusted officer key, chain intact', async () => {
    const v = await verify(folderPkg)
    expect(v.problems).toEqual([])
    expect(v).toMatchObject({
      valid: true,
      signature: {
        present: true,
        valid: true,
        trusted: true,
        fingerprint: officerFingerprint,
        signer: '张三',
      },
      custody: { present: true, intact: true },
    })
    expect(v.custody.events).toBeGreaterThan(5)
    const z = await verify(zipPkg)
    expect(z.problems).toEqual([])
    expect(z.valid).toBe(true)
  })

  it('a flipped byte in an original is a hash-mismatch naming data/evidence/E002_…', async () => {
    const bag = copy()
    const path = evidenceFile(bag, 'E002')
    expect(path).toMatch(/^data\/evidence\/E002_/)
    const bytes = readFileSync(join(bag, path))
    bytes[bytes.length >> 1] ^= 0x01
    writeFileSync(join(bag, path), bytes)
    const v = await verify(bag)
    expect(v.valid).toBe(false)
    expect(codes(v)).toEqual(['hash-mismatch'])
    expect(v.problems.every((p) => p.path === path)).toBe(true)
    // the manifests are untouched, so the signature over them still holds
    expect(v.signature.valid).toBe(true)
  })

  it('a deleted original is a missing-file naming it', async () => {
    const bag = copy()
    const path = evidenceFile(bag, 'E003')
    rmSync(join(bag, path))
    const v = await verify(bag)
    expect(v.valid).toBe(false)
    expect(v.problems).toContainEqual(expect.objectContaining({ code: 'missing-file', path }))
  })

  it('a planted file is an extra-file naming it', async () => {
    const bag = copy()
    writeFileSync(join(bag, 'data', 'evidence', 'E005_补充照片.jpg'), 'planted')
    const v = await verify(bag)
    expect(v.valid).toBe(false)
    expect(v.problems).toContainEqual(
      expect.objectContaining({ code: 'extra-file', path: 'data/evidence/E005_补充照片.jpg' }),
    )
  })

  it('an edited case.json with every manifest recomputed passes BagIt but not the signature', async () => {
    const bag = copy()
    const cj = JSON.parse(readFileSync(join(bag, 'data', 'case.json'), 'utf8'))
    cj.case.title = '某化工有限公司（已结案）'
    writeFileSync(join(bag, 'data', 'case.json'), JSON.stringify(cj, null, 2))
    recomputeManifests(bag)
    const v = await verify(bag)
    expect(v.bagit.valid).toBe(true)
    expect(v.valid).toBe(false)
    expect(v.signature.valid).toBe(false)
    expect(codes(v)).toEqual(['bad-signature'])
    expect(v.problems[0].path).toBe('tagmanifest-sha256.txt')
  })

  it('re-signed with the attacker’s own key: the signature is valid but untrusted, and its fingerprint contradicts bag-info.txt', async () => {
    const bag = copy()
    const attacker = newSigningKey()
    const cj = JSON.parse(readFileSync(join(bag, 'data', 'case.json'), 'utf8'))
    cj.case.title = '某化工有限公司（已结案）'
    writeFileSync(join(bag, 'data', 'case.json'), JSON.stringify(cj, null, 2))
    recomputeManifests(bag, { resignWith: attacker })
    const v = await verify(bag)
    expect(v.signature).toMatchObject({
      present: true,
      valid: true,
      trusted: false,
      fingerprint: attacker.fingerprint,
    })
    expect(v.valid).toBe(false)
    expect(v.problems).toContainEqual(
      expect.objectContaining({ code: 'bad-signature', path: 'bag-info.txt' }),
    )
    expect(v.problems.find((p) => p.path === 'bag-info.txt')?.message).toContain(officerFingerprint)
    expect(v.warnings).toContainEqual(expect.objectContaining({ code: 'untrusted-key' }))
  })

  it('a forgery consistent in every field is left to trust: the attacker key is reported as not trusted', async () => {
    const bag = copy()
    const attacker = newSigningKey()
    const cj = JSON.parse(readFileSync(join(bag, 'data', 'case.json'), 'utf8'))
    cj.signer.fingerprint = attacker.fingerprint
    writeFileSync(join(bag, 'data', 'case.json'), JSON.stringify(cj, null, 2))
    recomputeManifests(bag, {
      resignWith: attacker,
      bagInfoEdit: (t) =>
        t.replace(/^Signer-Fingerprint: .*$/m, `Signer-Fingerprint: ${attacker.fingerprint}`),
    })
    const v = await verify(bag)
    expect(v.signature).toMatchObject({ valid: true, trusted: false, fingerprint: attacker.fingerprint })
    expect(v.signature.fingerprint).not.toBe(officerFingerprint)
    expect(v.warnings).toEqual([
      expect.objectContaining({ code: 'untrusted-key', path: 'signature/signer.json' }),
    ])
  })

  it('a dropped custody event with the manifests recomputed breaks the chain and the signature', async () => {
    const bag = copy()
    const logPath = join(bag, 'data', 'custody-log.jsonl')
    const lines = readFileSync(logPath, 'utf8').trimEnd().split('\n')
    const dropped = JSON.parse(lines[2]) as { seq: number }
    lines.splice(2, 1)
    writeFileSync(logPath, lines.join('\n') + '\n')
    recomputeManifests(bag)
    const v = await verify(bag)
    expect(v.valid).toBe(false)
    expect(v.custody).toMatchObject({ present: true, intact: false, events: lines.length })
    expect(codes(v)).toEqual(['bad-signature', 'custody-broken'])
    expect(v.problems).toContainEqual(
      expect.objectContaining({
        code: 'custody-broken',
        path: 'data/custody-log.jsonl',
        message: expect.stringContaining(`event ${dropped.seq}`),
      }),
    )
  })

  it('a flipped byte inside the ZIP is caught, naming the entry', async () => {
    const zip = join(tmp.dir, `tampered-${++copies}.zip`)
    cpSync(zipPkg, zip)
    const { name, dataStart, size } = await entryData(zip, /\/data\/evidence\/E001_/)
    flipByte(zip, dataStart + (size >> 1))
    const v = await verify(zip)
    expect(v.valid).toBe(false)
    const bagPath = name.slice(name.indexOf('/') + 1)
    expect(v.problems).toContainEqual(expect.objectContaining({ code: 'hash-mismatch', path: bagPath }))
  })

  it('a flipped byte in an entry’s ZIP header is refused as zip-inconsistent naming the entry, and nothing else is trusted', async () => {
    const zip = join(tmp.dir, `tampered-${++copies}.zip`)
    cpSync(zipPkg, zip)
    const { name, headerStart } = await entryData(zip, /\/data\/evidence\/E003_/)
    flipByte(zip, headerStart + 1)
    const v = await verify(zip)
    expect(v.valid).toBe(false)
    const bagPath = name.slice(name.indexOf('/') + 1)
    // The damaged local header no longer matches its central record: the ZIP is refused before
    // any content is trusted (issue 11, item 4), naming the entry as the ZIP lists it.
    expect(v.problems).toContainEqual(expect.objectContaining({ code: 'zip-inconsistent', path: name }))
    expect(v.problems.find((p) => p.path === name)?.message).toContain(bagPath)
    expect(v.signature.valid).toBe(false)
    expect(v.custody.present).toBe(false)
  })
})

function flipByte(file: string, offset: number): void {
  const fd = openSync(file, 'r+')
  try {
    const b = Buffer.alloc(1)
    readSync(fd, b, 0, 1, offset)
    b[0] ^= 0x80
    writeSync(fd, b, 0, 1, offset)
  } finally {
    closeSync(fd)
  }
}

/** Where an entry's stored bytes begin in the ZIP (after its local header). */
async function entryData(
  zipPath: string,
  match: RegExp,
): Promise<{ name: string; headerStart: number; dataStart: number; size: number }> {
  const zip = await yauzl.openPromise(zipPath, { autoClose: false })
  try {
    for await (const entry of zip.eachEntry()) {
      if (!match.test(entry.fileName)) continue
      expect(entry.compressionMethod).toBe(0)
      const header = Buffer.alloc(30)
      const fd = openSync(zipPath, 'r')
      readSync(fd, header, 0, 30, entry.relativeOffsetOfLocalHeader)
      closeSync(fd)
      const dataStart =
        entry.relativeOffsetOfLocalHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
      return {
        name: entry.fileName,
        headerStart: entry.relativeOffsetOfLocalHeader,
        dataStart,
        size: entry.compressedSize,
      }
    }
  } finally {
    zip.close()
  }
  throw new Error(`no entry matching ${match} in ${zipPath}`)
}
