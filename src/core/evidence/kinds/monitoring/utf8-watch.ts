/**
 * Watches a streamed file read as UTF-8 for bytes that are not UTF-8. The encoding is detected on
 * the first MiB only (the rest is streamed, never held); a file whose later rows were written in
 * another encoding (GB18030 appended to an ASCII head) would otherwise show replacement characters
 * without a word. Node's native check runs on each chunk; a sequence cut by a chunk's end is
 * carried over to the next.
 */
import { isUtf8 } from 'node:buffer'

/** The length of `b` without a multi-byte sequence its end cuts short. */
function completeLength(b: Uint8Array): number {
  for (let p = b.length - 1; p >= 0 && p >= b.length - 4; p--) {
    const x = b[p]
    if ((x & 0xc0) === 0x80) continue
    const need = x >= 0xc2 && x <= 0xdf ? 1 : x >= 0xe0 && x <= 0xef ? 2 : x >= 0xf0 && x <= 0xf4 ? 3 : 0
    return p + need >= b.length ? p : b.length
  }
  return b.length
}

const validPrefix = (b: Uint8Array, k: number): boolean =>
  isUtf8(b.subarray(0, completeLength(b.subarray(0, k))))

/** Where the first byte that is not UTF-8 is in `b` (which is not valid UTF-8): a binary search over valid prefixes. */
function firstInvalid(b: Uint8Array): number {
  let lo = 0
  let hi = b.length
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (validPrefix(b, mid)) lo = mid
    else hi = mid - 1
  }
  return lo
}

function countNewlines(b: Uint8Array): number {
  let n = 0
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++
  return n
}

export class Utf8Watch {
  /** the first bytes that are not UTF-8: their line (1-based) and byte offset in the file */
  problem: { line: number; byte: number } | null = null
  private carry: Buffer = Buffer.alloc(0)
  /** the file offset of the first carried byte (or of the next chunk) */
  private at = 0
  private newlines = 0

  feed(chunk: Buffer): void {
    if (this.problem) return
    const whole = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk
    const cut = completeLength(whole)
    const body = whole.subarray(0, cut)
    if (!isUtf8(body)) {
      const bad = firstInvalid(body)
      this.problem = { line: this.newlines + countNewlines(body.subarray(0, bad)) + 1, byte: this.at + bad }
      return
    }
    this.newlines += countNewlines(body)
    this.at += cut
    this.carry = Buffer.from(whole.subarray(cut))
  }

  /** The end of the file: a sequence still cut short there is not UTF-8. */
  end(): void {
    if (!this.problem && this.carry.length > 0) this.problem = { line: this.newlines + 1, byte: this.at }
  }
}
