import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import sharp from 'sharp'
import { CaseFile } from '../../src/core/case/case-file'
import { checkCase } from '../../src/core/case/integrity'
import { objectPath } from '../../src/core/case/layout'
import { importPaths } from '../../src/core/evidence/import'
import { getItem, itemSources, queryItems } from '../../src/core/evidence/item-repository'
import { iterateCustodyEvents, verifyChain } from '../../src/core/custody/custody-log'
import { fixedClock, tempDir } from '../support/temp'
import { OFFICER_A, sampleCaseFields } from '../support/case-fixture'
import { EVIDESK_BIN } from '../support/cli'

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

let tmp: ReturnType<typeof tempDir>
let file: CaseFile
let src: string
beforeEach(() => {
  tmp = tempDir()
  file = CaseFile.create(join(tmp.dir, 'case'), sampleCaseFields(), OFFICER_A, fixedClock())
  src = join(tmp.dir, 'card')
  mkdirSync(src)
})
afterEach(() => {
  file.close()
  tmp.cleanup()
})

async function jpeg(path: string, width = 640, height = 480): Promise<void> {
  await sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 80 } } })
    .jpeg()
    .toFile(path)
}

const run = (paths: string[]) =>
  importPaths(file, paths, { actor: OFFICER_A, clock: fixedClock('2026-05-25T00:00:00Z') })

describe('import: originals', () => {
  it('stores each original byte-for-byte, read-only, numbered in walk order, each with a custody event', async () => {
    await jpeg(join(src, 'a.jpg'))
    writeFileSync(join(src, 'b 询问笔录.txt'), '问：你叫什么名字？\n答：王五。\n')
    mkdirSync(join(src, 'sub'))
    await jpeg(join(src, 'sub', 'c..photo.jpg'), 320, 240)
    const summary = await run([src])
    expect(summary.results.map((r) => [r.status, r.number])).toEqual([
      ['imported', 'E001'],
      ['imported', 'E002'],
      ['imported', 'E003'],
    ])
    for (const r of summary.results) {
      const obj = objectPath(file.dir, r.sha256!)
      expect(sha256(obj)).toBe(sha256(r.path))
      expect(statSync(obj).mode & 0o222).toBe(0) // no write bit for anyone
    }
    const items = queryItems(file.db).items
    expect(items.map((i) => i.originalName)).toEqual(['a.jpg', 'b 询问笔录.txt', 'c..photo.jpg'])
    expect(items[0]).toMatchObject({
      kind: 'image',
      mime: 'image/jpeg',
      width: 640,
      height: 480,
      importedBy: OFFICER_A,
    })
    const events = [...iterateCustodyEvents(file.db)].filter((e) => e.action === 'imported')
    // the log names each source from the chosen folder down, never the local folders above it
    expect(events.map((e) => e.details.path)).toEqual(
      summary.results.map((r) => `card/${relative(src, r.path)}`),
    )
    expect(items.map((i) => i.sourcePath)).toEqual([
      'card/a.jpg',
      'card/b 询问笔录.txt',
      'card/sub/c..photo.jpg',
    ])
    expect(events[0].details).toMatchObject({ sha256: summary.results[0].sha256, number: 'E001' })
    expect(verifyChain(iterateCustodyEvents(file.db)).intact).toBe(true)
    expect(readdirSync(file.layout.objectsTmp)).toEqual([])
  })

  it('records an identical file as a duplicate: a custody event naming the second path, and no second copy', async () => {
    await jpeg(join(src, 'DJI_0001.JPG'))
    mkdirSync(join(src, 'z-backup'))
    writeFileSync(join(src, 'z-backup', 'copy.JPG'), readFileSync(join(src, 'DJI_0001.JPG')))
    const summary = await run([src])
    expect(summary.results.map((r) => r.status)).toEqual(['imported', 'duplicate'])
    // the duplicate line carries the kind of the item it duplicates, not null
    expect(summary.results[1]).toMatchObject({
      number: 'E001',
      sha256: summary.results[0].sha256,
      kind: summary.results[0].kind,
    })
    expect(summary.results[1].kind).toBe('image')
    expect(queryItems(file.db).total).toBe(1)
    const item = getItem(file.db, 'E001')!
    expect(itemSources(file.db, item.id).map((s) => [s.path, s.duplicate])).toEqual([
      [join(src, 'DJI_0001.JPG'), false],
      [join(src, 'z-backup', 'copy.JPG'), true],
    ])
    const dup = [...iterateCustodyEvents(file.db)].find((e) => e.action === 'duplicate-seen')!
    expect(dup.details).toMatchObject({ path: 'card/z-backup/copy.JPG', sameAs: 'E001' })
    // importing the folder again adds no items
    expect((await run([src])).results.every((r) => r.status === 'duplicate')).toBe(true)
  })
})

