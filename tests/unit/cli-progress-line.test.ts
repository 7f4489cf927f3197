import { describe, expect, it } from 'vitest'
import { ProgressLine, formatBytes, formatDuration } from '../../src/cli/progress-line'
import { languageFromLocale, parseLanguage, setLanguage } from '../../src/cli/i18n'
import { splitLanguage } from '../../src/cli/i18n/language'

/** A terminal of `columns` columns that keeps what was written. */
function terminal(columns: number, isTTY = true) {
  const out: string[] = []
  const stream = { isTTY, columns, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream
  return { stream, out }
}

describe('the progress line', () => {
  it('shows files, bytes, rate and time left from the bytes done so far', () => {
    setLanguage('en')
    let now = 0
    const { stream, out } = terminal(120)
    const line = new ProgressLine('exporting', stream, () => now)
    now = 2000
    line.update({ bytesDone: 200e6, bytesTotal: 1e9, filesDone: 3, filesTotal: 10, current: 'E004_clip.mp4' })
    // 200 MB in 2 s: 100 MB/s, 800 MB to go: 8 s
    expect(out.at(-1)).toBe(
      '\r\x1b[Kexporting  3/10 files  200 MB / 1.0 GB  100 MB/s  0:08 left  E004_clip.mp4',
    )
    line.end()
    expect(out.at(-1)).toBe('\r\x1b[K')
  })

  it('speaks Chinese, draws at most ten times a second, and never wraps on a narrow terminal', () => {
    setLanguage('zh-CN')
    const width = (text: string) => [...text].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0)
    for (const columns of [80, 40]) {
      let now = 0
      const { stream, out } = terminal(columns)
      const line = new ProgressLine('正在导入', stream, () => now)
      now = 1000
      const current = '/很长的/路径/执法记录仪/20210524_040312.MP4'
      line.update({ bytesDone: 50e6, bytesTotal: 150e6, filesDone: 0, filesTotal: 1, current })
      now = 1050
      line.update({ bytesDone: 51e6, bytesTotal: 150e6, filesDone: 0, filesTotal: 1, current })
      expect(out).toHaveLength(1)
      const text = out[0].replace('\r\x1b[K', '')
      const full = '正在导入  0/1 个文件  50.0 MB / 150 MB  50.0 MB/s  剩余 0:02'
      // Chinese characters take two columns each; the line always fits, the figures come first
      expect(width(text)).toBeLessThanOrEqual(columns - 1)
      if (columns === 80) expect(text).toBe(`${full}  …10524_040312.MP4`)
      else expect(full.startsWith(text.replace(/…$/, ''))).toBe(true)
    }
    setLanguage('en')
  })

  it('draws nothing when nobody watches (stderr is not a terminal)', () => {
    const { stream, out } = terminal(80, false)
    const line = new ProgressLine('importing', stream)
    line.update({ bytesDone: 1, bytesTotal: 2 })
    line.end()
    expect(out).toEqual([])
  })

  it('formats sizes and durations as people read them', () => {
    expect(formatBytes(999)).toBe('999 B')
    expect(formatBytes(1536)).toBe('1.5 kB')
    expect(formatBytes(4.5e9)).toBe('4.5 GB')
    expect(formatDuration(7)).toBe('0:07')
    expect(formatDuration(3723)).toBe('1:02:03')
  })
})

describe('the output language', () => {
  it('follows LC_ALL, LC_MESSAGES, LANG in that order, and --lang spellings', () => {
    expect(languageFromLocale({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN')
    expect(languageFromLocale({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' })).toBe('en')
    expect(languageFromLocale({ LANG: 'en_GB.UTF-8', LC_MESSAGES: 'zh_TW.UTF-8' })).toBe('zh-CN')
    expect(languageFromLocale({ LANG: 'de_DE.UTF-8' })).toBe('en')
    expect(parseLanguage('zh-cn')).toBe('zh-CN')
    expect(parseLanguage('zh')).toBe('zh-CN')
    expect(parseLanguage('EN')).toBe('en')
    expect(parseLanguage('fr')).toBeNull()
  })
})

describe('--lang taken out of the arguments', () => {
  it('wherever it stands before --, the last one winning; a bad one named; after -- left alone', () => {
    expect(splitLanguage(['import', '--lang', 'zh', 'case', '--lang=en', 'a.jpg'])).toEqual({
      rest: ['import', 'case', 'a.jpg'],
      lang: 'en',
    })
    expect(splitLanguage(['--lang', 'fr', '--help'])).toEqual({ rest: [], bad: 'fr' })
    expect(splitLanguage(['--help', '--lang'])).toEqual({ rest: ['--help'], bad: '' })
    expect(splitLanguage(['list', '--', '--lang', 'fr'])).toEqual({ rest: ['list', '--', '--lang', 'fr'] })
  })
})
