import { readFileSync } from 'node:fs'
import { checkInWords, offsetInWords } from '../../../shared/clock-offset'
import { isAbsolute, relative, resolve } from 'node:path'
import { custodyActionLabel } from '../../../shared/custody-labels'
import { custodyDetailsInWords, itemFacts, sentenceHtml } from '../../../shared/custody-words'
import type { CaseJson } from '../../../shared/package-types'
import { citationInWords, turnLookup } from '../../../shared/citations'
import { categoryLabel } from '../../../shared/kinds/category'
import type { CustodyEvent } from '../../../shared/types'
import { formatLocalWithOffset, zoneOffsetMinutes } from '../../../shared/time-zone'
import type { ReadableDB } from '../../db/database'
import { derivedPath } from '../../evidence/item-repository'
import { groupFingerprint } from '../../signing/officer-key'
import { escapeHtml as esc } from '../../util/html'

const STATUS: Record<string, string> = { draft: '草稿', confirmed: '已确认', transferred: '已移送' }

/** Largest thumbnail we inline; thumbnails are small, this only guards against a stray big file. */
const MAX_THUMB_BYTES = 512 * 1024

function href(bagPath: string): string {
  // the report sits in data/report/, so data/… is one level up; each component percent-encoded
  return (
    '../' +
    bagPath
      .replace(/^data\//, '')
      .split('/')
      .map(encodeURIComponent)
      .join('/')
  )
}

/** The item's existing thumbnail as a data: URI, or null when it has none. */
export function thumbDataUri(caseDir: string, db: ReadableDB, itemId: string): string | null {
  const rel = derivedPath(db, itemId, 'thumb')
  if (!rel) return null
  const full = resolve(caseDir, rel)
  const inside = relative(caseDir, full)
  if (inside.startsWith('..') || isAbsolute(inside)) return null
  try {
    const bytes = readFileSync(full)
    if (bytes.length > MAX_THUMB_BYTES) return null
    const mime = bytes[0] === 0x89 ? 'image/png' : bytes[0] === 0x52 ? 'image/webp' : 'image/jpeg'
    return `data:${mime};base64,${bytes.toString('base64')}`
  } catch {
    return null
  }
}

/**
 * The package's self-contained report (zh-CN): the case, the violations with what proves them,
 * every item with its hash and inline thumbnail, the documents and the custody log. It loads
 * nothing: a CSP forbids every request, thumbnails are data: URIs, links are relative to the bag.
 */
export function reportHtml(
  c: CaseJson,
  events: Iterable<CustodyEvent>,
  thumbs: Map<string, string | null>,
): string {
  const tz = c.case.timezone
  const time = (iso: string | null): string =>
    iso ? formatLocalWithOffset(iso, zoneOffsetMinutes(tz, Date.parse(iso))) : '—'
  const byId = new Map(c.evidence.map((e) => [e.id, e]))
  const basis = new Map(c.legalBasis.map((b) => [b.id, b]))
  const violations = c.violations
    .map((v) => {
      const links = v.links.filter((l) => !l.removedAt)
      return `<section class="violation">
  <h3>${esc(v.number)} ${esc(v.title)} <span class="tag">${esc(STATUS[v.status] ?? v.status)}</span></h3>
  <p>${esc(v.facts)}</p>
  <p class="muted">法律依据：${
    v.basis
      .map((id) => esc(basis.get(id) ? `${basis.get(id)?.law}${basis.get(id)?.article}` : id))
      .join('；') || '（未引用）'
  }</p>
  <table><thead><tr><th>证据</th><th>引用</th><th>证明内容</th></tr></thead><tbody>
  ${
    links
      .map((l) => {
        const e = byId.get(l.itemId)
        const turns = e ? itemFacts(e).turns : undefined
        const cited = citationInWords(l.annotationType, l.anchor, {
          lang: 'zh-CN',
          timezone: tz,
          kind: e?.kind ?? null,
          numberOf: (id) => byId.get(id)?.number ?? null,
          turnAt: turns ? turnLookup(turns) : undefined,
        }).full
        return `<tr><td>${e ? `<a href="${esc(href(e.path))}">${esc(l.itemNumber)}</a>` : esc(l.itemNumber)}</td><td>${esc(
          cited,
        )}</td><td>${esc(l.note)}</td></tr>`
      })
      .join('\n') || '<tr><td colspan="3">尚无证据</td></tr>'
  }
  </tbody></table>
</section>`
    })
    .join('\n')
  const evidence = c.evidence
    .map((e) => {
      const thumb = thumbs.get(e.id)
      return `<tr>
  <td class="thumb">${thumb ? `<img alt="${esc(e.number)}" src="${thumb}">` : ''}</td>
  <td><a href="${esc(href(e.path))}">${esc(e.number)}</a></td>
  <td>${esc(e.originalName)}${e.derivedFrom ? `<br><span class="muted">派生自 ${esc(e.derivedFrom.sourceNumber)}</span>` : ''}</td>
  <td>${esc(categoryLabel(e.category, 'zh-CN'))}</td>
  <td class="num">${e.size.toLocaleString('en-US')}</td>
  <td>${esc(time(e.capturedAt))}${
    e.clock?.correctedAt
      ? `<br><span class="muted">校正后 ${esc(time(e.clock.correctedAt))}（设备${esc(offsetInWords(e.clock.offset.offsetMs, 'zh-CN'))}，${esc(checkInWords(e.clock.offset, 'zh-CN', tz))}）</span>`
      : ''
  }</td>
  <td class="hash">${esc(e.sha256)}</td>
</tr>`
    })
    .join('\n')
  const documents = c.documents
    .map(
      (d) =>
        `<li>${esc(d.title)}：<a href="${esc(href(d.html))}">HTML</a>${d.pdf ? ` · <a href="${esc(href(d.pdf))}">PDF</a>` : ''}</li>`,
    )
    .join('\n')
  // each event in words (the same sentences as the custody log screen); the raw details are in custody-log.jsonl
  const facts = new Map(c.evidence.map((e) => [e.id, itemFacts(e)]))
  const words = { lang: 'zh-CN' as const, timezone: tz, item: (id: string) => facts.get(id) ?? null }
  const custody = [...events]
    .map(
      (ev) =>
        `<tr><td class="num">${ev.seq}</td><td class="nowrap">${esc(time(ev.at))}</td><td>${esc(ev.actor.name)}</td><td>${esc(
          custodyActionLabel(ev.action, 'zh-CN'),
        )}</td><td>${esc(ev.itemId ? (byId.get(ev.itemId)?.number ?? '') : '')}</td><td>${sentenceHtml(
          custodyDetailsInWords(ev, words),
          esc,
        )}</td><td class="hash">${esc(ev.hash.slice(0, 16))}…</td></tr>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${esc(c.case.number)} 证据包报告</title>
<style>
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.5em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; font-size: .9em; }
th, td { border: 1px solid #ccc; padding: .3em .5em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .3em 1em; }
dt { color: #666; }
.hash { font-family: monospace; word-break: break-all; font-size: .85em; }
.num { text-align: right; white-space: nowrap; } .nowrap { white-space: nowrap; }
.thumb img { max-width: 120px; max-height: 90px; }
.muted { color: #666; } .tag { font-size: .7em; background: #eef; padding: .1em .4em; border-radius: 3px; }
</style>
</head>
<body>
<h1>${esc(c.case.number)} ${esc(c.case.title)}</h1>
<dl>
<dt>案由</dt><dd>${esc(c.case.cause) || '—'}</dd>
<dt>当事人</dt><dd>${esc(c.case.subject.name) || '—'}${c.case.subject.creditCode ? `（${esc(c.case.subject.creditCode)}）` : ''}</dd>
<dt>执法单位</dt><dd>${esc(c.case.unit)}</dd>
<dt>执法人员</dt><dd>${c.case.officers.map((o) => `${esc(o.name)}（${esc(o.certNo)}）`).join('、')}</dd>
<dt>导出时间</dt><dd>${esc(time(c.exportedAt))}（${esc(tz)}）</dd>
<dt>导出人</dt><dd>${esc(c.exportedBy.name)}（${esc(c.exportedBy.certNo)}）</dd>
<dt>签名密钥指纹</dt><dd class="hash">${esc(groupFingerprint(c.signer.fingerprint))}</dd>
<dt>监管链</dt><dd>${c.custody.events} 条记录，末条哈希 <span class="hash">${esc(c.custody.headHash)}</span></dd>
</dl>
<p class="muted">本报告仅供浏览。证据包的完整性以 manifest-sha256.txt、manifest-sha512.txt 及 signature/ 下的签名为准，可用 evidesk verify 校验。</p>
<h2>违法事实</h2>
${violations || '<p>本证据包不含违法事实。</p>'}
<h2>证据清单（${c.evidence.length} 项）</h2>
<table><thead><tr><th>缩略图</th><th>编号</th><th>原始文件名</th><th>类别</th><th>大小（字节）</th><th>采集时间</th><th>完整性校验值（SHA-256）</th></tr></thead>
<tbody>
${evidence}
</tbody></table>
<h2>移送材料</h2>
<ul>${documents || '<li>无</li>'}</ul>
<h2>监管链记录</h2>
<p class="muted">每条记录的原始内容见 custody-log.jsonl。</p>
<table><thead><tr><th>序号</th><th>时间</th><th>操作人</th><th>操作</th><th>证据</th><th>内容</th><th>哈希</th></tr></thead>
<tbody>
${custody}
</tbody></table>
</body>
</html>
`
}
