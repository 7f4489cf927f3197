#!/usr/bin/env node
/** `evidesk`: the command line over the same core as the app (see ../shared/CLI.md). */
import { EXIT_CANNOT_RUN, UsageError, reportError, say } from './cli-support'

type Command = (argv: string[]) => Promise<number>

// Loaded on demand: each command pulls in only its own part of the core (sharp, ffprobe, the BagIt
// writer, Chromium for PDFs…), which keeps a scripted run of many short commands quick.
const COMMANDS: Record<string, () => Promise<Command>> = {
  case: async () => (await import('./commands/case')).caseCommand,
  check: async () => (await import('./commands/check')).checkCommand,
  serve: async () => (await import('./commands/serve')).serveCommand,
  import: async () => (await import('./commands/import')).importCommand,
  list: async () => (await import('./commands/list')).listCommand,
  show: async () => (await import('./commands/list')).showCommand,
  verify: async () => (await import('./commands/verify')).verifyCommand,
  violation: async () => (await import('./commands/violation')).violationCommand,
  link: async () => (await import('./commands/link')).linkCommand,
  export: async () => (await import('./commands/export')).exportCommand,
}

const HELP = `evidesk — Evidence Desk command line
  case init <case-dir> --number … --title … --officer "<name>:<cert-no>" (×2) [--json]
  case show <case-dir> --json
  import <case-dir> <path>… [--actor "<name>:<cert-no>"] [--json]
  list <case-dir> --json
  show <case-dir> <id|number> --json
  check <case-dir> [--json]
  violation add <case-dir> --title <t> --basis <legal-basis-id> [--basis …] [--description <d>] [--json]
  violation list <case-dir> [--all] [--json]
  link <case-dir> <violation-id|V1> <evidence-id|E001> [--start <s> --end <s> | --quote <text> | --region x,y,w,h] [--note <n>] [--json]
  export <case-dir> <out.zip | out-dir/> [--violation <id>]… [--json]
  verify <package.zip | bag-dir> [--json]
  serve [<case-dir>] [--port <n>] [--open]
Exit codes: 0 success, 1 completed with problems, 2 could not run.`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    say(HELP)
    return command ? 0 : EXIT_CANNOT_RUN
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
  const json = rest.includes('--json')
  try {
    if (!load) throw new UsageError(`unknown command "${command}"\n${HELP}`)
    return await (
      await load()
    )(rest)
  } catch (err) {
    return reportError(err, json)
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err) => {
    say(String(err))
    process.exitCode = EXIT_CANNOT_RUN
  },
)
