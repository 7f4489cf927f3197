import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../../src/shared/errors'
import { EVIDENCE_KINDS, ITEM_CATEGORIES } from '../../../src/shared/types'
import { errorText, fieldErrorText, warningKey } from '../../../src/renderer/src/lib/message-maps'
import { KIND_UI, categoryLabel, kindLabel } from '../../../src/renderer/src/kinds/registry'
import { warningText } from '../../../src/renderer/src/lib/warnings'
import { translator } from './support/i18n'

const zh = translator('zh-CN')
const en = translator('en')
const KEY_LIKE = /^[a-zA-Z]+([.:][\w-]+)+$/

describe('codes in words', () => {
  it('explain every API error code in both languages', () => {
    for (const code of ERROR_CODES)
      for (const t of [zh, en]) {
        const { title, action } = errorText(code)
        expect(t(title), code).not.toMatch(KEY_LIKE)
        expect(t(action), code).not.toMatch(KEY_LIKE)
      }
    expect(zh(errorText('refused').title)).toMatch(/\p{Script=Han}/u)
  })

  it('read an error code this version does not know as an internal error', () => {
    expect(errorText('quota-exceeded')).toEqual(errorText('internal'))
    expect(errorText('constructor')).toEqual(errorText('internal'))
  })

  it('word field errors, with "invalid" for codes the forms do not know', () => {
    expect(fieldErrorText('credit-code-check-digit', zh)).toBe('校验位（最后一位）不正确，请核对号码')
    expect(fieldErrorText('legal-id-taken', en)).toMatch(/already/)
    expect(fieldErrorText('range-reversed', zh)).toBe('结束时间早于开始时间')
    expect(fieldErrorText('no-such-code', zh)).toBe(zh('fieldErrors.invalid'))
  })

  it('word warnings, and keep the backend’s own message for a code they do not know', () => {
    expect(warningKey('truncated')).toBe('warnings.truncated')
    expect(warningKey('toString')).toBeNull()
    expect(warningText({ code: 'offset-assumed', message: 'x' }, zh)).toBe(
      '拍摄时间没有记录时区，已按案件时区理解。',
    )
    expect(warningText({ code: 'audio-clipped', message: 'Audio clipped at 00:12' }, zh)).toBe(
      'Audio clipped at 00:12',
    )
  })

  it('name every kind, one item and many, from its kind module', () => {
    for (const kind of EVIDENCE_KINDS)
      for (const t of [zh, en]) {
        expect(t(KIND_UI[kind].labels.one), kind).not.toMatch(KEY_LIKE)
        expect(kindLabel(t, kind, 'many'), kind).not.toMatch(KEY_LIKE)
      }
    // a kind is the broad word; what an item is called is its category
    expect(kindLabel(en, 'image')).toBe('Photo')
    expect(kindLabel(zh, 'image', 'many')).toBe('照片')
  })

  it('name every category, one item and many, in both languages', () => {
    for (const c of ITEM_CATEGORIES)
      for (const t of [zh, en]) {
        expect(categoryLabel(t, c), c).not.toMatch(KEY_LIKE)
        expect(categoryLabel(t, c, 'many'), c).not.toMatch(KEY_LIKE)
      }
    expect(categoryLabel(zh, 'scene-photo')).toBe('现场照片')
    expect(categoryLabel(zh, 'drone-photo')).toBe('无人机照片')
    expect(categoryLabel(zh, 'video-still')).toBe('视频截图')
    expect(categoryLabel(en, 'drone-photo', 'many')).toBe('Drone photos')
  })
})
