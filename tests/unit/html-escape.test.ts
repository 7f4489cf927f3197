import { describe, expect, it } from 'vitest'
import { reviewReportHtml } from '../../src/core/review/review-report'
import { escapeHtml } from '../../src/core/util/html'
import type { PackageVerdict } from '../../src/shared/package-types'

const HOSTILE = `<img src=x onerror="alert('x')">&`

describe('the one HTML escaper', () => {
  it('escapes the five characters that can end text or a quoted attribute', () => {
    expect(escapeHtml(HOSTILE)).toBe('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;')
    expect(escapeHtml('已 &amp; 转义')).toBe('已 &amp;amp; 转义')
  })

  it('writes numbers as text and nothing for a missing value', () => {
    expect(escapeHtml(1024)).toBe('1024')
    expect(escapeHtml(null)).toBe('')
    expect(escapeHtml(undefined)).toBe('')
  })

  it('is what the review report uses: a note and a package path written by strangers stay text', () => {
    const verdict: PackageVerdict = {
      valid: false,
      bagit: { complete: true, valid: false, version: '1.0', warnings: [] },
      signature: { present: false, valid: false, fingerprint: null, signer: null, trusted: false },
      custody: { present: false, intact: false, events: 0 },
      problems: [{ code: 'checksum-mismatch', path: `data/evidence/${HOSTILE}.jpg`, message: HOSTILE }],
    }
    const html = reviewReportHtml({
      packagePath: `/tmp/${HOSTILE}`,
      reviewKey: 'k',
      verdict,
      caseJson: null,
      notes: [
        {
          id: 'n1',
          target: {},
          text: HOSTILE,
          author: { name: '李四', certNo: '32010002' },
          createdAt: '2026-05-24T01:00:00.000Z',
        },
      ],
      reviewer: { name: '李四', certNo: '32010002' },
      generatedAt: new Date('2026-05-24T02:00:00.000Z'),
    })
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;')
  })
})
