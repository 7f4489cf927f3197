/**
 * Audio recordings as an officer uses them: a phone's .amr (which Chromium cannot play) and an
 * .m4a are imported; the .amr plays through its background AAC proxy, labelled as a copy; 00:12–
 * 00:20 is cited with a note and linked to a violation; the case is exported as a signed ZIP and
 * a reviewer plays the cited range from the package (the .m4a by Range requests into the ZIP).
 * A second test pairs the .m4a with its interview record and quotes a line with the time it was said.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator } from '@playwright/test'
import type { Annotation, EvidenceItem } from '../../src/shared/types'
import type { Violation } from '../../src/shared/violation-types'
import { makeAudio } from '../support/audio-media'
import { makeTranscriptGb18030 } from '../support/media'
import { OFFICER, caseFields, chooseOption, expect, shot, test, toastsGone, type Desk } from './support/desk'
import { openFromLibrary } from './support/open-item'

const AMR = '录音 2021-05-24 09-30-15.amr'
const M4A = '20210524_100000.m4a'
const TRANSCRIPT = '询问笔录-赵六.txt'

async function caseWithRecordings(desk: Desk): Promise<EvidenceItem[]> {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  const src = join(desk.workDir, 'src')
  mkdirSync(src)
  const paths = [makeAudio(src, AMR, 30), makeAudio(src, M4A, 24), makeTranscriptGb18030(src, TRANSCRIPT)]
  await desk.call('import:start', { paths })
  // waits for background work too, the playback proxy included
  await desk.backend.idle()
  return (await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})).items
}

type Audio = { currentTime: number; paused: boolean; readyState: number; duration: number }
const audioState = (viewer: Locator) =>
  viewer.getByTestId('audio-element').evaluate((el) => {
    const a = el as HTMLAudioElement
    return {
      currentTime: a.currentTime,
      paused: a.paused,
      readyState: a.readyState,
      duration: a.duration,
    } as Audio
  })

async function goTo(viewer: Locator, time: string): Promise<void> {
  const box = viewer.getByLabel('跳转到')
  await box.fill(time)
  await box.press('Enter')
}

/** Selects `phrase` inside the n-th answer as a user would with the mouse, then releases the button. */
async function selectInAnswer(scope: Locator, answerIndex: number, phrase: string) {
  await scope
    .getByTestId('transcript-answer')
    .nth(answerIndex)
    .evaluate((el, phrase) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(phrase)
        if (i === -1) continue
        const range = document.createRange()
        range.setStart(n, i)
        range.setEnd(n, i + phrase.length)
        window.getSelection()!.removeAllRanges()
        window.getSelection()!.addRange(range)
        el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
        return
      }
      throw new Error(`"${phrase}" is not in the answer`)
    }, phrase)
}

