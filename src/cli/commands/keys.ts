import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { EvidenceError } from '../../core/errors'
import { OfficerKeys, groupFingerprint } from '../../core/signing/officer-key'
import { TrustedKeys } from '../../core/signing/trusted-keys'
import { writeFileAtomic } from '../../core/util/atomic-write'
import {
  EXIT_OK,
  UsageError,
  appData,
  localTime,
  parse,
  printJson,
  requireProfile,
  say,
} from '../cli-support'
import { messages } from '../i18n'

const EXPORT_USAGE = 'evidesk key export <file | -> [--force]'
const TRUST_USAGE = [
  'evidesk trust add <public-key-file> [--name <name>] [--json]',
  'evidesk trust list [--json]',
  'evidesk trust remove <fingerprint> [--json]',
]
/** A PEM public key is about 120 bytes, a package's signer.json under 1 kB. */
const MAX_KEY_FILE_BYTES = 64 * 1024

/** `evidesk key export <file>`: the officer's public key (PEM), for reviewers to trust. */
export async function keyCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv
  if (sub !== 'export') throw new UsageError(messages().unknownSubcommand('key', sub ?? '', [EXPORT_USAGE]))
  const { values, positionals } = parse(rest, { force: { type: 'boolean' } }, EXPORT_USAGE)
  if (positionals.length !== 1) throw new UsageError(messages().usage(EXPORT_USAGE))
  const data = appData()
  const profile = requireProfile(data)
  const keys = new OfficerKeys(data.dir)
  // as the app's key panel does: a profile saved before keys existed gets its key now
  const key = keys.info(profile) ?? keys.ensure(profile, new Date()).info
  const target = positionals[0]
  if (target === '-') {
    process.stdout.write(key.publicKeyPem)
  } else {
    if (existsSync(target) && !values.force)
      throw new EvidenceError(
        'invalid-input',
        `${target} already exists; choose another file name, or add --force to replace it.`,
      )
    writeFileAtomic(target, key.publicKeyPem, 0o644)
  }
  say(messages().keyExported(target === '-' ? null : target, groupFingerprint(key.fingerprint), profile.name))
  if (values.json && target !== '-') printJson({ path: target, fingerprint: key.fingerprint })
  return EXIT_OK
}

/** `evidesk trust add|list|remove`: the signer keys this machine trusts (as the app's trusted keys). */
export async function trustCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv
  if (sub === 'add') return trustAdd(rest)
  if (sub === 'list') return trustList(rest)
  if (sub === 'remove') return trustRemove(rest)
  throw new UsageError(messages().unknownSubcommand('trust', sub ?? '', TRUST_USAGE))
}

/** The key and a name from a file: a PEM public key, or a package's signature/signer.json. */
function readKeyFile(path: string): { pem: string; name: string | null } {
  let size: number
  try {
    size = statSync(path).size
  } catch (cause) {
    throw new EvidenceError('not-found', `Cannot read ${path}: there is no such file.`, { cause })
  }
  if (size > MAX_KEY_FILE_BYTES)
    throw new EvidenceError(
      'invalid-input',
      `${path} is ${size} bytes, too large to be a public key (a PEM public key is about 120 bytes); nothing was added.`,
    )
  const text = readFileSync(path, 'utf8')
  if (text.trimStart().startsWith('{')) {
    try {
      const json = JSON.parse(text) as {
        publicKeyPem?: unknown
        privateKey?: unknown
        name?: unknown
        certNo?: unknown
      }
      // An officer's key file holds the private key: it must not travel, even to be trusted.
      if (json.privateKey !== undefined)
        throw new EvidenceError(
          'invalid-input',
          `${path} is an officer's signing key file, which holds the private key; it must not leave its machine. Export the public key with "evidesk key export <file>" and trust that instead. Nothing was added.`,
        )
      if (typeof json.publicKeyPem === 'string') {
        const name =
          typeof json.name === 'string'
            ? `${json.name}${typeof json.certNo === 'string' ? ` (${json.certNo})` : ''}`
            : null
        return { pem: json.publicKeyPem, name }
      }
    } catch (err) {
      if (err instanceof EvidenceError) throw err
      // not JSON after all: checked as PEM below, which gives the clearer message
    }
  }
  return { pem: text, name: null }
}

async function trustAdd(argv: string[]): Promise<number> {
  const usage = TRUST_USAGE[0]
  const { values, positionals } = parse(argv, { name: { type: 'string' } }, usage)
  if (positionals.length !== 1) throw new UsageError(messages().usage(usage))
  const path = positionals[0]
  const { pem, name } = readKeyFile(path)
  const label = (values.name as string | undefined)?.trim() || name || basename(path, extname(path))
  const trusted = new TrustedKeys(appData().dir)
  let list
  try {
    list = trusted.add(pem, label, new Date())
  } catch (err) {
    if (err instanceof EvidenceError && err.code === 'invalid-input')
      throw new EvidenceError('invalid-input', `${path}: ${err.message} Nothing was added.`, { cause: err })
    throw err
  }
  const added = list[list.length - 1]
  say(messages().trustAdded(added.name, groupFingerprint(added.fingerprint)))
  if (values.json) printJson(added)
  return EXIT_OK
}

async function trustList(argv: string[]): Promise<number> {
  const usage = TRUST_USAGE[1]
  const { values, positionals } = parse(argv, {}, usage)
  if (positionals.length !== 0) throw new UsageError(messages().usage(usage))
  const list = new TrustedKeys(appData().dir).list()
  if (values.json) printJson(list)
  const m = messages()
  if (list.length === 0) say(m.trustEmpty)
  for (const k of list) say(m.trustEntry(groupFingerprint(k.fingerprint), k.name, localTime(k.addedAt)))
  return EXIT_OK
}

async function trustRemove(argv: string[]): Promise<number> {
  const usage = TRUST_USAGE[2]
  const { values, positionals } = parse(argv, {}, usage)
  if (positionals.length < 1) throw new UsageError(messages().usage(usage))
  // "ab12 cd34 …" as people copy it from the grouped display, or one word
  const fingerprint = positionals.join('').replace(/\s+/g, '').toLowerCase()
  if (!/^[0-9a-f]{64}$/.test(fingerprint))
    throw new UsageError(messages().notAFingerprint(positionals.join(' ')))
  const list = new TrustedKeys(appData().dir).remove(fingerprint)
  say(messages().trustRemoved(groupFingerprint(fingerprint)))
  if (values.json) printJson(list)
  return EXIT_OK
}
