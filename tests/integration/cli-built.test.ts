import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { fileURLToPath } from 'node:url'
import { CaseFile } from '../../src/core/case/case-file'
import { listCustodyEvents } from '../../src/core/custody/custody-log'
import { importPaths } from '../../src/core/evidence/import'
import { AppData } from '../../src/core/profile/app-data'
import { OFFICER_A, sampleCaseFields } from '../support/case-fixture'
import { buildCustodyPackage } from '../support/custody-package'
import { EVIDESK_BIN, evidesk } from '../support/cli'
import { fixedClock, randomFile, tempDir } from '../support/temp'

const REPO = join(__dirname, '..', '..')
const RECORDER = join(REPO, 'tests', 'support', 'module-recorder.mjs')

let tmp: ReturnType<typeof tempDir>
beforeEach(() => (tmp = tempDir('evidesk-cli-built-')))
afterEach(() => tmp.cleanup())

/** Every module a run of the installed command loaded, child processes included; `env` is added to the run's. */
function modulesLoaded(
  args: string[],
  env: Record<string, string> = {},
): { code: number | null; stderr: string; modules: string[] } {
  const log = join(tmp.dir, 'modules.log')
  const r = spawnSync(process.execPath, [EVIDESK_BIN, ...args], {
    cwd: tmp.dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      NODE_OPTIONS: `--import=${RECORDER}`,
      EVIDESK_MODULE_LOG: log,
      LANG: 'en_US.UTF-8',
      ...env,
    },
  })
  const modules = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []
  return { code: r.status, stderr: r.stderr, modules }
}

/** An officer profile in a fresh data folder and a case holding `original`, as an export needs them. */
async function caseReadyToExport(original: string): Promise<{ dataDir: string; caseDir: string }> {
  const dataDir = join(tmp.dir, 'data')
  new AppData(dataDir).saveProfile({ ...OFFICER_A, unit: '南京市生态环境局' })
  const caseDir = join(tmp.dir, 'case')
  const file = CaseFile.create(caseDir, sampleCaseFields(), OFFICER_A, fixedClock())
  try {
    await importPaths(file, [original], { actor: OFFICER_A, clock: fixedClock() })
  } finally {
    file.close()
  }
  return { dataDir, caseDir }
}

/** The loaded chunks of dist/cli that bundle the package (esbuild marks each bundled file with its path). */
function bundledIn(modules: string[], pkg: string): string[] {
  return modules
    .filter((m) => m.startsWith('esm file:') && m.includes('/dist/cli/') && m.endsWith('.js'))
    .map((m) => fileURLToPath(m.slice('esm '.length)))
    .filter((f) => readFileSync(f, 'utf8').includes(`node_modules/${pkg}/`))
}