test('an .amr plays through its proxy, 00:12–00:20 is cited, linked, exported and played in review', async ({
  page,
  desk,
}) => {
  test.setTimeout(180_000)
  const items = await caseWithRecordings(desk)
  const amr = items.find((i) => i.originalName === AMR)!
  const m4a = items.find((i) => i.originalName === M4A)!
  expect([amr.kind, m4a.kind]).toEqual(['audio', 'audio'])
  expect(amr.derived).toMatchObject({ proxy: 'ready', waveform: 'ready', thumb: 'ready' })
  expect(m4a.derived.proxy).toBeUndefined()
  const violation = await desk.call<Violation>('violation:save', {
    title: '通过篡改监测数据逃避监管排放大气污染物',
    facts: '脱硫塔循环泵停运期间二氧化硫超标排放',
    occurredFrom: null,
    occurredTo: null,
    place: '1号排放口',
    basis: ['water-39'],
    status: 'draft',
  })

  const requested: string[] = []
  page.on('request', (r) => {
    if (r.url().includes(`/media/${amr.id}/`)) requested.push(new URL(r.url()).pathname.split('/').pop()!)
  })
  await desk.open()
  await openFromLibrary(page, AMR)
  const viewer = page.getByTestId('audio-viewer')
  await expect(viewer).toHaveAttribute('data-source', 'proxy')
  await expect(viewer.getByTestId('audio-source-label')).toHaveText('转码副本（AAC），非原始证据')
  await expect(viewer.getByTestId('proxy-note')).toContainText('原始文件未改动')
  await viewer.getByTestId('proxy-command-toggle').click()
  await expect(viewer.getByTestId('proxy-command')).toContainText(
    '-c:a aac -b:a 96k -movflags +faststart -f mp4 proxy.m4a',
  )
  await expect(viewer.getByTestId('audio-waveform')).not.toHaveAttribute('data-peaks', '0')
  await expect(viewer.getByTestId('absolute-time')).toHaveText('2021-05-24 09:30:15 +08:00（文件名时间）')

  // play the proxy: time moves
  await expect.poll(async () => (await audioState(viewer)).readyState).toBeGreaterThanOrEqual(1)
  await viewer.getByTestId('audio-play').click()
  await expect.poll(async () => (await audioState(viewer)).currentTime).toBeGreaterThan(0.3)
  await viewer.getByTestId('audio-play').click()
  await expect.poll(async () => (await audioState(viewer)).paused).toBe(true)
  expect(requested).toContain('proxy')
  expect(requested).not.toContain('original')

  // speed 0.5×–2×
  await chooseOption(page, page.getByTestId('audio-speed'), '2×')
  await expect
    .poll(() => viewer.getByTestId('audio-element').evaluate((a: HTMLAudioElement) => a.playbackRate))
    .toBe(2)

  // a click on the waveform seeks there
  const strip = viewer.getByTestId('audio-waveform')
  const box = (await strip.boundingBox())!
  await strip.click({ position: { x: box.width * 0.5, y: box.height / 2 } })
  await expect.poll(async () => (await audioState(viewer)).currentTime).toBeGreaterThan(13)

  // cite 00:12–00:20
  await goTo(viewer, '00:00:12')
  await expect(viewer.getByTestId('media-time')).toHaveText('00:00:12.000')
  await expect(viewer.getByTestId('absolute-time')).toHaveText('2021-05-24 09:30:27 +08:00（文件名时间）')
  await viewer.getByTestId('mark-in').click()
  await goTo(viewer, '20')
  await viewer.getByTestId('mark-out').click()
  await expect(viewer.getByTestId('marks')).toHaveText('起点 00:00:12.000 · 终点 00:00:20.000')
  await viewer.getByLabel('说明（可选）').fill('当事人承认循环泵停运')
  await viewer.getByTestId('save-range').click()
  const row = viewer.getByTestId('range-row')
  await expect(row).toHaveCount(1)
  await expect(row.getByTestId('range-times')).toHaveText('00:00:12.000 – 00:00:20.000')
  const [range] = await desk.call<Annotation[]>('annotation:list', { itemId: amr.id })
  expect(range).toMatchObject({
    type: 'time-range',
    anchor: { start: 12, end: 20 },
    note: '当事人承认循环泵停运',
  })

  // link it to the violation from the citation row
  await row.getByTestId('link-to-violation').click()
  const linkModal = page.getByTestId('link-violation-modal')
  await chooseOption(page, page.getByTestId('link-violation-select'), '通过篡改监测数据')
  await linkModal.getByLabel('证明内容').fill('录音证实循环泵停运')
  await page.getByTestId('link-violation-submit').click()
  await expect(linkModal).toBeHidden()
  const [linked] = await desk.call<Violation[]>('violation:list')
  expect(linked.links).toEqual([expect.objectContaining({ itemId: amr.id, annotationId: range.id })])
  await page.mouse.move(5, 5)
  await toastsGone(page)
  await shot(page, 'audio-viewer.png')
  await page.keyboard.press('Escape')

  // the violations screen puts the citation in words, as an audio excerpt
  await page.getByTestId('side-nav').getByText('违法事实', { exact: true }).click()
  await expect(page.getByTestId('link-row').getByTestId('link-type')).toHaveText('录音片段')
  expect(violation.id).toBe(linked.id)

  // export a signed ZIP, then review it
  const out = join(desk.workDir, 'out')
  mkdirSync(out)
  await desk.call('export:start', { target: join(out, '证据包.zip') })
  await desk.backend.idle()
  await desk.call('case:close')
  await desk.call('profile:save', { name: '王审查', certNo: '35019900001', unit: '福州市公安局' })
  const zipStatuses: number[] = []
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.endsWith(`/media/${m4a.id}/original`)) zipStatuses.push(r.status())
  })
  await page.reload()
  await page.getByTestId('open-package').click()
  const folder = page.getByRole('textbox', { name: '文件夹路径' })
  await folder.fill(out)
  await folder.press('Enter')
  await page.getByTestId('package-entry-证据包.zip').click()
  await expect(page.getByTestId('review-verdict')).toHaveText('验证通过', { timeout: 90_000 })
  // the signing key is not trusted on this machine: the reviewer acknowledges it before reading the case
  await page.getByRole('checkbox', { name: /我已知悉/ }).check()
  await page.getByTestId('review-show-case').click()

  // the cited range plays in review, through a proxy made from the package
  await openFromLibrary(page, AMR)
  const review = page.getByTestId('audio-viewer')
  await expect(review).toHaveAttribute('data-source', 'proxy')
  await expect(review.getByTestId('mark-in')).toHaveCount(0)
  await expect(review.getByTestId('range-row')).toHaveCount(1)
  await expect.poll(async () => (await audioState(review)).readyState).toBeGreaterThanOrEqual(1)
  await review.getByTestId('range-row').getByText('T1').click()
  await expect(review.getByTestId('media-time')).toHaveText('00:00:12.000')
  await review.getByTestId('audio-play').click()
  await expect.poll(async () => (await audioState(review)).currentTime).toBeGreaterThan(12.3)
  await review.getByTestId('audio-play').click()
  expect((await audioState(review)).currentTime).toBeLessThan(20)
  await page.keyboard.press('Escape')

  // the .m4a plays as it is, straight from the ZIP by Range requests
  await openFromLibrary(page, M4A)
  const original = page.getByTestId('audio-viewer')
  await expect(original).toHaveAttribute('data-source', 'original')
  await expect.poll(async () => (await audioState(original)).duration).toBeGreaterThan(23)
  expect(zipStatuses).toContain(206)
})

