/**
 * 电子数据提取笔录, after 两高一部《关于办理刑事案件收集提取和审查判断电子数据若干问题的规定》
 * (2016) 第十四条 and 公安部《公安机关办理刑事案件电子数据取证规则》(2019): per import batch the
 * 案由, 对象, 内容, time, place, method and process, the original medium (seized or not, and why
 * not), the two 提取人, the 见证人 and the 持有人. It claims only what the software can prove.
 */
import type { ExtractionBatch } from '../../shared/transfer-types'
import type { TransferDocumentField } from '../../shared/violation-types'
import { caseTime, proseTime } from './document-format'
import type { DocumentSources } from './document-sources'
import { fieldValue } from './document-fields'
import { PrintedText } from './html-layout'
import type { RenderedBody } from './transfer-letter'
import { chineseNumber } from './violation-problems'

function batchSection(
  s: DocumentSources,
  b: ExtractionBatch,
  index: number,
  fields: TransferDocumentField[],
  p: PrintedText,
): string {
  const tz = s.info.timezone
  const f = (key: string) => fieldValue(fields, key)
  const when = b.extractedAt
    ? `${proseTime(b.extractedAt, tz)}（现场提取时间，由提取人记录）`
    : `${proseTime(b.importedAt, tz)}（导入本系统的时间；未记录现场提取时间）`
  const row = (label: string, value: string) => `<tr><th>${label}</th><td>${value}</td></tr>`
  const items = s.packageItems.filter((i) => b.items.includes(i.number))
  return `<h2>${index === 0 ? '' : ''}（${chineseNumber(index + 1)}）第 ${index + 1} 批</h2>
<table class="kv"><tbody>
${row('案由', p.text('案由', s.info.cause || s.info.title))}
${row('提取对象', `${p.text('当事人', s.info.subject.name || '（未填写）')}${b.holder ? `；持有人：${p.text('持有人', b.holder)}` : ''}`)}
${row('提取内容', `电子数据 ${items.length} 件：${items.map((i) => `${i.number} ${p.text(`${i.number} 文件名`, i.originalName)}`).join('；')}`)}
${row('提取时间', p.text('提取时间', when))}
${row('提取地点', b.place ? p.text('提取地点', b.place) : '（未记录）')}
${row('原始存储介质', `${b.medium ? p.text('原始存储介质', b.medium) : '（未记录）'}；${b.mediumSeized ? '已扣押' : `未扣押，原因：${b.notSeizedReason ? p.text('未扣押原因', b.notSeizedReason) : '（未记录）'}`}`)}
${row('提取方法', p.paragraphs('提取方法', f('method'), 'plain'))}
${row('提取过程', `${p.paragraphs('提取过程', f('process'), 'plain')}<p class="plain">本批文件于 ${caseTime(b.importedAt, tz)} 由 ${p.text('导入人', b.importedBy.name)} 导入本系统。</p>`)}
${row('完整性校验', '各文件的完整性校验值（SHA-256）见《电子数据清单》；自导入本系统起完整性校验值未发生变化（导出证据包时本系统逐一复核，不一致的不予导出）。')}
</tbody></table>
<div class="signatures keep">
${b.extractors.map((name) => `<div class="sig">提取人：${p.text('提取人', name)}（签名）<span class="line"></span></div><div class="sig">日期：<span class="line short"></span></div><div></div>`).join('')}
<div class="sig">见证人：${b.witness ? p.text('见证人', b.witness) : ''}（签名）<span class="line"></span></div><div class="sig">日期：<span class="line short"></span></div><div></div>
<div class="sig">持有人：${b.holder ? p.text('持有人', b.holder) : ''}（签名）<span class="line"></span></div><div class="sig">日期：<span class="line short"></span></div><div></div>
</div>`
}

export function extractionRecordBody(s: DocumentSources, fields: TransferDocumentField[]): RenderedBody {
  const p = new PrintedText()
  const remarks = fieldValue(fields, 'remarks')
  const problems: RenderedBody['problems'] = []
  for (const b of s.batches) {
    const where = `第 ${s.batches.indexOf(b) + 1} 批（${b.items.join('、')}）`
    if (!b.place)
      problems.push({
        code: 'missing-field',
        field: `batch.${b.key}.place`,
        message: `${where}未记录提取地点。`,
      })
    if (!b.medium)
      problems.push({
        code: 'missing-field',
        field: `batch.${b.key}.medium`,
        message: `${where}未记录原始存储介质。`,
      })
    if (!b.witness)
      problems.push({
        code: 'missing-field',
        field: `batch.${b.key}.witness`,
        message: `${where}未记录见证人。`,
      })
    if (b.extractors.length < 2)
      problems.push({
        code: 'missing-field',
        field: `batch.${b.key}.extractors`,
        message: `${where}应当由两名提取人提取。`,
      })
  }
  const body = `
<h1>电子数据提取笔录</h1>
<p class="doc-number">案件编号：${p.text('案件编号', s.info.number)}</p>
${s.batches.length ? s.batches.map((b, i) => batchSection(s, b, i, fields, p)).join('\n') : '<p class="plain">（案件中尚无电子数据）</p>'}
${remarks ? `<p class="plain">备注：</p>${p.paragraphs('备注', remarks)}` : ''}`
  return { body, problems: [...problems, ...p.problems] }
}
