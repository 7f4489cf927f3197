import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppData } from '../../src/core/profile/app-data'
import { OfficerKeys, fingerprintOf, groupFingerprint } from '../../src/core/signing/officer-key'
import { TrustedKeys } from '../../src/core/signing/trusted-keys'
import { evidesk } from '../support/cli'
import { tempDir } from '../support/temp'

let tmp: ReturnType<typeof tempDir>
let env: Record<string, string>
let dataDir: string
beforeEach(() => {
  tmp = tempDir('evidesk-cli-profile-')
  dataDir = join(tmp.dir, 'data')
  env = { EVIDESK_DATA_DIR: dataDir }
})
afterEach(() => tmp.cleanup())

const SET = ['profile', 'set', '--name', '张三', '--cert', '32010001', '--unit', '南京市生态环境局']

describe('evidesk profile', () => {
  it('saves the profile where the app keeps it, creates the signing key once, and shows it', () => {
    const first = evidesk([...SET, '--json'], env)
    expect(first.code).toBe(0)
    const json = JSON.parse(first.stdout)
    // the app reads the same files
    expect(new AppData(dataDir).profile()).toEqual({
      name: '张三',
      certNo: '32010001',
      unit: '南京市生态环境局',
    })
    const key = new OfficerKeys(dataDir).load({ name: '张三', certNo: '32010001' })!
    expect(json.key).toEqual({ fingerprint: key.info.fingerprint, createdAt: key.info.createdAt })
    const keyFile = new OfficerKeys(dataDir).keyPath({ name: '张三', certNo: '32010001' })
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(first.stderr).toContain(`fingerprint ${groupFingerprint(key.info.fingerprint)}`)
    expect(first.stderr).toMatch(/created now/)

    // setting it again (a new unit) keeps the same key
    const again = evidesk(
      ['profile', 'set', '--name', '张三', '--cert', '32010001', '--unit', '苏州市生态环境局', '--json'],
      env,
    )
    expect(JSON.parse(again.stdout).key.fingerprint).toBe(key.info.fingerprint)
    expect(again.stderr).not.toMatch(/created now/)

    const shown = evidesk(['profile', 'show', '--lang', 'zh-CN'], env)
    expect(shown.code).toBe(0)
    expect(shown.stderr).toContain('执法人员：张三，执法证号 32010001，苏州市生态环境局')
    // groups of four, as people read a fingerprint aloud
    expect(shown.stderr).toMatch(/指纹 ([0-9a-f]{4} ){15}[0-9a-f]{4}/)
    expect(JSON.parse(evidesk(['profile', 'show', '--json'], env).stdout)).toMatchObject({
      unit: '苏州市生态环境局',
      key: { fingerprint: key.info.fingerprint },
    })
  })

  it('refuses an empty name or a certificate number that is not digits: exit 2, naming the field, saving nothing', () => {
    const noName = evidesk(
      ['profile', 'set', '--name', ' ', '--cert', '32010001', '--unit', 'x', '--json'],
      env,
    )
    expect(noName.code).toBe(2)
    expect(noName.stderr).toMatch(/--name \(name\): Required/)
    expect(JSON.parse(noName.stdout).error.fields).toEqual([
      expect.objectContaining({ path: 'name', code: 'required' }),
    ])

    const letters = evidesk(
      ['profile', 'set', '--name', '张三', '--cert', '3201-A01', '--unit', 'x', '--lang', 'zh-CN'],
      env,
    )
    expect(letters.code).toBe(2)
    expect(letters.stderr).toContain('执法证号 --cert：执法证号只能由数字组成')
    expect(existsSync(dataDir)).toBe(false)

    expect(evidesk(['profile', 'show'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/No officer profile/),
    })
  })
})

describe('evidesk key export and trust', () => {
  it('exports the public key, and trust add/list/remove manage the keys verify and review consult', () => {
    expect(evidesk(SET, env).code).toBe(0)
    const pem = join(tmp.dir, 'zhangsan.pem')
    expect(evidesk(['key', 'export', pem], env).code).toBe(0)
    const text = readFileSync(pem, 'utf8')
    expect(text).toMatch(/^-----BEGIN PUBLIC KEY-----\n/)
    expect(text).not.toMatch(/PRIVATE/)
    const fingerprint = fingerprintOf(text)
    // no silent overwrite; "-" writes to stdout
    expect(evidesk(['key', 'export', pem], env).code).toBe(2)
    expect(evidesk(['key', 'export', '-'], env).stdout).toBe(text)

    const added = evidesk(['trust', 'add', pem, '--name', '张三（南京）', '--json'], env)
    expect(added.code).toBe(0)
    expect(JSON.parse(added.stdout)).toMatchObject({ fingerprint, name: '张三（南京）' })
    expect(new TrustedKeys(dataDir).has(fingerprint)).toBe(true)
    const list = evidesk(['trust', 'list', '--json'], env)
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ fingerprint, name: '张三（南京）' })])
    expect(evidesk(['trust', 'list'], env).stderr).toContain(groupFingerprint(fingerprint))

    // removed by the grouped form people copy from the screen
    expect(evidesk(['trust', 'remove', groupFingerprint(fingerprint)], env).code).toBe(0)
    expect(new TrustedKeys(dataDir).list()).toEqual([])
    expect(evidesk(['trust', 'remove', fingerprint], env).code).toBe(2)
  })

  it('refuses a file that is not a public key, and any private key: exit 2, nothing added', () => {
    const notKey = join(tmp.dir, 'notes.txt')
    writeFileSync(notKey, '这不是公钥\n')
    const r = evidesk(['trust', 'add', notKey, '--json'], env)
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout).error.code).toBe('invalid-input')
    expect(r.stderr).toMatch(/notes\.txt: The text is not a PEM public key/)

    const { privateKey, publicKey } = generateKeyPairSync('ed25519')
    const privatePem = join(tmp.dir, 'private.pem')
    writeFileSync(privatePem, privateKey.export({ type: 'pkcs8', format: 'pem' }))
    expect(evidesk(['trust', 'add', privatePem], env)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/private key/),
    })

    const rsa = join(tmp.dir, 'rsa.pem')
    writeFileSync(
      rsa,
      generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }),
    )
    expect(evidesk(['trust', 'add', rsa], env)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/not Ed25519/),
    })

    // an officer's key file (it holds the private key) is refused too
    expect(evidesk(SET, env).code).toBe(0)
    const keyDir = join(dataDir, 'keys')
    const keyFile = join(keyDir, readdirSync(keyDir)[0])
    expect(evidesk(['trust', 'add', keyFile], env)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/private key/),
    })
    expect(existsSync(join(dataDir, 'trusted-keys.json'))).toBe(false)

    // a package's signature/signer.json names its signer
    const signerJson = join(tmp.dir, 'signer.json')
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
    writeFileSync(
      signerJson,
      JSON.stringify({ algorithm: 'Ed25519', name: '李四', certNo: '32010002', publicKeyPem }),
    )
    expect(evidesk(['trust', 'add', signerJson], env).code).toBe(0)
    expect(new TrustedKeys(dataDir).list()).toEqual([
      expect.objectContaining({ fingerprint: fingerprintOf(publicKeyPem), name: '李四 (32010002)' }),
    ])
  })
})
