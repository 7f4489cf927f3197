import { profileSchema } from '../../shared/api'
import type { OfficerKeyInfo } from '../../shared/package-types'
import type { Profile } from '../../shared/types'
import { fieldErrors } from '../../core/api/zod-errors'
import { EvidenceError } from '../../core/errors'
import type { AppData } from '../../core/profile/app-data'
import { OfficerKeys, groupFingerprint } from '../../core/signing/officer-key'
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

const SET_USAGE = 'evidesk profile set --name <name> --cert <cert-no> --unit <unit> [--json]'
const SHOW_USAGE = 'evidesk profile show [--json]'

/** `evidesk profile set|show`: the officer profile and signing key in the app's data folder. */
export async function profileCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv
  if (sub === 'set') return profileSet(rest)
  if (sub === 'show') return profileShow(rest)
  throw new UsageError(messages().unknownSubcommand('profile', sub ?? '', [SET_USAGE, SHOW_USAGE]))
}

/** CLI.md's `--json` shape for the profile. */
function profileJson(p: Profile, key: OfficerKeyInfo | null) {
  return {
    name: p.name,
    certNo: p.certNo,
    unit: p.unit,
    key: key ? { fingerprint: key.fingerprint, createdAt: key.createdAt } : null,
  }
}

function describe(data: AppData, p: Profile, key: OfficerKeyInfo | null, created: boolean): void {
  const m = messages()
  say(m.profileLine(p.name, p.certNo, p.unit))
  if (key) {
    say(m.keyLine(groupFingerprint(key.fingerprint), localTime(key.createdAt), created))
    say(m.keyProtection(key.protection))
  } else say(m.noKeyYet)
  say(m.dataFolder(data.dir))
}

async function profileSet(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { name: { type: 'string' }, cert: { type: 'string' }, unit: { type: 'string' } },
    SET_USAGE,
  )
  if (positionals.length > 0) throw new UsageError(messages().noPositionals(SET_USAGE))
  // The same schema as the app's profile form: the command line accepts what the UI accepts.
  const parsed = profileSchema.safeParse({
    name: values.name ?? '',
    certNo: values.cert ?? '',
    unit: values.unit ?? '',
  })
  if (!parsed.success)
    throw new EvidenceError('invalid-input', 'The officer profile is not valid; nothing was saved.', {
      fields: fieldErrors(parsed.error),
    })
  const data = appData()
  const profile = data.saveProfile(parsed.data)
  // As the app does on saving the profile: the officer's signing key exists from then on.
  const keys = new OfficerKeys(data.dir)
  const existing = keys.info(profile)
  const key = existing ?? keys.ensure(profile, new Date()).info
  describe(data, profile, key, existing === null)
  if (values.json) printJson(profileJson(profile, key))
  return EXIT_OK
}

async function profileShow(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {}, SHOW_USAGE)
  if (positionals.length > 0) throw new UsageError(messages().noPositionals(SHOW_USAGE))
  const data = appData()
  const profile = requireProfile(data)
  const key = new OfficerKeys(data.dir).info(profile)
  describe(data, profile, key, false)
  if (values.json) printJson(profileJson(profile, key))
  return EXIT_OK
}
