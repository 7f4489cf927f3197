import { describe, expect, it } from 'vitest'
import {
  caseFoldKey,
  checkSafePath,
  isSystemFile,
  normalizationKey,
  portabilityIssue,
} from '../../src/core/package/bagit/safe-path'

describe('safe bag paths', () => {
  it.each([
    ['..', /parent/],
    ['data/../../etc/passwd', /parent/],
    ['data/..', /parent/],
    ['/etc/passwd', /absolute/],
    ['~/foo', /home/],
    ['~root/foo', /home/],
    ['C:/Windows/x', /drive/],
    ['c:x', /drive/],
    ['%HomeDrive%/Windows/x', /environment/],
    ['%USERPROFILE%/x', /environment/],
    ['data\\x', /backslash/],
    ['\\\\?\\UNC\\server\\x', /backslash/],
    ['\\\\server\\share\\x', /backslash/],
    ['data//x', /empty/],
    ['data/./x', /current/],
    ['', /empty/],
    ['data/a\u0000b', /NUL/],
  ])('refuses %j', (path, reason) => {
    const r = checkSafePath(path)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(reason)
  })

  it.each([
    'data/x',
    'data/dir1/~test3.txt',
    'data/%7Edir2/test5.txt',
    'data/%test2.txt',
    'data/test file.txt',
    'data/证据/视频.mp4',
    'bag-info.txt',
    'data/..hidden',
    'data/a..b',
  ])('accepts %j', (path) => {
    expect(checkSafePath(path)).toEqual({ ok: true })
  })

  it('flags names Windows cannot hold, and system artefacts', () => {
    expect(portabilityIssue('data/a:b')).toMatch(/Windows/)
    expect(portabilityIssue('data/CON.txt')).toMatch(/reserved/)
    expect(portabilityIssue('data/x.')).toMatch(/dot/)
    expect(portabilityIssue('data/ok.txt')).toBeNull()
    expect(isSystemFile('data/.DS_Store')).toBe(true)
    expect(isSystemFile('data/sub/Thumbs.db')).toBe(true)
    expect(isSystemFile('data/thumbs.dbx')).toBe(false)
  })

  it('gives NFC/NFD and case twins the same key', () => {
    expect(normalizationKey('data/Nu\u0301n\u0303ez')).toBe(normalizationKey('data/N\u00fa\u00f1ez'))
    expect(caseFoldKey('data/HELLO.txt')).toBe(caseFoldKey('data/hello.txt'))
  })
})
