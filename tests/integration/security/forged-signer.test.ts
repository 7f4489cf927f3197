import { createHash, createPrivateKey } from 'node:crypto'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OfficerKeys } from '../../../src/core/signing/officer-key'
import { TrustedKeys } from '../../../src/core/signing/trusted-keys'
import { evidesk } from '../../support/cli'
import { OFFICER_A } from '../../support/case-fixture'
import {
  buildCustodyPackage,
  newSigningKey,
  recomputeManifests,
  type SigningKey,
} from '../../support/custody-package'
import { tempDir } from '../../support/temp'

/**
 * Issue 11, item 3: a package forged and re-signed with the forger's own key, which states the
 * genuine officer's name and 执法证号, must fail (signer-mismatch) wherever this machine knows the
 * genuine key; and `verify` exits 0 only for a trusted signer or with --allow-untrusted.
 */

let tmp: ReturnType<typeof tempDir>
beforeEach(() => (tmp = tempDir('forged-signer-')))
afterEach(() => tmp.cleanup())

function verify(path: string, dataDir: string, extra: string[] = []) {
  const r = evidesk(['verify', path, '--json', ...extra], { EVIDESK_DATA_DIR: dataDir })
  return { code: r.code, json: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr }
}

/** A copy of the genuine package with one original replaced, re-manifested and re-signed by `forger`. */
function forge(genuine: string, forger: SigningKey): string {
  const forged = join(tmp.dir, 'forged')
  cpSync(genuine, forged, { recursive: true })
  const evidence = join(forged, 'data', 'evidence', 'E003_询问笔录-赵六.txt')
  writeFileSync(evidence, '问：你是谁？\n答：我不是赵六。\n')
  // The case.json hash would now disagree; a careful forger rewrites it too.
  const caseJsonPath = join(forged, 'data', 'case.json')
  const caseJson = JSON.parse(readFileSync(caseJsonPath, 'utf8'))
  const bytes = readFileSync(evidence)
  for (const e of caseJson.evidence)
    if (e.path === 'data/evidence/E003_询问笔录-赵六.txt') {
      e.sha256 = createHash('sha256').update(bytes).digest('hex')
      e.size = bytes.length
    }
  caseJson.signer.fingerprint = forger.fingerprint
  writeFileSync(caseJsonPath, JSON.stringify(caseJson, null, 2))
  recomputeManifests(forged, {
    resignWith: forger,
    bagInfoEdit: (t) => t.replace(/^Signer-Fingerprint: .*$/m, `Signer-Fingerprint: ${forger.fingerprint}`),
  })
  return forged
}

/** The officer's key as this machine keeps it (keys/officer-….json), usable to sign a test package. */
function officerSigningKey(dataDir: string): SigningKey {
  const keys = new OfficerKeys(dataDir)
  const info = keys.ensure(OFFICER_A, new Date()).info
  const stored = JSON.parse(readFileSync(keys.keyPath(OFFICER_A), 'utf8')) as { privateKey: string }
  return {
    privateKey: createPrivateKey(stored.privateKey),
    publicKeyPem: info.publicKeyPem,
    fingerprint: info.fingerprint,
  }
}

describe('a re-signed forgery that reuses the officer’s name and 执法证号', () => {
  it('is signer-mismatch (exit 1) when the genuine key is trusted under that name', async () => {
    const genuineKey = newSigningKey()
    const genuine = await buildCustodyPackage(join(tmp.dir, 'genuine'), { key: genuineKey })
    const dataDir = join(tmp.dir, 'reviewer-data')
    new TrustedKeys(dataDir).add(genuineKey.publicKeyPem, OFFICER_A.name, new Date())
    expect(verify(genuine.path, dataDir).code).toBe(0)

    const forged = forge(genuine.path, newSigningKey())
    const r = verify(forged, dataDir)
    expect(r.json.signature.valid).toBe(true) // the forger's signature itself is sound
    expect(r.json.problems.map((p: { code: string }) => p.code)).toContain('signer-mismatch')
    expect(r.json.valid).toBe(false)
    expect(r.code).toBe(1)
  })

  it('is signer-mismatch when the genuine key is this machine’s own officer key (same 执法证号)', async () => {
    const dataDir = join(tmp.dir, 'officer-data')
    const genuineKey = officerSigningKey(dataDir)
    const genuine = await buildCustodyPackage(join(tmp.dir, 'genuine'), { key: genuineKey })
    const forged = forge(genuine.path, newSigningKey())
    const r = verify(forged, dataDir)
    expect(r.json.problems.map((p: { code: string }) => p.code)).toContain('signer-mismatch')
    expect(r.code).toBe(1)
  })

  it('exits 1 (untrusted signer) when only the genuine fingerprint is given with --trust', async () => {
    const genuineKey = newSigningKey()
    const genuine = await buildCustodyPackage(join(tmp.dir, 'genuine'), { key: genuineKey })
    const forged = forge(genuine.path, newSigningKey())
    const empty = join(tmp.dir, 'empty-data')
    const r = verify(forged, empty, ['--trust', genuineKey.fingerprint])
    expect(r.json.signature.trusted).toBe(false)
    expect(r.code).toBe(1)
    expect(verify(genuine.path, empty, ['--trust', genuineKey.fingerprint]).code).toBe(0)
  })

  it('an untrusted but otherwise sound package exits 1, and 0 only with --allow-untrusted', async () => {
    const pkg = await buildCustodyPackage(join(tmp.dir, 'pkg'))
    const empty = join(tmp.dir, 'empty-data')
    const r = verify(pkg.path, empty)
    expect(r.json.valid).toBe(true)
    expect(r.json.signature.trusted).toBe(false)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/--allow-untrusted/)
    expect(verify(pkg.path, empty, ['--allow-untrusted']).code).toBe(0)
  })
})
