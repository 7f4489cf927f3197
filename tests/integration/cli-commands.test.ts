import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest'
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CaseFile } from '../../src/core/case/case-file'
import { checkCase } from '../../src/core/case/integrity'
import { listCustodyEvents } from '../../src/core/custody/custody-log'
import { buildTransferDocuments } from '../../src/core/documents'
import { AppData } from '../../src/core/profile/app-data'
import { findChromium } from '../../src/cli/chromium-pdf'
import type { CustodyEvent } from '../../src/shared/types'
import { OFFICER_A } from '../support/case-fixture'
import { evidesk } from '../support/cli'
import { makeBodycamMp4 } from '../support/media'
import { buildRealisticCase } from '../support/realistic-case'
import { fixedClock, tempDir } from '../support/temp'

// One realistic case (E001 video, E002 drone photo, E003 transcript, E004 CEMS; V1 confirmed)
// built once; each test works on its own copy.
let root: ReturnType<typeof tempDir>
let template: string
beforeAll(async () => {
  root = tempDir('evidesk-cli-commands-')
  const rc = await buildRealisticCase(root.dir, fixedClock())
  template = rc.file.dir
  rc.file.close()
}, 120_000)
afterAll(() => root.cleanup())

let tmp: ReturnType<typeof tempDir>
let env: Record<string, string>
let caseDir: string
function freshCase(): void {
  tmp = tempDir('evidesk-cli-cmd-')
  caseDir = join(tmp.dir, 'case')
  cpSync(template, caseDir, { recursive: true })
  env = { EVIDESK_DATA_DIR: join(tmp.dir, 'data') }
  new AppData(env.EVIDESK_DATA_DIR).saveProfile({ ...OFFICER_A, unit: '南京市生态环境局' })
}
afterEach(() => tmp?.cleanup())

function events(): CustodyEvent[] {
  const file = CaseFile.open(caseDir, { readOnly: true })
  try {
    return listCustodyEvents(file.db, 0, 10_000)
  } finally {
    file.close()
  }
}

describe('evidesk case edit', () => {
  it('changes the fields given, one custody event per field with the reason; refuses without a reason', () => {
    freshCase()
    const before = events().length
    const none = evidesk(['case', 'edit', caseDir, '--title', '新标题', '--json'], env)
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/--reason \(reason\): Required/)
    expect(events()).toHaveLength(before)

    const r = evidesk(
      [
        'case',
        'edit',
        caseDir,
        '--title',
        '某化工公司逃避监管排放案',
        '--cause',
        '逃避监管排放',
        '--reason',
        '核实案由',
        '--json',
      ],
      env,
    )
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ title: '某化工公司逃避监管排放案' })
    const added = events().slice(before)
    expect(added.map((e) => [e.action, e.details.field, e.details.to, e.details.reason])).toEqual([
      ['case-edited', 'title', '某化工公司逃避监管排放案', '核实案由'],
      ['case-edited', 'cause', '逃避监管排放', '核实案由'],
    ])
    expect(added[0].actor).toEqual(OFFICER_A)

    const bad = evidesk(
      ['case', 'edit', caseDir, '--credit-code', '91350100M000100Y4X', '--reason', '更正'],
      env,
    )
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--credit-code/)
  })
})

