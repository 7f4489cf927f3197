import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { VALID_CREDIT_CODE } from './case-fixture'

const REPO = join(__dirname, '..', '..')
export const EVIDESK_BIN = join(REPO, 'bin', 'evidesk.js')

/** English output unless a test asks for another locale (LANG, LC_ALL or --lang). */
const ENGLISH = { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' }

/**
 * Runs the real command line as installed: `node bin/evidesk.js`, the bundle built by the test
 * setup (tests/support/build-cli-setup.ts) from the current sources.
 */
export function evidesk(args: string[], env: Record<string, string> = {}, input?: string) {
  const r = spawnSync(process.execPath, [EVIDESK_BIN, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, ...ENGLISH, ...env },
    timeout: 180_000,
    input,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** `case init` for a typical case with two officers; `extra` adds or overrides flags. */
export const caseInitArgs = (dir: string, extra: string[] = []) => [
  'case',
  'init',
  dir,
  '--number',
  '宁环罚〔2026〕12号',
  '--title',
  '偷排案',
  '--officer',
  '张三:32010001',
  '--officer',
  '李四:32010002',
  '--subject',
  '某化工有限公司',
  '--credit-code',
  VALID_CREDIT_CODE,
  '--unit',
  '南京市生态环境局',
  '--timezone',
  'Asia/Shanghai',
  ...extra,
]
