/**
 * Bounds for JSON that comes from strangers (packages under review). JSON.parse is fast and
 * iterative, but what runs after it (schemas, canonical JSON for hashing) recurses, so a value
 * nested 200,000 deep overflows the stack. Depth is measured on the raw bytes first, in one pass.
 */

/** No custody event or case.json of ours nests deeper than about 8 levels. */
export const MAX_JSON_DEPTH = 64

const OPEN_OBJECT = 0x7b // {
const OPEN_ARRAY = 0x5b // [
const CLOSE_OBJECT = 0x7d // }
const CLOSE_ARRAY = 0x5d // ]
const QUOTE = 0x22
const BACKSLASH = 0x5c

/**
 * The deepest nesting of objects and arrays in JSON text (UTF-8 bytes), strings skipped; stops
 * counting once `limit` is passed and returns limit + 1. Malformed text still gets a number
 * (the parser reports it later).
 */
export function jsonDepth(bytes: Uint8Array, limit = MAX_JSON_DEPTH): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (inString) {
      if (b === BACKSLASH) i++
      else if (b === QUOTE) inString = false
      continue
    }
    if (b === QUOTE) inString = true
    else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      if (++depth > max) {
        max = depth
        if (max > limit) return limit + 1
      }
    } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) depth--
  }
  return max
}
