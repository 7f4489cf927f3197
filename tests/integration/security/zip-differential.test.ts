import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openBag } from '../../../src/core/package/bagit'
import { verifyCustodyPackage } from '../../../src/core/package/verify-package'
import { buildCustodyPackage, type BuiltPackage } from '../../support/custody-package'
import { tempDir } from '../../support/temp'
import {
  insertBeforeCentralDirectory,
  localEntry,
  localHeaderOf,
  readLayout,
} from '../../support/zip-surgery'

/**
 * Issue 11, item 4: two ZIP readers must never see two different packages in one file. A reader
 * that walks local headers (java.util.zip.ZipInputStream) and one that reads the central
 * directory (ours, yauzl, Info-ZIP) agree only when every byte belongs to exactly one listed entry
 * and the local and central headers say the same thing.
 */

let tmp: ReturnType<typeof tempDir>
let pkg: BuiltPackage
let zip: Buffer
const ROOT = '宁环罚_2026_12号_20260524'
const EVIDENCE = `${ROOT}/data/evidence/E001_DSJ-A8-00123.MP4`
const CASE_JSON = `${ROOT}/data/case.json`
const BAG_INFO = `${ROOT}/bag-info.txt`

beforeEach(async () => {
  tmp = tempDir('zip-differential-')
  pkg = await buildCustodyPackage(join(tmp.dir, 'pkg.zip'), { format: 'zip', evidenceBytes: 20_000 })
  zip = readFileSync(pkg.path)
})
afterEach(() => tmp.cleanup())

async function verify(bytes: Buffer) {
  const path = join(tmp.dir, `edited-${randomBytes(4).toString('hex')}.zip`)
  writeFileSync(path, bytes)
  const source = await openBag(path)
  try {
    const { verdict } = await verifyCustodyPackage(source, {
      trustedFingerprints: new Set([pkg.key.fingerprint]),
    })
    return verdict
  } finally {
    await source.close()
  }
}

const codes = (v: Awaited<ReturnType<typeof verify>>) => v.problems.map((p) => p.code)

