import { describe, expect, it } from 'vitest'
import {
  DERIVED_ROLES,
  EVIDENCE_KINDS,
  KIND_DEFINITIONS,
  derivedMime,
  readMeta,
} from '../../src/shared/kinds'
import { KIND_MODULES, modulesInDetectionOrder } from '../../src/core/evidence/kinds/registry'

describe('kind definitions', () => {
  it('has one shared definition and one core module for every kind, and detection asks "other" last', () => {
    expect(Object.keys(KIND_DEFINITIONS).sort()).toEqual([...EVIDENCE_KINDS].sort())
    expect(Object.keys(KIND_MODULES).sort()).toEqual([...EVIDENCE_KINDS].sort())
    for (const k of EVIDENCE_KINDS) expect(KIND_MODULES[k].kind).toBe(k)
    const order = modulesInDetectionOrder().map((m) => m.kind)
    expect(order.at(-1)).toBe('other')
    expect(order.indexOf('thermal')).toBeLessThan(order.indexOf('image'))
  })

  it('serves each derived role with its kind’s MIME type, and nothing for a role the kind lacks', () => {
    expect(derivedMime('video', 'proxy')).toBe('video/mp4')
    expect(derivedMime('thermal', 'thermal')).toBe('application/octet-stream')
    expect(derivedMime('image', 'proxy')).toBeNull()
    expect(DERIVED_ROLES).toEqual(
      expect.arrayContaining(['thumb', 'preview', 'poster', 'proxy', 'thermal', 'visible']),
    )
  })
})

describe('reading stored meta leniently (never losing a field)', () => {
  it('types a meta that fits and keeps fields the schema does not name', () => {
    const { meta, unreadable } = readMeta('video', {
      container: 'mov,mp4',
      videoCodec: 'h264',
      audioCodec: null,
      fps: 25,
      future: { x: 1 },
    })
    expect(unreadable).toBeNull()
    expect(meta).toEqual({
      container: 'mov,mp4',
      videoCodec: 'h264',
      audioCodec: null,
      fps: 25,
      future: { x: 1 },
    })
  })

  it('sets aside exactly the fields that do not fit, with their raw values', () => {
    const raw = { container: 'mov,mp4', fps: '25', rotation: 'ninety', videoCodec: 'hevc' }
    const { meta, unreadable } = readMeta('video', raw)
    expect(meta).toEqual({ container: 'mov,mp4', videoCodec: 'hevc' })
    expect(unreadable).toEqual({ fps: '25', rotation: 'ninety' })
  })

  it('sets aside a nested value that does not fit as its whole top-level field', () => {
    const { meta, unreadable } = readMeta('monitoring', {
      encoding: 'gb18030',
      series: [{ pollutant: 'SO2', points: 'many' }],
    })
    expect(meta).toEqual({ encoding: 'gb18030' })
    expect(unreadable).toEqual({ series: [{ pollutant: 'SO2', points: 'many' }] })
  })

  it('keeps a meta that is not an object at all, whole', () => {
    expect(readMeta('image', 'not json')).toEqual({ meta: {}, unreadable: { '': 'not json' } })
    expect(readMeta('other', [1, 2])).toEqual({ meta: {}, unreadable: { '': [1, 2] } })
  })
})
