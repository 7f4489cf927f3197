/**
 * Registers the export screen's words under `exportPkg` and the custody-log labels of the
 * export and key events, deep-merged beside the app's bundles (same pattern as media-viewers-i18n).
 */
import { i18n } from '../../i18n'
import { exportEn } from '../../i18n/export.en'
import { exportZhCN } from '../../i18n/export.zh-CN'

i18n.addResourceBundle(
  'zh-CN',
  'translation',
  {
    exportPkg: exportZhCN,
    custody: {
      actions: {
        exported: '导出证据包',
        'export-failed': '导出失败',
        'export-cancelled': '导出已取消',
        'key-created': '生成签名密钥',
      },
    },
  },
  true,
  false,
)
i18n.addResourceBundle(
  'en',
  'translation',
  {
    exportPkg: exportEn,
    custody: {
      actions: {
        exported: 'Package exported',
        'export-failed': 'Export failed',
        'export-cancelled': 'Export cancelled',
        'key-created': 'Signing key created',
      },
    },
  },
  true,
  false,
)
