import { closeSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openBag } from '../../../src/core/package/bagit'
import { verifyCustodyPackage } from '../../../src/core/package/verify-package'
import { evidesk } from '../../support/cli'
import {
  buildCustodyPackage,
  jsonl,
  recomputeManifests,
  type BuiltPackage,
} from '../../support/custody-package'
import { tempDir } from '../../support/temp'

/**
 * Issue 11, item 5: a hostile data/custody-log.jsonl (one enormous line, or JSON nested far
 * deeper than any event) gets a named problem, limit-exceeded, quickly and in bounded memory,
 * never a crash or a stall. The logs are generated here, a few MiB each.
 */

let tmp: ReturnType<typeof tempDir>
let pkg: BuiltPackage
beforeEach(async () => {
  tmp = tempDir('custody-limits-')
  pkg = await buildCustodyPackage(join(tmp.dir, 'pkg'), { evidenceBytes: 2_000 })
})
afterEach(() => tmp.cleanup())

/** Replaces the log with `write`'s output, and re-signs the bag as an attacker with the key would. */
function replaceLog(write: (fd: number) => void): void {
  const fd = openSync(join(pkg.path, 'data', 'custody-log.jsonl'), 'w')
  try {
    write(fd)
  } finally {
    closeSync(fd)
  }
  recomputeManifests(pkg.path, { resignWith: pkg.key })
}

async function verify() {
  const source = await openBag(pkg.path)
  try {
    const started = performance.now()
    const { verdict } = await verifyCustodyPackage(source, {
      trustedFingerprints: new Set([pkg.key.fingerprint]),
    })
    return { verdict, ms: performance.now() - started }
  } finally {
    await source.close()
  }
}

/** The first event, then the second with 200,000 nested arrays in its details (a few hundred KiB). */
function deeplyNestedEvent(fd: number): void {
  writeSync(fd, jsonl(pkg.events.slice(0, 1)))
  const depth = 200_000
  const line = JSON.stringify({ ...pkg.events[1], details: { deep: 0 } })
  const [before, after] = line.split('"deep":0')
  writeSync(fd, `${before}"deep":${'['.repeat(depth)}${']'.repeat(depth)}${after}\n`)
}

describe('custody-log.jsonl is read with caps on line length and nesting', () => {
  it('one 24 MiB line is limit-exceeded, in seconds', async () => {
    replaceLog((fd) => {
      writeSync(fd, jsonl(pkg.events.slice(0, 2)))
      writeSync(fd, '{"seq":3,"details":{"padding":"')
      const block = Buffer.alloc(1 << 20, 'a')
      for (let i = 0; i < 24; i++) writeSync(fd, block)
      writeSync(fd, '"}}\n')
    })
    const { verdict, ms } = await verify()
    expect(verdict.valid).toBe(false)
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({ code: 'limit-exceeded', path: 'data/custody-log.jsonl' }),
    )
    expect(verdict.problems.find((p) => p.code === 'limit-exceeded')?.message).toMatch(/line 3 /i)
    expect(ms).toBeLessThan(10_000)
  })

  it('an event nested 200,000 deep is limit-exceeded, not a crash', async () => {
    replaceLog(deeplyNestedEvent)
    const { verdict } = await verify()
    expect(verdict.valid).toBe(false)
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({ code: 'limit-exceeded', path: 'data/custody-log.jsonl' }),
    )
  })

  it('the command line gives a verdict (exit 1) for such a log, never a crash (exit 2 or 134)', () => {
    replaceLog(deeplyNestedEvent)
    const r = evidesk(['verify', pkg.path, '--trust', pkg.key.fingerprint, '--json'])
    expect(r.code).toBe(1)
    const verdict = JSON.parse(r.stdout) as { valid: boolean; problems: Array<{ code: string }> }
    expect(verdict.valid).toBe(false)
    expect(verdict.problems.map((p) => p.code)).toContain('limit-exceeded')
  })
})
