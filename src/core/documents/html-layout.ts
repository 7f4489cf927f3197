/**
 * The printed form of every transfer document: A4, official-document typography (GB/T 9704-like
 * margins, 小标宋-like bold title, 仿宋-like body at 三号/四号), bordered tables, signature lines,
 * a seal placeholder, and "第 N 页 共 M 页" in the bottom margin box. Self-contained: inline CSS,
 * no scripts, no external requests.
 */
import type { DocumentProblem } from '../../shared/violation-types'
import { escapeHtml } from '../util/html'
import { unprintableCodePoint } from './printable-text'

/**
 * Escapes text for the page and notes any field whose text cannot be printed (see
 * printable-text.ts). `field` names where the text came from, e.g. "V1 违法事实" or "addressee".
 */
export class PrintedText {
  readonly problems: DocumentProblem[] = []
  private readonly seen = new Set<string>()

  text(field: string, value: string): string {
    const bad = unprintableCodePoint(value)
    if (bad && !this.seen.has(field)) {
      this.seen.add(field)
      this.problems.push({
        code: 'unprintable-text',
        field,
        message: `「${field}」含有无法打印的字符 ${bad}（控制字符、私用区或未分配的码位），请修改后再移送。`,
      })
    }
    return escapeHtml(value)
  }

  /** Multi-line text as paragraphs, each indented two characters as official documents are. */
  paragraphs(field: string, value: string, cls = 'para'): string {
    return value
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => `<p class="${cls}">${this.text(field, line)}</p>`)
      .join('\n')
  }
}

/*
 * Fonts with TrueType (glyf) outlines come first. Chromium's PDF back end (Skia) embeds only
 * TrueType outlines as real fonts (CIDFontType2); fonts with CFF outlines — Debian's Noto CJK is
 * OpenType/CFF — and any synthetic bold are drawn as Type 3 glyph procedures, which PDF/A
 * checkers reject and many readers cannot search or copy. AR PL UMing (a 明体/宋体) and
 * WenQuanYi Micro Hei (a 黑体) are TrueType on Debian (fonts-arphic-uming, fonts-wqy-microhei);
 * SimSun/FangSong/SimHei are TrueType on Windows. `font-synthesis: none` keeps any bold from
 * being faked: emphasis is by size, as 公文 title fonts are.
 */
const SERIF = `"AR PL UMing CN", "AR PL UMing", "FangSong", "SimSun", "Noto Serif CJK SC", serif`
const SANS = `"WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif`
const MONO = `"DejaVu Sans Mono", "WenQuanYi Micro Hei Mono", "Consolas", monospace`

