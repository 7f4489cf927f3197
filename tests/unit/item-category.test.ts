/** The category rule on the makes and models real devices write (exiftool's reading in the fixtures' ref files). */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { deriveCategory, isDroneDevice } from '../../src/shared/kinds/category'
import { MEDIA_FIXTURES, REAL_WORLD } from '../support/fixtures'

type Tags = Record<string, unknown>
const device = (path: string) => {
  const t = (JSON.parse(readFileSync(path, 'utf8')) as Tags[])[0]
  const pick = (suffix: string) => {
    const key = Object.keys(t).find((k) => k === suffix || k.endsWith(`:${suffix}`))
    return key ? String(t[key]) : null
  }
  return { make: pick('Make'), model: pick('Model') }
}

describe('isDroneDevice', () => {
  it('knows every DJI body in the fixtures (ZH20T, M30T, M3T, Mavic 2 Enterprise, XT2/XTS)', () => {
    const djis = readdirSync(MEDIA_FIXTURES).filter((f) => /^DJI_.*\.exiftool\.json$/.test(f))
    expect(djis.length).toBeGreaterThanOrEqual(6)
    for (const f of djis) expect(isDroneDevice(device(join(MEDIA_FIXTURES, f))), f).toBe(true)
  })

  it('does not call a phone, a camera, a FLIR handheld or a DJI handheld a drone', () => {
    expect(isDroneDevice(device(join(REAL_WORLD, 'ref/image/iphone_13_pro_max.HEIC.exiftool.json')))).toBe(
      false,
    )
    expect(isDroneDevice(device(join(REAL_WORLD, 'ref/image/CanonRaw.cr3.exiftool.json')))).toBe(false)
    for (const f of readdirSync(MEDIA_FIXTURES).filter((f) => /^FLIR.*\.exiftool\.json$/.test(f)))
      expect(isDroneDevice(device(join(MEDIA_FIXTURES, f))), f).toBe(false)
    expect(isDroneDevice({ make: 'DJI', model: 'OT-210' })).toBe(false)
    expect(isDroneDevice({ make: 'DJI', model: 'OsmoAction' })).toBe(false)
    // an M-numbered model without a drone make is a phone (Xiaomi, Samsung, Meizu)
    expect(isDroneDevice({ make: null, model: 'M2102J2SC' })).toBe(false)
    expect(isDroneDevice({ make: null, model: 'FC3582' })).toBe(true)
    expect(isDroneDevice({ make: 'Autel Robotics', model: 'XT705' })).toBe(true)
    expect(isDroneDevice({ make: 'Parrot', model: 'Anafi' })).toBe(true)
  })
})

describe('deriveCategory', () => {
  const base = { meta: {}, device: null, derivedFrom: null }
  it('derives stills and clips from how they were made, photos from drone XMP or model', () => {
    expect(deriveCategory({ ...base, kind: 'image', derivedFrom: { operation: 'still' } })).toBe(
      'video-still',
    )
    expect(deriveCategory({ ...base, kind: 'video', derivedFrom: { operation: 'clip' } })).toBe('video-clip')
    expect(deriveCategory({ ...base, kind: 'image' })).toBe('scene-photo')
    expect(deriveCategory({ ...base, kind: 'image', meta: { drone: { relativeAltitude: 30.1 } } })).toBe(
      'drone-photo',
    )
    // a drone block with nothing in it says nothing
    expect(deriveCategory({ ...base, kind: 'image', meta: { drone: { relativeAltitude: null } } })).toBe(
      'scene-photo',
    )
    expect(deriveCategory({ ...base, kind: 'video', device: { make: 'DJI', model: 'FC3582' } })).toBe(
      'drone-video',
    )
    expect(deriveCategory({ ...base, kind: 'video' })).toBe('bodycam-video')
    expect(deriveCategory({ ...base, kind: 'thermal', device: { make: 'DJI', model: 'ZH20T' } })).toBe(
      'thermal',
    )
  })
})
