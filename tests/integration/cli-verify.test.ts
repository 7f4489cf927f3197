import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { appendFileSync, cpSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BAGIT_FIXTURES } from '../support/fixtures'
import { tempDir } from '../support/temp'

function verify(path: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'verify', path, '--json'], {
    cwd: join(__dirname, '..', '..'),
    encoding: 'utf8',
  })
  return { code: r.status, json: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr }
}

describe('evidesk verify', () => {
  it('exits 0 for a valid bag and prints the CLI.md shape, not claiming a signature or custody log it did not check', () => {
    const r = verify(join(BAGIT_FIXTURES, 'v1.0', 'valid', 'basicBag'))
    expect(r.code).toBe(0)
    expect(r.json).toMatchObject({
      valid: true,
      bagit: { complete: true, valid: true, version: '1.0' },
      signature: { present: false, valid: false },
      custody: { present: false, intact: false },
      problems: [],
    })
  })

  it('exits 1 with the problem code and file for a tampered copy and for out-of-scope paths', () => {
    const tmp = tempDir()
    try {
      const bag = join(tmp.dir, 'bag')
      cpSync(join(BAGIT_FIXTURES, 'v1.0', 'valid', 'basicBag'), bag, { recursive: true })
      appendFileSync(join(bag, 'data', 'hello.txt'), 'x')
      const flipped = verify(bag)
      expect(flipped.code).toBe(1)
      expect(flipped.json.problems.map((p: { code: string }) => p.code)).toContain('hash-mismatch')
      writeFileSync(join(bag, 'data', 'planted.txt'), 'planted')
      expect(verify(bag).json.problems).toContainEqual(
        expect.objectContaining({ code: 'extra-file', path: 'data/planted.txt' }),
      )
    } finally {
      tmp.cleanup()
    }
    const escape = verify(
      join(BAGIT_FIXTURES, 'v0.97', 'invalid', 'out-of-scope-file-paths-using-dot-notation'),
    )
    expect(escape.code).toBe(1)
    expect(escape.json.problems[0].code).toBe('unsafe-path')
  })

  it('exits 2 when there is nothing to read', () => {
    expect(verify('/nonexistent/package.zip').code).toBe(2)
  })
})
