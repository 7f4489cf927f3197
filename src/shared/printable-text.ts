/**
 * Characters that change how text is shown rather than being shown: C0 and C1 controls (CR and LF
 * fake lines, ESC starts terminal commands), DEL, bidirectional overrides and isolates (U+202E
 * turns "gpj.exe" around), the Unicode line and paragraph separators, and the BOM.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g

const NAMED: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\\t' }

/** Text from strangers (file names, package paths) made safe to print: each such character as \r, \n, \t, \xNN or \uNNNN. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0)
    return (
      NAMED[c] ??
      (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
    )
  })
}

/** The same characters, for a file name: each becomes "_" (see safeFileName). */
export const UNSAFE_NAME_CHARACTERS = UNSAFE
