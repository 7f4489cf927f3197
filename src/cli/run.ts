/** The command line's run, once main.ts has seen it is not a request for help: parse, dispatch, report. */
import { UsageError, reportError } from './cli-support'
import { messages, setLanguage } from './i18n'
import { splitLanguage } from './i18n/language'

type Command = (argv: string[]) => Promise<number>

// Loaded on demand: each command pulls in only its own part of the core (sharp, ffprobe, the BagIt
// writer, Chromium for PDFs…), so `--help` and a scripted run of many short commands stay quick.
const COMMANDS: Record<string, () => Promise<Command>> = {
  profile: async () => (await import('./commands/profile')).profileCommand,
  key: async () => (await import('./commands/keys')).keyCommand,
  trust: async () => (await import('./commands/keys')).trustCommand,
  case: async () => (await import('./commands/case')).caseCommand,
  import: async () => (await import('./commands/import')).importCommand,
  list: async () => (await import('./commands/list')).listCommand,
  show: async () => (await import('./commands/list')).showCommand,
  check: async () => (await import('./commands/check')).checkCommand,
  custody: async () => (await import('./commands/custody')).custodyCommand,
  violation: async () => (await import('./commands/violation')).violationCommand,
  link: async () => (await import('./commands/link')).linkCommand,
  annotate: async () => (await import('./commands/annotate')).annotateCommand,
  decoding: async () => (await import('./commands/decoding')).decodingCommand,
  compare: async () => (await import('./commands/compare')).compareCommand,
  clock: async () => (await import('./commands/clock')).clockCommand,
  documents: async () => (await import('./commands/documents')).documentsCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  verify: async () => (await import('./commands/verify')).verifyCommand,
  serve: async () => (await import('./commands/serve')).serveCommand,
}

/** Takes `--lang zh-CN|en` out of the arguments and sets the output language; a bad one is a usage error. */
function takeLanguage(argv: string[]): string[] {
  const { rest, lang, bad } = splitLanguage(argv)
  if (bad !== undefined) throw new UsageError(messages().badLanguage(bad))
  if (lang) setLanguage(lang)
  return rest
}

export async function run(argv: string[]): Promise<number> {
  const json = argv.includes('--json')
  try {
    // a request for help (no command, help, --help, -h) was answered by main.ts
    const [command = '', ...rest] = takeLanguage(argv)
    const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
    if (!load) throw new UsageError(messages().unknownCommand(command))
    return await (
      await load()
    )(rest)
  } catch (err) {
    return reportError(err, json)
  }
}
