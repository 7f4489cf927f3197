import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ZipFile } from 'yazl'
import { openBag, verifyBag } from '../../src/core/package/bagit/verify'
import { encodeManifestPath } from '../../src/core/package/bagit/manifest'
import type { BagSource } from '../../src/core/package/bagit/types'
import { tempDir } from '../support/temp'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => (tmp = tempDir('bagit-verify-')))
afterEach(() => tmp.cleanup())

const hex = (alg: string, data: Buffer | string): string => createHash(alg).update(data).digest('hex')

interface BagSpec {
  version?: string
  payload: Record<string, string | Buffer>
  algorithms?: string[]
  tagAlgorithms?: string[]
  bagInfo?: string | null
}

/** Writes a bag folder by hand (not with our writer), so verify is tested against independent bytes. */
function makeBag(root: string, spec: BagSpec): string {
  const algs = spec.algorithms ?? ['sha256', 'sha512']
  const put = (rel: string, data: string | Buffer): void => {
    mkdirSync(dirname(join(root, rel)), { recursive: true })
    writeFileSync(join(root, rel), data)
  }
  mkdirSync(join(root, 'data'), { recursive: true })
  put('bagit.txt', `BagIt-Version: ${spec.version ?? '1.0'}\nTag-File-Character-Encoding: UTF-8\n`)
  let bytes = 0
  for (const [p, d] of Object.entries(spec.payload)) {
    put(p, d)
    bytes += Buffer.byteLength(d)
  }
  if (spec.bagInfo !== null)
    put(
      'bag-info.txt',
      spec.bagInfo ??
        `Source-Organization: Test\nPayload-Oxum: ${bytes}.${Object.keys(spec.payload).length}\n`,
    )
  for (const alg of algs) {
    put(
      `manifest-${alg}.txt`,
      Object.entries(spec.payload)
        .map(([p, d]) => `${hex(alg, d)}  ${encodeManifestPath(p)}\n`)
        .join(''),
    )
  }
  for (const alg of spec.tagAlgorithms ?? ['sha256']) {
    const tags = [
      'bagit.txt',
      ...(spec.bagInfo !== null ? ['bag-info.txt'] : []),
      ...algs.map((a) => `manifest-${a}.txt`),
    ]
    put(`tagmanifest-${alg}.txt`, tags.map((t) => `${hex(alg, readFileSync(join(root, t)))} ${t}\n`).join(''))
  }
  return root
}

async function verifyPath(
  path: string,
  opts?: Parameters<typeof verifyBag>[1],
): ReturnType<typeof verifyBag> {
  const source = await openBag(path)
  try {
    return await verifyBag(source, opts)
  } finally {
    await source.close()
  }
}

