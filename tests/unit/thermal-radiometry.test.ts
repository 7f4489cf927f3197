import { describe, expect, it } from 'vitest'
import { EvidenceError } from '../../src/core/errors'
import {
  atmosphericTransmission,
  frameStats,
  paramProblems,
  planckSignal,
  rawToCelsius,
  regionStats,
  toCelsius,
  waterVapour,
  type RadiometricParams,
} from '../../src/core/evidence/kinds/thermal/radiometry'

/** CameraInfo of the FLIR E40 fixture (values as exiftool -n reads them), which has an IR window. */
const E40: RadiometricParams = {
  emissivity: 0.949999988079071,
  objectDistance: 2,
  reflectedTempC: 20.9900146484375,
  atmosphericTempC: 13.9900146484375,
  irWindowTempC: 18.9900146484375,
  irWindowTransmission: 0.980000019073486,
  relativeHumidity: 0.490000009536743,
  planckR1: 14866.513671875,
  planckB: 1395.69995117188,
  planckF: 1,
  planckO: -5859,
  planckR2: 0.0110864788293839,
  atmTransAlpha1: 0.00656899996101856,
  atmTransAlpha2: 0.0126200001686811,
  atmTransBeta1: -0.00227600010111928,
  atmTransBeta2: -0.00667000003159046,
  atmTransX: 1.89999997615814,
}

/** An ideal case: black body, no air, no window. The reading must be the Planck inverse. */
const IDEAL: RadiometricParams = { ...E40, emissivity: 1, objectDistance: 0, irWindowTransmission: 1 }

describe('radiometric model', () => {
  it('inverts the Planck curve exactly for a black body with no path', () => {
    for (const t of [-20, 0, 21.5, 100, 350]) {
      expect(rawToCelsius(planckSignal(IDEAL, t), IDEAL)).toBeCloseTo(t, 9)
    }
  })

  it('water vapour and transmission behave physically', () => {
    // 50 % at 20 °C: saturated air holds ≈ 17.3 g/m³ of water; FLIR's fit is within 2 % of half that.
    expect(Math.abs(waterVapour(0.5, 20) - 8.65) / 8.65).toBeLessThan(0.02)
    expect(waterVapour(0, 30)).toBe(0)
    expect(atmosphericTransmission(E40, 0)).toBeCloseTo(1, 12)
    const near = atmosphericTransmission({ ...E40, relativeHumidity: 0.9, atmosphericTempC: 10 }, 10)
    const far = atmosphericTransmission({ ...E40, relativeHumidity: 0.9, atmosphericTempC: 10 }, 1000)
    expect(far).toBeLessThan(near)
  })

  it('an object at the temperature of its surroundings reads that temperature whatever the emissivity', () => {
    // Reflected = air = window = object temperature: every term carries the same signal.
    const t = 25
    const p: RadiometricParams = {
      ...E40,
      reflectedTempC: t,
      atmosphericTempC: t,
      irWindowTempC: t,
      objectDistance: 30,
    }
    const s = planckSignal(p, t)
    for (const e of [0.3, 0.7, 1]) expect(rawToCelsius(s, { ...p, emissivity: e })).toBeCloseTo(t, 6)
  })

  it('the lookup table agrees with the direct per-pixel computation', () => {
    const raw = new Uint16Array(4096)
    for (let i = 0; i < raw.length; i++) raw[i] = 15000 + ((i * 37) % 9000)
    const { celsius, invalidCount } = toCelsius(raw, E40)
    expect(invalidCount).toBe(0)
    for (let i = 0; i < raw.length; i += 97) expect(celsius[i]).toBeCloseTo(rawToCelsius(raw[i], E40), 4)
  })

  it('overrides change the reading, are reported, and leave the file parameters untouched', () => {
    const raw = Uint16Array.from([17622, 18000, 20000])
    const before = JSON.stringify(E40)
    const base = toCelsius(raw, E40)
    expect(base.overridden).toEqual([])
    expect(base.used).toEqual(E40)
    const o = toCelsius(raw, E40, { emissivity: 0.8, objectDistance: 10, reflectedTempC: 35 })
    expect(o.overridden).toEqual(['emissivity', 'objectDistance', 'reflectedTempC'])
    expect(o.used).toMatchObject({ emissivity: 0.8, objectDistance: 10, reflectedTempC: 35 })
    expect(o.used.planckR1).toBe(E40.planckR1)
    expect(JSON.stringify(E40)).toBe(before)
    // lower emissivity → the object must be hotter to give the same signal (reflected < object here)
    expect(o.celsius[2]).not.toBeCloseTo(base.celsius[2], 1)
    const lowE = toCelsius(raw, E40, { emissivity: 0.5 })
    expect(lowE.celsius[2]).toBeGreaterThan(base.celsius[2])
  })

  it('refuses out-of-range overrides as caller errors, naming the field', () => {
    const raw = Uint16Array.from([17000])
    for (const bad of [
      { emissivity: 0 },
      { emissivity: 1.2 },
      { objectDistance: -1 },
      { reflectedTempC: -300 },
      { emissivity: NaN },
    ]) {
      try {
        toCelsius(raw, E40, bad)
        expect.unreachable()
      } catch (err) {
        expect(err).toBeInstanceOf(EvidenceError)
        expect((err as EvidenceError).code).toBe('invalid-input')
        expect((err as EvidenceError).fields?.[0].path).toBe(Object.keys(bad)[0])
      }
    }
  })

  it('gives NaN, not a number, where the model has no solution, and says what is wrong with bad parameters', () => {
    const { celsius, invalidCount } = toCelsius(Uint16Array.from([0, 17000]), E40)
    expect(Number.isNaN(celsius[0])).toBe(true) // raw 0 is below the offset: no temperature exists
    expect(invalidCount).toBe(1)
    expect(paramProblems(E40)).toEqual([])
    expect(paramProblems({ ...E40, emissivity: 0, planckR1: NaN })).toHaveLength(3)
  })

  it('converts a 640×512 frame well within 20 ms', () => {
    const raw = new Uint16Array(640 * 512)
    for (let i = 0; i < raw.length; i++) raw[i] = 14000 + (i % 14000)
    // Best of several runs: the least disturbed by whatever else the machine is doing.
    let best = Infinity
    for (let k = 0; k < 10; k++) {
      const t0 = performance.now()
      toCelsius(raw, E40)
      best = Math.min(best, performance.now() - t0)
    }
    expect(best).toBeLessThan(20)
  })
})