describe('ZIP parser differentials are refused as zip-inconsistent', () => {
  it('the package as written verifies', async () => {
    const v = await verify(zip)
    expect(v.problems).toEqual([])
    expect(v.valid).toBe(true)
  })

  it('a second copy of an evidence file hidden before the central directory, listed nowhere', async () => {
    const forged = Buffer.from('forged evidence that a sequential reader would take for E001')
    const v = await verify(insertBeforeCentralDirectory(zip, localEntry(EVIDENCE, forged)))
    expect(v.valid).toBe(false)
    expect(codes(v)).toContain('zip-inconsistent')
  })

  it('bytes between the last entry and the central directory (a gap)', async () => {
    const v = await verify(insertBeforeCentralDirectory(zip, randomBytes(100)))
    expect(v.valid).toBe(false)
    expect(codes(v)).toContain('zip-inconsistent')
  })

  it('a local header whose name differs from its central directory name', async () => {
    const edited = Buffer.from(zip)
    const at = localHeaderOf(edited, EVIDENCE)
    const nameAt = at + 30
    const name = edited.subarray(nameAt, nameAt + edited.readUInt16LE(at + 26)).toString('utf8')
    expect(name).toBe(EVIDENCE)
    edited.write(name.replace('E001_', 'E009_'), nameAt, 'utf8')
    const v = await verify(edited)
    expect(v.valid).toBe(false)
    expect(codes(v)).toContain('zip-inconsistent')
  })

  it('a local header whose CRC differs from the central directory', async () => {
    const edited = Buffer.from(zip)
    const at = localHeaderOf(edited, BAG_INFO)
    expect(edited.readUInt16LE(at + 6) & 8).toBe(0) // sizes and CRC are in the local header itself
    edited.writeUInt32LE((edited.readUInt32LE(at + 14) ^ 0x5a5a5a5a) >>> 0, at + 14)
    const v = await verify(edited)
    expect(v.valid).toBe(false)
    expect(codes(v)).toContain('zip-inconsistent')
  })

  it('a local header whose size differs from the central directory', async () => {
    const edited = Buffer.from(zip)
    const at = localHeaderOf(edited, BAG_INFO)
    edited.writeUInt32LE(edited.readUInt32LE(at + 22) + 1, at + 22)
    const v = await verify(edited)
    expect(v.valid).toBe(false)
    expect(codes(v)).toContain('zip-inconsistent')
  })

  it('a data descriptor whose CRC differs from the central directory', async () => {
    const edited = Buffer.from(zip)
    const at = localHeaderOf(edited, CASE_JSON)
    expect(edited.readUInt16LE(at + 6) & 8).toBe(8) // streamed: CRC and sizes follow the data
    const dataAt = at + 30 + edited.readUInt16LE(at + 26) + edited.readUInt16LE(at + 28)
    const central = readLayout(edited).entries.find((e) => e.name === CASE_JSON)!.centralAt
    const descriptor = dataAt + edited.readUInt32LE(central + 20)
    const crcAt = edited.readUInt32LE(descriptor) === 0x08074b50 ? descriptor + 4 : descriptor
    expect(edited.readUInt32LE(crcAt)).toBe(edited.readUInt32LE(central + 16))
    edited.writeUInt32LE((edited.readUInt32LE(crcAt) ^ 1) >>> 0, crcAt)
    const v = await verify(edited)
    expect(v.valid).toBe(false)
    expect(codes(v)).toContain('zip-inconsistent')
  })

  it('data after the end record', async () => {
    const v = await verify(Buffer.concat([zip, Buffer.from('appended after the end of the ZIP\n')]))
    expect(v.valid).toBe(false)
    expect(codes(v)).toContain('zip-inconsistent')
  })

  it('an archive comment declared in the end record is allowed', async () => {
    const comment = Buffer.from('证据包 comment', 'utf8')
    const edited = Buffer.concat([zip, comment])
    const l = readLayout(zip)
    edited.writeUInt16LE(comment.length, l.eocdAt + 20)
    const v = await verify(edited)
    expect(v.problems).toEqual([])
    expect(v.valid).toBe(true)
  })

  it('ZIPs of a valid bag made by other tools (Info-ZIP, Python deflated or stored) are not inconsistent', async () => {
    const folder = await buildCustodyPackage(join(tmp.dir, 'bag'), { evidenceBytes: 5_000, key: pkg.key })
    const made: string[] = []
    const infoZip = join(tmp.dir, 'info-zip.zip')
    // in a UTF-8 locale Info-ZIP marks the Chinese names as UTF-8 (flag 11)
    execFileSync('zip', ['-q', '-r', '-X', infoZip, 'bag'], {
      cwd: tmp.dir,
      env: { ...process.env, LC_ALL: 'C.UTF-8' },
    })
    // Info-ZIP 3.0 stores these UTF-8 names without the UTF-8 flag, so they decode as CP437 and
    // the bag is incomplete; that is a name problem, not a layout one, and no zip-inconsistent.
    expect(codes(await verify(readFileSync(infoZip)))).not.toContain('zip-inconsistent')
    for (const [name, method] of [
      ['python-deflated.zip', 'ZIP_DEFLATED'],
      ['python-stored.zip', 'ZIP_STORED'],
    ]) {
      const out = join(tmp.dir, name)
      execFileSync(
        'python3',
        [
          '-c',
          `import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.${method}) as z:
    for root, dirs, files in os.walk('bag'):
        for f in sorted(files):
            z.write(os.path.join(root, f))`,
          out,
        ],
        { cwd: tmp.dir },
      )
      made.push(out)
    }
    for (const path of made) {
      const v = await verify(readFileSync(path))
      expect(v.problems, path).toEqual([])
      expect(v.valid, path).toBe(true)
    }
    expect(folder.path).toBe(join(tmp.dir, 'bag'))
  })
})
