#!/usr/bin/env node
// The installed `evidesk` command: plain JavaScript bundled from src/cli by `npm install`
// (prepare) or `npm run build`. No TypeScript is compiled at run time; `npm run evidesk` runs
// the sources through tsx for development.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const entry = new URL('../dist/cli/main.js', import.meta.url)
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write(
    'evidesk: the command line has not been built (dist/cli/main.js is missing). Run "npm run build:cli" in the Evidence Desk folder, then try again.\n',
  )
  process.exit(2)
}
await import(entry.href)
