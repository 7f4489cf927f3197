import { openBag } from '../../core/package/bagit'
import { verifyCustodyPackage } from '../../core/package/verify-package'
import { groupFingerprint } from '../../core/signing/officer-key'
import { TrustedKeys } from '../../core/signing/trusted-keys'
import type { PackageVerdict } from '../../shared/package-types'
import {
  EXIT_OK,
  EXIT_PROBLEMS,
  UsageError,
  appData,
  endProgress,
  parse,
  printJson,
  progressLine,
  say,
} from '../cli-support'

const USAGE = 'evidesk verify <package.zip | bag-dir> [--trust <fingerprint>]… [--json]'

/**
 * `evidesk verify`: any BagIt bag, read in place (a ZIP is never extracted); a custody package
 * also gets its signature, custody chain and case.json checked. Keys are trusted when they are
 * in the app data folder's trusted keys or named with --trust.
 */
export async function verifyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { trust: { type: 'string', multiple: true } }, USAGE)
  if (positionals.length !== 1) throw new UsageError(`usage: ${USAGE}`)
  const trusted = trustedFingerprints(values.trust ?? [])
  const source = await openBag(positionals[0])
  try {
    const { verdict } = await verifyCustodyPackage(source, {
      trustedFingerprints: trusted,
      onProgress: (p) =>
        progressLine(
          `verifying ${(p.bytesDone / 1e6).toFixed(0)}/${(p.bytesTotal / 1e6).toFixed(0)} MB  ${p.currentPath}`,
        ),
    })
    endProgress()
    describe(verdict)
    if (values.json) printJson(verdict)
    return verdict.valid ? EXIT_OK : EXIT_PROBLEMS
  } finally {
    await source.close()
  }
}

function trustedFingerprints(fromArgs: string[]): Set<string> {
  const set = new Set<string>()
  for (const f of fromArgs) {
    const fp = f.replace(/\s+/g, '').toLowerCase()
    if (!/^[0-9a-f]{64}$/.test(fp))
      throw new UsageError(`--trust "${f}" is not a key fingerprint (64 hexadecimal digits)`)
    set.add(fp)
  }
  try {
    for (const fp of new TrustedKeys(appData().dir).fingerprints()) set.add(fp)
  } catch (err) {
    // An unreadable trusted-keys file must not stop a verification; it only means fewer keys are trusted.
    say(`⚠ ${(err as Error).message}`)
  }
  return set
}

function describe(v: PackageVerdict): void {
  for (const p of v.problems) say(`✗ ${p.code}${p.path ? ` ${p.path}` : ''}: ${p.message}`)
  for (const w of [...v.bagit.warnings, ...(v.warnings ?? [])])
    say(`⚠ ${w.code}${w.path ? ` ${w.path}` : ''}: ${w.message}`)
  if (v.signature.present) {
    const state = !v.signature.valid
      ? 'INVALID'
      : v.signature.trusted
        ? 'valid, trusted key'
        : 'valid, key NOT confirmed on this machine'
    say(
      `signature: ${state}; signer ${v.signature.signer ?? '?'}, fingerprint ${v.signature.fingerprint ? groupFingerprint(v.signature.fingerprint) : '?'}`,
    )
  } else {
    say('signature: none (a plain BagIt bag, not a custody package)')
  }
  if (v.custody.present)
    say(`custody log: ${v.custody.events} events, ${v.custody.intact ? 'chain intact' : 'BROKEN'}`)
  say(
    v.valid
      ? `valid BagIt ${v.bagit.version} bag${v.signature.present ? ' and custody package' : ''}`
      : `NOT valid: ${v.problems.length} problem(s)`,
  )
}
