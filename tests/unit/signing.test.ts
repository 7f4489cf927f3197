import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto'
import { readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs'
import { Backend } from '../../src/core/api/backend'
import type { KeyProtector } from '../../src/core/signing/key-protector'
import {
  OfficerKeys,
  fingerprintOf,
  groupFingerprint,
  verifySignature,
} from '../../src/core/signing/officer-key'
import { TrustedKeys } from '../../src/core/signing/trusted-keys'
import type { OfficerKeyInfo, TrustedKey } from '../../src/shared/package-types'
import { OFFICER_A, OFFICER_B } from '../support/case-fixture'
import { tempDir } from '../support/temp'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir('evidesk-signing-')
})
afterEach(() => tmp.cleanup())

const now = new Date('2026-05-24T01:00:00Z')

describe('officer keys', () => {
  it('creates an Ed25519 key once, in a file only its owner can read, and signs verifiably', () => {
    const keys = new OfficerKeys(tmp.dir)
    const key = keys.ensure(OFFICER_A, now)
    expect(key.created).toBe(true)
    expect(key.info.protection).toBe('file-0600')
    const path = keys.keyPath(OFFICER_A)
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const raw = Buffer.from(
      createPublicKey(key.info.publicKeyPem).export({ format: 'jwk' }).x as string,
      'base64url',
    )
    expect(key.info.fingerprint).toBe(createHash('sha256').update(raw).digest('hex'))
    expect(key.info.fingerprint).toMatch(/^[0-9a-f]{64}$/)
    const data = Buffer.from('tagmanifest bytes\n')
    const sig = key.sign(data)
    expect(verify(null, data, createPublicKey(key.info.publicKeyPem), sig)).toBe(true)
    expect(verifySignature(Buffer.from('other'), sig, key.info.publicKeyPem)).toBe(false)

    // a "restart": a new store over the same folder loads the same key
    const again = new OfficerKeys(tmp.dir).ensure(OFFICER_A, new Date())
    expect(again.created).toBe(false)
    expect(again.info.fingerprint).toBe(key.info.fingerprint)
    expect(again.info.createdAt).toBe(now.toISOString())
    expect(verifySignature(data, again.sign(data), key.info.publicKeyPem)).toBe(true)
  })

  it('gives each officer (certificate number) a key of their own', () => {
    const keys = new OfficerKeys(tmp.dir)
    const a = keys.ensure(OFFICER_A, now)
    const b = keys.ensure(OFFICER_B, now)
    expect(a.info.fingerprint).not.toBe(b.info.fingerprint)
    expect(keys.ensure({ name: '张三（改名）', certNo: OFFICER_A.certNo }, now).info.fingerprint).toBe(
      a.info.fingerprint,
    )
  })

  it('tightens a key file that became readable by others', () => {
    const keys = new OfficerKeys(tmp.dir)
    keys.ensure(OFFICER_A, now)
    chmodSync(keys.keyPath(OFFICER_A), 0o644)
    keys.ensure(OFFICER_A, now)
    expect(statSync(keys.keyPath(OFFICER_A)).mode & 0o777).toBe(0o600)
  })

  it('refuses a damaged key file instead of silently making a new key', () => {
    const keys = new OfficerKeys(tmp.dir)
    keys.ensure(OFFICER_A, now)
    const path = keys.keyPath(OFFICER_A)
    const stored = JSON.parse(readFileSync(path, 'utf8')) as { fingerprint: string }
    writeFileSync(path, JSON.stringify({ ...stored, fingerprint: '0'.repeat(64) }))
    expect(() => keys.ensure(OFFICER_A, now)).toThrow(/damaged/)
  })

  it('seals the private key with a key protector when the shell has one', () => {
    // A reversible stand-in for safeStorage: the real one needs the OS key store.
    const protector: KeyProtector = {
      kind: 'safe-storage',
      protect: (s) => Buffer.from(s.map((b) => b ^ 0x5a)),
      unprotect: (s) => Buffer.from(s.map((b) => b ^ 0x5a)),
    }
    const key = new OfficerKeys(tmp.dir, protector).ensure(OFFICER_A, now)
    expect(key.info.protection).toBe('safe-storage')
    const text = readFileSync(new OfficerKeys(tmp.dir).keyPath(OFFICER_A), 'utf8')
    expect(text).not.toContain('PRIVATE KEY')
    const data = Buffer.from('x')
    expect(
      verifySignature(
        data,
        new OfficerKeys(tmp.dir, protector).ensure(OFFICER_A, now).sign(data),
        key.info.publicKeyPem,
      ),
    ).toBe(true)
    // without the key store the sealed key cannot be used, and says why
    expect(() => new OfficerKeys(tmp.dir).ensure(OFFICER_A, now)).toThrow(/sealed/)
  })

  it('prints fingerprints in groups of four', () => {
    expect(groupFingerprint('ab12cd34ef56')).toBe('ab12 cd34 ef56')
  })

  it('refuses public keys that are not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    })
    expect(() => fingerprintOf(rsa.toString())).toThrow(/not Ed25519/)
    expect(() => fingerprintOf('hello')).toThrow(/not a PEM public key/)
  })
})

