/** Officers' Ed25519 signing keys and the reviewer's trusted keys. */
export {
  OfficerKeys,
  fingerprintOf,
  groupFingerprint,
  rawPublicKey,
  verifySignature,
  type OfficerKey,
} from './officer-key'
export { TrustedKeys } from './trusted-keys'
export { knownSigners, impersonated, type KnownSigner } from './known-signers'
export type { KeyProtector } from './key-protector'
