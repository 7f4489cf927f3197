import type { ThemeConfig } from 'antd'

/**
 * A calm, document-like look: one restrained blue, small radii, and CJK fonts named first
 * so Chinese renders with a proper Sans face rather than a fallback.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e8c',
    colorInfo: '#1f4e8c',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Helvetica Neue', Arial, sans-serif",
    fontFamilyCode:
      "'Noto Sans Mono', 'DejaVu Sans Mono', 'SFMono-Regular', Consolas, 'Liberation Mono', monospace",
    colorBgLayout: '#f4f6f9',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 56, headerPadding: '0 20px' },
    Menu: {
      itemBorderRadius: 4,
      activeBarBorderWidth: 0,
      itemSelectedBg: '#e6edf7',
      itemSelectedColor: '#1f4e8c',
      itemHoverBg: '#f2f5f9',
    },
    Card: { headerFontSize: 15 },
  },
}
