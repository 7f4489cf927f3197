/**
 * The two bags in ../shared/fixtures/real-world/files/bags against EXPECTED.md and the
 * bagit-python runs in ref/bags, and ZIPs of the same classes made here: GBK names without the
 * UTF-8 flag (Chinese Windows Explorer), control characters in an undeclared name.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import * as yauzl from 'yauzl'
import { afterAll, describe, expect, it } from 'vitest'
import { openBag, verifyBag } from '../../src/core/package/bagit/verify'
import type { BagVerifyResult } from '../../src/core/package/bagit/types'
import { REAL_WORLD } from '../support/fixtures'
import { tempDir } from '../support/temp'

const BAGS = join(REAL_WORLD, 'files', 'bags')
const REF = join(REAL_WORLD, 'ref', 'bags')
const { dir, cleanup } = tempDir('real-world-bags-')
afterAll(cleanup)

async function verifyAt(path: string): Promise<BagVerifyResult> {
  const source = await openBag(path)
  try {
    return await verifyBag(source)
  } finally {
    await source.close()
  }
}

/** The entries of a ZIP: raw name bytes and data. */
async function zipEntries(path: string): Promise<Array<{ name: Buffer; data: Buffer }>> {
  const zip = await yauzl.openPromise(path, { decodeStrings: false, autoClose: false })
  const out: Array<{ name: Buffer; data: Buffer }> = []
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = []
    if (!entry.fileNameRaw.toString('latin1').endsWith('/')) {
      const stream = await zip.openReadStreamPromise(entry)
      for await (const c of stream) chunks.push(c as Buffer)
    }
    out.push({ name: entry.fileNameRaw, data: Buffer.concat(chunks) })
  }
  zip.close()
  return out
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(b: Buffer): number {
  let c = 0xffffffff
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** A stored ZIP whose names are the given bytes, general purpose flags 0 (no UTF-8 flag), made by "MS-DOS". */
function storedZip(entries: Array<{ name: Buffer; data: Buffer }>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const { name, data } of entries) {
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(name.at(-1) === 0x2f ? 0x10 : 0, 38)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    centrals.push(central, name)
    offset += 30 + name.length + data.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

describe('bags from other tools (../shared/fixtures/real-world/files/bags)', () => {
  it('BagIt 0.96 listing a tag file in its payload manifest: valid with a warning, as bagit-python says', async () => {
    expect(readFileSync(join(REF, 'bag-with-tagfiles-in-payload-manifest.bagit-python.txt'), 'utf8')).toMatch(
      /exit status: 0[\s\S]*is valid/,
    )
    const r = await verifyAt(join(BAGS, 'bag-with-tagfiles-in-payload-manifest'))
    expect(r.version).toBe('0.96')
    expect(r.problems).toEqual([])
    expect(r.complete).toBe(true)
    expect(r.valid).toBe(true)
    expect(r.payloadFiles).toBe(5)
    const w = r.warnings.find((x) => x.code === 'manifest-outside-payload')
    expect(w?.message).toMatch(/bag-info\.txt/)
  })

  it('the same listing in a bag declaring 1.0 or 0.97 breaks RFC 8493 §2.1.3: not valid', async () => {
    for (const version of ['1.0', '0.97']) {
      const copy = join(dir, `tagfiles-in-payload-${version}`)
      const src = join(BAGS, 'bag-with-tagfiles-in-payload-manifest')
      for (const f of [
        'bag-info.txt',
        'manifest-md5.txt',
        'data/test1.txt',
        'data/test2.txt',
        'data/dir1/test3.txt',
        'data/dir2/test4.txt',
        'data/dir2/dir3/test5.txt',
      ]) {
        const to = join(copy, f)
        mkdirSync(join(to, '..'), { recursive: true })
        writeFileSync(to, readFileSync(join(src, f)))
      }
      writeFileSync(
        join(copy, 'bagit.txt'),
        `BagIt-Version: ${version}\nTag-File-Character-Encoding: UTF-8\n`,
      )
      const r = await verifyAt(copy)
      expect(r.valid, version).toBe(false)
      expect(r.problems.find((p) => p.code === 'bad-manifest')?.message, version).toMatch(
        /bag-info\.txt.*not under data/,
      )
    }
  })

  it('Info-ZIP bag with UTF-8 names and no UTF-8 flag: valid, names matched, the decoding said', async () => {
    const entries = JSON.parse(readFileSync(join(REF, 'cjk-bag-infozip.zip.entries.json'), 'utf8')) as {
      entries: Array<{ utf8FlagBit11: boolean; nameAsUtf8: string }>
    }
    expect(entries.entries.every((e) => !e.utf8FlagBit11)).toBe(true)
    const r = await verifyAt(join(BAGS, 'cjk-bag-infozip.zip'))
    expect(r.problems).toEqual([])
    expect(r.valid).toBe(true)
    expect(r.payloadFiles).toBe(5)
    expect([...r.digests.keys()]).toContain('data/询问笔录 第1次.txt')
    expect([...r.digests.keys()]).toContain('data/现场照片说明/照片01 排污口.txt')
    const w = r.warnings.find((x) => x.code === 'name-encoding')
    expect(w?.message).toMatch(/UTF-8/)
    expect(w?.message).not.toMatch(/GB18030 \(/)
  })
})

describe('ZIPs of the same classes', () => {
  it('GBK names without the flag (Chinese Windows Explorer): decoded as GB18030, matched, said so', async () => {
    const infozip = await zipEntries(join(BAGS, 'cjk-bag-infozip.zip'))
    const gbk = infozip.map(({ name, data }) => ({ name: iconv.encode(name.toString('utf8'), 'gbk'), data }))
    expect(
      gbk.some(
        (e) =>
          !e.name.equals(Buffer.from(e.name.toString('latin1'), 'latin1')) || e.name.some((b) => b >= 0x80),
      ),
    ).toBe(true)
    const path = join(dir, 'gbk-names.zip')
    writeFileSync(path, storedZip(gbk))
    const r = await verifyAt(path)
    expect(r.problems).toEqual([])
    expect(r.valid).toBe(true)
    expect([...r.digests.keys()]).toContain('data/询问笔录 第1次.txt')
    expect(r.warnings.find((x) => x.code === 'name-encoding')?.message).toMatch(/GB18030/)
  })

  it('a control character in an undeclared name stays a control character, never a CP437 symbol', async () => {
    const infozip = await zipEntries(join(BAGS, 'cjk-bag-infozip.zip'))
    const withControl = [
      ...infozip,
      {
        name: Buffer.from([
          ...Buffer.from('执法证据包-并环罚2021-031/data/a'),
          0x01,
          ...Buffer.from('b.txt'),
        ]),
        data: Buffer.from('x'),
      },
    ]
    const path = join(dir, 'control-name.zip')
    writeFileSync(path, storedZip(withControl))
    const r = await verifyAt(path)
    expect(r.valid).toBe(false)
    const all = JSON.stringify([...r.problems, ...r.warnings])
    expect(all).not.toMatch(/☺/)
    // not in the manifest: reported under its real name, the control character kept (and escaped when printed)
    const extra = r.problems.find((p) => p.path === 'data/a\u0001b.txt')
    expect(extra?.code).toBe('extra-file')
  })
})
