/**
 * The review report: one self-contained HTML file (no scripts, no external requests) with the
 * package's verdict, its signer and fingerprint, whether the key is trusted here, the problems
 * and notices found and the reviewer's notes — in the language the reviewer works in (zh-CN by
 * default, the language the case goes to the police in).
 */
import type { CaseJson, PackageProblem, PackageVerdict, ReviewNote } from '../../shared/package-types'
import type { Officer } from '../../shared/types'
import { instantInZone } from '../../shared/custody-words'
import { itemChecks } from './item-checks'
import { escapeHtml as esc } from '../util/html'

export type ReportLanguage = 'zh-CN' | 'en'

export interface ReviewReportInput {
  language?: ReportLanguage
  packagePath: string
  reviewKey: string
  verdict: PackageVerdict
  caseJson: CaseJson | null
  notes: ReviewNote[]
  reviewer: Officer | null
  generatedAt: Date
}

interface Words {
  title: string
  ok: string
  bad: string
  rows: {
    package: string
    caseNumber: string
    caseTitle: string
    signer: string
    fingerprint: string
    signature: string
    key: string
    custody: string
    reviewer: string
    generatedAt: string
    reviewKey: string
  }
  signatureValid: string
  signatureInvalid: string
  signatureAbsent: string
  trusted: string
  untrusted: string
  custody(events: number, state: string): string
  custodyIntact: string
  custodyBroken: string
  custodyAbsent: string
  problems: string
  noProblems: string
  warnings: string
  notes: string
  noNotes: string
  item(number: string, name: string): string
  violation(number: string, title: string): string
  wholePackage: string
  person(name: string, certNo: string): string
  footer: string
  altered: string
  alteredCols: [string, string, string, string]
  notComputed: string
  problem: Record<string, string>
  sep: string
}

const WORDS: Record<ReportLanguage, Words> = {
  'zh-CN': {
    title: '证据包审查报告',
    ok: '验证通过',
    bad: '验证未通过',
    rows: {
      package: '证据包',
      caseNumber: '案件编号',
      caseTitle: '案件名称',
      signer: '签名人',
      fingerprint: '签名密钥指纹',
      signature: '签名',
      key: '签名密钥',
      custody: '监管链记录',
      reviewer: '审查人',
      generatedAt: '报告生成时间',
      reviewKey: '审查记录标识',
    },
    signatureValid: '有效',
    signatureInvalid: '无效',
    signatureAbsent: '无签名',
    trusted: '已确认（本机信任的密钥）',
    untrusted: '未经本机确认',
    custody: (n, state) => `${n} 条，${state}`,
    custodyIntact: '完整',
    custodyBroken: '不完整',
    custodyAbsent: '缺失',
    problems: '发现的问题',
    noProblems: '未发现问题。',
    warnings: '提示',
    notes: '审查意见',
    noNotes: '没有审查意见。',
    altered: '与清单不符的证据',
    alteredCols: ['证据', '原始文件名', '清单记录的校验值（SHA-256）', '文件实际校验值'],
    notComputed: '未能计算（文件缺失或无法读取）',
    item: (number, name) => `证据 ${number} ${name}`,
    violation: (number, title) => `违法事实 ${number} ${title}`,
    wholePackage: '整个证据包',
    person: (name, certNo) => `${name}（${certNo}）`,
    footer: '本报告由 Evidence Desk 生成。审查意见保存在审查人电脑上，未写入证据包；证据包未被改动。',
    problem: {
      'missing-file': '文件缺失',
      'extra-file': '多出未登记的文件',
      'hash-mismatch': '文件内容与清单中的完整性校验值不符（文件已被改动）',
      'bad-signature': '签名无效或缺失',
      'custody-broken': '监管链记录不连续或被改动',
      'unsafe-path': '不安全的路径',
      'not-a-bag': '不是有效的证据包',
      'case-manifest-mismatch': 'case.json 与清单不一致',
      'untrusted-key': '签名有效，但签名密钥未经本机确认',
    },
    sep: '：',
  },
  en: {
    title: 'Package review report',
    ok: 'Verified',
    bad: 'Verification failed',
    rows: {
      package: 'Package',
      caseNumber: 'Case number',
      caseTitle: 'Case title',
      signer: 'Signer',
      fingerprint: 'Key fingerprint',
      signature: 'Signature',
      key: 'Signing key',
      custody: 'Custody log',
      reviewer: 'Reviewer',
      generatedAt: 'Report made at',
      reviewKey: 'Review record key',
    },
    signatureValid: 'valid',
    signatureInvalid: 'invalid',
    signatureAbsent: 'none',
    trusted: 'confirmed (trusted on this machine)',
    untrusted: 'not confirmed on this machine',
    custody: (n, state) => `${n} events, ${state}`,
    custodyIntact: 'unbroken',
    custodyBroken: 'broken or altered',
    custodyAbsent: 'missing',
    problems: 'Problems found',
    noProblems: 'No problems found.',
    warnings: 'Notices',
    notes: 'Review notes',
    noNotes: 'No review notes.',
    altered: 'Evidence that differs from the manifest',
    alteredCols: [
      'Item',
      'Original file name',
      'Checksum in the manifest (SHA-256)',
      'Checksum of the file now',
    ],
    notComputed: 'not computed (file missing or unreadable)',
    item: (number, name) => `Evidence ${number} ${name}`,
    violation: (number, title) => `Violation ${number} ${title}`,
    wholePackage: 'The whole package',
    person: (name, certNo) => `${name} (${certNo})`,
    footer:
      "Made by Evidence Desk. The review notes are kept on the reviewer's computer, not in the package; the package was not changed.",
    problem: {
      'missing-file': 'file missing',
      'extra-file': 'extra file, listed in no manifest',
      'hash-mismatch': 'content does not match its checksum in the manifest (the file was altered)',
      'bad-signature': 'signature invalid or missing',
      'custody-broken': 'custody log broken or altered',
      'unsafe-path': 'unsafe path',
      'not-a-bag': 'not a valid package',
      'case-manifest-mismatch': 'case.json does not agree with the manifest',
      'untrusted-key': 'the signature is valid, but the signing key is not confirmed on this machine',
    },
    sep: ': ',
  },
}