describe('trusted keys', () => {
  it('adds, lists, renames and removes keys by fingerprint, kept across restarts', () => {
    const pem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString()
    const store = new TrustedKeys(tmp.dir)
    expect(store.list()).toEqual([])
    const [k] = store.add(pem, '王审查', now)
    expect(k.fingerprint).toBe(fingerprintOf(pem))
    expect(new TrustedKeys(tmp.dir).has(k.fingerprint)).toBe(true)
    expect(store.add(pem, '王审查（市局）', new Date()).map((x) => [x.name, x.addedAt])).toEqual([
      ['王审查（市局）', now.toISOString()],
    ])
    expect(store.remove(k.fingerprint)).toEqual([])
    expect(() => store.remove(k.fingerprint)).toThrow(/No trusted key/)
  })
})

describe("'key:get' and 'trust:*' through the backend", () => {
  it('creates the key when the profile is first saved, and returns the same fingerprint after a restart', async () => {
    const first = new Backend({ mode: 'browser', dataDir: tmp.dir, version: 'test' })
    const saved = await first.dispatch('profile:save', { ...OFFICER_A, unit: '南京市生态环境局' })
    expect(saved.ok).toBe(true)
    const keyFile = new OfficerKeys(tmp.dir).keyPath(OFFICER_A)
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    const a = (await first.dispatch('key:get', {})) as { ok: true; value: OfficerKeyInfo }
    await first.dispose()
    const second = new Backend({ mode: 'browser', dataDir: tmp.dir, version: 'test' })
    const b = (await second.dispatch('key:get', {})) as { ok: true; value: OfficerKeyInfo }
    expect(b.ok).toBe(true)
    expect(b.value.fingerprint).toBe(a.value.fingerprint)
    expect(b.value).toMatchObject({ name: '张三', certNo: '32010001', protection: 'file-0600' })

    // a reviewer trusts the officer's exported public key
    const added = (await second.dispatch('trust:add', {
      publicKeyPem: b.value.publicKeyPem,
      name: '张三',
    })) as {
      ok: true
      value: TrustedKey[]
    }
    expect(added.value.map((k) => k.fingerprint)).toEqual([b.value.fingerprint])
    const bad = await second.dispatch('trust:add', { publicKeyPem: 'not a key', name: 'x' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const removed = await second.dispatch('trust:remove', { fingerprint: b.value.fingerprint })
    expect(removed).toEqual({ ok: true, value: [] })
    await second.dispose()
  })

  it("'key:get' without a profile asks for one", async () => {
    const backend = new Backend({ mode: 'browser', dataDir: tmp.dir, version: 'test' })
    expect(await backend.dispatch('key:get', {})).toMatchObject({ ok: false, error: { code: 'no-profile' } })
    await backend.dispose()
  })
})
