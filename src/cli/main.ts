#!/usr/bin/env node
/** `evidesk`: the command line over the same core as the app (see ../shared/CLI.md). */
import { caseCommand } from './commands/case'
import { checkCommand } from './commands/check'
import { serveCommand } from './commands/serve'
import { importCommand } from './commands/import'
import { listCommand, showCommand } from './commands/list'
import { verifyCommand } from './commands/verify'
import { EXIT_CANNOT_RUN, UsageError, reportError, say } from './cli-support'

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  case: caseCommand,
  check: checkCommand,
  serve: serveCommand,
  import: importCommand,
  list: listCommand,
  show: showCommand,
  verify: verifyCommand,
}

const HELP = `evidesk — Evidence Desk command line
  case init <case-dir> --number … --title … --officer "<name>:<cert-no>" (×2) [--json]
  case show <case-dir> --json
  import <case-dir> <path>… [--actor "<name>:<cert-no>"] [--json]
  list <case-dir> --json
  show <case-dir> <id|number> --json
  check <case-dir> [--json]
  verify <package.zip | bag-dir> [--json]
  serve [<case-dir>] [--port <n>] [--open]
Exit codes: 0 success, 1 completed with problems, 2 could not run.`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    say(HELP)
    return command ? 0 : EXIT_CANNOT_RUN
  }
  const run = COMMANDS[command]
  const json = rest.includes('--json')
  try {
    if (!run) throw new UsageError(`unknown command "${command}"\n${HELP}`)
    return await run(rest)
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
