import { Menu, app, type MenuItemConstructorOptions } from 'electron'

/** A small application menu with zh-CN labels; the standard roles keep copy/paste shortcuts working. */
export function installMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin'
      ? [
          {
            label: '证据工作台',
            submenu: [
              { role: 'about', label: '关于证据工作台' },
              { type: 'separator' },
              { role: 'quit', label: '退出' },
            ],
          } as MenuItemConstructorOptions,
        ]
      : []),
    {
      label: '文件',
      submenu: [
        process.platform === 'darwin'
          ? { role: 'close', label: '关闭窗口' }
          : { role: 'quit', label: '退出' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
        // Developer tools only outside a package: an officer's build has no console to paste into.
        ...(app.isPackaged
          ? []
          : ([
              { type: 'separator' },
              { role: 'reload', label: '重新加载' },
              { role: 'toggleDevTools', label: '开发者工具' },
            ] as MenuItemConstructorOptions[])),
      ],
    },
    { label: '窗口', submenu: [{ role: 'minimize', label: '最小化' }] },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
