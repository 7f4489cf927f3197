import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CaseFile } from '../../../src/core/case/case-file'
import { objectPath } from '../../../src/core/case/layout'
import { importPaths } from '../../../src/core/evidence/import'
import { OFFICER_A, sampleCaseFields } from '../../support/case-fixture'
import { fixedClock, tempDir } from '../../support/temp'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => (tmp = tempDir()))
afterEach(() => tmp.cleanup())

const mode = (p: string) => statSync(p).mode & 0o777

/** Every folder and file under `dir` with its permission bits, as "path 0700". */
function modes(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      const st = statSync(p)
      out.push(`${relative(dir, p)} ${(st.mode & 0o777).toString(8).padStart(4, '0')}`)
      if (st.isDirectory()) walk(p)
    }
  }
  walk(dir)
  return out
}

describe('a case is readable by its owner only (issue 11, item 17)', () => {
  it.skipIf(process.platform === 'win32')(
    'folders 0700, originals 0400, database and lock files 0600, whatever the umask',
    async () => {
      const previous = process.umask(0o022) // the usual umask, which gave 0755/0644 before
      try {
        const dir = join(tmp.dir, 'case')
        const file = CaseFile.create(dir, sampleCaseFields(), OFFICER_A, fixedClock())
        const src = join(tmp.dir, 'card')
        mkdirSync(src)
        writeFileSync(join(src, '询问笔录.txt'), '问：你叫什么名字？\n答：王五。\n')
        await sharp({ create: { width: 64, height: 48, channels: 3, background: '#386' } })
          .jpeg()
          .toFile(join(src, 'DJI_0001.JPG'))
        const { results } = await importPaths(file, [src], { actor: OFFICER_A, clock: fixedClock() })
        expect(results.map((r) => r.status)).toEqual(['imported', 'imported'])
        const sha = results[1].sha256 as string
        expect(mode(dir)).toBe(0o700)
        expect(mode(join(dir, 'case.sqlite'))).toBe(0o600)
        if (existsSync(join(dir, 'case.sqlite-wal'))) expect(mode(join(dir, 'case.sqlite-wal'))).toBe(0o600)
        expect(mode(join(dir, '.lock'))).toBe(0o600)
        expect(mode(objectPath(dir, sha))).toBe(0o400)
        const listing = modes(dir)
        expect(listing.some((l) => l.startsWith('derived/') && l.includes('thumb.jpg'))).toBe(true)
        // every folder, so nothing below the case (thumbnails included) is reachable by others
        for (const line of listing) {
          const [path, bits] = line.split(' ')
          if (statSync(join(dir, path)).isDirectory()) expect(bits, path).toBe('0700')
          else if (!path.startsWith('derived/')) expect(Number.parseInt(bits, 8) & 0o077, path).toBe(0)
        }
        file.close()
      } finally {
        process.umask(previous)
      }
    },
  )
})
