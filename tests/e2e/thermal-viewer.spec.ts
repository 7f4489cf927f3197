/**
 * The thermal viewer as an officer uses it: open a real FLIR image from the evidence library,
 * read a temperature under the pointer, place a spot on the hottest point and save it with a
 * note. The measurement must match the frame's maximum and be in the custody log.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Annotation, CustodyEvent, EvidenceItem, ThermalFrameInfo } from '../../src/shared/types'
import { OFFICER, caseFields, expect, shot, test, toastsGone, type Desk } from './support/desk'
import { openFromLibrary } from './support/open-item'

const MEDIA = '/work/shared/fixtures/media'

/** A case with copies of the named fixture files imported (the fixtures are only read). */
async function caseWith(desk: Desk, names: string[]): Promise<EvidenceItem[]> {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  const paths = names.map((n) => {
    const dest = join(desk.workDir, n)
    copyFileSync(join(MEDIA, n), dest)
    return dest
  })
  await desk.call('import:start', { paths })
  await desk.backend.idle()
  return (await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})).items
}

/** Evidence library → the item (row or tile) by its file name → details → its thermal viewer, loaded. */
async function openInLibrary(page: Page, fileName: string) {
  await openFromLibrary(page, fileName, 'open-thermal')
  const viewer = page.getByTestId('thermal-viewer-modal').getByTestId('thermal-viewer')
  await expect(viewer).toHaveAttribute('data-state', 'ready', { timeout: 30_000 })
  return viewer
}

/** The page position of raw thermal pixel (x, y): the centre of that pixel on the canvas. */
async function pixelPosition(page: Page, x: number, y: number) {
  const canvas = page.getByTestId('thermal-canvas')
  // notices and panels can still be laying out around the canvas: take its box once two reads agree
  let box = (await canvas.boundingBox())!
  await expect
    .poll(async () => {
      const now = (await canvas.boundingBox())!
      const same = JSON.stringify(now) === JSON.stringify(box)
      box = now
      return same
    })
    .toBe(true)
  const w = Number(await canvas.getAttribute('data-raw-width'))
  const h = Number(await canvas.getAttribute('data-raw-height'))
  return { x: box.x + ((x + 0.5) * box.width) / w, y: box.y + ((y + 0.5) * box.height) / h }
}

test('FLIR: read under the pointer, spot the hottest point, save it with a note', async ({ page, desk }) => {
  const [item] = await caseWith(desk, ['FLIR.jpg'])
  expect(item.kind).toBe('thermal')
  const maxC = (item.meta.thermal as { maxC: number }).maxC

  await desk.open()
  const viewer = await openInLibrary(page, 'FLIR.jpg')
  // the viewer made the frame files it reads; their facts agree with the import
  const info = await desk.call<ThermalFrameInfo>('thermal:frame', { itemId: item.id })
  expect(info.stats!.maxC).toBe(maxC)
  await expect(viewer.getByTestId('frame-max')).toHaveText(`${maxC.toFixed(1)} °C`)
  await expect(viewer.getByTestId('scale-max')).toHaveText(maxC.toFixed(1))
  await expect(viewer.getByTestId('thermal-dji-notice')).toHaveCount(0)

  // the reading follows the pointer
  const hot = info.stats!.max
  const at = await pixelPosition(page, hot.x, hot.y)
  await page.mouse.move(at.x, at.y)
  await expect(viewer.getByTestId('thermal-readout')).toHaveText(
    `像素 (${hot.x}, ${hot.y}) · ${maxC.toFixed(1)} °C`,
  )

  // a spot on the hottest pixel, with a note
  await viewer.getByTestId('tool-spot').click()
  await page.mouse.click(at.x, at.y)
  const form = viewer.getByTestId('measurement-form')
  await expect(form.getByTestId('pending-shape')).toHaveText(`点 (${hot.x}, ${hot.y})`)
  await form.getByLabel('说明（可选）').fill('杯中热水最高温度')
  await form.getByTestId('save-measurement').click()
  await expect(form).toBeHidden()
  const row = viewer.getByTestId('measurement-row')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('M1')
  await expect(row.getByTestId('measurement-values')).toHaveText(`读数 ${maxC.toFixed(1)} °C`)
  await expect(row).toContainText('杯中热水最高温度')

  // saved as an annotation with the frame's maximum, and recorded in the custody log
  const [saved] = await desk.call<Annotation[]>('annotation:list', { itemId: item.id })
  expect(saved).toMatchObject({
    type: 'measurement',
    anchor: { shape: { type: 'spot', x: hot.x, y: hot.y } },
  })
  expect((saved.data.stats as { maxC: number }).maxC).toBe(maxC)
  const { events } = await desk.call<{ events: CustodyEvent[] }>('custody:list', {})
  expect(events.some((e) => e.action === 'annotation-added' && e.details.annotationId === saved.id)).toBe(
    true,
  )

  // the camera's visible photo beside the thermal image
  await viewer.getByText('并排', { exact: true }).click()
  await expect(viewer.getByTestId('thermal-visible')).toBeVisible()
  await expect
    .poll(() =>
      viewer
        .getByTestId('thermal-visible')
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    )
    .toBe(480)

  const near = await pixelPosition(page, 150, 120)
  await page.mouse.move(near.x, near.y)
  await toastsGone(page) // the "saved" toast has gone
  await shot(page, 'thermal-viewer.png')
})

test('DJI: raw values with the SDK notice, and no parameters to change', async ({ page, desk }) => {
  await caseWith(desk, ['DJI_H20T.jpg'])
  await desk.open()
  const viewer = await openInLibrary(page, 'DJI_H20T.jpg')
  await expect(viewer.getByTestId('thermal-dji-notice')).toContainText(
    '相对值；绝对温度需要大疆 DJI Thermal SDK',
  )
  const canvas = page.getByTestId('thermal-canvas')
  const at = await pixelPosition(page, 320, 256)
  await page.mouse.move(at.x, at.y)
  await expect(viewer.getByTestId('thermal-readout')).toHaveText(/^像素 \(320, 256\) · \d+ 原始值$/)
  await viewer.getByTestId('tool-box').click()
  const from = await pixelPosition(page, 300, 200)
  const to = await pixelPosition(page, 360, 260)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(to.x, to.y, { steps: 4 })
  await page.mouse.up()
  const form = viewer.getByTestId('measurement-form')
  await expect(form.getByTestId('pending-shape')).toHaveText('框 (300, 200) 61×61')
  await expect(form).toContainText('大疆原始值不能套用发射率、距离等参数。')
  await expect(form.getByLabel('发射率')).toHaveCount(0)
  await form.getByTestId('save-measurement').click()
  await expect(viewer.getByTestId('measurement-row')).toContainText('相对值')
  await expect(viewer.getByTestId('measurement-values')).toContainText('原始值')
  await expect(canvas).toBeVisible()
  await page.mouse.move(at.x, at.y)
  await toastsGone(page)
  await shot(page, 'thermal-viewer-dji.png')
})