function pageCss(orientation: 'portrait' | 'landscape'): string {
  const size = orientation === 'portrait' ? 'A4' : 'A4 landscape'
  const margin = orientation === 'portrait' ? '2.8cm 2.6cm 2.6cm 2.8cm' : '2.2cm 2.0cm 2.2cm 2.2cm'
  return `
@page {
  size: ${size};
  margin: ${margin};
  @bottom-center {
    content: "第 " counter(page) " 页 共 " counter(pages) " 页";
    font-family: ${SERIF};
    font-size: 10.5pt;
    color: #000;
  }
}
* { box-sizing: border-box; font-synthesis: none; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { font-family: ${SERIF}; font-size: ${orientation === 'portrait' ? '15pt' : '12pt'}; line-height: 1.75; }
@media screen {
  body { width: ${orientation === 'portrait' ? '21cm' : '29.7cm'}; padding: ${margin}; margin: 0 auto; }
}
.draft { border: 2px solid #b00; color: #b00; font-family: ${SANS}; font-size: 11pt; padding: 6pt 10pt; margin-bottom: 14pt; line-height: 1.5; }
.draft strong { font-size: 13pt; }
.draft ul { margin: 4pt 0 0 0; padding-left: 18pt; }
h1 { font-family: ${SERIF}; font-weight: 400; font-size: 22pt; letter-spacing: 2pt; text-align: center; margin: 0 0 6pt 0; line-height: 1.4; }
h1.long { font-size: 18pt; letter-spacing: 0; }
.doc-number { text-align: center; font-size: 14pt; margin: 0 0 18pt 0; }
.addressee { margin: 12pt 0 6pt 0; }
.para { text-indent: 2em; margin: 0 0 4pt 0; text-align: justify; }
.plain { margin: 0 0 4pt 0; }
h2 { font-family: ${SANS}; font-weight: 400; font-size: ${orientation === 'portrait' ? '15pt' : '12.5pt'}; margin: 14pt 0 6pt 0; }
h3 { font-family: ${SANS}; font-weight: 400; font-size: inherit; margin: 10pt 0 4pt 0; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
table { width: 100%; border-collapse: collapse; margin: 6pt 0 10pt 0; font-family: ${SANS}; font-size: ${orientation === 'portrait' ? '10.5pt' : '9.5pt'}; line-height: 1.45; page-break-inside: auto; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left; word-break: break-word; }
th { font-weight: 400; text-align: center; background: #f2f2f2; }
strong, b { font-weight: 400; }
.unverified { font-family: ${SANS}; font-size: 0.85em; color: #555; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.page { break-before: page; page-break-before: always; }
.approval td.opinion { height: 3.6cm; vertical-align: top; }
.approval .sign { display: flex; justify-content: flex-end; gap: 24pt; margin-top: 8pt; white-space: nowrap; }
.receipt-box { border: 0.75pt solid #000; padding: 14pt 16pt; margin-top: 18pt; }
.fill { display: inline-block; min-width: 2.2cm; border-bottom: 0.75pt solid #000; text-align: center; }
td.num, th.num { text-align: center; white-space: nowrap; }
td.right { text-align: right; white-space: nowrap; }
.hash { font-family: ${MONO}; font-size: 8.5pt; word-break: break-all; letter-spacing: 0; }
.kv th { width: 22%; text-align: left; }
.note { font-size: 10.5pt; font-family: ${SANS}; margin: 4pt 0; }
.fingerprint { font-family: ${MONO}; font-size: 10pt; }
.closing { margin-top: ${orientation === 'portrait' ? '28pt' : '6pt'}; break-inside: avoid; page-break-inside: avoid; }
.closing.row { display: flex; justify-content: space-between; align-items: center; gap: 24pt; margin-top: 12pt; }
.closing.row .signatures, .closing.row .issuer { margin-top: 0; }
.issuer { display: flex; justify-content: flex-end; margin-top: 12pt; break-inside: avoid; page-break-inside: avoid; }
.issuer-box { position: relative; text-align: center; min-width: 8cm; height: ${orientation === 'portrait' ? '4.6cm' : '3.8cm'}; display: flex; flex-direction: column; justify-content: center; }
.seal { position: absolute; left: 50%; top: 50%; width: ${orientation === 'portrait' ? '4.2cm' : '3.6cm'}; height: ${orientation === 'portrait' ? '4.2cm' : '3.6cm'}; margin: ${orientation === 'portrait' ? '-2.1cm 0 0 -2.1cm' : '-1.8cm 0 0 -1.8cm'}; border: 1pt dashed #999; border-radius: 50%; color: #999; font-size: 10pt; display: flex; align-items: flex-start; justify-content: center; padding-top: 0.5cm; font-family: ${SANS}; }
.signatures { display: grid; grid-template-columns: auto auto 1fr; gap: 10pt 24pt; margin-top: 16pt; font-size: ${orientation === 'portrait' ? '13pt' : '11pt'}; break-inside: avoid; page-break-inside: avoid; }
.closing .plain, .closing .cc { font-size: ${orientation === 'portrait' ? '13pt' : '11pt'}; }
.sig { white-space: nowrap; }
.line { display: inline-block; min-width: 3.2cm; border-bottom: 0.75pt solid #000; height: 1.2em; vertical-align: bottom; }
.line.short { min-width: 2.4cm; }
.blank { display: inline-block; min-width: 6cm; border-bottom: 0.75pt solid #000; }
.cc { margin-top: 18pt; font-size: 12pt; border-top: 0.75pt solid #000; padding-top: 6pt; }
`
}

/** The draft banner: printed on the page itself, so a draft is never mistaken for the real thing. */
export function draftBanner(problems: DocumentProblem[]): string {
  if (problems.length === 0) return ''
  const items = problems.map((p) => `<li>${escapeHtml(p.message)}</li>`).join('')
  return `<div class="draft" role="note"><strong>草稿 — 尚不能作为正式文书移送</strong><ul>${items}</ul></div>`
}

/** Signature lines with dates, to be signed by hand (承办人 / 审核人 / 负责人 unless other roles are named). */
export function signatureLines(roles: string[] = ['承办人', '审核人', '负责人']): string {
  const sig = (role: string) =>
    `<div class="sig">${role}（签名）：<span class="line"></span></div><div class="sig">日期：<span class="line short"></span></div><div></div>`
  return `<div class="signatures">${roles.map(sig).join('')}</div>`
}

/** The issuing unit and date, with a dashed circle where the seal goes. */
export function issuerBlock(unitHtml: string, dateHtml: string): string {
  return `<div class="issuer"><div class="issuer-box"><div class="seal">（盖章）</div><div>${unitHtml}</div><div>${dateHtml}</div></div></div>`
}

/** One complete page: the document's own CSS, the draft banner when there are problems, the body. */
export function htmlDocument(opts: {
  title: string
  orientation: 'portrait' | 'landscape'
  problems: DocumentProblem[]
  body: string
}): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<style>${pageCss(opts.orientation)}</style>
</head>
<body>
${draftBanner(opts.problems)}
${opts.body}
</body>
</html>
`
}
