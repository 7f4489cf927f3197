import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { CaseFile } from '../../src/core/case/case-file'
import { AppData } from '../../src/core/profile/app-data'
import { listAnnotations } from '../../src/core/annotations/annotation-store'
import { iterateCustodyEvents, verifyChain } from '../../src/core/custody/custody-log'
import { transcriptView } from '../../src/core/evidence/kinds/transcript/view'
import { withdrawViolation } from '../../src/core/violations'
import type { Violation, ViolationLink } from '../../src/shared/violation-types'
import { makeBodycamMp4, makeTranscriptGb18030 } from '../support/media'
import { caseInitArgs, evidesk } from '../support/cli'
import { tempDir } from '../support/temp'

let tmp: ReturnType<typeof tempDir>
let env: Record<string, string>
let caseDir: string
const numbers: Record<string, string> = {}
const ACTOR = ['--actor', '王五:32010009']

beforeAll(async () => {
  tmp = tempDir()
  env = { EVIDESK_DATA_DIR: join(tmp.dir, 'app-data') }
  // commands that record custody events act as the saved officer (or --actor), never the OS user
  new AppData(env.EVIDESK_DATA_DIR).saveProfile({
    name: '张三',
    certNo: '32010001',
    unit: '南京市生态环境局',
  })
  caseDir = join(tmp.dir, 'case')
  const init = evidesk(caseInitArgs(caseDir), env)
  expect(init.code, init.stderr).toBe(0)
  const src = join(tmp.dir, 'src')
  mkdirSync(src)
  makeBodycamMp4(src, { durationSec: 3 })
  makeTranscriptGb18030(src)
  await sharp({ create: { width: 80, height: 60, channels: 3, background: '#405060' } })
    .jpeg()
    .toFile(join(src, 'outfall.jpg'))
  const imported = evidesk(['import', caseDir, src, '--json', ...ACTOR], env)
  expect(imported.code, imported.stderr).toBe(0)
  for (const line of imported.stdout.trim().split('\n')) {
    const r = JSON.parse(line) as { kind: string; number: string }
    numbers[r.kind] = r.number
  }
  expect(Object.keys(numbers).sort()).toEqual(['image', 'transcript', 'video'])
}, 300_000)
afterAll(() => tmp.cleanup())