describe('the installed evidesk command', () => {
  it('answers --help from the built JavaScript: no tsx, no TypeScript, and none of the heavy modules', () => {
    const r = modulesLoaded(['--help'])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/evidesk — Evidence Desk command line/)
    // the recorder works: it saw the bundle's entry
    expect(r.modules.some((m) => m.includes('/dist/cli/main.js'))).toBe(true)
    expect(r.modules.filter((m) => /node_modules\/tsx\//.test(m))).toEqual([])
    expect(r.modules.filter((m) => /\.tsx?$/.test(m))).toEqual([])
    for (const heavy of [
      'better-sqlite3',
      'sharp',
      'playwright-core',
      '@ffprobe-installer',
      'mammoth',
      'exifr',
      // the schemas behind the messages: help is answered from the command list alone
      'zod',
      'iconv-lite',
      'chardet',
    ])
      expect(r.modules.filter((m) => m.includes(`/node_modules/${heavy}/`))).toEqual([])
    // zod is bundled into the chunks (scripts/build-cli.mjs): none of the chunks help loads holds it
    expect(bundledIn(r.modules, 'zod')).toEqual([])
  })

  it('loads the PDF printer only for the commands that print', () => {
    const dataDir = join(tmp.dir, 'data')
    new AppData(dataDir).saveProfile({ ...OFFICER_A, unit: '南京市生态环境局' })
    const caseDir = join(tmp.dir, 'case')
    CaseFile.create(caseDir, sampleCaseFields(), OFFICER_A, fixedClock()).close()
    const r = modulesLoaded(['custody', caseDir], { EVIDESK_DATA_DIR: dataDir })
    expect(r.code).toBe(0)
    const modules = r.modules.join('\n')
    expect(modules).toMatch(/node_modules\/better-sqlite3\//)
    expect(modules).not.toMatch(/node_modules\/(playwright-core|sharp|tsx)\//)
    // the check in the help test can see zod: the custody command's chunks hold it
    expect(bundledIn(r.modules, 'zod').length).toBeGreaterThan(0)
  })

  it('loads sharp only for the pictures it makes: an import of a text note does not load it, of a photo does', () => {
    const caseDir = join(tmp.dir, 'case')
    CaseFile.create(caseDir, sampleCaseFields(), OFFICER_A, fixedClock()).close()
    const note = join(tmp.dir, 'note.txt')
    writeFileSync(note, '现场检查记录：废气排放口旁路阀门处于开启状态。\n')
    const text = modulesLoaded(['import', caseDir, note, '--actor', '张三:32010001'])
    expect(text.code).toBe(0)
    expect(text.modules.some((m) => m.includes('/node_modules/better-sqlite3/'))).toBe(true)
    expect(text.modules.filter((m) => m.includes('/node_modules/sharp/'))).toEqual([])
    const photo = join(tmp.dir, 'DJI_0001.JPG')
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x240',
      '-frames:v',
      '1',
      photo,
    ])
    const picture = modulesLoaded(['import', caseDir, photo, '--actor', '张三:32010001'])
    expect(picture.code).toBe(0)
    expect(picture.modules.some((m) => m.includes('/node_modules/sharp/'))).toBe(true)
  })

  it('loads the text decoders only for text that needs them: a folder package verifies without them, a GB18030 note imports with them', async () => {
    const pkg = await buildCustodyPackage(join(tmp.dir, 'pkg'))
    const verified = modulesLoaded(['verify', pkg.path, '--allow-untrusted'])
    expect(verified.code).toBe(0)
    expect(verified.modules.some((m) => /\/dist\/cli\/chunks\/verify-/.test(m))).toBe(true)
    for (const decoder of ['iconv-lite', 'chardet'])
      expect(verified.modules.filter((m) => m.includes(`/node_modules/${decoder}/`))).toEqual([])
    // nor the ZIP writer and reader: a folder is read in place
    for (const zip of ['yazl', 'yauzl'])
      expect(verified.modules.filter((m) => m.includes(`/node_modules/${zip}/`))).toEqual([])

    const caseDir = join(tmp.dir, 'case')
    CaseFile.create(caseDir, sampleCaseFields(), OFFICER_A, fixedClock()).close()
    const note = join(tmp.dir, 'note.txt')
    writeFileSync(note, iconv.encode('现场检查记录：废气排放口旁路阀门处于开启状态。\n', 'gb18030'))
    const imported = modulesLoaded(['import', caseDir, note, '--actor', '张三:32010001'])
    expect(imported.code).toBe(0)
    for (const decoder of ['iconv-lite', 'chardet'])
      expect(imported.modules.some((m) => m.includes(`/node_modules/${decoder}/`))).toBe(true)
  })

  it('exports without the extractors: no csv-parse, exifr or ZIP reader (reading annotations needs no kind checks)', async () => {
    const note = join(tmp.dir, 'note.txt')
    writeFileSync(note, '现场检查记录：废气排放口旁路阀门处于开启状态。\n')
    const { dataDir, caseDir } = await caseReadyToExport(note)
    const r = modulesLoaded(['export', caseDir, join(tmp.dir, 'out')], {
      EVIDESK_DATA_DIR: dataDir,
      EVIDESK_CHROMIUM: '/nonexistent',
    })
    expect(r.code).toBe(0)
    const modules = r.modules.join('\n')
    expect(modules).toMatch(/\/dist\/cli\/chunks\/export-/)
    expect(modules).not.toMatch(/node_modules\/(csv-parse|exifr|yauzl)\//)
  })

  it('draws a progress line on stderr when it is a terminal, and keeps stdout pure JSON', () => {
    const caseDir = join(tmp.dir, 'case')
    CaseFile.create(caseDir, sampleCaseFields(), OFFICER_A, fixedClock()).close()
    const big = join(tmp.dir, 'FILE0001.MOV')
    randomFile(big, 96 << 20)
    const json = join(tmp.dir, 'out.ndjson')
    const terminal = join(tmp.dir, 'terminal.txt')
    // `script` gives the command a pseudo-terminal: stderr is a TTY, stdout goes to a file.
    const inner = `${process.execPath} ${EVIDESK_BIN} import ${caseDir} ${big} --actor 张三:32010001 --json > ${json}`
    const r = spawnSync('script', ['-qec', inner, terminal], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', COLUMNS: '120' },
    })
    expect(r.status).toBe(0)
    const screen = readFileSync(terminal, 'utf8')
    const frames = screen.split('\r').filter((f) => f.includes('importing'))
    expect(frames.length).toBeGreaterThan(0)
    expect(frames.some((f) => /\d\/1 files {2}[\d.]+ (B|kB|MB) \/ 101 MB/.test(f))).toBe(true)
    const lines = readFileSync(json, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0])).toMatchObject({ status: 'imported', number: 'E001' })
    expect(readFileSync(json, 'utf8')).not.toMatch(/\r|\x1b/)

    // no terminal: no progress line at all
    const plain = evidesk(['import', caseDir, big, '--actor', '张三:32010001'])
    expect(plain.code).toBe(0)
    expect(plain.stderr).not.toMatch(/\r|\x1b\[K/)
    expect(plain.stderr).toMatch(/duplicate/)
  }, 120_000)

  it('Ctrl+C during an export removes the unfinished package and records export-cancelled', async () => {
    const big = join(tmp.dir, 'FILE0002.MOV')
    randomFile(big, 384 << 20)
    const { dataDir, caseDir } = await caseReadyToExport(big)
    const out = join(tmp.dir, 'out')
    mkdirSync(out)

    const child = spawn(process.execPath, [EVIDESK_BIN, 'export', caseDir, join(out, 'pkg.zip'), '--json'], {
      env: {
        ...process.env,
        EVIDESK_DATA_DIR: dataDir,
        LANG: 'en_US.UTF-8',
        LC_ALL: '',
        EVIDESK_CHROMIUM: '/nonexistent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    // Wait for the state, not for time: the unfinished package exists and holds bytes.
    const partialSize = (): number => {
      const name = readdirSync(out).find((n) => n.startsWith('.pkg.zip.partial-'))
      return name ? (statSync(join(out, name), { throwIfNoEntry: false })?.size ?? 0) : 0
    }
    const deadline = Date.now() + 60_000
    while (partialSize() < 1 << 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5))
    expect(partialSize()).toBeGreaterThan(0)
    child.kill('SIGINT')
    expect(await exited).toBe(2)

    expect(readdirSync(out)).toEqual([])
    expect(stderr).toMatch(/Stopping: the unfinished package is removed/)
    expect(JSON.parse(stdout)).toMatchObject({ error: { code: 'cancelled' } })
    const reopened = CaseFile.open(caseDir, { readOnly: true })
    try {
      const events = listCustodyEvents(reopened.db, 0, 1000)
      expect(events.at(-1)).toMatchObject({ action: 'export-cancelled', details: { target: 'pkg.zip' } })
      expect(events.some((e) => e.action === 'exported')).toBe(false)
    } finally {
      reopened.close()
    }
  }, 180_000)
})
