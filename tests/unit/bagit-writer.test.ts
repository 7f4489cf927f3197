import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { createBagWriter, type BagWriterOptions } from '../../src/core/package/bagit/writer'
import { openBag, verifyBag } from '../../src/core/package/bagit/verify'
import { decodeManifestPath } from '../../src/core/package/bagit/manifest'
import type { BagSource } from '../../src/core/package/bagit/types'
import { fixedClock, tempDir } from '../support/temp'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => (tmp = tempDir('bagit-writer-')))
afterEach(() => tmp.cleanup())

const sha = (alg: string, data: Buffer | string): string => createHash(alg).update(data).digest('hex')
const hasTool = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0

async function readAll(source: BagSource, path: string): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of await source.openRead(path)) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

/** Recomputes every line of a manifest from the bag's bytes, as `sha256sum -c` would. */
async function checkManifest(source: BagSource, name: string, alg: string): Promise<number> {
  const text = (await readAll(source, name)).toString('utf8')
  let n = 0
  for (const line of text.split('\n').filter(Boolean)) {
    const m = /^([0-9a-f]+) {2}(.+)$/.exec(line)
    expect(m, line).not.toBeNull()
    expect(sha(alg, await readAll(source, decodeManifestPath(m![2]))), m![2]).toBe(m![1])
    n++
  }
  return n
}

async function writeSample(
  opts: Partial<BagWriterOptions> & Pick<BagWriterOptions, 'destination' | 'format'>,
) {
  const src = join(tmp.dir, 'video.mp4')
  writeFileSync(src, Buffer.alloc(9 << 20, 0x42))
  const w = await createBagWriter({
    now: fixedClock('2026-05-23T20:30:00Z'),
    timeZone: 'Asia/Shanghai',
    ...opts,
  })
  await w.addFile('data/evidence/video.mp4', src)
  await w.addStream(
    'data/evidence/notes 100%.txt',
    Readable.from([Buffer.from('line 1\n'), Buffer.from('line 2\n')]),
    14,
  )
  await w.addStream('data/custody-log.jsonl', Readable.from([Buffer.from('{"seq":1}\n')]))
  await w.addBuffer('data/case.json', Buffer.from('{"number":"环罚〔2026〕1号"}'))
  const result = await w.finish({
    bagInfo: [
      ['Source-Organization', '某市生态环境局'],
      ['External-Description', 'Evidence for case 1\nsecond line'],
    ],
    extraTagFiles: [{ path: 'custody/officers.txt', content: Buffer.from('A, B\n') }],
    afterTagManifests: ({ sha256 }) => [
      { path: 'tagmanifest-sha256.txt.sig', content: Buffer.from(`sig:${sha('sha256', sha256)}`) },
    ],
  })
  return result
}

