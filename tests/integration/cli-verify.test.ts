import { describe, expect, it } from 'vitest'
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TrustedKeys } from '../../src/core/signing/trusted-keys'
import { buildCustodyPackage, recomputeManifests } from '../support/custody-package'
import { BAGIT_FIXTURES } from '../support/fixtures'
import { evidesk } from '../support/cli'
import { tempDir } from '../support/temp'

function verify(path: string, extra: string[] = [], dataDir?: string) {
  // an empty app data folder unless the test gives one: no trusted keys from the machine running the tests
  const r = evidesk(['verify', path, '--json', ...extra], {
    EVIDESK_DATA_DIR: dataDir ?? join(tmpdir(), 'evidesk-cli-verify-no-data'),
  })
  return { code: r.code, json: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr }
}

describe('evidesk verify', () => {
  it('exits 0 for a valid bag and prints the CLI.md shape, not claiming a signature or custody log it did not check', () => {
    const r = verify(join(BAGIT_FIXTURES, 'v1.0', 'valid', 'basicBag'))
    expect(r.code).toBe(0)
    expect(r.json).toMatchObject({
      valid: true,
      bagit: { complete: true, valid: true, version: '1.0' },
      signature: { present: false, valid: false },
      custody: { present: false, intact: false },
      problems: [],
    })
    expect(r.stderr).toContain('signature: none')
  })

  it('exits 1 with the problem code and file for a tampered copy and for out-of-scope paths', () => {
    const tmp = tempDir()
    try {
      const bag = join(tmp.dir, 'bag')
      cpSync(join(BAGIT_FIXTURES, 'v1.0', 'valid', 'basicBag'), bag, { recursive: true })
      appendFileSync(join(bag, 'data', 'hello.txt'), 'x')
      const flipped = verify(bag)
      expect(flipped.code).toBe(1)
      expect(flipped.json.problems.map((p: { code: string }) => p.code)).toContain('hash-mismatch')
      writeFileSync(join(bag, 'data', 'planted.txt'), 'planted')
      expect(verify(bag).json.problems).toContainEqual(
        expect.objectContaining({ code: 'extra-file', path: 'data/planted.txt' }),
      )
    } finally {
      tmp.cleanup()
    }
    const escape = verify(
      join(BAGIT_FIXTURES, 'v0.97', 'invalid', 'out-of-scope-file-paths-using-dot-notation'),
    )
    expect(escape.code).toBe(1)
    expect(escape.json.problems[0].code).toBe('unsafe-path')
  })

  it('exits 2 when there is nothing to read', () => {
    expect(verify('/nonexistent/package.zip').code).toBe(2)
  })

  it('checks a custody package in full: signature trusted from the app data folder or --trust, custody log, case.json', async () => {
    const tmp = tempDir()
    try {
      const zip = join(tmp.dir, 'package.zip')
      const pkg = await buildCustodyPackage(zip, { format: 'zip' })
      // valid, but signed by a key this machine has not confirmed: exit 1 unless --allow-untrusted
      const unconfirmed = verify(zip)
      expect(unconfirmed.code).toBe(1)
      expect(verify(zip, ['--allow-untrusted']).code).toBe(0)
      expect(unconfirmed.json).toMatchObject({
        valid: true,
        signature: {
          present: true,
          valid: true,
          trusted: false,
          fingerprint: pkg.key.fingerprint,
          signer: '张三',
        },
        custody: { present: true, intact: true, events: pkg.events.length },
        problems: [],
        warnings: [expect.objectContaining({ code: 'untrusted-key' })],
      })
      expect(unconfirmed.stderr).toContain('key NOT confirmed')

      const grouped = pkg.key.fingerprint.replace(/(.{4})(?=.)/g, '$1 ')
      expect(verify(zip, ['--trust', grouped]).json.signature.trusted).toBe(true)

      const dataDir = join(tmp.dir, 'appdata')
      new TrustedKeys(dataDir).add(pkg.key.publicKeyPem, '张三', new Date())
      const fromAppData = verify(zip, [], dataDir)
      expect(fromAppData.code).toBe(0)
      expect(fromAppData.json.signature.trusted).toBe(true)
      expect(fromAppData.json.warnings).toEqual([])

      expect(verify(zip, ['--trust', 'not-a-fingerprint']).code).toBe(2)
    } finally {
      tmp.cleanup()
    }
  }, 180_000)

  it('exits 1 for a custody package whose log lost an event, even with its manifests recomputed', async () => {
    const tmp = tempDir()
    try {
      const pkg = await buildCustodyPackage(join(tmp.dir, 'pkg'))
      const log = join(pkg.path, 'data', 'custody-log.jsonl')
      const lines = readFileSync(log, 'utf8').trimEnd().split('\n')
      writeFileSync(log, [...lines.slice(0, 1), ...lines.slice(2)].join('\n') + '\n')
      recomputeManifests(pkg.path)
      const r = verify(pkg.path, ['--trust', pkg.key.fingerprint])
      expect(r.code).toBe(1)
      expect(r.json.valid).toBe(false)
      expect(r.json.custody.intact).toBe(false)
      const found = new Set(r.json.problems.map((p: { code: string }) => p.code))
      expect(found).toEqual(new Set(['custody-broken', 'bad-signature']))
      expect(r.stderr).toContain('custody-broken data/custody-log.jsonl')
    } finally {
      tmp.cleanup()
    }
  })
})
