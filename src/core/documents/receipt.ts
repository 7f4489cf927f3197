/** 回执: one page per letter, for the receiving 公安机关 to sign, seal and return. */
import type { TransferDocumentField } from '../../shared/violation-types'
import type { DocumentSources } from './document-sources'
import { PrintedText } from './html-layout'
import { materialsTotal } from './materials'
import type { RenderedBody } from './transfer-letter'

export interface LetterRef {
  title: string
  docNumber: string
}

export function receiptBody(
  s: DocumentSources,
  letters: LetterRef[],
  _fields: TransferDocumentField[],
): RenderedBody {
  const p = new PrintedText()
  const total = materialsTotal(s)
  const count = `共 <span class="fill">${total.copies}</span> 份 <span class="fill">${total.complete ? total.pages : ''}</span> 页`
  const pages = letters.map(
    (l, i) => `<section class="${i > 0 ? 'page' : ''}">
<h1>回　执</h1>
<p class="addressee">${p.text('移送单位', s.info.unit || '（移送单位）')}：</p>
<p class="para">你局${l.docNumber ? `${p.text('文号', l.docNumber)}号` : ''}《${l.title}》及所附材料${count}（案件编号：${p.text('案件编号', s.info.number)}；当事人：${p.text('当事人', s.info.subject.name || '（未填写）')}）已于<span class="fill"></span>年<span class="fill"></span>月<span class="fill"></span>日收到。</p>
<div class="receipt-box keep">
<p class="plain">接收人（签名）：<span class="line"></span>　联系电话：<span class="line"></span></p>
<p class="plain">接收单位（盖章）：<span class="blank"></span></p>
<p class="plain" style="text-align:right">年　　月　　日</p>
</div>
<p class="note">本回执由接收机关签名、盖章后退回移送单位，由移送单位附卷。</p>
</section>`,
  )
  return { body: pages.join('\n'), problems: p.problems }
}