/** Fingerprint in groups of four, as people compare them. */
export function groupFingerprint(fp: string | null): string {
  return fp ? (fp.match(/.{1,4}/g) ?? []).join(' ') : '—'
}

/** One problem in plain words, naming its file when it has one. */
export function problemSentence(p: PackageProblem, language: ReportLanguage = 'zh-CN'): string {
  const w = WORDS[language]
  const what = w.problem[p.code] ?? p.code
  return p.path ? `${p.path}${w.sep}${what}` : what
}

function targetLabel(n: ReviewNote, cj: CaseJson | null, w: Words): string {
  if (n.target.itemId) {
    const e = cj?.evidence.find((x) => x.id === n.target.itemId)
    return e ? w.item(e.number, e.originalName) : w.item(n.target.itemId, '')
  }
  if (n.target.violationId) {
    const v = cj?.violations.find((x) => x.id === n.target.violationId)
    return v ? w.violation(v.number, v.title) : w.violation(n.target.violationId, '')
  }
  return w.wholePackage
}

/**
 * Each finding once: the sha256 and sha512 manifests both name a changed file. The verifier's own
 * message (English) is added only to the English report: a Chinese report stays in Chinese.
 */
function problemList(list: PackageProblem[], language: ReportLanguage): string {
  const seen = new Map<string, string>()
  for (const p of list) {
    const text = problemSentence(p, language)
    if (!seen.has(text)) seen.set(text, language === 'en' ? p.message : '')
  }
  return `<ul>${[...seen]
    .map(
      ([text, detail]) => `<li>${esc(text)}${detail ? `<div class="detail">${esc(detail)}</div>` : ''}</li>`,
    )
    .join('')}</ul>`
}

/** The items a failed verification names, each with the hash the manifest lists and the one its bytes give. */
function alteredTable(r: ReviewReportInput, w: Words): string {
  const checks = Object.entries(itemChecks(r.verdict, r.caseJson)).filter(
    ([, c]) => c.state === 'altered' || c.state === 'missing',
  )
  if (checks.length === 0) return ''
  const byId = new Map(r.caseJson?.evidence.map((e) => [e.id, e]))
  const rows = checks
    .map(([id, c]) => {
      const e = byId.get(id)
      return `<tr><td>${esc(e?.number ?? id)}</td><td>${esc(e?.originalName ?? c.path)}</td><td class="hash">${esc(
        c.expected,
      )}</td><td class="hash">${esc(c.actual ?? w.notComputed)}</td></tr>`
    })
    .join('')
  return `<h2>${esc(w.altered)}</h2><table class="altered"><tr>${w.alteredCols
    .map((h) => `<th>${esc(h)}</th>`)
    .join('')}</tr>${rows}</table>`
}

