import { CaseFile } from '../../core/case/case-file'
import { caseDevices, clockOffsets, removeClockOffset, setClockOffset } from '../../core/clock/clock-offsets'
import {
  checkInWords,
  deviceKey,
  deviceName,
  offsetInWords,
  parseClockOffset,
} from '../../shared/clock-offset'
import { EXIT_OK, UsageError, actorFrom, parse, printJson, say } from '../cli-support'
import { language, messages } from '../i18n'

const USAGE = [
  'evidesk clock <case-dir> <device> --offset <+192s | -3m12s> --checked <YYYY-MM-DD | ISO instant> --against <北京时间 | GPS | …> --reason <why> [--actor "<name>:<cert-no>"] [--json]',
  'evidesk clock <case-dir> <device> --remove --reason <why> [--actor "<name>:<cert-no>"] [--json]',
  'evidesk clock <case-dir> --list [--json]',
].join('\n       ')

function required(value: unknown, flag: string, what: string): string {
  const text = typeof value === 'string' ? value.trim() : ''
  if (!text) throw new UsageError(messages().badArguments(`${flag} is required: ${what}`, USAGE))
  return text
}

/**
 * `evidesk clock`: a device's clock offset as the app records it (a custody event; capture times
 * stay as recorded, corrected times are derived on read), its removal, or the list in force with
 * the case's devices.
 */
export async function clockCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      offset: { type: 'string' },
      checked: { type: 'string' },
      against: { type: 'string' },
      reason: { type: 'string' },
      remove: { type: 'boolean' },
      list: { type: 'boolean' },
      actor: { type: 'string' },
    },
    USAGE,
  )
  const listing = values.list === true
  if (positionals.length !== (listing ? 1 : 2))
    throw new UsageError(
      messages().badArguments(
        listing ? 'give the case folder only' : 'give a case folder and a device',
        USAGE,
      ),
    )
  let change: (file: CaseFile) => void = () => {}
  if (!listing) {
    const device = positionals[1]
    const reason = required(values.reason, '--reason', 'the custody log says why')
    const actor = actorFrom(values.actor as string | undefined)
    if (values.remove) {
      change = (file) => removeClockOffset(file, { device, reason }, actor, () => new Date())
    } else {
      const offsetText = required(
        values.offset,
        '--offset',
        'how far the device clock runs fast (+) or slow (-)',
      )
      const offsetMs = parseClockOffset(offsetText)
      if (offsetMs === null)
        throw new UsageError(
          messages().badArguments(
            `--offset "${offsetText}" is not an offset such as +192s, -3m12s or +1h2m`,
            USAGE,
          ),
        )
      const checkedAt = required(values.checked, '--checked', 'the day (or instant) the clock was checked')
      const against = required(values.against, '--against', 'what the clock was checked against')
      change = (file) =>
        setClockOffset(file, { device, offsetMs, checkedAt, against, reason }, actor, () => new Date())
    }
  }

  const file = CaseFile.open(positionals[0])
  try {
    change(file)
    const offsets = clockOffsets(file.db)
    const devices = caseDevices(file.db)
    if (values.json) {
      printJson({ offsets, devices: devices.map((d) => ({ key: deviceKey(d), name: deviceName(d), ...d })) })
      return EXIT_OK
    }
    const lang = language()
    const zone = file.info().timezone
    if (!listing)
      say(values.remove ? messages().clockRemoved(positionals[1]) : messages().clockSet(positionals[1]))
    if (offsets.length === 0) say(messages().noClockOffsets)
    for (const o of offsets)
      say(
        `${deviceName(o.device) ?? o.deviceKey}  ${offsetInWords(o.offsetMs, lang)}  ${checkInWords(o, lang, zone)}  — ${o.reason}`,
      )
    if (listing) say(messages().caseDevices(devices.map((d) => deviceKey(d) ?? '').join(', ')))
    return EXIT_OK
  } finally {
    file.close()
  }
}