describe('evidesk violation edit, confirm and withdraw', () => {
  it('edits what is given, confirms, and withdraws only with a reason', () => {
    freshCase()
    const add = evidesk(
      ['violation', 'add', caseDir, '--title', '超标排放二氧化硫', '--basis', 'air-18', '--json'],
      env,
    )
    expect(add.code).toBe(0)
    expect(JSON.parse(add.stdout)).toMatchObject({ number: 'V2', status: 'draft' })

    const edit = evidesk(
      ['violation', 'edit', caseDir, 'V2', '--place', '1号排放口', '--basis', 'air-99-2', '--json'],
      env,
    )
    expect(edit.code).toBe(0)
    expect(JSON.parse(edit.stdout)).toMatchObject({
      title: '超标排放二氧化硫',
      place: '1号排放口',
      basis: ['air-99-2'],
    })
    expect(events().at(-1)).toMatchObject({
      action: 'violation-edited',
      details: { number: 'V2', changes: { place: { from: '', to: '1号排放口' } } },
    })

    const confirm = evidesk(['violation', 'confirm', caseDir, 'v2', '--json'], env)
    expect(JSON.parse(confirm.stdout)).toMatchObject({ number: 'V2', status: 'confirmed' })

    expect(evidesk(['violation', 'withdraw', caseDir, 'V2'], env).code).toBe(2)
    const withdraw = evidesk(['violation', 'withdraw', caseDir, 'V2', '--reason', '证据不足', '--json'], env)
    expect(withdraw.code).toBe(0)
    expect(JSON.parse(withdraw.stdout)).toMatchObject({ withdrawnReason: '证据不足' })
    expect(events().at(-1)).toMatchObject({
      action: 'violation-withdrawn',
      details: { number: 'V2', reason: '证据不足' },
    })
    // a withdrawn violation cannot be edited; an unknown one is named
    expect(evidesk(['violation', 'edit', caseDir, 'V2', '--title', 'x'], env).code).toBe(2)
    expect(evidesk(['violation', 'confirm', caseDir, 'V9'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/No violation V9/),
    })
  })
})

describe('evidesk annotate', () => {
  it('cites a region, a time range, a quote and a data range without a link, each a custody event', () => {
    freshCase()
    const region = evidesk(
      ['annotate', caseDir, 'E002', '--region', '100,50,60,40', '--note', '排口', '--json'],
      env,
    )
    expect(region.code).toBe(0)
    expect(JSON.parse(region.stdout)).toMatchObject({
      type: 'region',
      anchor: { x: 100, y: 50, w: 60, h: 40 },
      note: '排口',
    })
    const time = evidesk(['annotate', caseDir, 'E001', '--start', '0.4', '--end', '1.6', '--json'], env)
    expect(JSON.parse(time.stdout)).toMatchObject({ type: 'time-range', anchor: { start: 0.4, end: 1.6 } })
    const quote = evidesk(
      ['annotate', caseDir, 'E003', '--quote', '2点左右脱硫塔循环泵故障停运', '--json'],
      env,
    )
    expect(quote.code).toBe(0)
    expect(JSON.parse(quote.stdout)).toMatchObject({
      type: 'quote',
      anchor: { text: '2点左右脱硫塔循环泵故障停运' },
    })
    const data = evidesk(
      [
        'annotate',
        caseDir,
        'E004',
        '--pollutant',
        'SO2',
        '--basis',
        'measured',
        '--from',
        '2021-05-24T02:00:00+08:00',
        '--to',
        '2021-05-24T04:00:00+08:00',
        '--json',
      ],
      env,
    )
    expect(data.code).toBe(0)
    expect(JSON.parse(data.stdout)).toMatchObject({
      type: 'data-range',
      anchor: {
        pollutant: 'SO2',
        basis: 'measured',
        start: '2021-05-23T18:00:00.000Z',
        end: '2021-05-23T20:00:00.000Z',
      },
    })
    const cited = events()
      .filter((e) => e.action === 'annotation-added')
      .slice(-4)
    expect(cited.map((e) => e.details.type)).toEqual(['region', 'time-range', 'quote', 'data-range'])
    expect(events().filter((e) => e.action === 'evidence-linked')).toHaveLength(2) // only the fixture's

    const before = events().length
    expect(evidesk(['annotate', caseDir, 'E002'], env).code).toBe(2)
    expect(evidesk(['annotate', caseDir, 'E002', '--region', '1,2,3'], env).code).toBe(2)
    expect(
      evidesk(['annotate', caseDir, 'E004', '--pollutant', 'SO2', '--from', '2021-05-24 02:00'], env).code,
    ).toBe(2)
    expect(evidesk(['annotate', caseDir, 'E003', '--quote', '没有说过的话'], env).code).toBe(2)
    // --outlet names the outlet of a file with several; this file has one, unnamed: refused, naming what it has
    const outlet = evidesk(
      [
        'annotate',
        caseDir,
        'E004',
        '--pollutant',
        'SO2',
        '--outlet',
        '2号排放口',
        '--from',
        '2021-05-24T02:00:00+08:00',
        '--to',
        '2021-05-24T04:00:00+08:00',
      ],
      env,
    )
    expect(outlet.code).toBe(2)
    expect(outlet.stderr).toContain('2号排放口 SO2')
    expect(evidesk(['annotate', caseDir, 'E004', '--outlet', '1号', '--region', '1,2,3,4'], env).code).toBe(2)
    // --basis names the series: this file has SO2 实测 only, so 折算 is refused naming what it has; a typo is a usage error
    const range = [
      '--pollutant',
      'SO2',
      '--from',
      '2021-05-24T02:00:00+08:00',
      '--to',
      '2021-05-24T04:00:00+08:00',
    ]
    const converted = evidesk(['annotate', caseDir, 'E004', ...range, '--basis', 'converted'], env)
    expect(converted.code).toBe(2)
    expect(converted.stderr).toContain('measured')
    const typo = evidesk(['annotate', caseDir, 'E004', ...range, '--basis', 'zhesuan'], env)
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain('--basis zhesuan')
    expect(events()).toHaveLength(before)
  })

  it('links a data range to a violation with the same flags', () => {
    freshCase()
    const r = evidesk(
      [
        'link',
        caseDir,
        'V1',
        'E004',
        '--pollutant',
        'SO2',
        '--from',
        '2021-05-24T02:00:00+08:00',
        '--to',
        '2021-05-24T03:00:00+08:00',
        '--note',
        '超标时段',
        '--json',
      ],
      env,
    )
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      itemNumber: 'E004',
      annotationType: 'data-range',
      anchor: { pollutant: 'SO2', start: '2021-05-23T18:00:00.000Z', end: '2021-05-23T19:00:00.000Z' },
    })
  })
})

