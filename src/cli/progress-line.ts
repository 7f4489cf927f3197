import { escapeControls } from '../shared/printable-text'
import { messages } from './i18n'
import { transferRate } from '../shared/jobs'

export interface ProgressFacts {
  bytesDone: number
  bytesTotal: number
  filesDone?: number
  filesTotal?: number
  /** the file being worked on, shown at the end of the line */
  current?: string | null
}

const REDRAW_MS = 100

/** "1.5 GB", "512 MB", "12 kB": decimal units, as disks are sold and `ls -h --si` prints. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`
  const units = ['kB', 'MB', 'GB', 'TB']
  let v = n
  let u = -1
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000
    u++
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[u]}`
}

/** "0:07", "12:30", "1:02:03" */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

/** Columns a string takes on a terminal: CJK and other wide characters take two. */
function columns(text: string): number {
  let n = 0
  for (const ch of text)
    n +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
        ch,
      )
        ? 2
        : 1
  return n
}

/** The start of a text that fits in `width` columns, marked "…" when cut. */
function head(text: string, width: number): string {
  if (columns(text) <= width) return text
  let out = ''
  for (const ch of text) {
    if (columns(out + ch) > width - 1) break
    out += ch
  }
  return `${out}…`
}

/** The end of a text that fits in `width` columns, marked "…" when cut. */
function tail(text: string, width: number): string {
  if (width <= 1) return ''
  if (columns(text) <= width) return text
  const chars = [...text]
  let out = ''
  for (let i = chars.length - 1; i >= 0 && columns(chars[i] + out) <= width - 1; i--) out = chars[i] + out
  return `…${out}`
}

/**
 * One line on stderr that rewrites itself with bytes, rate and time left, drawn only when a
 * person watches (stderr is a terminal), never on stdout, and never wider than the terminal.
 */
export class ProgressLine {
  private readonly started: number
  private lastDraw = 0
  private drawn = false

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now()
  }

  get enabled(): boolean {
    return this.stream.isTTY === true
  }

  update(p: ProgressFacts): void {
    if (!this.enabled) return
    const t = this.now()
    if (this.drawn && t - this.lastDraw < REDRAW_MS && p.bytesDone < p.bytesTotal) return
    this.lastDraw = t
    this.drawn = true
    this.stream.write(`\r\x1b[K${this.text(p, t)}`)
  }

  /** The line as drawn at time t (exported for tests through `update`). */
  text(p: ProgressFacts, t: number = this.now()): string {
    const m = messages()
    const { bytesPerSec: rate, etaSec } = transferRate(p.bytesDone, p.bytesTotal, t - this.started)
    const left = p.bytesTotal > p.bytesDone ? etaSec : null
    const parts = [
      this.label,
      p.filesTotal !== undefined ? m.progressFiles(p.filesDone ?? 0, p.filesTotal) : '',
      `${formatBytes(p.bytesDone)} / ${formatBytes(p.bytesTotal)}`,
      rate > 0 ? `${formatBytes(Math.round(rate))}/s` : '',
      left !== null ? m.progressLeft(formatDuration(left)) : '',
    ].filter(Boolean)
    const facts = parts.join('  ')
    const width = (this.stream.columns || 80) - 1
    // the figures first; the file name gets what room is left, cut at its start
    if (!p.current || columns(facts) + 4 >= width) return head(facts, width)
    // a file name from a card may carry CR or an escape sequence: shown escaped (item 16)
    return `${facts}  ${tail(escapeControls(p.current), width - columns(facts) - 2)}`
  }

  /** Clears the line so the next output starts clean. */
  end(): void {
    if (this.drawn && this.enabled) this.stream.write('\r\x1b[K')
    this.drawn = false
  }
}