/** The report as one HTML document; every value from the package or the notes is escaped. */
export function reviewReportHtml(r: ReviewReportInput): string {
  const language = r.language ?? 'zh-CN'
  const w = WORDS[language]
  // times in the case's zone with the offset, as everywhere; UTC when the package has no case
  const zone = r.caseJson?.case.timezone ?? 'UTC'
  const v = r.verdict
  const c = r.caseJson?.case
  const sig = v.signature
  const custodyState = v.custody.present
    ? v.custody.intact
      ? w.custodyIntact
      : w.custodyBroken
    : w.custodyAbsent
  const rows: Array<[string, string]> = [
    [w.rows.package, r.packagePath],
    [w.rows.caseNumber, c?.number ?? '—'],
    [w.rows.caseTitle, c?.title ?? '—'],
    [w.rows.signer, sig.signer ?? '—'],
    [w.rows.fingerprint, groupFingerprint(sig.fingerprint)],
    [w.rows.signature, sig.present ? (sig.valid ? w.signatureValid : w.signatureInvalid) : w.signatureAbsent],
    [w.rows.key, sig.trusted ? w.trusted : w.untrusted],
    [w.rows.custody, w.custody(v.custody.events, custodyState)],
    [w.rows.reviewer, r.reviewer ? w.person(r.reviewer.name, r.reviewer.certNo) : '—'],
    [w.rows.generatedAt, instantInZone(r.generatedAt.toISOString(), zone)],
    [w.rows.reviewKey, r.reviewKey],
  ]
  const problems = v.problems.length ? problemList(v.problems, language) : `<p>${esc(w.noProblems)}</p>`
  const notices = [...(v.warnings ?? []), ...v.bagit.warnings]
  const warnings = notices.length
    ? `<h2>${esc(w.warnings)}</h2><div class="warn">${problemList(notices, language)}</div>`
    : ''
  const notes = r.notes.length
    ? r.notes
        .map(
          (n) =>
            `<div class="note"><div class="meta">${esc(targetLabel(n, r.caseJson, w))} · ${esc(w.person(n.author.name, n.author.certNo))} · ${esc(instantInZone(n.createdAt, zone))}</div><div class="text">${esc(n.text)}</div></div>`,
        )
        .join('')
    : `<p>${esc(w.noNotes)}</p>`
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(w.title)} ${esc(c?.number ?? '')}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:860px;color:#222}
h1{font-size:22px}.verdict{padding:12px 16px;border-radius:6px;font-size:18px;font-weight:bold;color:#fff}
.ok{background:#389e0d}.bad{background:#cf1322}table{border-collapse:collapse;width:100%;margin:1em 0}
td{border:1px solid #ddd;padding:6px 8px;vertical-align:top}td:first-child{width:9em;color:#555;white-space:nowrap}
.detail{color:#888;font-size:12px}.note{border-left:3px solid #1677ff;padding:4px 10px;margin:8px 0}
.warn{border-left:3px solid #faad14;background:#fffbe6;padding:2px 10px}
.note .meta{color:#666;font-size:12px}th{border:1px solid #ddd;padding:6px 8px;text-align:left;background:#f5f5f5}
.hash{font-family:monospace;word-break:break-all;font-size:12px}.altered td:first-child{width:auto}.note .text{white-space:pre-wrap}
</style></head><body>
<h1>${esc(w.title)}</h1>
<div class="verdict ${v.valid ? 'ok' : 'bad'}">${esc(v.valid ? w.ok : w.bad)}</div>
<table>${rows.map(([k, val]) => `<tr><td>${esc(k)}</td><td>${esc(val)}</td></tr>`).join('')}</table>
<h2>${esc(w.problems)}</h2>${problems}
${alteredTable(r, w)}
${warnings}
<h2>${esc(w.notes)}</h2>${notes}
<p class="detail">${esc(w.footer)}</p>
</body></html>
`
}
