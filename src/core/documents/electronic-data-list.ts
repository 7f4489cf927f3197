/**
 * 电子数据清单, after 两高一部 2016 第十四条: per original its 类别, 文件格式, size, full SHA-256
 * (完整性校验值), the original medium (seized or not, and why not) and the extraction time; and the
 * signing key's fingerprint for out-of-band confirmation.
 */
import { extname } from 'node:path'
import type { EvidenceItem } from '../../shared/types'
import type { TransferDocumentField } from '../../shared/violation-types'
import { caseTime, groupedFingerprint, kindLabel } from './document-format'
import type { DocumentSources } from './document-sources'
import { PrintedText } from './html-layout'
import { listClosing, listHeading } from './item-lists'
import type { RenderedBody } from './transfer-letter'

function fileFormat(item: EvidenceItem): string {
  const ext = extname(item.originalName).slice(1).toUpperCase()
  return ext ? `${ext}（${item.mime}）` : item.mime
}

function derivation(item: EvidenceItem): string {
  const d = item.derivedFrom!
  if (d.operation === 'compare')
    return `由 ${d.sources.map((s) => `${s.number}（SHA-256 ${s.sha256}）`).join('与')}经 ${d.tool} 逐时段比对生成（数据比对）`
  const what = d.operation === 'still' ? `截取 ${d.start} 秒处静帧` : `截取 ${d.start}–${d.end ?? ''} 秒片段`
  return `由 ${d.sourceNumber}（SHA-256 ${d.sourceSha256}）使用 ${d.tool} ${what}，命令：${d.command.join(' ')}`
}

export function electronicDataListBody(s: DocumentSources, fields: TransferDocumentField[]): RenderedBody {
  const p = new PrintedText()
  const tz = s.info.timezone
  const batchOf = (item: EvidenceItem) => s.batches.find((b) => b.items.includes(item.number))
  const rows = s.packageItems.map((item, i) => {
    const b = batchOf(item)
    const medium = item.derivedFrom
      ? p.text(`${item.number} 来源`, derivation(item))
      : b
        ? `${b.medium ? p.text(`${item.number} 原始存储介质`, b.medium) : '（未记录）'}；${b.mediumSeized ? '已扣押' : `未扣押：${b.notSeizedReason ? p.text(`${item.number} 未扣押原因`, b.notSeizedReason) : '（未记录原因）'}`}`
        : '（未记录）'
    const when = item.derivedFrom
      ? caseTime(item.importedAt, tz)
      : b?.extractedAt
        ? caseTime(b.extractedAt, tz)
        : caseTime(item.importedAt, tz)
    return `<tr><td class="num">${i + 1}</td><td class="num">${item.number}</td><td>${p.text(`${item.number} 文件名`, item.originalName)}</td><td>${kindLabel(item)}</td><td>${p.text(`${item.number} 文件格式`, fileFormat(item))}</td><td class="right">${item.size}</td><td class="hash">${item.sha256}</td><td>${medium}</td><td>${when}</td></tr>`
  })
  const totalBytes = s.packageItems.reduce((sum, i) => sum + i.size, 0)
  const signer = s.signer
  const body = `${listHeading(s, '电子数据清单', p)}
<table>
<thead><tr><th class="num" style="width:3.5%">序号</th><th class="num" style="width:5%">编号</th><th style="width:12%">文件名</th><th style="width:7%">类别</th><th style="width:8%">文件格式</th><th style="width:8%">大小（字节）</th><th style="width:18%">完整性校验值（SHA-256）</th><th>原始存储介质</th><th style="width:10%">提取时间</th></tr></thead>
<tbody>
${rows.length ? rows.join('\n') : '<tr><td colspan="9" style="text-align:center">（案件中尚无电子数据）</td></tr>'}
</tbody>
</table>
<p class="note">共 ${s.packageItems.length} 件，合计 ${totalBytes} 字节。完整性校验值为文件的 SHA-256 值（64 位十六进制），可用任何 SHA-256 工具复核；自导入本系统起完整性校验值未发生变化（导出证据包时本系统逐一复核）。提取时间按案件时区（${p.text('时区', tz)}）显示，未记录现场提取时间的为导入本系统的时间；提取经过见《电子数据提取笔录》。</p>
<p class="note">${
    signer
      ? `证据包签名人：${p.text('签名人', signer.name)}；签名密钥（Ed25519）指纹：<span class="fingerprint">${p.text('密钥指纹', groupedFingerprint(signer.fingerprint))}</span>。请通过电话等其他途径向签名人核对该指纹。`
      : '证据包签名人及签名密钥指纹：导出证据包时由导出人的密钥签名，指纹见证据包 signature/signer.json。'
  }</p>
${listClosing(s, fields, p)}`
  return { body, problems: p.problems }
}
