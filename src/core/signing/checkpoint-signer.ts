import type { CheckpointSigner } from '../custody/checkpoint'
import { ChainAnchors } from '../custody/anchors'
import type { Officer } from '../../shared/types'
import { knownSigners, type KnownSigner } from './known-signers'
import { OfficerKeys } from './officer-key'

/**
 * The officer's key as a checkpoint signer, when the officer has one here; never made for the
 * occasion (a check must not create keys), and null when it cannot be used (sealed by the desktop
 * app's key store, damaged): the check then records its head unsigned.
 */
export function checkpointSignerFor(keys: OfficerKeys, officer: Officer): CheckpointSigner | null {
  try {
    const key = keys.load(officer)
    return key
      ? { fingerprint: key.info.fingerprint, publicKeyPem: key.info.publicKeyPem, sign: key.sign }
      : null
  } catch {
    return null
  }
}

/**
 * What an integrity check holds the chain against outside the case file (issue 11, item 8): the
 * heads kept in the app data folder, the signers this machine knows (a checkpoint in their name
 * by another key is a forgery), and the checking officer's key to sign this check's head.
 */
export function chainWitnesses(
  dataDir: string,
  keys: OfficerKeys,
  officer: Officer,
): { anchors: ChainAnchors; signer: CheckpointSigner | null; knownSigners: KnownSigner[] } {
  let known: KnownSigner[]
  try {
    known = knownSigners(dataDir)
  } catch {
    // an unreadable trusted-keys file: the officers' own keys still name who signs here
    known = new OfficerKeys(dataDir).list().map((k) => ({ ...k, source: 'officer-key' as const }))
  }
  return {
    anchors: new ChainAnchors(dataDir),
    signer: checkpointSignerFor(keys, officer),
    knownSigners: known,
  }
}