describe('import: bad input, each with its own result while the batch goes on', () => {
  it('rejects a zero-byte file, keeps a mislabelled one, follows a link inside the source recording both paths', async () => {
    writeFileSync(join(src, 'empty.jpg'), '')
    writeFileSync(join(src, 'notes.mp4'), '这不是视频，只是一段文字说明。\n')
    // a link is followed only while it stays inside the chosen source (issue 11, item 2)
    mkdirSync(join(src, 'sub'))
    await jpeg(join(src, 'sub', 'elsewhere.jpg'))
    symlinkSync(join(src, 'sub', 'elsewhere.jpg'), join(src, 'link.jpg'))
    await jpeg(join(tmp.dir, 'outside.jpg'))
    symlinkSync(join(tmp.dir, 'outside.jpg'), join(src, 'out-link.jpg'))
    const summary = await run([src])
    const by = Object.fromEntries(summary.results.map((r) => [r.path.split('/').pop(), r]))
    expect(by['empty.jpg']).toMatchObject({
      status: 'rejected',
      error: { message: expect.stringMatching(/empty/) },
    })
    expect(by['notes.mp4'].status).toBe('imported')
    expect(by['notes.mp4'].kind).not.toBe('video')
    expect(by['notes.mp4'].warnings.map((w: { code: string }) => w.code)).toContain('extension-mismatch')
    // the link comes first in name order, so it is the item and the file itself its duplicate
    expect(by['link.jpg'].status).toBe('imported')
    expect(by['elsewhere.jpg'].status).toBe('duplicate')
    const linked = getItem(file.db, by['link.jpg'].id!)!
    expect(itemSources(file.db, linked.id)[0]).toMatchObject({
      path: join(src, 'link.jpg'),
      linkTarget: join(src, 'sub', 'elsewhere.jpg'),
    })
    expect(by['out-link.jpg']).toMatchObject({
      status: 'rejected',
      error: { code: 'refused', message: expect.stringMatching(/symbolic link, not imported/) },
    })
  })

  it('keeps a truncated JPEG with a warning', async () => {
    await jpeg(join(tmp.dir, 'full.jpg'), 1200, 900)
    const bytes = readFileSync(join(tmp.dir, 'full.jpg'))
    writeFileSync(join(src, 'cut.jpg'), bytes.subarray(0, Math.floor(bytes.length * 0.6)))
    const [r] = (await run([src])).results
    expect(r.status).toBe('imported')
    expect(r.warnings.map((w) => w.code)).toContain('truncated')
  })

  it('rejects an unreadable file with the OS error and imports the rest', async () => {
    await jpeg(join(src, 'ok.jpg'))
    writeFileSync(join(src, 'secret.jpg'), 'x'.repeat(100))
    chmodSync(join(src, 'secret.jpg'), 0)
    if (process.getuid?.() !== 0) {
      const summary = await run([src])
      expect(summary.results.find((r) => r.path.endsWith('secret.jpg'))).toMatchObject({
        status: 'rejected',
        error: { message: expect.stringMatching(/permission denied/) },
      })
      expect(summary.results.find((r) => r.path.endsWith('ok.jpg'))!.status).toBe('imported')
      return
    }
    // Root reads anything: run the real command line as an unprivileged user instead.
    file.close()
    execFileSync('chown', ['-R', 'nobody', join(tmp.dir, 'case')])
    chmodSync(tmp.dir, 0o755)
    const cli = spawnSync(
      'setpriv',
      [
        '--reuid=nobody',
        '--regid=nogroup',
        '--clear-groups',
        process.execPath,
        EVIDESK_BIN,
        'import',
        join(tmp.dir, 'case'),
        src,
        '--actor',
        '张三:32010001',
        '--json',
      ],
      {
        cwd: join(__dirname, '..', '..'),
        encoding: 'utf8',
        env: { ...process.env, HOME: tmp.dir, EVIDESK_DATA_DIR: join(tmp.dir, 'nobody-data') },
      },
    )
    file = CaseFile.open(join(tmp.dir, 'case'))
    expect(cli.stderr).not.toMatch(/Error: Cannot find module/)
    expect(cli.status).toBe(1)
    const lines = cli.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.find((l) => l.path.endsWith('secret.jpg'))).toMatchObject({
      status: 'rejected',
      error: { message: expect.stringMatching(/permission denied/) },
    })
    expect(lines.find((l) => l.path.endsWith('ok.jpg'))).toMatchObject({ status: 'imported' })
    expect(queryItems(file.db).items.map((i) => i.originalName)).toEqual(['ok.jpg'])
  })
})