describe('frame and region statistics', () => {
  // 4×3 frame: value = 10·y + x, with one NaN at (3,2)
  const w = 4
  const h = 3
  const c = new Float32Array(w * h).map((_, i) => 10 * Math.floor(i / w) + (i % w))
  c[11] = NaN

  it('frameStats skips NaN and locates min and max', () => {
    expect(frameStats(c, w, h)).toEqual({
      minC: 0,
      maxC: 22,
      meanC: (0 + 1 + 2 + 3 + 10 + 11 + 12 + 13 + 20 + 21 + 22) / 11,
      min: { x: 0, y: 0 },
      max: { x: 2, y: 2 },
      count: 11,
    })
    expect(frameStats(new Float32Array([NaN, NaN]), 2, 1)).toBeNull()
  })

  it('spot, box and line', () => {
    expect(regionStats(c, w, h, { kind: 'spot', x: 1, y: 1 })).toMatchObject({ minC: 11, maxC: 11, count: 1 })
    // radius 1 disc at (1,1): the cross (1,0) (0,1) (1,1) (2,1) (1,2)
    expect(regionStats(c, w, h, { kind: 'spot', x: 1, y: 1, radius: 1 })).toMatchObject({
      minC: 1,
      maxC: 21,
      count: 5,
      meanC: 11,
    })
    expect(regionStats(c, w, h, { kind: 'box', x: 2, y: 1, width: 5, height: 5 })).toMatchObject({
      minC: 12,
      maxC: 22,
      count: 3,
    })
    expect(regionStats(c, w, h, { kind: 'line', x1: 0, y1: 0, x2: 3, y2: 2 })).toMatchObject({
      minC: 0,
      count: 3,
    }) // (3,2) is NaN
    expect(regionStats(c, w, h, { kind: 'line', x1: 0, y1: 2, x2: 2, y2: 2 })).toMatchObject({
      minC: 20,
      maxC: 22,
      max: { x: 2, y: 2 },
      count: 3,
    })
  })

  it('refuses regions outside the frame and frames of the wrong size', () => {
    expect(() => regionStats(c, w, h, { kind: 'box', x: 10, y: 10, width: 2, height: 2 })).toThrow(
      EvidenceError,
    )
    expect(() => regionStats(c, w, h, { kind: 'box', x: 0, y: 0, width: 0, height: 2 })).toThrow(/positive/)
    expect(() => regionStats(c, w, h, { kind: 'spot', x: NaN, y: 0 })).toThrow(/finite/)
    expect(() => regionStats(c, w, h, { kind: 'line', x1: 0, y1: 0, x2: 1e9, y2: 0 })).toThrow(/1 000 000/)
    expect(() => frameStats(c, 5, 3)).toThrow(/does not match/)
  })
})
