import { openBag, verifyBag } from '../../core/package/bagit'
import {
  EXIT_OK,
  EXIT_PROBLEMS,
  UsageError,
  endProgress,
  parse,
  printJson,
  progressLine,
  say,
} from '../cli-support'

const USAGE = 'evidesk verify <package.zip | bag-dir> [--json]'

/**
 * `evidesk verify`: any BagIt bag, read in place (a ZIP is never extracted). The custody-package
 * checks (signature, custody chain, case.json against the manifest) come with the export
 * feature; until then a bag without them reports them as not present, never as valid.
 */
export async function verifyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {}, USAGE)
  if (positionals.length !== 1) throw new UsageError(`usage: ${USAGE}`)
  const source = await openBag(positionals[0])
  try {
    const bag = await verifyBag(source, {
      onProgress: (p) =>
        progressLine(
          `verifying ${(p.bytesDone / 1e6).toFixed(0)}/${(p.bytesTotal / 1e6).toFixed(0)} MB  ${p.currentPath}`,
        ),
    })
    endProgress()
    const result = {
      valid: bag.valid,
      bagit: { complete: bag.complete, valid: bag.valid, version: bag.version, warnings: bag.warnings },
      signature: { present: false, valid: false, fingerprint: null, signer: null },
      custody: { present: false, intact: false, events: 0 },
      problems: bag.problems,
    }
    for (const p of bag.problems) say(`✗ ${p.code}${p.path ? ` ${p.path}` : ''}: ${p.message}`)
    for (const w of bag.warnings) say(`⚠ ${w.code}${w.path ? ` ${w.path}` : ''}: ${w.message}`)
    say(
      bag.valid
        ? `valid BagIt ${bag.version} bag: ${bag.payloadFiles} payload files, ${bag.payloadBytes} bytes verified (no custody signature or log checked: this build does not export custody packages yet)`
        : `NOT valid: ${bag.problems.length} problem(s)`,
    )
    if (values.json) printJson(result)
    return bag.valid ? EXIT_OK : EXIT_PROBLEMS
  } finally {
    await source.close()
  }
}
