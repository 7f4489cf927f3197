/**
 * 电子数据提取固定清单, after art. 14 of the 2016 两高一部《关于办理刑事案件收集提取和审查判断电子数据
 * 若干问题的规定》: per item its name, kind, format, size, full SHA-256, source, extraction method,
 * who extracted it and when; and the signing key's fingerprint for out-of-band confirmation.
 */
import { extname } from 'node:path'
import type { EvidenceItem } from '../../shared/types'
import type { TransferDocumentField } from '../../shared/violation-types'
import { caseTime, groupedFingerprint, itemSource, kindLabel, officerLabel } from './document-format'
import type { DocumentSources } from './document-sources'
import { fieldValue } from './document-fields'
import { PrintedText } from './html-layout'
import { listClosing, listHeading } from './item-lists'
import type { RenderedBody } from './transfer-letter'

function fileFormat(item: EvidenceItem): string {
  const ext = extname(item.originalName).slice(1).toUpperCase()
  return ext ? `${ext}（${item.mime}）` : item.mime
}

function extractionMethod(item: EvidenceItem): string {
  const d = item.derivedFrom
  if (!d) return '复制原始文件，同步计算 SHA-256'
  const what = d.operation === 'still' ? `截取 ${d.start} 秒处静帧` : `截取 ${d.start}–${d.end ?? ''} 秒片段`
  return `由 ${d.sourceNumber}（SHA-256 ${d.sourceSha256}）使用 ${d.tool} ${what}，命令：${d.command.join(' ')}`
}

export function electronicDataListBody(s: DocumentSources, fields: TransferDocumentField[]): RenderedBody {
  const p = new PrintedText()
  const tz = s.info.timezone
  const rows = s.packageItems.map(
    (item, i) =>
      `<tr><td class="num">${i + 1}</td><td>${item.number} ${p.text(`${item.number} 文件名`, item.originalName)}</td><td>${kindLabel(item.kind)}</td><td>${p.text(`${item.number} 文件格式`, fileFormat(item))}</td><td class="right">${item.size}</td><td class="hash">${item.sha256}</td><td>${p.text(`${item.number} 来源`, itemSource(item))}</td><td>${p.text(`${item.number} 提取方法`, extractionMethod(item))}</td><td>${p.text(`${item.number} 提取人`, officerLabel(item.importedBy))}</td><td>${caseTime(item.importedAt, tz)}</td></tr>`,
  )
  const totalBytes = s.packageItems.reduce((sum, i) => sum + i.size, 0)
  const remarks = fieldValue(fields, 'remarks')
  const signer = s.signer
  const body = `${listHeading(s, '电子数据提取固定清单', p)}
<p class="plain">提取方法：</p>
${p.paragraphs('提取方法', fieldValue(fields, 'extractionMethod'))}
<table>
<thead><tr><th class="num" style="width:3.5%">序号</th><th style="width:12%">名称</th><th style="width:7%">类别</th><th style="width:8%">文件格式</th><th style="width:8%">大小（字节）</th><th style="width:17%">完整性校验值（SHA-256）</th><th style="width:14%">来源</th><th>提取方法</th><th style="width:9%">提取人</th><th style="width:9.5%">提取时间</th></tr></thead>
<tbody>
${rows.length ? rows.join('\n') : '<tr><td colspan="10" style="text-align:center">（案件中尚无电子数据）</td></tr>'}
</tbody>
</table>
<p class="note">共 ${s.packageItems.length} 项，合计 ${totalBytes} 字节。完整性校验值为原始文件的 SHA-256 值（64 位十六进制），可用任何 SHA-256 工具复核；提取时间按案件时区（${p.text('时区', tz)}）显示。</p>
<p class="note">${
    signer
      ? `证据包签名人：${p.text('签名人', signer.name)}；签名密钥（Ed25519）指纹：<span class="fingerprint">${p.text('密钥指纹', groupedFingerprint(signer.fingerprint))}</span>。请通过电话等其他途径向签名人核对该指纹。`
      : '证据包签名人及签名密钥指纹：导出证据包时由导出人的密钥签名，指纹见证据包 signature/signer.json。'
  }</p>
${remarks ? `<p class="plain">备注：</p>${p.paragraphs('备注', remarks)}` : ''}
${listClosing(s, p, ['提取人', '见证人', '电子数据持有人'])}`
  return { body, problems: p.problems }
}
