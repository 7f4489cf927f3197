import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { VALID_CREDIT_CODE } from './case-fixture'

const REPO = join(__dirname, '..', '..')

/** Runs the real command line the way the README says: node + tsx on src/cli/main.ts. */
export function evidesk(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 180_000,
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
