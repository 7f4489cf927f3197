import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { OfficerKeyInfo } from '../../shared/package-types'
import type { Officer } from '../../shared/types'
import { EvidenceError } from '../errors'
import { writeFileAtomic } from '../util/atomic-write'
import type { KeyProtector } from './key-protector'

/** Folder inside the app data folder that holds the officers' key files. */
const KEYS_DIR = 'keys'
const KEY_FILE_MODE = 0o600

/** The key file as stored: public half in the clear, private half sealed or (0600 file) as PEM. */
interface StoredKey {
  format: 'evidence-desk-officer-key'
  version: 1
  name: string
  certNo: string
  createdAt: string
  fingerprint: string
  publicKeyPem: string
  protection: OfficerKeyInfo['protection']
  /** PKCS#8 PEM (file-0600), or base64 of the safeStorage-sealed PEM (safe-storage) */
  privateKey: string
}

/** The Ed25519 public key in a PEM, refusing anything else (a private key included). */
function ed25519PublicKey(publicKeyPem: string): KeyObject {
  // createPublicKey would derive the public half of a private key: a private key given where a
  // public one belongs is refused, so it is never stored or passed around as if it were public.
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(publicKeyPem))
    throw new EvidenceError(
      'invalid-input',
      'This is a private key, not a public key: never hand a private key on. Export the public key ("evidesk key export", or the app\'s key panel) and use that.',
    )
  let key: KeyObject
  try {
    key = createPublicKey(publicKeyPem)
  } catch (cause) {
    throw new EvidenceError(
      'invalid-input',
      'The text is not a PEM public key ("-----BEGIN PUBLIC KEY-----").',
      {
        cause,
      },
    )
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new EvidenceError(
      'invalid-input',
      `The public key is ${key.asymmetricKeyType ?? 'of an unknown type'}, not Ed25519; Evidence Desk signs only with Ed25519.`,
    )
  return key
}

/**
 * The raw 32-byte Ed25519 public key inside a PEM (SubjectPublicKeyInfo). Throws
 * EvidenceError('invalid-input') for text that is not an Ed25519 public key.
 */
export function rawPublicKey(publicKeyPem: string): Buffer {
  const key = ed25519PublicKey(publicKeyPem)
  const jwk = key.export({ format: 'jwk' })
  return Buffer.from(jwk.x as string, 'base64url')
}

/** The key as a canonical SPKI PEM, whatever spacing the text had; refuses what rawPublicKey refuses. */
export function canonicalPublicKeyPem(publicKeyPem: string): string {
  return ed25519PublicKey(publicKeyPem).export({ type: 'spki', format: 'pem' }).toString()
}

/** SHA-256 of the raw 32-byte Ed25519 public key, lower-case hex (docs/custody-package.md). */
export function fingerprintOf(publicKeyPem: string): string {
  return createHash('sha256').update(rawPublicKey(publicKeyPem)).digest('hex')
}

/** "ab12cd34…" → "ab12 cd34 …": how people read and compare fingerprints. */
export function groupFingerprint(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?=.)/g, '$1 ')
}

/** Checks a detached Ed25519 signature (base64 or raw bytes) over data; false for any malformed input. */
export function verifySignature(data: Buffer, signature: Buffer, publicKeyPem: string): boolean {
  try {
    return verify(null, data, createPublicKey(publicKeyPem), signature)
  } catch {
    return false
  }
}

/** An officer's key pair, loaded: the public facts plus the means to sign. */
export interface OfficerKey {
  info: OfficerKeyInfo
  /** detached Ed25519 signature over data (64 bytes) */
  sign(data: Buffer): Buffer
  /** true when this call created the key (the caller may record it) */
  created: boolean
}

/**
 * The officers' signing keys in the app data folder, one per enforcement certificate number.
 * With a KeyProtector (Electron safeStorage) the private key is sealed by the OS keychain;
 * without one it is a PEM in a file only its owner may read (mode 0600). Keys are never
 * replaced or deleted here: a new officer on the same machine gets a key of their own.
 */
export class OfficerKeys {
  constructor(
    private readonly dataDir: string,
    private readonly protector?: KeyProtector,
  ) {}

  /** The key file of an officer (by certificate number, which is what identifies an officer). */
  keyPath(officer: Officer): string {
    const id = createHash('sha256').update(officer.certNo, 'utf8').digest('hex').slice(0, 16)
    return join(this.dataDir, KEYS_DIR, `officer-${id}.json`)
  }

