/** Strings of the item viewer frame; each viewer adds its own bundle beside this one. */
export const viewerZhCN = {
  loading: '正在打开…',
  notBuilt: '{{number}} 的查看器尚未提供（将在证据查看功能中提供）。原始文件已完整保存。',
}
