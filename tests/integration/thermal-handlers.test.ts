/**
 * The thermal channels on a real case: the real Backend, a case made with case:create, and
 * copies of the fixture cameras' files imported with import:start (the fixtures themselves are
 * only read). What an officer relies on is checked: the frame file matches what the import
 * recorded, a measurement on the hottest pixel gives the frame's maximum, overrides change only
 * the measurement, and every measurement leaves a custody event.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../src/core/api/backend'
import { objectPath } from '../../src/core/case/layout'
import type { ApiError } from '../../src/shared/errors'
import type { Annotation, CustodyEvent, EvidenceItem, ThermalFrameInfo } from '../../src/shared/types'
import { backendWithCase, type BackendWithCase } from '../support/backend-case'
import { OFFICER_A } from '../support/case-fixture'
import { tempDir } from '../support/temp'

const MEDIA = '/work/shared/fixtures/media'
const FILES = ['FLIR_E40.jpg', 'DJI_H20T.jpg', 'FLIR_B60.jpg', 'FLIR.jpg'] as const

let tmp: ReturnType<typeof tempDir>
let backend: Backend
let caseDir: string
let call: BackendWithCase['call']
const items = new Map<string, EvidenceItem>()

async function refused(channel: string, input: unknown): Promise<ApiError> {
  const r = await backend.dispatch(channel, input)
  if (r.ok) throw new Error(`${channel} was expected to fail but returned ${JSON.stringify(r.value)}`)
  return r.error
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')
const item = (name: string): EvidenceItem => items.get(name)!

function readF32(path: string): Float32Array {
  const b = readFileSync(path)
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  const out = new Float32Array(b.byteLength / 4)
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true)
  return out
}

async function thermalPath(itemId: string): Promise<string> {
  const f = await backend.mediaFile(itemId, 'thermal')
  if (!f) throw new Error(`no thermal media for ${itemId}`)
  return f.path
}

beforeAll(async () => {
  tmp = tempDir('evidesk-thermal-')
  ;({ backend, caseDir, call } = await backendWithCase(tmp.dir))
  const paths = FILES.map((name) => {
    const dest = join(tmp.dir, name)
    copyFileSync(join(MEDIA, name), dest)
    return dest
  })
  // a plain photo, and a FLIR file cut short inside its thermal data (made from a copy)
  const photo = join(tmp.dir, 'photo.jpg')
  await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } })
    .jpeg()
    .toFile(photo)
  const cut = join(tmp.dir, 'FLIR_E40_cut.jpg')
  writeFileSync(cut, readFileSync(join(MEDIA, 'FLIR_E40.jpg')).subarray(0, 30_000))
  await call('import:start', { paths: [...paths, photo, cut] })
  await backend.idle()
  const list = await call<{ items: EvidenceItem[] }>('evidence:list', {})
  for (const i of list.items) items.set(i.originalName, i)
  expect([...items.keys()].sort()).toEqual([...FILES, 'photo.jpg', 'FLIR_E40_cut.jpg'].sort())
})

afterAll(async () => {
  await backend.dispose()
  tmp.cleanup()
})

describe('thermal:frame', () => {
  it('FLIR E40: °C frame file whose size and min/max agree with what the import recorded', async () => {
    const e40 = item('FLIR_E40.jpg')
    const thermal = e40.meta.thermal as Record<string, number | string>
    // the import's meta.thermal carries what the library and the export show
    expect(thermal).toMatchObject({ format: 'flir', rawWidth: 160, rawHeight: 120 })
    for (const k of ['minC', 'maxC', 'meanC', 'emissivity']) expect(typeof thermal[k]).toBe('number')

    const info = await call<ThermalFrameInfo>('thermal:frame', { itemId: e40.id })
    expect(info).toMatchObject({
      itemId: e40.id,
      format: 'flir',
      width: 160,
      height: 120,
      relativeOnly: false,
    })
    expect(info.visible).toBeNull() // the E40 embeds no visible photo
    expect(info.params!.emissivity).toBe(thermal.emissivity)
    for (const k of ['objectDistance', 'reflectedTempC', 'atmosphericTempC', 'relativeHumidity', 'planckR1'])
      expect(typeof info.params![k]).toBe('number')
    expect(info.stats!.minC).toBe(thermal.minC)
    expect(info.stats!.maxC).toBe(thermal.maxC)
    expect(info.stats!.meanC).toBeCloseTo(thermal.meanC as number, 6)

    const path = await thermalPath(e40.id)
    expect(path).toBe(join(caseDir, 'derived', e40.sha256, 'thermal.f32'))
    expect(statSync(path).size).toBe(160 * 120 * 4)
    const values = readF32(path)
    let min = Infinity
    let max = -Infinity
    for (const v of values) {
      min = Math.min(min, v)
      max = Math.max(max, v)
    }
    expect(min).toBe(thermal.minC)
    expect(max).toBe(thermal.maxC)
    expect(values[info.stats!.max.y * 160 + info.stats!.max.x]).toBe(max)

    const got = await call<{ item: EvidenceItem }>('evidence:get', { id: e40.id })
    expect(got.item.derived.thermal).toBe('ready')
    expect((await backend.mediaFile(e40.id, 'thermal'))!.mime).toBe('application/octet-stream')
  })

  it('is made once: a second call leaves the frame file as it is', async () => {
    const e40 = item('FLIR_E40.jpg')
    await call('thermal:frame', { itemId: e40.id })
    const before = statSync(await thermalPath(e40.id))
    const again = await call<ThermalFrameInfo>('thermal:frame', { itemId: e40.id })
    const after = statSync(await thermalPath(e40.id))
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs])
    expect(again.stats).not.toBeNull()
  })

  it('DJI H20T: raw counts, marked relative only, with the parameters the file records', async () => {
    const h20t = item('DJI_H20T.jpg')
    const info = await call<ThermalFrameInfo>('thermal:frame', { itemId: h20t.id })
    expect(info).toMatchObject({ format: 'dji', width: 640, height: 512, relativeOnly: true, visible: null })
    expect(info.params).toMatchObject({ emissivity: 1, objectDistance: 5, reflectedTempC: 23 })
    // counts are whole numbers, far above any plausible temperature in °C
    expect(Number.isInteger(info.stats!.minC)).toBe(true)
    expect(Number.isInteger(info.stats!.maxC)).toBe(true)
    expect(statSync(await thermalPath(h20t.id)).size).toBe(640 * 512 * 4)
    const values = readF32(await thermalPath(h20t.id))
    expect(values.reduce((m, v) => Math.max(m, v), -Infinity)).toBe(info.stats!.maxC)
  })

  it('makes visible.jpg from the embedded photo: a JPEG kept as is, a YCbCr PNG converted', async () => {
    const flir = item('FLIR.jpg')
    const info = await call<ThermalFrameInfo>('thermal:frame', { itemId: flir.id })
    expect(info.visible).toEqual({ width: 480, height: 640 })
    const visible = (await backend.mediaFile(flir.id, 'visible'))!
    expect(visible.mime).toBe('image/jpeg')
    expect(visible.path).toBe(join(caseDir, 'derived', flir.sha256, 'visible.jpg'))
    // the camera's own JPEG, kept byte for byte: exactly as long as the EmbeddedImage exiftool reports
    const jpeg = readFileSync(visible.path)
    expect(jpeg.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true)
    expect(jpeg.length).toBe(23497)

    const b60 = item('FLIR_B60.jpg')
    const b = await call<ThermalFrameInfo>('thermal:frame', { itemId: b60.id })
    expect(b.visible).toEqual({ width: 480, height: 480 })
    const { data, info: px } = await sharp((await backend.mediaFile(b60.id, 'visible'))!.path)
      .raw()
      .toBuffer({ resolveWithObject: true })
    expect([px.width, px.height, px.channels]).toEqual([480, 480, 3])
    // Unconverted YCbCr shows as a red-and-grey picture (Cb, Cr ≈ 128 in G and B); converted
    // RGB has green and blue that follow the brightness instead.
    let g = 0
    let bl = 0
    for (let i = 0; i < data.length; i += 3) {
      g += data[i + 1]
      bl += data[i + 2]
    }
    const n = data.length / 3
    expect(Math.abs(g / n - 128) + Math.abs(bl / n - 128)).toBeGreaterThan(5)
  })

  it('a damaged thermal file gives an answer with warnings, never a crash', async () => {
    const cut = item('FLIR_E40_cut.jpg')
    expect(cut.kind).toBe('thermal')
    const info = await call<ThermalFrameInfo>('thermal:frame', { itemId: cut.id })
    expect(info.format).toBe('flir')
    expect(info.stats).toBeNull()
    expect(info.warnings.length).toBeGreaterThan(0)
    expect(info.warnings.map((w) => w.code)).toContain('thermal-frame-unavailable')
    expect(await backend.mediaFile(cut.id, 'thermal')).toBeNull()
    const err = await refused('thermal:measure', { itemId: cut.id, shape: { type: 'spot', x: 1, y: 1 } })
    expect(err.code).toBe('not-supported')
  })

  it('refuses an item that is not a thermal image, and an unknown item', async () => {
    const photo = item('photo.jpg')
    const err = await refused('thermal:frame', { itemId: photo.id })
    expect(err.code).toBe('invalid-input')
    expect(err.message).toMatch(/not a thermal image/)
    expect((await refused('thermal:frame', { itemId: 'no-such-item' })).code).toBe('not-found')
    const m = await refused('thermal:measure', { itemId: photo.id, shape: { type: 'spot', x: 1, y: 1 } })
    expect(m.code).toBe('invalid-input')
  })
})

describe('thermal:measure', () => {
  it('a spot on the hottest pixel reads the frame maximum, saved with its parameters and a custody event', async () => {
    const e40 = item('FLIR_E40.jpg')
    const info = await call<ThermalFrameInfo>('thermal:frame', { itemId: e40.id })
    const { x, y } = info.stats!.max
    const a = await call<Annotation>('thermal:measure', {
      itemId: e40.id,
      shape: { type: 'spot', x, y },
      note: '排气筒出口最高温度',
    })
    expect(a).toMatchObject({
      itemId: e40.id,
      type: 'measurement',
      anchor: { shape: { type: 'spot', x, y } },
      note: '排气筒出口最高温度',
      author: OFFICER_A,
    })
    const data = a.data as Record<string, unknown> & { stats: { maxC: number; minC: number; meanC: number } }
    expect(data.stats.maxC).toBe(info.stats!.maxC)
    expect(data.stats.minC).toBe(info.stats!.maxC)
    expect(data).toMatchObject({
      unit: '°C',
      relativeOnly: false,
      format: 'flir',
      overrides: null,
      pixelCount: 1,
    })
    expect(data.paramsUsed).toMatchObject({ emissivity: info.params!.emissivity })
    expect(data.sha256).toBe(e40.sha256)

    const { events } = await call<{ events: CustodyEvent[] }>('custody:list', { offset: 0, limit: 1000 })
    const event = events.find((e) => e.action === 'annotation-added' && e.details.annotationId === a.id)
    expect(event).toMatchObject({ itemId: e40.id, actor: OFFICER_A })
    expect((event!.details.data as { stats: { maxC: number } }).stats.maxC).toBe(info.stats!.maxC)

    const listed = await call<Annotation[]>('annotation:list', { itemId: e40.id })
    expect(listed.find((l) => l.id === a.id)).toEqual(a)
  })

  it('a box over the whole frame gives the frame statistics; a line gives the pixels it crosses', async () => {
    const e40 = item('FLIR_E40.jpg')
    const info = await call<ThermalFrameInfo>('thermal:frame', { itemId: e40.id })
    const box = await call<Annotation>('thermal:measure', {
      itemId: e40.id,
      shape: { type: 'box', x: 0, y: 0, w: 160, h: 120 },
    })
    expect((box.data as { stats: unknown }).stats).toEqual(info.stats)
    expect(box.data.pixelCount).toBe(160 * 120)
    const line = await call<Annotation>('thermal:measure', {
      itemId: e40.id,
      shape: { type: 'line', x1: 0, y1: 60, x2: 159, y2: 60 },
    })
    expect(line.data.pixelCount).toBe(160)
  })

  it('an emissivity override changes the reading and is recorded; the frame file and the original stay as they were', async () => {
    const e40 = item('FLIR_E40.jpg')
    const info = await call<ThermalFrameInfo>('thermal:frame', { itemId: e40.id })
    const frameHash = sha256(await thermalPath(e40.id))
    const originalHash = sha256(objectPath(caseDir, e40.sha256))
    expect(originalHash).toBe(e40.sha256)
    const shape = { type: 'box' as const, x: 10, y: 10, w: 40, h: 30 }
    const plain = await call<Annotation>('thermal:measure', { itemId: e40.id, shape })
    const lower = await call<Annotation>('thermal:measure', {
      itemId: e40.id,
      shape,
      overrides: { emissivity: 0.6 },
      note: 'ε=0.6（锈蚀钢板）',
    })
    const p = plain.data as { stats: { maxC: number; meanC: number } }
    const l = lower.data as {
      stats: { maxC: number; meanC: number }
      overrides: unknown
      overridden: string[]
      paramsUsed: Record<string, number>
    }
    expect(info.params!.emissivity).not.toBe(0.6)
    expect(l.stats.meanC).not.toBeCloseTo(p.stats.meanC, 1)
    expect(l.overrides).toEqual({ emissivity: 0.6 })
    expect(l.overridden).toEqual(['emissivity'])
    expect(l.paramsUsed.emissivity).toBe(0.6)
    // everything else as the file says
    expect(l.paramsUsed.objectDistance).toBe(info.params!.objectDistance)
    expect(l.paramsUsed.reflectedTempC).toBe(info.params!.reflectedTempC)

    expect(sha256(await thermalPath(e40.id))).toBe(frameHash)
    expect(sha256(objectPath(caseDir, e40.sha256))).toBe(originalHash)
    const again = await call<ThermalFrameInfo>('thermal:frame', { itemId: e40.id })
    expect(again.stats).toEqual(info.stats)
    expect(again.params).toEqual(info.params)
  })

  it('distance and reflected temperature overrides are applied too', async () => {
    const e40 = item('FLIR_E40.jpg')
    const shape = { type: 'spot' as const, x: 80, y: 60, r: 2 }
    const plain = await call<Annotation>('thermal:measure', { itemId: e40.id, shape })
    const other = await call<Annotation>('thermal:measure', {
      itemId: e40.id,
      shape,
      overrides: { objectDistance: 30, reflectedTempC: 60 },
    })
    expect((other.data as { overridden: string[] }).overridden).toEqual(['objectDistance', 'reflectedTempC'])
    expect((other.data.stats as { meanC: number }).meanC).not.toBe(
      (plain.data.stats as { meanC: number }).meanC,
    )
    expect(plain.data.pixelCount).toBe(13) // a disc of radius 2
  })

  it('refuses shapes outside the frame, naming the problem, and saves nothing', async () => {
    const e40 = item('FLIR_E40.jpg')
    const before = (await call<Annotation[]>('annotation:list', { itemId: e40.id })).length
    const cases = [
      { type: 'spot', x: 160, y: 10 },
      { type: 'spot', x: 10, y: 120 },
      { type: 'box', x: 150, y: 10, w: 20, h: 10 },
      { type: 'box', x: 10, y: 10, w: 0, h: 10 },
      { type: 'line', x1: 0, y1: 0, x2: 200, y2: 50 },
    ]
    for (const shape of cases) {
      const err = await refused('thermal:measure', { itemId: e40.id, shape })
      expect(err.code, JSON.stringify(shape)).toBe('invalid-input')
      expect(err.message).toMatch(/160×120|pixel/)
      expect(err.fields?.[0]?.path).toBe('shape')
    }
    // the schema refuses negative coordinates before any handler runs
    expect(
      (await refused('thermal:measure', { itemId: e40.id, shape: { type: 'spot', x: -1, y: 0 } })).code,
    ).toBe('invalid-input')
    expect((await call<Annotation[]>('annotation:list', { itemId: e40.id })).length).toBe(before)
  })

  it('DJI: raw counts labelled relative only; overrides are refused with the reason', async () => {
    const h20t = item('DJI_H20T.jpg')
    const info = await call<ThermalFrameInfo>('thermal:frame', { itemId: h20t.id })
    const a = await call<Annotation>('thermal:measure', {
      itemId: h20t.id,
      shape: { type: 'spot', x: info.stats!.max.x, y: info.stats!.max.y },
    })
    expect(a.data).toMatchObject({ unit: 'raw', relativeOnly: true, format: 'dji', paramsUsed: null })
    expect((a.data.stats as { maxC: number }).maxC).toBe(info.stats!.maxC)

    const err = await refused('thermal:measure', {
      itemId: h20t.id,
      shape: { type: 'spot', x: 10, y: 10 },
      overrides: { emissivity: 0.9 },
    })
    expect(err.code).toBe('invalid-input')
    expect(err.message).toMatch(/DJI Thermal SDK/)
    expect(err.fields?.[0]?.path).toBe('overrides')
  })
})
