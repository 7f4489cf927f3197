/**
 * iconv-lite and chardet, loaded on first use. The modules that read legacy text (ZIP entry
 * names, file names on a card, monitoring CSV tables, extracted text, the printable check of the
 * documents) sit on the import paths of most commands, and importing the two packages at top
 * level made every one of those commands pay for them (~25 ms) whether or not it ever met a byte
 * that is not UTF-8. Synchronous, as the decoders that use them are: both are CommonJS, so
 * `require` hands over the same module object an `import` would.
 */
import { createRequire } from 'node:module'
import type ChardetModule from 'chardet'
import type IconvModule from 'iconv-lite'

const require = createRequire(import.meta.url)

let iconvModule: typeof IconvModule | undefined
let chardetModule: typeof ChardetModule | undefined

/** iconv-lite: decoding and encoding of the legacy charsets (GB18030, Big5, IBM437…). */
export function iconv(): typeof IconvModule {
  iconvModule ??= require('iconv-lite') as typeof IconvModule
  return iconvModule
}

/** chardet: the guess at a legacy charset when the bytes say nothing. */
export function chardet(): typeof ChardetModule {
  chardetModule ??= require('chardet') as typeof ChardetModule
  return chardetModule
}
