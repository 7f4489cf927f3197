import { OfficerKeys } from './officer-key'
import { TrustedKeys } from './trusted-keys'

/** A signer whose key this machine knows: one the user trusted, or an officer key kept here. */
export interface KnownSigner {
  fingerprint: string
  /** the name the key is known under: a trusted key's label, an officer key's officer */
  name: string
  /** 执法证号, when known */
  certNo: string | null
  source: 'trusted-key' | 'officer-key'
}

/**
 * Every signer this app data folder knows: the trusted keys (which the user confirmed: trusted)
 * and the officers' own keys (known by name and 执法证号, so a package that claims them with
 * another key is caught; trusted only once added to the trusted keys, as CLI.md says). An
 * unreadable trusted-keys file throws (the caller says so); damaged officer key files are left out.
 */
export function knownSigners(dataDir: string): KnownSigner[] {
  const trusted: KnownSigner[] = new TrustedKeys(dataDir).list().map((k) => ({
    fingerprint: k.fingerprint,
    name: k.name,
    certNo: k.certNo ?? null,
    source: 'trusted-key',
  }))
  const own: KnownSigner[] = new OfficerKeys(dataDir).list().map((k) => ({
    fingerprint: k.fingerprint,
    name: k.name,
    certNo: k.certNo || null,
    source: 'officer-key',
  }))
  return [...trusted, ...own]
}

/** Names compared as people write them: width and spaces do not matter, nor a bracketed note after. */
function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[(（].*$/, '')
    .toLowerCase()
}

/**
 * The known signer a package's signer claims to be while signing with another key: same
 * 执法证号, or the same name, and a different fingerprint. Null when there is none.
 */
export function impersonated(
  claimed: { name: string; certNo: string; fingerprint: string },
  known: KnownSigner[],
): KnownSigner | null {
  const cert = claimed.certNo.trim()
  const name = nameKey(claimed.name)
  for (const k of known) {
    if (k.fingerprint === claimed.fingerprint) continue
    if (cert !== '' && k.certNo !== null && k.certNo.trim() === cert) return k
    if (name !== '' && nameKey(k.name) === name) return k
  }
  return null
}
