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
  cancelOnInterrupt,
  parse,
  printJson,
  say,
} from '../cli-support'
import { messages } from '../i18n'
import { ProgressLine } from '../progress-line'

const USAGE = 'evidesk verify <package.zip | bag-dir> [--trust <fingerprint>]… [--json]'

/**
 * `evidesk verify`: any BagIt bag, read in place (a ZIP is never extracted); a custody package
 * also gets its signature, custody chain and case.json checked. Keys are trusted when they are
 * in the app data folder's trusted keys or named with --trust.
 */
export async function verifyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { trust: { type: 'string', multiple: true } }, USAGE)
  if (positionals.length !== 1) throw new UsageError(messages().usage(USAGE))
  const trusted = trustedFingerprints(values.trust ?? [])
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
      signal: interrupt.signal,
      onProgress: (p) =>
        progress.update({ bytesDone: p.bytesDone, bytesTotal: p.bytesTotal, current: p.currentPath }),
    })
    progress.end()
    describe(verdict)
    if (values.json) printJson(verdict)
    return verdict.valid ? EXIT_OK : EXIT_PROBLEMS
  } finally {
    progress.end()
    interrupt.release()
    await source.close()
  }
}

function trustedFingerprints(fromArgs: string[]): Set<string> {
  const set = new Set<string>()
  for (const f of fromArgs) {
    const fp = f.replace(/\s+/g, '').toLowerCase()
    if (!/^[0-9a-f]{64}$/.test(fp)) throw new UsageError(messages().notAFingerprint(f))
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
  const m = messages()
  for (const p of v.problems) say(`✗ ${m.finding(p.code, p.path ?? null, p.message)}`)
  for (const w of [...v.bagit.warnings, ...(v.warnings ?? [])])
    say(`⚠ ${m.finding(w.code, w.path ?? null, w.message)}`)
  if (v.signature.present) {
    say(
      m.signatureLine(
        !v.signature.valid ? 'invalid' : v.signature.trusted ? 'trusted' : 'untrusted',
        v.signature.signer ?? '?',
        v.signature.fingerprint ? groupFingerprint(v.signature.fingerprint) : '?',
      ),
    )
  } else say(m.noSignature)
  if (v.custody.present) say(m.custodyLine(v.custody.events, v.custody.intact))
  say(v.valid ? m.bagValid(v.bagit.version, v.signature.present) : m.bagInvalid(v.problems.length))
}
