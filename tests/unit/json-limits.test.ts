import { describe, expect, it } from 'vitest'
import { jsonDepth } from '../../src/core/util/json-limits'

const depth = (text: string, limit?: number) => jsonDepth(Buffer.from(text, 'utf8'), limit)

describe('jsonDepth', () => {
  it('counts objects and arrays, not brackets inside strings or escaped quotes', () => {
    expect(depth('1')).toBe(0)
    expect(depth('{"a":[1,{"b":[]}]}')).toBe(4)
    expect(depth('{"a":"[[[[{{{{"}')).toBe(1)
    expect(depth('{"a":"\\"[[[[","b":["x"]}')).toBe(2)
    expect(depth('{"问":"【答】[["}')).toBe(1)
  })

  it('stops at the limit instead of walking the rest', () => {
    expect(depth('['.repeat(1_000_000), 64)).toBe(65)
    expect(depth('['.repeat(64) + ']'.repeat(64), 64)).toBe(64)
  })
})