describe('evidesk documents', () => {
  it('writes the transfer documents as the package carries them, and PDFs (recorded) with --pdf', () => {
    freshCase()
    const out = join(tmp.dir, 'docs')
    const r = evidesk(['documents', caseDir, out, '--json'], env)
    expect(r.code).toBe(0)
    const written = JSON.parse(r.stdout) as Array<{ kind: string; html: string; pdf: string | null }>
    // the violation cites water-39 only, no transfer ground: no letters, receipt or approval form
    expect(written.map((d) => d.kind)).toEqual([
      'investigation-report',
      'evidence-list',
      'extraction-record',
      'electronic-data-list',
    ])
    expect(readdirSync(out).sort()).toEqual([
      '01_案件调查报告.html',
      '02_证据清单.html',
      '03_电子数据提取笔录.html',
      '04_电子数据清单.html',
    ])
    // the same generator as the app: the evidence list is the one core builds (its date line aside)
    const file = CaseFile.open(caseDir, { readOnly: true })
    const [core] = buildTransferDocuments(file, { now: new Date(), signer: null }).filter(
      (d) => d.kind === 'evidence-list',
    )
    file.close()
    const strip = (html: string) => html.replace(/\d{4}年\d{1,2}月\d{1,2}日/g, 'DATE')
    expect(strip(readFileSync(join(out, '02_证据清单.html'), 'utf8'))).toBe(strip(core.html))

    if (!findChromium()) return
    const before = events().length
    const pdf = evidesk(['documents', caseDir, out, '--pdf', '--json'], env)
    expect(pdf.code).toBe(0)
    for (const d of JSON.parse(pdf.stdout) as Array<{ pdf: string }>)
      expect(readFileSync(d.pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(
      events()
        .slice(before)
        .map((e) => e.action),
    ).toEqual(Array(4).fill('document-printed'))
  }, 180_000)
})

describe('evidesk custody and show', () => {
  it('prints the log in words in either language, times in the case zone with their offset', () => {
    freshCase()
    const zh = evidesk(['custody', caseDir, '--lang', 'zh-CN'], env)
    expect(zh.code).toBe(0)
    expect(zh.stdout).toBe('')
    const lines = zh.stderr.replace(/\n$/, '').split('\n')
    expect(lines).toHaveLength(events().length)
    expect(lines[0]).toMatch(
      /^ {3}1 {2}2026-05-24 09:00:01 \+08:00 {2}张三（32010001） {2}建立案件 {2}案件编号 /,
    )
    // the sentences the app's 监管链记录 screen shows (shared/custody-words): the link names its citation
    expect(zh.stderr).toMatch(
      /关联证据 {2}E002 区域 左上角 \(10, 5\)，宽 20 × 高 10 像素 → V1：航拍显示暗管位置/,
    )
    expect(zh.stderr).toMatch(/添加引用 {2}E002 区域 左上角 \(10, 5\)，宽 20 × 高 10 像素：暗管出水口/)
    // no raw action keys and no JSON in the words
    expect(zh.stderr).not.toMatch(/evidence-linked|annotation-added|[{}]/)
    const en = evidesk(['custody', caseDir, '--lang', 'en'], env)
    expect(en.stderr).toMatch(
      /Evidence linked {2}E002 Region top left \(10, 5\), 20 × 10 px → V1: 航拍显示暗管位置/,
    )

    const show = evidesk(['show', caseDir, 'E001', '--json'], env)
    expect(JSON.parse(show.stdout)).toMatchObject({
      number: 'E001',
      kind: 'video',
      custody: expect.any(Array),
    })
    expect(existsSync(caseDir)).toBe(true)
  })
})

describe('a cancelled integrity check', () => {
  it('says cancelled (not an unexpected error) and records nothing', async () => {
    freshCase()
    const file = CaseFile.open(caseDir)
    try {
      const before = listCustodyEvents(file.db, 0, 10_000).length
      const controller = new AbortController()
      const check = checkCase(file, OFFICER_A, fixedClock(), {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      })
      await expect(check).rejects.toMatchObject({ code: 'cancelled' })
      expect(listCustodyEvents(file.db, 0, 10_000)).toHaveLength(before)
    } finally {
      file.close()
    }
  })
})

describe('evidesk import in Chinese', () => {
  it('puts rejections and warnings into words, keeping core’s message only as the technical detail', () => {
    freshCase()
    const empty = join(tmp.dir, '空文件.txt')
    writeFileSync(empty, '')
    const clip = makeBodycamMp4(tmp.dir, { fileName: 'clip.mp4', creationTime: null })
    const r = evidesk(['import', caseDir, empty, clip, '--lang', 'zh-CN'], env)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/已拒收.*空文件\.txt — 文件为空（0 字节），没有可保存的内容。（技术详情：/)
    expect(r.stderr).toMatch(/已导入（有警告）.*clip\.mp4\n {7}⚠ 文件中没有拍摄时间，采用的是文件修改时间/)
    expect(r.stderr).toMatch(/已导入 1（其中 1 有警告），重复 0，拒收 1/)
  }, 60_000)
})

describe('one language at a time', () => {
  it('prints no Chinese in English help and no English sentence in Chinese help', () => {
    const en = evidesk(['--help', '--lang', 'en'])
    expect(en.stderr).not.toMatch(/[\u4e00-\u9fff]/)
    const zh = evidesk(['--help', '--lang', 'zh-CN'])
    // commands, options and placeholders stay as typed; no other English word of three letters or more
    const typed = new Set(
      'profile set show key export trust add list remove case init edit import check custody violation confirm withdraw link annotate decoding compare clock documents verify serve'.split(
        ' ',
      ),
    )
    const prose = zh.stderr.replace(/--?[a-z-]+|<[^>]*>|\[[^\]]*\]|evidesk|BagIt|JSON|IANA|zip|Ctrl\+C/gi, '')
    const words = (prose.match(/\b[A-Za-z]{3,}\b/g) ?? []).filter((w) => !typed.has(w))
    expect(words).toEqual([])
  })
})
