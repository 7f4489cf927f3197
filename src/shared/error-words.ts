/**
 * Error codes and field-error codes in words, in each UI language: one table for the renderer
 * and the command line. Core's `message` stays the English technical detail beside these words.
 */
import type { ErrorCode } from './errors'

export const UI_LANGUAGES = ['zh-CN', 'en'] as const
export type UiLanguage = (typeof UI_LANGUAGES)[number]

// a type, not an interface: the renderer's typed message keys walk into it as a plain object
export type ErrorWords = {
  /** what happened */
  title: string
  /** what to do */
  action: string
}

export const ERROR_WORDS: Record<UiLanguage, Record<ErrorCode, ErrorWords>> = {
  'zh-CN': {
    'invalid-input': { title: '部分内容不符合要求', action: '请按各字段旁的提示修改后重试。' },
    'not-found': { title: '找不到所需的内容', action: '请检查路径是否正确。' },
    'case-exists': {
      title: '所选文件夹不是空文件夹',
      action: '其中已有案件或其他文件。请选择一个空文件夹，或输入一个新文件夹名称。',
    },
    'case-missing': {
      title: '找不到案件',
      action: '该文件夹不存在，或其中没有案件数据（case.sqlite）。请确认路径，或从最近列表中移除。',
    },
    'case-locked': {
      title: '该案件正在别处打开',
      action: '同一时间只能在一处修改案件。请先在其他窗口或程序中关闭它，然后重试。',
    },
    'case-corrupt': {
      title: '案件数据已损坏或不完整',
      action: '请不要改动该文件夹，保留原样并联系技术支持。',
    },
    'case-too-new': {
      title: '该案件由更新版本的证据工作台建立',
      action: '请升级证据工作台后再打开。',
    },
    'no-case-open': { title: '当前没有打开的案件', action: '请先打开或新建案件。' },
    'no-profile': { title: '尚未填写执法人员信息', action: '请先填写姓名和执法证号。' },
    'not-supported': {
      title: '当前无法执行此操作',
      action:
        '如果是在浏览器中使用，请打开服务输出的链接（每个链接只能打开一个页面、只能用一次；在服务的终端按回车可获得新链接）。',
    },
    'connection-lost': {
      title: '与证据工作台服务的连接已断开',
      action:
        '服务可能已停止。请在终端重新运行 npm run serve（或 evidesk serve），再打开它给出的新链接；已保存的内容不会丢失。',
    },
    'io-error': {
      title: '读写文件失败',
      action: '请检查文件夹是否存在、是否有访问权限，以及磁盘空间是否充足。',
    },
    cancelled: { title: '操作已取消', action: '没有做任何修改。' },
    'read-only': {
      title: '该案件以只读方式打开',
      action: '正在审查的证据包不能修改。如需修改，请打开原案件。',
    },
    refused: { title: '暂不能执行此操作', action: '请按详情中的说明处理后重试。' },
    'path-not-chosen': {
      title: '该位置未在本次会话中选择',
      action:
        '浏览器模式只读写您在本次会话中用“浏览…”选择的位置，且从不读写程序自己的数据文件夹（签名密钥所在处）。请用“浏览…”重新选择。',
    },
    'target-exists': {
      title: '目标文件已存在',
      action: '确认后将覆盖它；也可以换一个文件名。',
    },
    internal: { title: '发生了意外错误', action: '请重试；如果问题仍然存在，请把详情提供给技术支持。' },
  },
  en: {
    'invalid-input': {
      title: 'Some entries are not valid',
      action: 'Correct them as noted next to each field, then try again.',
    },
    'not-found': { title: 'Not found', action: 'Check that the path is right.' },
    'case-exists': {
      title: 'The chosen folder is not empty',
      action: 'It already holds a case or other files. Choose an empty folder, or enter a new folder name.',
    },
    'case-missing': {
      title: 'Case not found',
      action:
        'The folder does not exist or holds no case data (case.sqlite). Check the path, or remove it from the recent list.',
    },
    'case-locked': {
      title: 'This case is open elsewhere',
      action:
        'A case can be changed in one place at a time. Close it in the other window or program, then try again.',
    },
    'case-corrupt': {
      title: 'The case data is damaged or incomplete',
      action: 'Leave the folder exactly as it is and contact technical support.',
    },
    'case-too-new': {
      title: 'This case was made by a newer Evidence Desk',
      action: 'Update Evidence Desk, then open it again.',
    },
    'no-case-open': { title: 'No case is open', action: 'Open or create a case first.' },
    'no-profile': {
      title: 'No officer profile yet',
      action: 'Enter your name and enforcement certificate number first.',
    },
    'not-supported': {
      title: 'This cannot be done here',
      action:
        'In a browser, open a link printed by the server (each opens one page, once; press Enter in its terminal for another).',
    },
    'connection-lost': {
      title: 'The connection to the Evidence Desk server was lost',
      action:
        'The server may have stopped. Run npm run serve (or evidesk serve) again in a terminal and open the new link it prints; nothing saved is lost.',
    },
    'io-error': {
      title: 'Reading or writing a file failed',
      action: 'Check that the folder exists, that you may access it, and that the disk has space.',
    },
    cancelled: { title: 'Cancelled', action: 'Nothing was changed.' },
    'read-only': {
      title: 'This case is open read-only',
      action: 'A package under review cannot be changed. Open the original case to change it.',
    },
    refused: { title: 'This cannot be done yet', action: 'Do what the details say, then try again.' },
    'path-not-chosen': {
      title: 'This place was not chosen in this session',
      action:
        "Browser mode reads and writes only where you chose with Browse… in this session, and never in the app's own data folder (where the signing keys are). Choose it with Browse….",
    },
    'target-exists': {
      title: 'The target file already exists',
      action: 'Confirm to replace it, or choose another file name.',
    },
    internal: {
      title: 'An unexpected error occurred',
      action: 'Try again; if it happens again, give the details to technical support.',
    },
  },
}