describe('import: cancel and failure leave the case consistent', () => {
  it('cancel stops cleanly: nothing half-imported, chain intact, check passes', async () => {
    for (let i = 0; i < 12; i++) await jpeg(join(src, `IMG_${i}.jpg`), 800 + i, 600)
    const controller = new AbortController()
    let seen = 0
    const summary = await importPaths(file, [src], {
      actor: OFFICER_A,
      clock: fixedClock(),
      signal: controller.signal,
      concurrency: 2,
      onResult: () => {
        if (++seen === 3) controller.abort()
      },
    })
    expect(summary.cancelled).toBe(true)
    const items = queryItems(file.db).items
    expect(items.length).toBeGreaterThanOrEqual(3)
    expect(items.length).toBeLessThan(12)
    // every row has its object; no object without a row; no temp files
    const objects = readdirSync(file.layout.objects, { recursive: true }).filter(
      (p) => String(p).split('/').length === 3,
    )
    expect(objects.length).toBe(items.length)
    expect(readdirSync(file.layout.objectsTmp)).toEqual([])
    const check = await checkCase(file, OFFICER_A, fixedClock())
    expect(check.ok).toBe(true)
  })
})

describe('import: a file the database refuses', () => {
  it('is rejected alone: the other files of its batch keep their records, numbers and custody events', async () => {
    for (let i = 0; i < 6; i++) writeFileSync(join(src, `log-${i}.txt`), `监测记录 ${i}\n`)
    // A real refusal by SQLite for one row (as a constraint or an I/O error would refuse it),
    // on this connection only.
    file.db.exec(
      `CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON items WHEN NEW.original_name = 'log-3.txt'
       BEGIN SELECT RAISE(ABORT, 'refused for this test'); END`,
    )
    const summary = await run([src])
    expect(summary.results.map((r) => [r.path.split('/').pop(), r.status, r.number])).toEqual([
      ['log-0.txt', 'imported', 'E001'],
      ['log-1.txt', 'imported', 'E002'],
      ['log-2.txt', 'imported', 'E003'],
      ['log-3.txt', 'rejected', null],
      ['log-4.txt', 'imported', 'E004'],
      ['log-5.txt', 'imported', 'E005'],
    ])
    const refused = summary.results[3]
    expect(refused.error?.message).toMatch(
      /log-3\.txt could not be recorded in the case: the case database refused it \(SQLITE_CONSTRAINT_TRIGGER: refused for this test\)\. Its copy was removed\./,
    )
    expect(queryItems(file.db).items.map((i) => i.originalName)).toEqual([
      'log-0.txt',
      'log-1.txt',
      'log-2.txt',
      'log-4.txt',
      'log-5.txt',
    ])
    const imported = [...iterateCustodyEvents(file.db)].filter((e) => e.action === 'imported')
    expect(imported.map((e) => e.details.number)).toEqual(['E001', 'E002', 'E003', 'E004', 'E005'])
    expect(verifyChain(iterateCustodyEvents(file.db)).intact).toBe(true)
    // its copy was removed: every object has its row, and check passes
    file.db.exec('DROP TRIGGER refuse_one')
    const check = await checkCase(file, OFFICER_A, fixedClock())
    expect(check.ok).toBe(true)
    expect(readdirSync(file.layout.objectsTmp)).toEqual([])
  })
})

describe('import: a refused file whose bytes another file of the import also holds', () => {
  it('keeps the stored object for the other file: its record is never left without its original', async () => {
    // a.txt and d.txt hold the same bytes; a.txt (the first batch) is refused, d.txt (a later
    // batch) is recorded. Removing a.txt's copy must not remove the object d.txt is recorded with.
    writeFileSync(join(src, 'a.txt'), '同一份询问笔录\n')
    writeFileSync(join(src, 'b.txt'), 'b\n')
    writeFileSync(join(src, 'c.txt'), 'c\n')
    writeFileSync(join(src, 'd.txt'), '同一份询问笔录\n')
    file.db.exec(
      `CREATE TEMP TRIGGER refuse_a BEFORE INSERT ON items WHEN NEW.original_name = 'a.txt'
       BEGIN SELECT RAISE(ABORT, 'refused for this test'); END`,
    )
    const summary = await run([src])
    expect(summary.results.map((r) => [r.path.split('/').pop(), r.status])).toEqual([
      ['a.txt', 'rejected'],
      ['b.txt', 'imported'],
      ['c.txt', 'imported'],
      ['d.txt', 'imported'],
    ])
    const d = queryItems(file.db).items.find((i) => i.originalName === 'd.txt')!
    expect(sha256(objectPath(file.dir, d.sha256))).toBe(d.sha256)
    file.db.exec('DROP TRIGGER refuse_a')
    const check = await checkCase(file, OFFICER_A, fixedClock())
    expect(check.ok).toBe(true)
  })
})
