import type { viewerZhCN } from './viewer.zh-CN'

export const viewerEn: typeof viewerZhCN = {
  loading: 'Opening…',
  notBuilt:
    'The viewer for {{number}} is not built yet (it comes with the evidence viewers). The original is stored intact.',
}