/** Field-error codes (FieldError.code) that the shared schemas produce. */
export const FIELD_ERROR_CODES = [
  'required',
  'too-long',
  'credit-code-length',
  'credit-code-charset',
  'credit-code-check-digit',
  'officers-min-two',
  'officer-duplicate',
  'timezone-unknown',
  'cert-no-digits',
  'legal-basis-duplicate',
  'legal-basis-unknown',
  'range-reversed',
  'legal-id-format',
  'legal-id-taken',
  'resident-id-length',
  'resident-id-charset',
  'resident-id-birth-date',
  'resident-id-check-digit',
  'date-in-future',
  'date-format',
  'time-format',
  'key-unit-source-required',
  'pages-min',
  'copies-min',
  'quantity-positive',
  'item-unknown',
  'extraction-after-import',
  'not-seized-reason-required',
  'two-extractors',
  'invalid',
] as const
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number]

export const FIELD_ERROR_WORDS: Record<UiLanguage, Record<FieldErrorCode, string>> = {
  'zh-CN': {
    required: '此项必填',
    'too-long': '内容过长',
    'credit-code-length': '统一社会信用代码应为 18 位',
    'credit-code-charset': '含有统一社会信用代码不使用的字符（不使用 I、O、Z、S、V）',
    'credit-code-check-digit': '校验位（最后一位）不正确，请核对号码',
    'officers-min-two': '至少需要两名执法人员',
    'officer-duplicate': '与前面的执法人员执法证号重复',
    'timezone-unknown': '无法识别的时区',
    'cert-no-digits': '执法证号只能由数字组成',
    'legal-basis-duplicate': '同一法律依据引用了两次',
    'legal-basis-unknown': '法律依据目录中没有这一条',
    'range-reversed': '结束时间早于开始时间',
    'legal-id-format': '只能使用小写字母、数字和连字符，并以字母或数字开头',
    'legal-id-taken': '本案件中已有该编号，请换一个',
    'resident-id-length': '公民身份号码应为 18 位',
    'resident-id-charset': '公民身份号码只能是 17 位数字加一位数字或 X',
    'resident-id-birth-date': '号码中的出生日期不存在，请核对',
    'resident-id-check-digit': '校验位（最后一位）不正确，请核对号码',
    'date-in-future': '立案日期不能晚于今天',
    'date-format': '日期应写成 年-月-日，如 2026-05-25',
    'time-format': '时间应写成 年-月-日 时:分，如 2021-05-24 04:30',
    'key-unit-source-required': '请写明重点排污单位的依据（名录及年度）',
    'pages-min': '页数至少为 1',
    'copies-min': '份数至少为 1',
    'quantity-positive': '数量应大于 0',
    'item-unknown': '案件中没有这件证据',
    'extraction-after-import': '现场提取时间不能晚于导入本系统的时间',
    'not-seized-reason-required': '原始存储介质未扣押时，请写明原因',
    'two-extractors': '请填写两名不同的提取人',
    invalid: '内容不符合要求',
  },
  en: {
    required: 'Required',
    'too-long': 'Too long',
    'credit-code-length': 'A unified social credit code has 18 characters',
    'credit-code-charset': 'Contains a character the code does not use (I, O, Z, S and V are never used)',
    'credit-code-check-digit': 'The check character (the last one) does not match: check the code',
    'officers-min-two': 'At least two officers are required',
    'officer-duplicate': 'Same enforcement certificate number as an officer above',
    'timezone-unknown': 'Unknown time zone',
    'cert-no-digits': 'An enforcement certificate number is digits only',
    'legal-basis-duplicate': 'The same legal basis is cited twice',
    'legal-basis-unknown': 'No such entry in the legal-basis catalogue',
    'range-reversed': 'Ends before it begins',
    'legal-id-format': 'Use lower-case letters, digits and hyphens, starting with a letter or digit',
    'legal-id-taken': 'This case already has an entry with this id; choose another',
    'resident-id-length': 'A resident ID number has 18 characters',
    'resident-id-charset': 'Only 17 digits followed by a digit or X',
    'resident-id-birth-date': 'The birth date in the number does not exist; check it',
    'resident-id-check-digit': 'The check digit (the last character) is wrong; check the number',
    'date-in-future': 'The date cannot be after today',
    'date-format': 'Write the date as YYYY-MM-DD, e.g. 2026-05-25',
    'time-format': 'Write the time as YYYY-MM-DD HH:MM, e.g. 2021-05-24 04:30',
    'key-unit-source-required': 'Say where the key-unit status comes from (list and year)',
    'pages-min': 'At least 1 page',
    'copies-min': 'At least 1 copy',
    'quantity-positive': 'The quantity must be more than 0',
    'item-unknown': 'No such evidence item in this case',
    'extraction-after-import': 'The extraction on site cannot be after the import',
    'not-seized-reason-required': 'Say why the original medium was not seized',
    'two-extractors': 'Name two different extracting officers',
    invalid: 'Not valid',
  },
}

/** The words for a field-error code; a code this table does not know reads as "not valid". */
export function fieldErrorWords(code: string, language: UiLanguage): string {
  const table = FIELD_ERROR_WORDS[language]
  return Object.hasOwn(table, code) ? table[code as FieldErrorCode] : table.invalid
}
