import { join } from 'node:path'
import { Backend } from '../../src/core/api/backend'
import { OFFICER_A, sampleCaseFields } from './case-fixture'
import { fixedClock } from './temp'

export interface BackendWithCase {
  backend: Backend
  caseDir: string
  /** dispatches like the UI does; throws with the error when the channel fails */
  call<T>(channel: string, input: unknown): Promise<T>
}

/**
 * The real Backend in browser mode on a fresh data folder under `root`, with an officer profile
 * (张三, 南京市生态环境局) and the sample case open in `root`/case, as a test of channels on a real
 * case starts. The caller disposes the backend.
 */
export async function backendWithCase(root: string): Promise<BackendWithCase> {
  const backend = new Backend({
    mode: 'browser',
    dataDir: join(root, 'data'),
    version: 'test',
    clock: fixedClock(),
  })
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await backend.dispatch(channel, input)
    if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`)
    return r.value as T
  }
  await call('profile:save', { ...OFFICER_A, unit: '南京市生态环境局' })
  const caseDir = join(root, 'case')
  await call('case:create', { dir: caseDir, fields: sampleCaseFields() })
  return { backend, caseDir, call }
}
