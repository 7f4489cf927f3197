import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron'
import type { Dialogs } from '../core/api/handler-context'

const TITLES = {
  'open-case': '打开案件文件夹',
  'new-case': '选择新案件的文件夹（应为空文件夹）',
  import: '选择要导入的文件夹',
  export: '选择证据包的保存位置',
} as const

// folders the dialog may create: a new case's folder, or where a package goes
const MAY_CREATE = new Set(['new-case', 'export'])

/** The OS folder picker, attached to the app window so it is modal to it. */
export function electronDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  return {
    async pickDirectory(purpose) {
      const options: OpenDialogOptions = {
        title: TITLES[purpose],
        buttonLabel: purpose === 'import' ? '导入' : MAY_CREATE.has(purpose) ? '选择' : '打开',
        properties: MAY_CREATE.has(purpose)
          ? ['openDirectory', 'createDirectory', 'dontAddToRecent']
          : ['openDirectory', 'dontAddToRecent'],
      }
      const result = await show(getWindow(), options)
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0]
    },
    async pickImportSources() {
      // Windows and Linux cannot offer files and folders in one dialog (a folder picker would win),
      // so there this picks files; a whole folder comes through pickDirectory('import').
      const mac = process.platform === 'darwin'
      const result = await show(getWindow(), {
        title: mac ? '选择要导入的文件或文件夹' : '选择要导入的文件',
        buttonLabel: '导入',
        properties: mac
          ? ['openFile', 'openDirectory', 'multiSelections', 'dontAddToRecent']
          : ['openFile', 'multiSelections', 'dontAddToRecent'],
      })
      return result.canceled ? [] : result.filePaths
    },
  }
}

function show(win: BrowserWindow | null, options: OpenDialogOptions) {
  return win && !win.isDestroyed() ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options)
}
