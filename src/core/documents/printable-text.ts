import { iconv } from '../util/text-codecs'

/**
 * Whether text can go onto a printed transfer document.
 *
 * GB18030 covers all of Unicode in theory, so a round trip through it alone proves little. The
 * rule, applied per code point, refuses what no clerk could read back off the paper:
 * - control characters (general category Cc) other than line feed, carriage return and tab;
 * - lone surrogates (Cs): broken UTF-16, no character at all;
 * - private-use code points (Co): their glyphs depend on one machine's fonts;
 * - unassigned code points and noncharacters (Cn): nothing to print.
 * The GB18030 round trip is kept as a last guard (it catches what iconv cannot map).
 * Characters of the CJK extension planes are allowed: they are real characters in names, and
 * whether the bundled Noto CJK font has a glyph cannot be told from Node without the font tables.
 */
const UNPRINTABLE = /[\p{Cs}\p{Co}\p{Cn}]|(?![\n\r\t])\p{Cc}/u

/** The first code point that cannot be printed, as "U+XXXX", or null when all can. */
export function unprintableCodePoint(text: string): string | null {
  // A lone surrogate makes the `u` regex see a Cs code point, so it is found here too.
  for (const ch of text) {
    if (UNPRINTABLE.test(ch)) return codePointLabel(ch)
  }
  if (iconv().decode(iconv().encode(text, 'gb18030'), 'gb18030') !== text) {
    for (const ch of text) {
      if (iconv().decode(iconv().encode(ch, 'gb18030'), 'gb18030') !== ch) return codePointLabel(ch)
    }
  }
  return null
}

function codePointLabel(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
}
