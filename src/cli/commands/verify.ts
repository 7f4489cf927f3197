import { existsSync, readFileSync, statSync } from 'node:fs'
// not the bagit index: it brings the bag writer (and yazl), which verifying never uses
import { openBag } from '../../core/package/bagit/bag-source'
import { verifyCustodyPackage } from '../../core/package/verify-package'
import { knownSigners, type KnownSigner } from '../../core/signing/known-signers'
import { fingerprintOf, groupFingerprint } from '../../core/signing/officer-key'
import type { PackageVerdict } from '../../shared/package-types'
import {
  EXIT_OK,
  EXIT_PROBLEMS,
  UsageError,
  appData,
  cancelOnInterrupt,
  parse,
  printJson,
  printable,
  say,
} from '../cli-support'
import { messages } from '../i18n'
import { ProgressLine } from '../progress-line'

const USAGE =
  'evidesk verify <package.zip | bag-dir> [--trust <fingerprint | public-key-file>]… [--allow-untrusted] [--json]'

/**
 * `evidesk verify`: any BagIt bag, read in place (a ZIP is never extracted); a custody package
 * also gets its signature, custody chain and case.json checked. Keys are trusted when they are
 * in the app data folder (trusted keys, the officers' own keys) or named with --trust. Exit 0
 * only for a valid bag whose signer (if signed) is trusted, or with --allow-untrusted.
 */
export async function verifyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { trust: { type: 'string', multiple: true }, 'allow-untrusted': { type: 'boolean' } },
    USAGE,
  )
  if (positionals.length !== 1) throw new UsageError(messages().usage(USAGE))
  const trusted = trustedFingerprints(values.trust ?? [])
  const known = machineSigners()
  const m = messages()
  const progress = new ProgressLine(m.progressVerify)
  const interrupt = cancelOnInterrupt(() => {
    progress.end()
    say(m.stoppingVerify)
  })
  const source = await openBag(positionals[0])
  try {
    const { verdict } = await verifyCustodyPackage(source, {
      trustedFingerprints: trusted,
      knownSigners: known,
      signal: interrupt.signal,
      onProgress: (p) =>
        progress.update({ bytesDone: p.bytesDone, bytesTotal: p.bytesTotal, current: p.currentPath }),
    })
    progress.end()
    describe(verdict)
    if (values.json) printJson(verdict)
    if (!verdict.valid) return EXIT_PROBLEMS
    if (verdict.signature.present && !verdict.signature.trusted) {
      if (values['allow-untrusted']) {
        say(m.acceptedUntrusted)
        return EXIT_OK
      }
      say(m.untrustedExit)
      return EXIT_PROBLEMS
    }
    return EXIT_OK
  } finally {
    progress.end()
    interrupt.release()
    await source.close()
  }
}

/** --trust values: fingerprints (spaces allowed) or files holding a PEM public key. */
function trustedFingerprints(fromArgs: string[]): Set<string> {
  const set = new Set<string>()
  for (const f of fromArgs) {
    const fp = f.replace(/\s+/g, '').toLowerCase()
    if (/^[0-9a-f]{64}$/.test(fp)) {
      set.add(fp)
      continue
    }
    if (existsSync(f) && statSync(f).isFile() && statSync(f).size < 64 * 1024) {
      try {
        set.add(fingerprintOf(readFileSync(f, 'utf8')))
        continue
      } catch (err) {
        throw new UsageError(`--trust "${f}": ${(err as Error).message}`)
      }
    }
    throw new UsageError(messages().notAFingerprint(f))
  }
  return set
}

/** The app data folder's trusted keys and officer keys: trusted, and checked for impersonation. */
function machineSigners(): KnownSigner[] {
  try {
    return knownSigners(appData().dir)
  } catch (err) {
    // An unreadable trusted-keys file must not stop a verification; it only means fewer keys are trusted.
    say(`⚠ ${printable((err as Error).message)}`)
    return []
  }
}

function describe(v: PackageVerdict): void {
  const m = messages()
  // paths and messages quote the package, which comes from a stranger
  const finding = (p: { code: string; path?: string; message: string }) =>
    m.finding(p.code, p.path === undefined ? null : printable(p.path), printable(p.message))
  for (const p of v.problems) say(`✗ ${finding(p)}`)
  for (const w of [...v.bagit.warnings, ...(v.warnings ?? [])]) say(`⚠ ${finding(w)}`)
  if (v.signature.present) {
    say(
      m.signatureLine(
        !v.signature.valid ? 'invalid' : v.signature.trusted ? 'trusted' : 'untrusted',
        printable(v.signature.signer ?? '?'),
        v.signature.fingerprint ? groupFingerprint(v.signature.fingerprint) : '?',
      ),
    )
  } else say(m.noSignature)
  if (v.custody.present) say(m.custodyLine(v.custody.events, v.custody.intact))
  say(v.valid ? m.bagValid(v.bagit.version, v.signature.present) : m.bagInvalid(v.problems.length))
}
