import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TrustedKey } from '../../shared/package-types'
import { EvidenceError } from '../errors'
import { writeFileAtomic } from '../util/atomic-write'
import { canonicalPublicKeyPem, fingerprintOf } from './officer-key'

const FILE = 'trusted-keys.json'

/**
 * The public keys a reviewer has confirmed out of band (fingerprint read over the phone, on
 * paper…), kept in the app data folder. A signature by a key not listed here can still be valid,
 * but its signer is not confirmed.
 */
export class TrustedKeys {
  constructor(private readonly dataDir: string) {}

  private get path(): string {
    return join(this.dataDir, FILE)
  }

  /** Every trusted key, oldest first. */
  list(): TrustedKey[] {
    if (!existsSync(this.path)) return []
    try {
      const keys = JSON.parse(readFileSync(this.path, 'utf8')) as TrustedKey[]
      if (!Array.isArray(keys)) throw new Error('not a list')
      return keys
    } catch (cause) {
      throw new EvidenceError(
        'io-error',
        `The trusted-keys file ${this.path} is unreadable. Fix or delete it and add the keys again.`,
        { cause },
      )
    }
  }

  has(fingerprint: string): boolean {
    return this.list().some((k) => k.fingerprint === fingerprint.toLowerCase())
  }

  fingerprints(): Set<string> {
    return new Set(this.list().map((k) => k.fingerprint))
  }

  /**
   * Adds an Ed25519 public key (PEM) under a name; adding a key already listed renames it.
   * Throws EvidenceError('invalid-input') for text that is not an Ed25519 public key.
   */
  add(publicKeyPem: string, name: string, now: Date, certNo?: string): TrustedKey[] {
    const pem = canonicalPublicKeyPem(publicKeyPem)
    const fingerprint = fingerprintOf(pem)
    const rest = this.list().filter((k) => k.fingerprint !== fingerprint)
    const previous = this.list().find((k) => k.fingerprint === fingerprint)
    const next = [
      ...rest,
      {
        fingerprint,
        publicKeyPem: pem,
        name: name.trim(),
        ...(certNo?.trim() ? { certNo: certNo.trim() } : previous?.certNo ? { certNo: previous.certNo } : {}),
        addedAt: previous?.addedAt ?? now.toISOString(),
      },
    ]
    this.save(next)
    return next
  }

  /** Removes a key; throws EvidenceError('not-found') when it is not listed. */
  remove(fingerprint: string): TrustedKey[] {
    const list = this.list()
    const next = list.filter((k) => k.fingerprint !== fingerprint.toLowerCase())
    if (next.length === list.length)
      throw new EvidenceError('not-found', `No trusted key with fingerprint ${fingerprint}.`)
    this.save(next)
    return next
  }

  private save(keys: TrustedKey[]): void {
    mkdirSync(this.dataDir, { recursive: true })
    writeFileAtomic(this.path, JSON.stringify(keys, null, 2) + '\n')
  }
}