test('a recording paired with its interview record: side by side, a quote carries the time it was said', async ({
  page,
  desk,
}) => {
  const items = await caseWithRecordings(desk)
  const m4a = items.find((i) => i.originalName === M4A)!
  const transcript = items.find((i) => i.originalName === TRANSCRIPT)!
  await desk.open()
  await openFromLibrary(page, M4A)
  const viewer = page.getByTestId('audio-viewer')
  await expect(viewer).toHaveAttribute('data-source', 'original')
  const panel = viewer.getByTestId('pair-panel')
  await expect(panel).toContainText('尚未与询问笔录配对')
  await chooseOption(page, page.getByTestId('pair-choose'), TRANSCRIPT)
  await panel.getByTestId('pair-add').click()
  await expect(panel.getByTestId('pair-row')).toContainText(`已与 ${transcript.number} 配对`)
  const side = viewer.getByTestId('paired-transcript')
  await expect(side).toContainText('循环泵故障停运')

  // the line is said 7.5 s into the recording: quote it there
  await expect.poll(async () => (await audioState(viewer)).readyState).toBeGreaterThanOrEqual(1)
  await goTo(viewer, '7.5')
  await expect(viewer.getByTestId('media-time')).toHaveText('00:00:07.500')
  await selectInAnswer(side, 1, '2点左右脱硫塔循环泵故障停运')
  await expect(side.getByTestId('pending-said-at')).toHaveText('录音中的时间：00:00:07.500')
  await side.getByTestId('save-quote').click()
  await expect(side.getByTestId('said-at-row')).toHaveCount(1)
  const quotes = await desk.call<Annotation[]>('annotation:list', { itemId: transcript.id })
  expect(quotes).toEqual([
    expect.objectContaining({
      type: 'quote',
      anchor: expect.objectContaining({ saidAt: { itemId: m4a.id, start: 7.5 } }),
    }),
  ])
  const custody = await desk.call<{ events: Array<{ action: string }> }>('custody:list', {})
  expect(custody.events.map((e) => e.action)).toContain('recording-paired')

  // a click on the quote plays from where it was said
  await goTo(viewer, '0')
  await side.getByTestId('said-at-row').click()
  await expect(viewer.getByTestId('media-time')).toHaveText('00:00:07.500')
  await page.mouse.move(5, 5)
  await toastsGone(page)
  await shot(page, 'audio-transcript-pair.png')
})
