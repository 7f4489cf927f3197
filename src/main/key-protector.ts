import { safeStorage } from 'electron'
import type { KeyProtector } from '../core/signing/key-protector'

/**
 * The officer's private key sealed by the OS key store (Keychain, DPAPI, libsecret/kwallet)
 * through Electron's safeStorage. Undefined where no real key store is available — on Linux
 * without a secret service safeStorage falls back to a hard-coded password ('basic_text'),
 * which is no better than the 0600 file core uses then, and would only pretend to protect.
 */
export function safeStorageKeyProtector(): KeyProtector | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
    return undefined
  return {
    kind: 'safe-storage',
    protect: (secret) => safeStorage.encryptString(secret.toString('utf8')),
    unprotect: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'utf8'),
  }
}