  /**
   * The public facts of every officer key kept here (never the private halves); unreadable or
   * damaged files are left out.
   */
  list(): Array<{ fingerprint: string; name: string; certNo: string }> {
    const dir = join(this.dataDir, KEYS_DIR)
    if (!existsSync(dir)) return []
    const out: Array<{ fingerprint: string; name: string; certNo: string }> = []
    for (const name of readdirSync(dir)) {
      if (!/^officer-[0-9a-f]{16}\.json$/.test(name)) continue
      try {
        const stored = JSON.parse(readFileSync(join(dir, name), 'utf8')) as StoredKey
        if (fingerprintOf(stored.publicKeyPem) !== stored.fingerprint) continue
        out.push({ fingerprint: stored.fingerprint, name: stored.name, certNo: stored.certNo })
      } catch {
        // a damaged key file is reported when it is used to sign, not here
      }
    }
    return out
  }

  /** The officer's key, created on first use. */
  ensure(officer: Officer, now: Date): OfficerKey {
    const existing = this.load(officer)
    if (existing) return existing
    return this.create(officer, now)
  }

  /**
   * The public facts of the officer's key (fingerprint, public key, creation time) without
   * unsealing the private half; null when there is none yet.
   */
  info(officer: Officer): OfficerKeyInfo | null {
    const path = this.keyPath(officer)
    if (!existsSync(path)) return null
    return this.infoOf(this.readStored(path), officer)
  }

  /** The officer's key if it exists; throws EvidenceError('io-error') for a damaged key file. */
  load(officer: Officer): OfficerKey | null {
    const path = this.keyPath(officer)
    if (!existsSync(path)) return null
    const stored = this.readStored(path)
    // A 0600 key that became readable by others is tightened again, not silently used as is.
    if (stored.protection === 'file-0600' && (statSync(path).mode & 0o077) !== 0)
      chmodSync(path, KEY_FILE_MODE)
    const privateKey = this.privateKeyOf(stored, path)
    return {
      info: this.infoOf(stored, officer),
      sign: (data) => sign(null, data, privateKey),
      created: false,
    }
  }

  private readStored(path: string): StoredKey {
    let stored: StoredKey
    try {
      stored = JSON.parse(readFileSync(path, 'utf8')) as StoredKey
    } catch (cause) {
      throw new EvidenceError(
        'io-error',
        `The signing key file ${path} is unreadable. Restore it from a backup; a new key would not match packages already signed.`,
        { cause },
      )
    }
    if (
      stored.format !== 'evidence-desk-officer-key' ||
      fingerprintOf(stored.publicKeyPem) !== stored.fingerprint
    )
      throw new EvidenceError(
        'io-error',
        `The signing key file ${path} is damaged (its fingerprint does not match).`,
      )
    return stored
  }

  private create(officer: Officer, now: Date): OfficerKey {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519')
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
    const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const stored: StoredKey = {
      format: 'evidence-desk-officer-key',
      version: 1,
      name: officer.name,
      certNo: officer.certNo,
      createdAt: now.toISOString(),
      fingerprint: fingerprintOf(publicKeyPem),
      publicKeyPem,
      protection: this.protector ? 'safe-storage' : 'file-0600',
      privateKey: this.protector
        ? this.protector.protect(Buffer.from(privatePem, 'utf8')).toString('base64')
        : privatePem,
    }
    const path = this.keyPath(officer)
    mkdirSync(join(this.dataDir, KEYS_DIR), { recursive: true, mode: 0o700 })
    writeFileAtomic(path, JSON.stringify(stored, null, 2) + '\n', KEY_FILE_MODE)
    chmodSync(path, KEY_FILE_MODE) // in case a umask or an existing file left wider bits
    return { info: this.infoOf(stored, officer), sign: (data) => sign(null, data, privateKey), created: true }
  }

  private privateKeyOf(stored: StoredKey, path: string): KeyObject {
    try {
      if (stored.protection === 'safe-storage') {
        if (!this.protector)
          throw new EvidenceError(
            'not-supported',
            `The signing key in ${path} is sealed by the desktop app's key store; export from the desktop app.`,
          )
        return createPrivateKey(
          this.protector.unprotect(Buffer.from(stored.privateKey, 'base64')).toString('utf8'),
        )
      }
      return createPrivateKey(stored.privateKey)
    } catch (cause) {
      if (cause instanceof EvidenceError) throw cause
      throw new EvidenceError('io-error', `The private signing key in ${path} cannot be read.`, { cause })
    }
  }

  private infoOf(stored: StoredKey, officer: Officer): OfficerKeyInfo {
    return {
      fingerprint: stored.fingerprint,
      publicKeyPem: stored.publicKeyPem,
      // the profile's current spelling of the name; the certificate number is the identity
      name: officer.name,
      certNo: stored.certNo,
      createdAt: stored.createdAt,
      protection: stored.protection,
    }
  }
}
