import { createWriteStream, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { Readable } from 'node:stream'
import * as yazl from 'yazl'
import { afterAll, describe, expect, it } from 'vitest'
import { extractFile } from '../../../src/core/evidence/extract/index'
import { MAX_DOCX_XML_BYTES } from '../../../src/core/evidence/kinds/transcript/docx-limits'
import { makeTranscriptDocx } from '../../support/media'
import { tempDir } from '../../support/temp'

/**
 * Issue 11, item 6 (second half): a .docx is a ZIP, and a 3 MB one inflated to 3.4 GB in the
 * Word parser. What a .docx may inflate to is capped before any parser inflates it; a bomb gets
 * a message naming the file and the limit, and its original is kept as it is.
 */

const tmp = tempDir('docx-bomb-')
afterAll(() => tmp.cleanup())

const extract = (path: string) =>
  extractFile(path, {
    caseTimeZone: 'Asia/Shanghai',
    fileName: basename(path),
    sourceMtimeMs: statSync(path).mtimeMs,
  })

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'

/** A Word document whose one paragraph is `mib` MiB of the same letter: a few hundred KiB on disk. */
async function docxBomb(path: string, mib: number): Promise<string> {
  const zip = new yazl.ZipFile()
  zip.addBuffer(Buffer.from(CONTENT_TYPES), '[Content_Types].xml')
  zip.addBuffer(Buffer.from(RELS), '_rels/.rels')
  const block = Buffer.alloc(1 << 20, 'A')
  async function* body() {
    yield Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>问：',
    )
    for (let i = 0; i < mib; i++) yield block
    yield Buffer.from('</w:t></w:r></w:p></w:body></w:document>')
  }
  zip.addReadStream(Readable.from(body()), 'word/document.xml', { compress: true })
  zip.end()
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(path)).on('close', resolve).on('error', reject)
  })
  return path
}

describe('a .docx ZIP bomb', () => {
  it('is not inflated past the cap: the text is refused naming the file, the original is kept', async () => {
    const mib = MAX_DOCX_XML_BYTES / 2 ** 20 + 16
    const path = await docxBomb(join(tmp.dir, '询问笔录（炸弹）.docx'), mib)
    // a few hundred KiB that inflate to more than the cap
    expect(statSync(path).size).toBeLessThan(2 * 2 ** 20)
    const r = await extract(path)
    expect(r.text ?? '').toBe('')
    const warning = r.warnings.find((w) => w.code === 'metadata-unreadable')
    expect(warning?.message).toContain('询问笔录（炸弹）.docx')
    expect(warning?.message).toMatch(/more than \d+ MiB/)
  })

  it('an ordinary .docx still reads', async () => {
    const r = await extract(await makeTranscriptDocx(tmp.dir))
    expect(r.text).toContain('以上笔录是否属实')
  })
})
