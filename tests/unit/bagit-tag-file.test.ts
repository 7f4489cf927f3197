import { describe, expect, it } from 'vitest'
import {
  bagInfoValues,
  decodeTagText,
  parseBagDeclaration,
  parseBagInfo,
  splitLines,
} from '../../src/core/package/bagit/tag-file'

describe('tag file decoding', () => {
  it('decodes UTF-8 and reports (and strips) a BOM', () => {
    expect(decodeTagText(Buffer.from('Contact-Name: 张三\n'), 'UTF-8')).toEqual({
      ok: true,
      text: 'Contact-Name: 张三\n',
      bom: false,
    })
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a: b')])
    expect(decodeTagText(withBom, 'utf-8')).toEqual({ ok: true, text: 'a: b', bom: true })
  })

  it('refuses invalid UTF-8 instead of guessing', () => {
    const r = decodeTagText(Buffer.from([0x61, 0xff, 0x62]), 'UTF-8')
    expect(r.ok).toBe(false)
  })

  it('decodes UTF-16 by its BOM, big-endian without one, and the explicit LE/BE names', () => {
    const text = 'Payload-Oxum: 58.2\n'
    const le = Buffer.from(text, 'utf16le')
    const be = Buffer.from(le).swap16()
    expect(decodeTagText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'UTF-16')).toMatchObject({
      ok: true,
      text,
      bom: true,
    })
    expect(decodeTagText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'UTF-16')).toMatchObject({
      ok: true,
      text,
      bom: true,
    })
    expect(decodeTagText(be, 'UTF-16')).toMatchObject({ ok: true, text, bom: false })
    expect(decodeTagText(le, 'UTF-16LE')).toMatchObject({ ok: true, text })
    expect(decodeTagText(be, 'UTF-16BE')).toMatchObject({ ok: true, text })
    expect(decodeTagText(Buffer.from([0, 0x41, 0]), 'UTF-16').ok).toBe(false)
  })

  it('decodes ISO-8859-1 as true Latin-1 (0x80-0x9f are C1 controls, not windows-1252)', () => {
    const r = decodeTagText(Buffer.from([0x4e, 0xfa, 0xf1, 0x65, 0x7a, 0x80]), 'ISO-8859-1')
    expect(r).toEqual({ ok: true, text: 'Núñez\u0080', bom: false })
  })

  it('refuses bytes above 0x7f in a tag file declared US-ASCII instead of reading them as Latin-1', () => {
    expect(decodeTagText(Buffer.from('data/a.txt'), 'US-ASCII')).toEqual({
      ok: true,
      text: 'data/a.txt',
      bom: false,
    })
    const r = decodeTagText(Buffer.from([0x61, 0xe9, 0x62]), 'US-ASCII')
    expect(r).toEqual({ ok: false, reason: 'byte 0xe9 at offset 1 is not ASCII' })
  })

  it('reports an unknown encoding', () => {
    const r = decodeTagText(Buffer.from('x'), 'EBCDIC-FANTASY')
    expect(r.ok).toBe(false)
  })

  it('splits on LF, CR and CRLF without a trailing empty line', () => {
    expect(splitLines('a\r\nb\rc\nd\n')).toEqual(['a', 'b', 'c', 'd'])
    expect(splitLines('a\r\n\r\nb')).toEqual(['a', '', 'b'])
    expect(splitLines('')).toEqual([])
  })
})

describe('bagit.txt', () => {
  it('parses a well-formed 1.0 declaration, with CRLF or no final newline', () => {
    for (const text of [
      'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n',
      'BagIt-Version: 0.97\r\nTag-File-Character-Encoding: UTF-8',
    ]) {
      const d = parseBagDeclaration(Buffer.from(text))
      expect(d.problems).toEqual([])
      expect(d.versionValid).toBe(true)
      expect(d.encoding).toBe('UTF-8')
    }
  })

  it('rejects a BOM, whitespace before the colon, a missing encoding and a malformed version', () => {
    const bom = parseBagDeclaration(
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'),
      ]),
    )
    expect(bom.problems.map((p) => p.message).join()).toMatch(/byte-order mark/)
    const spaced = parseBagDeclaration(
      Buffer.from('BagIt-Version : 1.0\nTag-File-Character-Encoding : UTF-8\n'),
    )
    expect(spaced.problems).toHaveLength(2)
    expect(spaced.version).toBe('1.0')
    const noEnc = parseBagDeclaration(Buffer.from('BagIt-Version: 0.97\n'))
    expect(noEnc.problems.map((p) => p.message).join()).toMatch(/no Tag-File-Character-Encoding/)
    const badVersion = parseBagDeclaration(
      Buffer.from('BagIt-Version: .97\nTag-File-Character-Encoding: UTF-8\n'),
    )
    expect(badVersion.versionValid).toBe(false)
    expect(badVersion.problems.every((p) => p.code === 'bad-tag-file')).toBe(true)
  })

  it('rejects the lines in the wrong order and extra lines', () => {
    expect(
      parseBagDeclaration(Buffer.from('Tag-File-Character-Encoding: UTF-8\nBagIt-Version: 1.0\n')).problems,
    ).not.toEqual([])
    expect(
      parseBagDeclaration(Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\nExtra: x\n'))
        .problems,
    ).not.toEqual([])
  })
})

describe('bag-info.txt', () => {
  it('keeps order and repeated labels, joins continuation lines with a line break', () => {
    const text =
      'External-Description: Uncompressed greyscale TIFF images from the\r\n         Yoshimuri papers collection.\r\nBagging-Date: 2016-02-26\r\nbagging-date: 2016-03-10\r\n'
    const r = parseBagInfo(text, '0.97')
    expect(r.problems).toEqual([])
    expect(r.entries).toEqual([
      ['External-Description', 'Uncompressed greyscale TIFF images from the\nYoshimuri papers collection.'],
      ['Bagging-Date', '2016-02-26'],
      ['bagging-date', '2016-03-10'],
    ])
    expect(bagInfoValues(r.entries, 'BAGGING-DATE')).toEqual(['2016-02-26', '2016-03-10'])
  })

  it('accepts extra whitespace around the colon before 1.0, and only warns about it in 1.0', () => {
    const text = 'Test-Tag:   2\nTest-Tag : 3\nTest-Tag    :   5\n'
    const old = parseBagInfo(text, '0.97')
    expect(old.entries).toEqual([
      ['Test-Tag', '2'],
      ['Test-Tag', '3'],
      ['Test-Tag', '5'],
    ])
    expect(old.warnings).toEqual([])
    const modern = parseBagInfo(text, '1.0')
    expect(modern.problems).toEqual([])
    expect(modern.warnings).toHaveLength(3)
  })

  it('reports a line without a label and a continuation with nothing to continue', () => {
    expect(parseBagInfo('no colon here\n', '1.0').problems[0].code).toBe('bad-tag-file')
    expect(parseBagInfo('  orphan continuation\n', '1.0').problems[0].code).toBe('bad-tag-file')
  })
})