async function zipFolder(folder: string, zipPath: string, prefix: string): Promise<void> {
  const zip = new ZipFile()
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(folder, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${name.name}` : name.name
      if (name.isDirectory()) walk(child)
      else zip.addFile(join(folder, child), `${prefix}${child}`, { compress: false })
    }
  }
  walk('')
  zip.end()
  await new Promise<void>((resolve, reject) =>
    zip.outputStream
      .pipe(createWriteStream(zipPath))
      .on('close', () => resolve())
      .on('error', reject),
  )
}

const payload = {
  'data/evidence/a.txt': 'alpha\n',
  'data/case.json': '{"case":1}',
  'data/证据/视频 1.txt': Buffer.alloc(70_000, 3),
}

describe('verifyBag on folders', () => {
  it('accepts a valid 1.0 bag and reports bag-info, sizes and per-file sha256/sha512', async () => {
    const bag = makeBag(join(tmp.dir, 'bag'), { payload })
    const r = await verifyPath(bag)
    expect(r.problems).toEqual([])
    expect(r).toMatchObject({
      valid: true,
      complete: true,
      version: '1.0',
      payloadFiles: 3,
      payloadBytes: 6 + 10 + 70_000,
    })
    expect(r.bagInfo).toEqual([
      ['Source-Organization', 'Test'],
      ['Payload-Oxum', '70016.3'],
    ])
    expect(r.digests.get('data/证据/视频 1.txt')).toEqual({
      sha256: hex('sha256', payload['data/证据/视频 1.txt']),
      sha512: hex('sha512', payload['data/证据/视频 1.txt']),
    })
  })

  it('computes sha256 digests even for an md5-only bag, and checks all six algorithms', async () => {
    const bag = makeBag(join(tmp.dir, 'bag'), {
      payload,
      algorithms: ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'],
      tagAlgorithms: ['md5', 'sha384'],
    })
    const r = await verifyPath(bag)
    expect(r.valid).toBe(true)
    const md5Only = makeBag(join(tmp.dir, 'md5'), { payload, algorithms: ['md5'], tagAlgorithms: ['md5'] })
    const r2 = await verifyPath(md5Only)
    expect(r2.valid).toBe(true)
    expect(r2.digests.get('data/case.json')).toEqual({ sha256: hex('sha256', '{"case":1}') })
  })

  it('reads every file exactly once, however many manifests list it', async () => {
    const bag = makeBag(join(tmp.dir, 'bag'), {
      payload,
      algorithms: ['md5', 'sha256', 'sha512'],
      tagAlgorithms: ['sha256', 'sha512'],
    })
    const inner = await openBag(bag)
    const reads = new Map<string, number>()
    const count = (p: string): void => void reads.set(p, (reads.get(p) ?? 0) + 1)
    const counting: BagSource = {
      kind: inner.kind,
      location: inner.location,
      root: inner.root,
      scan: () => inner.scan(),
      list: () => inner.list(),
      openRead: (p) => (count(p), inner.openRead(p)),
      readFile: (p, max) => (count(p), inner.readFile(p, max)),
      readChunks: (p, consume) => (count(p), inner.readChunks(p, consume)),
      close: () => inner.close(),
    }
    const r = await verifyBag(counting)
    expect(r.valid).toBe(true)
    const files = (await inner.list()).map((f) => f.path)
    expect(Object.fromEntries(reads)).toEqual(Object.fromEntries(files.map((f) => [f, 1])))
  })

  it('reports missing, extra, mismatching files and a wrong Payload-Oxum', async () => {
    const bag = makeBag(join(tmp.dir, 'bag'), { payload })
    rmSync(join(bag, 'data/case.json'))
    writeFileSync(join(bag, 'data/evidence/a.txt'), 'tampered\n')
    writeFileSync(join(bag, 'data/evidence/new.txt'), 'unlisted')
    const r = await verifyPath(bag)
    expect(r.valid).toBe(false)
    expect(r.complete).toBe(false)
    const codes = r.problems.map((p) => `${p.code} ${p.path}`).sort()
    expect(codes).toEqual(
      [
        'extra-file data/evidence/new.txt',
        'hash-mismatch data/evidence/a.txt',
        'hash-mismatch data/evidence/a.txt',
        'missing-file data/case.json',
        'missing-file data/case.json',
        'oxum-mismatch bag-info.txt',
      ].sort(),
    )
  })

  it('treats a checksum mismatch alone as complete but not valid', async () => {
    const bag = makeBag(join(tmp.dir, 'bag'), { payload })
    writeFileSync(join(bag, 'data/case.json'), '{"case":2}')
    const r = await verifyPath(bag)
    expect(r).toMatchObject({ complete: true, valid: false })
    expect(r.problems.map((p) => p.code)).toEqual(['hash-mismatch', 'hash-mismatch'])
  })

  it('requires every 1.0 payload manifest to list every file, but only one before 1.0', async () => {
    for (const version of ['1.0', '0.97']) {
      const bag = makeBag(join(tmp.dir, `bag-${version}`), { version, payload })
      const extra = Buffer.from('x')
      writeFileSync(join(bag, 'data/only-in-sha512.txt'), extra)
      writeFileSync(
        join(bag, 'manifest-sha512.txt'),
        `${readFileSync(join(bag, 'manifest-sha512.txt'), 'utf8')}${hex('sha512', extra)}  data/only-in-sha512.txt\n`,
      )
      writeFileSync(join(bag, 'bag-info.txt'), 'Payload-Oxum: 70017.4\n')
      rmSync(join(bag, 'tagmanifest-sha256.txt'))
      const r = await verifyPath(bag)
      if (version === '1.0') {
        expect(r.problems.map((p) => p.code)).toEqual(['extra-file'])
      } else {
        expect(r.problems).toEqual([])
        expect(r.warnings.map((w) => w.code)).toContain('extra-file')
      }
    }
  })

  it('refuses a path listed twice in a 1.0 manifest, even with the same checksum', async () => {
    const bag = makeBag(join(tmp.dir, 'bag'), {
      payload: { 'data/x': 'x' },
      algorithms: ['sha256'],
      tagAlgorithms: [],
    })
    writeFileSync(join(bag, 'manifest-sha256.txt'), `${hex('sha256', 'x')}  data/x\n`.repeat(2))
    const r = await verifyPath(bag)
    expect(r.problems.map((p) => p.code)).toEqual(['duplicate-entry'])
  })

  it('decodes %25, %0A and %0D in manifest paths (RFC 8493 §2.1.3)', async () => {
    const bag = makeBag(join(tmp.dir, 'bag'), {
      payload: { 'data/100% sure.txt': 'a', 'data/%7E literal': 'b' },
    })
    expect(readFileSync(join(bag, 'manifest-sha256.txt'), 'utf8')).toContain('data/100%25 sure.txt')
    const r = await verifyPath(bag)
    expect(r.problems).toEqual([])
    expect(r.valid).toBe(true)
  })

  it('reports not-a-bag for a folder without bagit.txt or without data/', async () => {
    mkdirSync(join(tmp.dir, 'empty'))
    expect((await verifyPath(join(tmp.dir, 'empty'))).problems.map((p) => p.code)).toEqual(['not-a-bag'])
    const bag = makeBag(join(tmp.dir, 'bag'), { payload: {} })
    rmSync(join(bag, 'data'), { recursive: true })
    const r = await verifyPath(bag)
    expect(r.valid).toBe(false)
    expect(r.problems.map((p) => p.code)).toContain('not-a-bag')
  })

  it('reports a manifest with an algorithm it cannot compute, and a tag manifest that skips a payload manifest', async () => {
    const bag = makeBag(join(tmp.dir, 'bag'), { payload })
    writeFileSync(join(bag, 'manifest-blake3.txt'), '00  data/case.json\n')
    const r = await verifyPath(bag)
    expect(r.problems.map((p) => p.code).sort()).toEqual(['bad-manifest', 'unsupported-algorithm'])
  })

  it('reports progress up to the total and stops with EvidenceError(cancelled) on abort', async () => {
    const bag = makeBag(join(tmp.dir, 'bag'), {
      payload: { 'data/big.bin': Buffer.alloc(12 << 20, 1), 'data/small': 's' },
    })
    const seen: number[] = []
    let total = 0
    await verifyPath(bag, { onProgress: (p) => (seen.push(p.bytesDone), (total = p.bytesTotal)) })
    expect(seen.at(-1)).toBe(total)
    expect(total).toBeGreaterThan(12 << 20)
    const ac = new AbortController()
    const run = verifyPath(bag, { signal: ac.signal, onProgress: (p) => p.bytesDone > 1 << 20 && ac.abort() })
    await expect(run).rejects.toMatchObject({ name: 'EvidenceError', code: 'cancelled' })
  })
})

describe('openBag and ZIP bags', () => {
  it('reads a bag ZIP in place, rooted at its single top-level folder or at the ZIP root', async () => {
    const bag = makeBag(join(tmp.dir, 'bag'), { payload })
    for (const prefix of ['my-bag/', '']) {
      const zipPath = join(tmp.dir, `bag-${prefix ? 'folder' : 'root'}.bin`)
      await zipFolder(bag, zipPath, prefix)
      const source = await openBag(zipPath)
      expect(source.kind).toBe('zip')
      expect(source.root).toBe(prefix)
      const r = await verifyBag(source)
      expect(r.problems).toEqual([])
      expect(r.valid).toBe(true)
      expect(r.digests.get('data/case.json')?.sha256).toBe(hex('sha256', '{"case":1}'))
      expect((await source.readFile('bagit.txt', 1000)).toString()).toMatch(/^BagIt-Version: 1.0/)
      expect((await source.list()).find((f) => f.path === 'data/证据/视频 1.txt')?.size).toBe(70_000)
      await expect(source.openRead('data/nope')).rejects.toMatchObject({ code: 'not-found' })
      await expect(source.readFile('data/证据/视频 1.txt', 100)).rejects.toMatchObject({
        code: 'invalid-input',
      })
      await source.close()
    }
  })

  it('ignores the __MACOSX/ folder that macOS Finder adds, with a warning', async () => {
    const bag = makeBag(join(tmp.dir, 'bag'), { payload })
    const zip = new ZipFile()
    for (const f of [
      'bagit.txt',
      'bag-info.txt',
      'manifest-sha256.txt',
      'manifest-sha512.txt',
      'tagmanifest-sha256.txt',
      ...Object.keys(payload),
    ]) {
      zip.addFile(join(bag, f), `bag/${f}`)
    }
    zip.addBuffer(Buffer.from('resource fork'), '__MACOSX/bag/data/._case.json')
    zip.end()
    const zipPath = join(tmp.dir, 'finder.zip')
    await new Promise<void>((resolve, reject) =>
      zip.outputStream
        .pipe(createWriteStream(zipPath))
        .on('close', () => resolve())
        .on('error', reject),
    )
    const r = await verifyPath(zipPath)
    expect(r.problems).toEqual([])
    expect(r.warnings.map((w) => w.path)).toEqual(['__MACOSX/'])
  })

  it('detects a tampered entry inside a ZIP', async () => {
    const bag = makeBag(join(tmp.dir, 'bag'), { payload })
    writeFileSync(join(bag, 'data/case.json'), '{"case":9}')
    await zipFolder(bag, join(tmp.dir, 'b.zip'), 'b/')
    const r = await verifyPath(join(tmp.dir, 'b.zip'))
    expect(r.problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      'hash-mismatch data/case.json',
      'hash-mismatch data/case.json',
    ])
  })

  it('throws not-found for a missing path and invalid-input for a file that is not a ZIP', async () => {
    await expect(openBag(join(tmp.dir, 'nope'))).rejects.toMatchObject({
      name: 'EvidenceError',
      code: 'not-found',
    })
    writeFileSync(join(tmp.dir, 'notes.zip'), 'just text, not a zip')
    await expect(openBag(join(tmp.dir, 'notes.zip'))).rejects.toMatchObject({ code: 'invalid-input' })
    writeFileSync(
      join(tmp.dir, 'broken.zip'),
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]),
    )
    await expect(openBag(join(tmp.dir, 'broken.zip'))).rejects.toMatchObject({ code: 'invalid-input' })
  })
})
