import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { CHANNELS, methodName } from '../../src/shared/api'
import { Backend } from '../../src/core/api/backend'
import { fixedClock, tempDir } from '../support/temp'
import { OFFICER_A, sampleCaseFields } from '../support/case-fixture'

let tmp: ReturnType<typeof tempDir>
let backend: Backend
beforeEach(() => {
  tmp = tempDir()
  backend = new Backend({
    mode: 'browser',
    dataDir: join(tmp.dir, 'app-data'),
    version: '0.0.0-test',
    clock: fixedClock(),
  })
})
afterEach(() => {
  backend.dispose()
  tmp.cleanup()
})

describe('API contract', () => {
  it('has one handler per channel and a distinct preload method name for each', () => {
    expect(Object.keys(backend.handlers).sort()).toEqual([...CHANNELS].sort())
    const names = CHANNELS.map(methodName)
    expect(new Set(names).size).toBe(names.length)
    expect(methodName('case:create')).toBe('caseCreate')
  })

  it('rejects an unknown channel and input that does not match the schema, before any handler runs', async () => {
    expect(await backend.dispatch('case:delete', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(await backend.dispatch('case:open', { dir: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: [{ path: 'dir' }] },
    })
    expect(await backend.dispatch('case:open', { dir: '/tmp', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(await backend.dispatch('custody:list', { limit: 100000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
  })

  it('reports each bad field of a new case by its path, so the UI can show it next to the field', async () => {
    const fields = sampleCaseFields({
      officers: [OFFICER_A],
      timezone: 'Asia/Nowhere',
      subject: { ...sampleCaseFields().subject, creditCode: '91350100M000100Y44' },
      number: '',
    })
    const result = await backend.dispatch('case:create', { dir: join(tmp.dir, 'c'), fields })
    expect(result.ok).toBe(false)
    const byPath = Object.fromEntries(
      (result.ok ? [] : (result.error.fields ?? [])).map((f) => [f.path, f.code]),
    )
    expect(byPath).toEqual({
      number: 'required',
      'subject.creditCode': 'credit-code-check-digit',
      officers: 'officers-min-two',
      timezone: 'timezone-unknown',
    })
  })

  it('requires an officer profile before anything is recorded in a case', async () => {
    const result = await backend.dispatch('case:create', {
      dir: join(tmp.dir, 'c'),
      fields: sampleCaseFields(),
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'no-profile' } })
  })

  it('creates, reports, closes and reopens a case; the profile is the actor of every event', async () => {
    await backend.dispatch('profile:save', { ...OFFICER_A, unit: '南京市生态环境局' })
    const dir = join(tmp.dir, 'c')
    const created = await backend.dispatch('case:create', { dir, fields: sampleCaseFields() })
    expect(created).toMatchObject({
      ok: true,
      value: { number: sampleCaseFields().number, evidenceCount: 0 },
    })
    await backend.dispatch('case:update', { fields: { title: '改后的标题' } })
    const log = await backend.dispatch('custody:list', {})
    expect(log).toMatchObject({
      ok: true,
      value: { total: 2, events: [{ actor: OFFICER_A }, { actor: OFFICER_A, action: 'case-edited' }] },
    })
    await backend.dispatch('case:close', {})
    expect(await backend.dispatch('case:current', {})).toEqual({ ok: true, value: null })
    const recent = await backend.dispatch('recent:list', {})
    expect(recent).toMatchObject({ ok: true, value: [{ dir, exists: true }] })
    expect(await backend.dispatch('case:open', { dir })).toMatchObject({
      ok: true,
      value: { title: '改后的标题' },
    })
  })
})
