/**
 * Wraps the officer's private key at rest. Electron passes one built on `safeStorage` (the OS
 * keychain); elsewhere there is none and the key is kept in a file only its owner can read (0600).
 */
export interface KeyProtector {
  readonly kind: 'safe-storage'
  protect(secret: Buffer): Buffer
  unprotect(sealed: Buffer): Buffer
}
