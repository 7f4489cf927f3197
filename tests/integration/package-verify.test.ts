import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openBag, type BagSource } from '../../src/core/package/bagit'
import { verifyCustodyPackage } from '../../src/core/package/verify-package'
import type { PackageVerdict } from '../../src/shared/package-types'
import { buildCustodyPackage, recomputeManifests } from '../support/custody-package'
import { BAGIT_FIXTURES } from '../support/fixtures'
import { tempDir } from '../support/temp'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => (tmp = tempDir('package-verify-')))
afterEach(() => tmp.cleanup())

async function verifyAt(path: string, trusted: string[] = []) {
  const source = await openBag(path)
  try {
    return await verifyCustodyPackage(source, { trustedFingerprints: new Set(trusted) })
  } finally {
    await source.close()
  }
}

const codes = (v: PackageVerdict): string[] => v.problems.map((p) => p.code)

/** Every file below a folder with its modification time and size, to prove nothing was written. */
function snapshot(dir: string): string {
  const out: string[] = []
  const walk = (rel: string): void => {
    for (const d of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${d.name}` : d.name
      const st = statSync(join(dir, child))
      out.push(`${child} ${st.size} ${st.mtimeMs}`)
      if (d.isDirectory()) walk(child)
    }
  }
  walk('')
  return out.sort().join('\n')
}

describe('verifyCustodyPackage on intact packages', () => {
  it('accepts a signed folder package with a trusted key, and returns the case and custody log it read', async () => {
    const pkg = await buildCustodyPackage(join(tmp.dir, 'pkg'))
    const before = snapshot(pkg.path)
    const { verdict, caseJson, custodyEvents } = await verifyAt(pkg.path, [pkg.key.fingerprint])
    expect(verdict).toMatchObject({
      valid: true,
      bagit: { complete: true, valid: true, version: '1.0' },
      signature: {
        present: true,
        valid: true,
        trusted: true,
        fingerprint: pkg.key.fingerprint,
        signer: '张三',
      },
      custody: { present: true, intact: true, events: pkg.events.length },
      problems: [],
      warnings: [],
    })
    expect(caseJson?.case.number).toBe('宁环罚〔2026〕12号')
    expect(caseJson?.evidence.map((e) => e.path)).toEqual([...pkg.originals.keys()])
    expect(custodyEvents.map((e) => e.hash)).toEqual(pkg.events.map((e) => e.hash))
    expect(custodyEvents.at(-1)?.action).toBe('exported')
    expect(snapshot(pkg.path)).toBe(before)
  })

  it('accepts the same package as a ZIP, read in place', async () => {
    const zip = join(tmp.dir, 'pkg.zip')
    const pkg = await buildCustodyPackage(zip, { format: 'zip' })
    const { verdict } = await verifyAt(zip, [pkg.key.fingerprint])
    expect(verdict.valid).toBe(true)
    expect(verdict.signature.trusted).toBe(true)
    expect(verdict.custody).toEqual({ present: true, intact: true, events: pkg.events.length })
    expect(readdirSync(tmp.dir)).toEqual(['pkg.zip'])
  })

  it('keeps a valid signature by an unconfirmed key valid, marked untrusted with a warning naming the fingerprint', async () => {
    const pkg = await buildCustodyPackage(join(tmp.dir, 'pkg'))
    const { verdict } = await verifyAt(pkg.path)
    expect(verdict.valid).toBe(true)
    expect(verdict.signature).toMatchObject({ present: true, valid: true, trusted: false })
    expect(verdict.warnings).toEqual([
      expect.objectContaining({ code: 'untrusted-key', path: 'signature/signer.json' }),
    ])
    expect(verdict.warnings?.[0].message).toContain(pkg.key.fingerprint)
  })

  it('reads every original exactly once: the package checks reuse the BagIt digests', async () => {
    const pkg = await buildCustodyPackage(join(tmp.dir, 'pkg'))
    const source = await openBag(pkg.path)
    const reads = new Map<string, number>()
    const count = (path: string): void => void reads.set(path, (reads.get(path) ?? 0) + 1)
    const counted: BagSource = {
      kind: source.kind,
      location: source.location,
      root: source.root,
      scan: () => source.scan(),
      list: () => source.list(),
      openRead: (path) => (count(path), source.openRead(path)),
      readChunks: (path, consume) => (count(path), source.readChunks(path, consume)),
      readFile: (path, max) => (count(path), source.readFile(path, max)),
      close: () => source.close(),
    }
    try {
      const { verdict } = await verifyCustodyPackage(counted, {
        trustedFingerprints: new Set([pkg.key.fingerprint]),
      })
      expect(verdict.valid).toBe(true)
    } finally {
      await source.close()
    }
    for (const path of pkg.originals.keys()) expect(reads.get(path)).toBe(1)
  })

  it('verifies a plain BagIt bag as before, with signature and custody not present', async () => {
    const { verdict, caseJson, custodyEvents } = await verifyAt(
      join(BAGIT_FIXTURES, 'v1.0', 'valid', 'basicBag'),
    )
    expect(verdict).toMatchObject({
      valid: true,
      signature: { present: false, valid: false, fingerprint: null, signer: null, trusted: false },
      custody: { present: false, intact: false, events: 0 },
      problems: [],
    })
    expect(caseJson).toBeNull()
    expect(custodyEvents).toEqual([])
  })
})

describe('verifyCustodyPackage on packages that break the format', () => {
  it('calls a package with case.json but no signature unsigned (bad-signature)', async () => {
    const pkg = await buildCustodyPackage(join(tmp.dir, 'pkg'))
    rmSync(join(pkg.path, 'signature'), { recursive: true })
    const { verdict } = await verifyAt(pkg.path, [pkg.key.fingerprint])
    expect(verdict.valid).toBe(false)
    expect(verdict.signature.present).toBe(false)
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({ code: 'bad-signature', path: 'signature/tagmanifest-sha256.txt.sig' }),
    )
    expect(verdict.problems.find((p) => p.code === 'bad-signature')?.message).toMatch(/unsigned/)
  })

  it('reports an unparsable case.json as case-manifest-mismatch, even with every manifest recomputed', async () => {
    const pkg = await buildCustodyPackage(join(tmp.dir, 'pkg'))
    writeFileSync(join(pkg.path, 'data', 'case.json'), '{"format": "evidence-desk-case", ')
    recomputeManifests(pkg.path, { resignWith: pkg.key })
    const { verdict, caseJson } = await verifyAt(pkg.path, [pkg.key.fingerprint])
    expect(caseJson).toBeNull()
    expect(verdict.bagit.valid).toBe(true)
    expect(verdict.signature.valid).toBe(true)
    expect(verdict.valid).toBe(false)
    expect(verdict.problems).toEqual([
      expect.objectContaining({ code: 'case-manifest-mismatch', path: 'data/case.json' }),
    ])
  })

  it('finds an original whose sha256 in case.json differs from the file, naming the file', async () => {
    const pkg = await buildCustodyPackage(join(tmp.dir, 'pkg'))
    const cj = JSON.parse(readFileSync(join(pkg.path, 'data', 'case.json'), 'utf8'))
    cj.evidence[1].sha256 = '0'.repeat(64)
    writeFileSync(join(pkg.path, 'data', 'case.json'), JSON.stringify(cj))
    recomputeManifests(pkg.path, { resignWith: pkg.key })
    const { verdict } = await verifyAt(pkg.path, [pkg.key.fingerprint])
    expect(verdict.problems).toEqual([
      expect.objectContaining({
        code: 'case-manifest-mismatch',
        path: 'data/evidence/E002_无人机航拍_0001.JPG',
      }),
    ])
  })

  it('finds a file in data/evidence/ that case.json does not describe, even when the manifests list it', async () => {
    const pkg = await buildCustodyPackage(join(tmp.dir, 'pkg'))
    writeFileSync(join(pkg.path, 'data', 'evidence', 'E004_planted.jpg'), 'planted')
    recomputeManifests(pkg.path, { resignWith: pkg.key })
    const { verdict } = await verifyAt(pkg.path, [pkg.key.fingerprint])
    expect(verdict.problems).toEqual([
      expect.objectContaining({ code: 'case-manifest-mismatch', path: 'data/evidence/E004_planted.jpg' }),
    ])
  })

  it('refuses a hostile ZIP-style escape before reading any package file', async () => {
    const { verdict, caseJson } = await verifyAt(
      join(BAGIT_FIXTURES, 'v0.97', 'invalid', 'out-of-scope-file-paths-using-dot-notation'),
    )
    expect(verdict.valid).toBe(false)
    expect(codes(verdict)).toContain('unsafe-path')
    expect(caseJson).toBeNull()
    expect(verdict.signature.present).toBe(false)
  })

  it('stops with "cancelled" when the signal is aborted, and reports progress up to then', async () => {
    const pkg = await buildCustodyPackage(join(tmp.dir, 'pkg'), { evidenceBytes: 8 << 20 })
    const source = await openBag(pkg.path)
    const controller = new AbortController()
    let seen = 0
    try {
      await expect(
        verifyCustodyPackage(source, {
          signal: controller.signal,
          onProgress: (p) => {
            seen = p.bytesDone
            expect(p.bytesTotal).toBeGreaterThan(8 << 20)
            if (p.bytesDone > 1 << 20) controller.abort()
          },
        }),
      ).rejects.toMatchObject({ code: 'cancelled' })
    } finally {
      await source.close()
    }
    expect(seen).toBeGreaterThan(1 << 20)
  })
})
