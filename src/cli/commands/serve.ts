import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { Backend } from '../../core/api/backend'
import { CaseFile } from '../../core/case/case-file'
import { defaultDataDir } from '../../core/profile/app-data'
import type { CaseInfo } from '../../shared/types'
import { startBrowserServer } from '../browser-mode/server'
import { createChromiumPdfPrinter } from '../chromium-pdf'
import { EXIT_CANNOT_RUN, EXIT_OK, UsageError, parse, say } from '../cli-support'
import { messages } from '../i18n'
import { appVersion, projectRoot } from '../project-root'

/** The built renderer; EVIDESK_RENDERER_DIR lets tests serve another build. */
function rendererDir(): string {
  return process.env.EVIDESK_RENDERER_DIR
    ? resolve(process.env.EVIDESK_RENDERER_DIR)
    : join(projectRoot(), 'out', 'renderer')
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0
  const port = Number(text)
  if (!/^\d+$/.test(text) || !Number.isInteger(port) || port > 65535)
    throw new UsageError(messages().badPort(text))
  return port
}

/**
 * A page only its owner may read (0600 in a 0700 folder) that forwards the browser to a one-time
 * link. The browser is started on this file, so the link's code never shows in a process's
 * arguments (`ps`, issue 11, item 13); the file goes once the link is used or the server stops.
 */
export function writeOpenerPage(link: string, parent = tmpdir()): { path: string; remove(): void } {
  const folder = mkdtempSync(join(parent, 'evidesk-open-'))
  const path = join(folder, 'open.html')
  const href = link.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
  writeFileSync(
    path,
    `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer">` +
      `<meta http-equiv="refresh" content="0;url=${href}"><title>Evidence Desk</title>` +
      `<p><a href="${href}">Evidence Desk 证据工作台</a></p>\n`,
    { mode: 0o600 },
  )
  return { path, remove: () => rmSync(folder, { recursive: true, force: true }) }
}

/** Best effort: a missing opener is not an error, the URL is on stdout anyway. */
export function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]]
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true, windowsHide: true })
    child.on('error', () => say(messages().noOpener(command)))
    child.unref()
  } catch {
    say(messages().noOpener(command))
  }
}

/** `evidesk serve [<case-dir>] [--port <n>] [--open]`: browser mode until Ctrl+C. */
export async function serveCommand(argv: string[]): Promise<number> {
  const usage = 'evidesk serve [<case-dir>] [--port <n>] [--open]'
  const { values, positionals } = parse(argv, { port: { type: 'string' }, open: { type: 'boolean' } }, usage)
  if (positionals.length > 1) throw new UsageError(messages().usage(usage))
  const port = parsePort(values.port as string | undefined)

  const dir = rendererDir()
  if (!existsSync(join(dir, 'index.html'))) {
    say(messages().uiNotBuilt(join(dir, 'index.html')))
    return EXIT_CANNOT_RUN
  }

  const backend = new Backend({
    mode: 'browser',
    dataDir: defaultDataDir(),
    version: appVersion(),
    pdf: createChromiumPdfPrinter() ?? undefined,
  })
  let opened: CaseInfo | null = null
  if (positionals[0]) {
    // CaseFile.open throws (missing, locked, damaged) before the backend holds anything.
    const file = CaseFile.open(positionals[0])
    try {
      opened = await backend.setCase(file)
    } catch (err) {
      file.close()
      await backend.dispose()
      throw err
    }
  }

  let server: Awaited<ReturnType<typeof startBrowserServer>>
  // the --open page forwarding to a one-time link: gone once a link opened a session
  let opener: { remove(): void } | null = null
  try {
    server = await startBrowserServer({
      backend,
      rendererDir: dir,
      port,
      onSessionOpened: () => {
        opener?.remove()
        opener = null
      },
    })
  } catch (err) {
    await backend.dispose()
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new UsageError(messages().portInUse(port))
    throw err
  }

  // Each link opens one page (its code is spent then, and expires unused after ten minutes).
  process.stdout.write(server.url + '\n')
  say(messages().serving(server.port, opened ? { number: opened.number, dir: opened.dir } : null))
  if (values.open) {
    // the browser gets a link of its own, through an owner-only file: nothing reusable in `ps`
    const page = writeOpenerPage(server.newLink())
    opener = page
    openInBrowser(page.path)
  }
  // Enter prints a new link, for another window or browser
  const lines = process.stdin.isTTY ? createInterface({ input: process.stdin }) : null
  lines?.on('line', () => process.stdout.write(server.newLink() + '\n'))

  return new Promise<number>((resolveExit) => {
    let stopping = false
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        say(messages().serveSignalAgain(signal))
        process.exit(130)
      }
      stopping = true
      lines?.close()
      opener?.remove()
      say(messages().serveStopping(signal))
      server
        .close()
        .catch((err: unknown) => say(messages().serveStopError(String(err))))
        // Cancels running imports, waits for them to stop cleanly, then closes the case, which
        // releases its lock so the desktop app or another command can open it.
        .then(() => backend.dispose())
        .catch((err: unknown) => say(messages().serveCloseError(String(err))))
        .finally(() => {
          process.off('SIGINT', stop)
          process.off('SIGTERM', stop)
          say(messages().serveStopped)
          resolveExit(EXIT_OK)
        })
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
