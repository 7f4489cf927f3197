/** Strings of the item viewer frame, the `viewer` namespace; each viewer has its own namespace beside it. */
export const viewerZhCN = {
  loading: '正在打开…',
  withdraw: '撤回',
  withdrawTitle: '撤回这条引用',
  withdrawConfirm: '撤回',
  withdrawReason: '撤回理由',
  withdrawReasonPlaceholder: '为什么撤回（会记入监管链记录）',
  cancel: '取消',
  notBuilt: '{{number}} 的查看器尚未提供（将在证据查看功能中提供）。原始文件已完整保存。',
}
