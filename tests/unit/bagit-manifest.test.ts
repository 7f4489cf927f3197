import { describe, expect, it } from 'vitest'
import {
  decodeManifestPath,
  encodeManifestPath,
  manifestName,
  parseFetch,
  parseManifest,
} from '../../src/core/package/bagit/manifest'

const MD5 = 'b1946ac92492d2347c6235b4d2611184'

describe('manifest names', () => {
  it('recognises payload and tag manifests and their algorithm', () => {
    expect(manifestName('manifest-sha256.txt')).toEqual({ kind: 'payload', algorithm: 'sha256' })
    expect(manifestName('tagmanifest-sha512.txt')).toEqual({ kind: 'tag', algorithm: 'sha512' })
    expect(manifestName('manifest-sha256.txt.bak')).toBeNull()
    expect(manifestName('bag-info.txt')).toBeNull()
  })
})

describe('manifest lines', () => {
  it('parses "checksum path" with one or more spaces or tabs, upper-case hex, CR/LF/CRLF', () => {
    const text = `${MD5}  data/a.txt\r\n${MD5.toUpperCase()}\tdata/dir/b c.txt\n${MD5} data/c\r`
    const r = parseManifest(text, 'manifest-md5.txt', 'payload', 'md5')
    expect(r.problems).toEqual([])
    expect(r.warnings).toEqual([])
    expect(r.entries.map((e) => [e.checksum, e.path])).toEqual([
      [MD5, 'data/a.txt'],
      [MD5, 'data/dir/b c.txt'],
      [MD5, 'data/c'],
    ])
  })

  it('accepts the md5sum "*" marker and a "./" prefix with a warning', () => {
    const r = parseManifest(
      `${MD5} *data/hello.txt\n${MD5}  ./data/x.txt\n`,
      'manifest-md5.txt',
      'payload',
      'md5',
    )
    expect(r.problems).toEqual([])
    expect(r.entries.map((e) => e.path)).toEqual(['data/hello.txt', 'data/x.txt'])
    expect(r.warnings).toHaveLength(2)
  })

  it('percent-decodes only CR, LF and % (RFC 8493 §2.1.3); other %xx stay literal', () => {
    expect(decodeManifestPath('data/a%0Ab%0d%25c%7Ed%41')).toBe('data/a\nb\r%c%7Ed%41')
    expect(encodeManifestPath('data/a\nb\r%c')).toBe('data/a%0Ab%0D%25c')
    expect(decodeManifestPath(encodeManifestPath('data/100%25 sure\n'))).toBe('data/100%25 sure\n')
    const r = parseManifest(
      `${MD5}  data/%7Etest1.txt\n${MD5}  data/%test2.txt\n`,
      'manifest-md5.txt',
      'payload',
      'md5',
    )
    expect(r.entries.map((e) => e.path)).toEqual(['data/%7Etest1.txt', 'data/%test2.txt'])
  })

  it('reports a wrong checksum length and a line that is not "checksum path"', () => {
    const r = parseManifest(
      `${MD5.slice(1)}  data/a\nnot a line\n${MD5}\n`,
      'manifest-md5.txt',
      'payload',
      'md5',
    )
    expect(r.problems.map((p) => p.code)).toEqual(['bad-manifest', 'bad-manifest', 'bad-manifest'])
    expect(r.entries).toEqual([])
  })

  it('reports paths that escape the bag as unsafe-path, after decoding', () => {
    const lines = [
      '../../../README.md',
      '\\.\\./x',
      '/tmp/foo',
      '~/foo',
      '~root/foo',
      'C:\\Windows\\x',
      '%HomeDrive%\\x',
      '\\\\?\\UNC\\server\\x',
      'data/%2e%2e/../x',
    ]
    const r = parseManifest(lines.map((l) => `${MD5}  ${l}`).join('\n'), 'manifest-md5.txt', 'payload', 'md5')
    expect(r.entries).toEqual([])
    expect(r.problems.map((p) => p.code)).toEqual(lines.map(() => 'unsafe-path'))
  })

  it('keeps payload manifests under data/ and tag manifests outside it', () => {
    expect(parseManifest(`${MD5}  bagit.txt\n`, 'manifest-md5.txt', 'payload', 'md5').problems[0].code).toBe(
      'bad-manifest',
    )
    expect(parseManifest(`${MD5}  data/x\n`, 'tagmanifest-md5.txt', 'tag', 'md5').problems[0].code).toBe(
      'bad-manifest',
    )
    expect(parseManifest(`${MD5}  bag-info.txt\n`, 'tagmanifest-md5.txt', 'tag', 'md5').entries).toHaveLength(
      1,
    )
  })
})

describe('fetch.txt', () => {
  it('parses "url length path" and never needs the network', () => {
    const r = parseFetch('http://localhost:8989/x - data/test 1.txt\r\nhttps://example.org/y 42 data/y\r\n')
    expect(r.problems).toEqual([])
    expect(r.entries).toEqual([
      { url: 'http://localhost:8989/x', length: null, path: 'data/test 1.txt', line: 1 },
      { url: 'https://example.org/y', length: 42, path: 'data/y', line: 2 },
    ])
  })

  it('reports targets outside the bag as unsafe-path and tag-file targets as bad-manifest', () => {
    const r = parseFetch(
      'https://x - ../../../README.md\nhttps://x - /tmp/t\nhttps://x - ~root/foo\nhttps://x - C:\\Windows\\x\nhttps://x - bagit.txt\n',
    )
    expect(r.problems.map((p) => p.code)).toEqual([
      'unsafe-path',
      'unsafe-path',
      'unsafe-path',
      'unsafe-path',
      'bad-manifest',
    ])
  })
})
