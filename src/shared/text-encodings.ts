/**
 * The text decodings an officer may choose for a text original whose encoding the detector was
 * not sure of (Big5 bytes also read as GBK, Latin-1 as Windows-1252): iconv-lite names, lower case,
 * in the order the users' files usually come in. The original bytes never change; the choice only
 * decides how they are read into the indexed, quotable text.
 */
export const CHOOSABLE_TEXT_ENCODINGS = [
  'utf-8',
  'gb18030',
  'big5',
  'utf-16le',
  'utf-16be',
  'shift_jis',
  'euc-jp',
  'euc-kr',
  'windows-1252',
  'iso-8859-1',
  'macintosh',
] as const

export type ChoosableTextEncoding = (typeof CHOOSABLE_TEXT_ENCODINGS)[number]

/** What the text of an original looks like in one decoding, before the officer commits to it. */
export interface TextDecodingPreview {
  encoding: string
  /** the opening of the text in that decoding (normalised as indexed) */
  text: string
  /** whether the whole text was cut to this opening */
  truncated: boolean
  /** how many characters could not be decoded (shown as U+FFFD) in the whole text */
  undecodable: number
}