describe('evidesk violation and link', () => {
  it('adds a violation, links a video range, a transcript quote, an image region and a whole item, and lists it back', () => {
    const add = evidesk(
      [
        'violation',
        'add',
        caseDir,
        '--title',
        '通过不正常运行防治污染设施逃避监管排放大气污染物',
        '--basis',
        'air-20-2',
        '--basis',
        'air-99-3',
        '--description',
        '脱硫塔循环泵停运期间继续生产',
        '--json',
        ...ACTOR,
      ],
      env,
    )
    expect(add.code, add.stderr).toBe(0)
    const v = JSON.parse(add.stdout) as Violation
    expect(v).toMatchObject({
      number: 'V1',
      basis: ['air-20-2', 'air-99-3'],
      facts: '脱硫塔循环泵停运期间继续生产',
      status: 'draft',
      createdBy: { name: '王五', certNo: '32010009' },
    })
    expect(typeof v.id).toBe('string')

    const range = evidesk(
      [
        'link',
        caseDir,
        'V1',
        numbers.video,
        '--start',
        '0.5',
        '--end',
        '2',
        '--note',
        '执法记录仪拍到旁路阀开启',
        '--json',
        ...ACTOR,
      ],
      env,
    )
    expect(range.code, range.stderr).toBe(0)
    const rangeLink = JSON.parse(range.stdout) as ViolationLink
    expect(rangeLink).toMatchObject({
      violationId: v.id,
      itemNumber: numbers.video,
      annotationType: 'time-range',
      anchor: { start: 0.5, end: 2 },
      note: '执法记录仪拍到旁路阀开启',
    })

    const quote = evidesk(
      [
        'link',
        caseDir,
        v.id,
        numbers.transcript,
        '--quote',
        '脱硫塔循环泵故障停运',
        '--note',
        '当事人承认',
        '--json',
      ],
      env,
    )
    expect(quote.code, quote.stderr).toBe(0)
    const quoteLink = JSON.parse(quote.stdout) as ViolationLink
    expect(quoteLink.annotationType).toBe('quote')

    const region = evidesk(['link', caseDir, 'v1', numbers.image, '--region', '10,5,30,20', '--json'], env)
    expect(region.code, region.stderr).toBe(0)
    expect(JSON.parse(region.stdout)).toMatchObject({
      annotationType: 'region',
      anchor: { x: 10, y: 5, w: 30, h: 20 },
      note: '',
    })

    const whole = evidesk(
      ['link', caseDir, 'V1', numbers.transcript, '--note', '询问笔录全文', '--json'],
      env,
    )
    expect(whole.code, whole.stderr).toBe(0)
    expect(JSON.parse(whole.stdout)).toMatchObject({ annotationId: null, anchor: null })

    const list = evidesk(['violation', 'list', caseDir, '--json'], env)
    expect(list.code, list.stderr).toBe(0)
    const [listed] = JSON.parse(list.stdout) as Violation[]
    expect(listed.links.map((l) => [l.itemNumber, l.annotationType])).toEqual([
      [numbers.video, 'time-range'],
      [numbers.transcript, 'quote'],
      [numbers.image, 'region'],
      [numbers.transcript, null],
    ])

    // What the files hold: the quote's offsets point at the very words in the transcript text,
    // each citation is an annotation of the officer, and the custody chain still verifies.
    const file = CaseFile.open(caseDir, { readOnly: true })
    try {
      const text = transcriptView(file.db, quoteLink.itemId).text
      const anchor = quoteLink.anchor as { start: number; end: number; text: string }
      expect(text.slice(anchor.start, anchor.end)).toBe('脱硫塔循环泵故障停运')
      expect(anchor.text).toBe('脱硫塔循环泵故障停运')
      const annotations = listAnnotations(file.db)
      expect(annotations.map((a) => a.type).sort()).toEqual(['quote', 'region', 'time-range'])
      const actions = [...iterateCustodyEvents(file.db)].map((e) => e.action)
      expect(actions.filter((a) => a === 'evidence-linked')).toHaveLength(4)
      expect(actions.filter((a) => a === 'annotation-added')).toHaveLength(3)
      expect(verifyChain(iterateCustodyEvents(file.db)).intact).toBe(true)
    } finally {
      file.close()
    }
  }, 400_000)

  it('refuses bad input with exit 2, a message naming the problem, and leaves no stray citation behind', () => {
    const countAnnotations = () => {
      const file = CaseFile.open(caseDir, { readOnly: true })
      try {
        return listAnnotations(file.db, { includeWithdrawn: true }).length
      } finally {
        file.close()
      }
    }
    const before = countAnnotations()

    const unknownBasis = evidesk(
      ['violation', 'add', caseDir, '--title', 't', '--basis', 'water-999', '--json'],
      env,
    )
    expect(unknownBasis.code).toBe(2)
    expect(JSON.parse(unknownBasis.stdout).error).toMatchObject({ code: 'invalid-input' })
    expect(unknownBasis.stderr).toContain('water-999')

    const transferred = evidesk(
      ['violation', 'add', caseDir, '--title', 't', '--status', 'transferred', '--json'],
      env,
    )
    expect(transferred.code).toBe(2)
    expect(JSON.parse(transferred.stdout).error.code).toBe('refused')

    const noTitle = evidesk(['violation', 'add', caseDir, '--basis', 'air-20-2'], env)
    expect(noTitle.code).toBe(2)
    expect(noTitle.stderr).toContain('--title')

    const missingItem = evidesk(['link', caseDir, 'V1', 'E099', '--json'], env)
    expect(missingItem.code).toBe(2)
    expect(JSON.parse(missingItem.stdout).error).toMatchObject({ code: 'not-found' })
    expect(missingItem.stderr).toContain('E099')

    const missingViolation = evidesk(
      ['link', caseDir, 'V9', numbers.video, '--start', '0', '--end', '1'],
      env,
    )
    expect(missingViolation.code).toBe(2)
    expect(missingViolation.stderr).toContain('V9')

    const notInText = evidesk(['link', caseDir, 'V1', numbers.transcript, '--quote', '从未说过的话'], env)
    expect(notInText.code).toBe(2)
    expect(notInText.stderr).toContain('从未说过的话')

    const pastEnd = evidesk(['link', caseDir, 'V1', numbers.video, '--start', '1', '--end', '60'], env)
    expect(pastEnd.code).toBe(2)
    expect(pastEnd.stderr).toMatch(/runs past its end/)

    const outside = evidesk(['link', caseDir, 'V1', numbers.image, '--region', '70,50,20,20'], env)
    expect(outside.code).toBe(2)
    expect(outside.stderr).toMatch(/outside .* 80×60/)

    const rangeOnImage = evidesk(['link', caseDir, 'V1', numbers.image, '--start', '0', '--end', '1'], env)
    expect(rangeOnImage.code).toBe(2)
    expect(rangeOnImage.stderr).toMatch(/time range needs a video/)

    const twoKinds = evidesk(
      ['link', caseDir, 'V1', numbers.image, '--region', '1,1,2,2', '--quote', 'x'],
      env,
    )
    expect(twoKinds.code).toBe(2)

    const duplicateWhole = evidesk(['link', caseDir, 'V1', numbers.transcript], env)
    expect(duplicateWhole.code).toBe(2)
    expect(duplicateWhole.stderr).toMatch(/already linked/)

    // A link refused after its citation was made (the violation was withdrawn): the citation is rolled back too.
    const v2 = evidesk(
      ['violation', 'add', caseDir, '--title', '重复立项', '--basis', 'env-42-4', '--json'],
      env,
    )
    expect(v2.code, v2.stderr).toBe(0)
    const writable = CaseFile.open(caseDir)
    try {
      withdrawViolation(writable, 'V2', '重复立项', { name: '张三', certNo: '32010001' }, () => new Date())
    } finally {
      writable.close()
    }
    const toWithdrawn = evidesk(['link', caseDir, 'V2', numbers.video, '--start', '0', '--end', '1'], env)
    expect(toWithdrawn.code).toBe(2)
    expect(toWithdrawn.stderr).toMatch(/V2 was withdrawn/)

    expect(countAnnotations()).toBe(before)
  }, 400_000)
})
