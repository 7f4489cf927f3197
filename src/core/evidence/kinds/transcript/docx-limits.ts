import type { Entry } from 'yauzl'

/** What a Word document's parts may declare in all (pictures included). */
export const MAX_DOCX_INFLATED_BYTES = 512 * 1024 * 1024
/** What its XML parts (the text, styles, relations) may inflate to: a long transcript is a few MiB. */
export const MAX_DOCX_XML_BYTES = 128 * 1024 * 1024
/** Parts of a .docx: a real one has dozens. */
export const MAX_DOCX_ENTRIES = 10_000

export class DocxTooLarge extends Error {}

/**
 * Refuses a .docx that would inflate past the caps before any parser inflates it (issue 11,
 * item 6: a 3 MB ZIP bomb took 3.4 GB). The declared sizes are summed first; the XML parts the
 * text is read from are then inflated here as a stream, counted and dropped, so a part whose
 * declared size lies stops at the cap too (yauzl checks each entry's actual size against it).
 */
export async function checkDocxInflation(source: string | Buffer): Promise<void> {
  // loaded here, not at the top: the kind registry brings this module into commands that never open a .docx
  const yauzl = await import('yauzl')
  const options = { autoClose: false, validateEntrySizes: true }
  const zip =
    typeof source === 'string'
      ? await yauzl.openPromise(source, options)
      : await yauzl.fromBufferPromise(source, options)
  try {
    let declared = 0
    let entries = 0
    const parts: Entry[] = []
    for await (const entry of zip.eachEntry()) {
      if (++entries > MAX_DOCX_ENTRIES) throw new DocxTooLarge(`it holds more than ${MAX_DOCX_ENTRIES} parts`)
      declared += entry.uncompressedSize
      if (declared > MAX_DOCX_INFLATED_BYTES)
        throw new DocxTooLarge(
          `its parts would inflate to more than ${MAX_DOCX_INFLATED_BYTES / 2 ** 20} MiB (a ZIP bomb?)`,
        )
      if (/\.(xml|rels)$/i.test(entry.fileName)) parts.push(entry)
    }
    let inflated = 0
    for (const entry of parts) {
      const stream = await zip.openReadStreamPromise(entry)
      for await (const chunk of stream) {
        inflated += (chunk as Buffer).length
        if (inflated > MAX_DOCX_XML_BYTES) {
          stream.destroy()
          throw new DocxTooLarge(
            `its text parts inflate to more than ${MAX_DOCX_XML_BYTES / 2 ** 20} MiB (a ZIP bomb?)`,
          )
        }
      }
    }
  } finally {
    zip.close()
  }
}