describe('BagWriter round trip', () => {
  for (const format of ['folder', 'zip'] as const) {
    it(`writes a ${format} bag that verifies, with exact tag files and unlisted signature`, async () => {
      const destination = join(tmp.dir, format === 'zip' ? 'package.zip' : 'package')
      const result = await writeSample({ destination, format })
      expect(result).toMatchObject({
        path: destination,
        format,
        payloadFiles: 4,
        payloadBytes: (9 << 20) + 14 + 10 + Buffer.byteLength('{"number":"环罚〔2026〕1号"}'),
      })
      expect(readdirSync(tmp.dir).sort()).toEqual([format === 'zip' ? 'package.zip' : 'package', 'video.mp4'])

      const source = await openBag(destination)
      const v = await verifyBag(source)
      expect(v.problems).toEqual([])
      expect(v.warnings).toEqual([])
      expect(v.valid).toBe(true)
      expect(v.digests.get('data/evidence/video.mp4')).toEqual({
        sha256: sha('sha256', Buffer.alloc(9 << 20, 0x42)),
        sha512: sha('sha512', Buffer.alloc(9 << 20, 0x42)),
      })
      expect(result.files.find((f) => f.path === 'data/case.json')?.sha512).toBe(
        sha('sha512', '{"number":"环罚〔2026〕1号"}'),
      )

      expect((await readAll(source, 'bagit.txt')).toString()).toBe(
        'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n',
      )
      expect((await readAll(source, 'bag-info.txt')).toString()).toBe(
        `Source-Organization: 某市生态环境局\nExternal-Description: Evidence for case 1\n  second line\nBagging-Date: 2026-05-24\nBag-Size: 9.4 MB\nPayload-Oxum: ${v.payloadBytes}.4\n`,
      )
      expect(v.bagInfo.find(([k]) => k === 'External-Description')?.[1]).toBe(
        'Evidence for case 1\nsecond line',
      )
      expect(await checkManifest(source, 'manifest-sha256.txt', 'sha256')).toBe(4)
      expect(await checkManifest(source, 'manifest-sha512.txt', 'sha512')).toBe(4)
      expect(await checkManifest(source, 'tagmanifest-sha256.txt', 'sha256')).toBe(5)
      expect(await checkManifest(source, 'tagmanifest-sha512.txt', 'sha512')).toBe(5)
      const tagList = (await readAll(source, 'tagmanifest-sha256.txt')).toString()
      expect(tagList).toContain('custody/officers.txt')
      expect(tagList).not.toContain('.sig')
      expect(tagList).not.toContain('tagmanifest-')
      expect(tagList).toBe(result.tagManifestSha256.toString())
      expect((await readAll(source, 'tagmanifest-sha256.txt.sig')).toString()).toBe(
        `sig:${sha('sha256', result.tagManifestSha256)}`,
      )
      expect((await readAll(source, 'manifest-sha256.txt')).toString()).toContain(
        'data/evidence/notes 100%25.txt',
      )
      await source.close()

      if (format === 'zip') {
        expect(result.zipSha256).toBe(sha('sha256', readFileSync(destination)))
        if (hasTool('unzip'))
          expect(execFileSync('unzip', ['-t', destination]).toString()).toMatch(/No errors detected/)
        if (hasTool('zipinfo')) {
          const lines = execFileSync('zipinfo', [destination])
            .toString()
            .split('\n')
            .filter((l) => /^-/.test(l))
          expect(lines).toHaveLength(12)
          for (const l of lines) {
            expect(l).toMatch(/ stor /)
            expect(l).toMatch(/ package\//)
          }
        }
      } else if (hasTool('sha256sum')) {
        // Names without "%" check with coreutils too; "%25" is the RFC's encoding, not sha256sum's.
        const plain = readFileSync(join(destination, 'manifest-sha256.txt'), 'utf8')
          .split('\n')
          .filter((l) => l && !l.includes('%'))
        writeFileSync(join(tmp.dir, 'plain.sha256'), plain.join('\n') + '\n')
        expect(
          execFileSync('sha256sum', ['-c', join(tmp.dir, 'plain.sha256')], { cwd: destination }).toString(),
        ).not.toMatch(/FAILED/)
      }
    })
  }

  it('writes a ZIP entry of unknown size in ZIP64 form that still verifies', async () => {
    const destination = join(tmp.dir, 'z.zip')
    const w = await createBagWriter({ destination, format: 'zip' })
    await w.addStream('data/stream.bin', Readable.from([Buffer.alloc(1000, 1), Buffer.alloc(5, 2)]))
    await w.finish({ bagInfo: [] })
    if (hasTool('unzip'))
      expect(execFileSync('unzip', ['-t', destination]).toString()).toMatch(/No errors detected/)
    const source = await openBag(destination)
    expect((await verifyBag(source)).valid).toBe(true)
    await source.close()
  })

  it('writes an empty bag (data/ present, Payload-Oxum 0.0) in both formats', async () => {
    for (const format of ['folder', 'zip'] as const) {
      const destination = join(tmp.dir, `empty-${format}`)
      const w = await createBagWriter({ destination, format })
      await w.finish({ bagInfo: [] })
      const source = await openBag(destination)
      const v = await verifyBag(source)
      await source.close()
      expect(v.problems).toEqual([])
      expect(v.bagInfo.find(([k]) => k === 'Payload-Oxum')?.[1]).toBe('0.0')
    }
  })

  it('reports progress in bytes with the expected total', async () => {
    const seen: Array<[number, number | null]> = []
    const w = await createBagWriter({
      destination: join(tmp.dir, 'p'),
      format: 'folder',
      expectedBytes: 3 << 20,
      onProgress: (p) => seen.push([p.bytesDone, p.bytesTotal]),
    })
    await w.addBuffer('data/a', Buffer.alloc(1 << 20))
    await w.addStream('data/b', Readable.from([Buffer.alloc(1 << 20), Buffer.alloc(1 << 20)]))
    await w.finish({ bagInfo: [] })
    expect(seen.at(-1)).toEqual([3 << 20, 3 << 20])
  })
})

describe('BagWriter copying a large file on its own disk (kernel copy, hashed as written)', () => {
  it('writes the exact bytes with their sha256 and sha512, as a plain 0644 file, however the source was protected', async () => {
    const bytes = Buffer.from(Array.from({ length: (3 << 20) + 7 }, (_, i) => (i * 31 + (i >> 11)) & 0xff))
    const source = join(tmp.dir, 'object')
    writeFileSync(source, bytes, { mode: 0o400 })
    const w = await createBagWriter({ destination: join(tmp.dir, 'bag'), format: 'folder' })
    const rec = await w.addFile('data/evidence/E001.mp4', source)
    await w.finish({ bagInfo: [] })
    expect(rec).toEqual({
      path: 'data/evidence/E001.mp4',
      size: bytes.length,
      sha256: sha('sha256', bytes),
      sha512: sha('sha512', bytes),
    })
    const copy = join(tmp.dir, 'bag', 'data', 'evidence', 'E001.mp4')
    expect(readFileSync(copy).equals(bytes)).toBe(true)
    expect(statSync(copy).mode & 0o777).toBe(0o644)
    const bag = await openBag(join(tmp.dir, 'bag'))
    try {
      expect((await verifyBag(bag)).valid).toBe(true)
    } finally {
      await bag.close()
    }
  })
})

describe('BagWriter never leaves a partial bag', () => {
  const leftovers = (): string[] => readdirSync(tmp.dir).filter((n) => n !== 'big.bin')

  for (const format of ['folder', 'zip'] as const) {
    it(`removes the temporary ${format} on cancel`, async () => {
      writeFileSync(join(tmp.dir, 'big.bin'), Buffer.alloc(16 << 20))
      const ac = new AbortController()
      const w = await createBagWriter({
        destination: join(tmp.dir, 'out'),
        format,
        signal: ac.signal,
        onProgress: (p) => p.bytesDone > 4 << 20 && ac.abort(),
      })
      await expect(w.addFile('data/big.bin', join(tmp.dir, 'big.bin'))).rejects.toMatchObject({
        code: 'cancelled',
      })
      expect(leftovers()).toEqual([])
      await expect(w.finish({ bagInfo: [] })).rejects.toMatchObject({ code: 'invalid-input' })
      expect(leftovers()).toEqual([])
    })

    it(`removes the temporary ${format} when a source fails mid-way, or its size is wrong`, async () => {
      const failing = new Readable({
        read() {
          this.push(Buffer.alloc(1 << 20))
          this.destroy(new Error('disk unplugged'))
        },
      })
      const w = await createBagWriter({ destination: join(tmp.dir, 'out'), format })
      await expect(w.addStream('data/x', failing)).rejects.toThrow(/disk unplugged/)
      expect(leftovers()).toEqual([])
      const w2 = await createBagWriter({ destination: join(tmp.dir, 'out2'), format })
      await expect(w2.addStream('data/x', Readable.from([Buffer.from('abc')]), 4)).rejects.toMatchObject({
        code: 'io-error',
      })
      expect(leftovers()).toEqual([])
    })
  }

  it('removes the temporary output on abort() and when the signal fires between calls', async () => {
    const w = await createBagWriter({ destination: join(tmp.dir, 'a'), format: 'folder' })
    await w.addBuffer('data/x', Buffer.from('x'))
    expect(leftovers()).toHaveLength(1)
    await w.abort()
    expect(leftovers()).toEqual([])
    const ac = new AbortController()
    const w2 = await createBagWriter({
      destination: join(tmp.dir, 'b.zip'),
      format: 'zip',
      signal: ac.signal,
    })
    await w2.addBuffer('data/x', Buffer.from('x'))
    ac.abort()
    await expect(w2.finish({ bagInfo: [] })).rejects.toMatchObject({
      code: expect.stringMatching(/cancelled|invalid-input/),
    })
    expect(leftovers()).toEqual([])
  })

  it('refuses an existing destination or a missing parent folder', async () => {
    mkdirSync(join(tmp.dir, 'exists'))
    writeFileSync(join(tmp.dir, 'exists.zip'), 'x')
    await expect(
      createBagWriter({ destination: join(tmp.dir, 'exists'), format: 'folder' }),
    ).rejects.toMatchObject({ code: 'invalid-input' })
    await expect(
      createBagWriter({ destination: join(tmp.dir, 'exists.zip'), format: 'zip' }),
    ).rejects.toMatchObject({ code: 'invalid-input' })
    await expect(
      createBagWriter({ destination: join(tmp.dir, 'no/such/dir.zip'), format: 'zip' }),
    ).rejects.toMatchObject({ code: 'not-found' })
    expect(existsSync(join(tmp.dir, 'no'))).toBe(false)
  })

  it.each([
    ['../escape'],
    ['data/../escape'],
    ['bagit.txt'],
    ['data/a\\b'],
    ['data/a:b'],
    ['data/CON'],
    ['data/'],
  ])('refuses payload path %j', async (path) => {
    const w = await createBagWriter({ destination: join(tmp.dir, 'bad'), format: 'folder' })
    await expect(w.addBuffer(path, Buffer.from('x'))).rejects.toMatchObject({ code: 'invalid-input' })
    expect(leftovers()).toEqual([])
  })

  it('refuses names that collide by case or Unicode normalization, and reserved tag names', async () => {
    const w = await createBagWriter({ destination: join(tmp.dir, 'c'), format: 'folder' })
    await w.addBuffer('data/Hello.txt', Buffer.from('1'))
    await expect(w.addBuffer('data/hello.TXT', Buffer.from('2'))).rejects.toMatchObject({
      code: 'invalid-input',
    })
    const w2 = await createBagWriter({ destination: join(tmp.dir, 'd'), format: 'folder' })
    await w2.addBuffer('data/N\u00fa\u00f1ez', Buffer.from('1'))
    await expect(w2.addBuffer('data/Nu\u0301n\u0303ez', Buffer.from('2'))).rejects.toMatchObject({
      code: 'invalid-input',
    })
    const w3 = await createBagWriter({ destination: join(tmp.dir, 'e'), format: 'folder' })
    await expect(
      w3.finish({ bagInfo: [], extraTagFiles: [{ path: 'manifest-md5.txt', content: Buffer.from('') }] }),
    ).rejects.toMatchObject({ code: 'invalid-input' })
    const w4 = await createBagWriter({ destination: join(tmp.dir, 'f'), format: 'folder' })
    await expect(w4.finish({ bagInfo: [['Bad: label', 'x']] })).rejects.toMatchObject({
      code: 'invalid-input',
    })
    expect(leftovers()).toEqual([])
  })
})
