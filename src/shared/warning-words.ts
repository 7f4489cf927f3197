/**
 * Import and extraction warnings (ItemWarning.code) in words, in each UI language: for the
 * renderer and the command line. Core's `message` stays the English technical detail.
 */
import type { UiLanguage } from './error-words'

/** The warning codes core writes (ItemWarning.code is a plain string on the wire: others may come). */
export const WARNING_CODES = [
  'truncated',
  'extension-mismatch',
  'metadata-unreadable',
  'offset-assumed',
  'clock-mismatch',
  'time-from-filesystem',
  'thumbnail-failed',
  'changed-during-import',
  'empty',
  'rows-skipped',
  'thermal-segment-missing',
  'thermal-truncated',
  'thermal-size-mismatch',
  'name-not-utf8',
  'time-from-gps',
  'text-encoding-guessed',
  'preview-size',
  'monitoring-measured-only',
  'monitoring-dry-only',
  'monitoring-values-flagged',
  'monitoring-values-unreadable',
  'monitoring-no-table',
  'monitoring-workbook-refused',
  'monitoring-sheets-skipped',
  'monitoring-capped',
  'hj212-bad-packets',
  'hj212-site-time',
  'hj212-split-incomplete',
  'monitoring-zone-assumed',
  'monitoring-period-repeated',
  'monitoring-unit-converted',
  'monitoring-unit-refused',
  'monitoring-encoding-changed',
] as const
export type WarningCode = (typeof WARNING_CODES)[number]

// keyed by the union, so every code has words in each language and the renderer's typed keys stay exact
export const WARNING_WORDS: Record<UiLanguage, Record<WarningCode, string>> = {
  'zh-CN': {
    truncated: '文件不完整（结尾缺失），已按原样保存；缺失部分无法显示。',
    'extension-mismatch': '文件扩展名与实际内容不符。已按实际内容识别，原文件名保持不变。',
    'metadata-unreadable': '部分元数据无法读取，已保存可以读取的部分；原始文件不受影响。',
    'offset-assumed': '拍摄时间没有记录时区，已按案件时区理解。',
    'clock-mismatch': '视频内部记录的时间与文件名中的时间不一致，请核对记录仪的时钟。',
    'time-from-filesystem': '文件中没有拍摄时间，采用的是文件修改时间；复制文件可能改变了该时间。',
    'thumbnail-failed': '无法生成缩略图；原始文件不受影响。',
    'changed-during-import': '导入过程中文件发生了变化；保存的是实际读取到的内容。',
    empty: '文件为空（0 字节），没有可保存的内容。',
    'rows-skipped': '监测数据中有部分行没有可识别的时间，已略过。',
    'monitoring-measured-only': '该因子只有实测浓度，没有折算浓度；按折算浓度规定的限值在此与实测浓度比较。',
    'monitoring-dry-only': '该因子只有标干浓度（未折算到基准氧含量），不作为折算浓度与限值比较。',
    'monitoring-values-flagged':
      '部分监测数据带有数据标记（如 D 故障、M 维护），只有有效数据计入统计和超标判断。',
    'monitoring-values-unreadable': '部分单元格不是数值，已按原样保留并计数（技术详情中写明行和列）。',
    'monitoring-no-table':
      '表格中没有可识别的在线监测数据表（需要时间列和污染物列，或“监测因子”列），已作为一般文件保存；技术详情中写明需要的表头。',
    'monitoring-workbook-refused':
      '表格文件超出安全上限或无法打开，未作为监测数据读取；原始文件按原样保存，技术详情中写明原因和上限。',
    'monitoring-sheets-skipped': '部分工作表中没有监测数据表，未读取；技术详情中列出这些工作表及原因。',
    'monitoring-capped': '文件超出读取上限（行数或单元格数），只读取了前面的部分；技术详情中写明上限。',
    'hj212-bad-packets':
      '部分 HJ 212 数据包的长度或 CRC 校验不符，未计入数据序列；技术详情中按行号列出这些数据包及原因。',
    'hj212-site-time': 'HJ 212 数据包中的数据时间（DataTime）是现场当地时间，没有时区；已按案件时区理解。',
    'hj212-split-incomplete':
      '部分 HJ 212 数据分成多个包发送（PNUM/PNO），但缺少其中的包或各包内容不一致，未计入数据序列；技术详情中按行号列出已收到的包及原因。',
    'monitoring-zone-assumed': '监测数据中的时间没有注明时区，已按案件时区理解；技术详情中写明条数和时区。',
    'monitoring-period-repeated':
      '同一时段报送了两个不同的数值：图中画先出现的数值，这些时段未计入统计和超标判断；技术详情中写明时间、行号和两个数值。',
    'monitoring-unit-converted':
      '部分数值的单位与该序列不同（如 μg/m³ 与 mg/m³），已按单位列注明的单位精确换算；技术详情中写明换算的数值个数。',
    'monitoring-unit-refused':
      '部分数值或限值的单位无法精确换算为该序列的单位（如 ppm 与 mg/m³），未计入统计，也不与限值比较；技术详情中写明。',
    'monitoring-encoding-changed':
      '文件开头按 UTF-8 编码读取，但后面有不是 UTF-8 的字节，文件可能混用了编码；技术详情中写明从哪一行开始，请核对原始文件。',
    'thermal-segment-missing': '热成像数据不完整，缺少部分数据段。',
    'thermal-truncated': '文件被截断，热成像数据只读到了一部分。',
    'thermal-size-mismatch': '热成像数据的尺寸与文件声明的不一致。',
    'name-not-utf8': '文件名不是 UTF-8 编码，已按技术详情中所述的编码解码显示；原始文件名的字节已记录。',
    'time-from-gps': '拍摄时间取自文件中的 GPS 时间记录（UTC）。',
    'text-encoding-guessed': '文本未注明编码，已按技术详情中所述的编码显示；可改选其他编码，原始文件不变。',
    'preview-size': '只能读取内嵌预览图，显示的是预览尺寸，不是传感器尺寸。',
  },
  en: {
    truncated:
      'The file is incomplete (its end is missing). It is kept as it is; the missing part cannot be shown.',
    'extension-mismatch':
      'The file name extension does not match the content. It was recognised by its content and keeps its original name.',
    'metadata-unreadable':
      'Some metadata could not be read. What was readable is kept; the original is unaffected.',
    'offset-assumed': "The capture time carries no time zone; it was read in the case's time zone.",
    'clock-mismatch':
      "The time recorded inside the video differs from the time in its file name. Check the recorder's clock.",
    'time-from-filesystem':
      'The file records no capture time; its modification time is used, which copying may have changed.',
    'thumbnail-failed': 'No thumbnail could be made; the original is unaffected.',
    'changed-during-import': 'The file changed while it was imported; what was actually read is kept.',
    empty: 'The file is empty (0 bytes): there is nothing to keep.',
    'rows-skipped': 'Some rows of the monitoring data have no readable time and were left out.',
    'monitoring-measured-only':
      'This factor has only as-measured values, no values converted to the reference oxygen content; a limit set for converted values is compared with as-measured values here.',
    'monitoring-dry-only':
      'This factor has only standard dry values, not converted to the reference oxygen content; they are not compared with the limit as converted values.',
    'monitoring-values-flagged':
      'Some values carry a data flag (e.g. D fault, M maintenance); only valid data count in the statistics and exceedances.',
    'monitoring-values-unreadable':
      'Some cells are not numbers; they are kept as written and counted (the technical detail names line and column).',
    'monitoring-no-table':
      'No recognisable monitoring table (a time column with pollutant columns, or a factor column); the file is kept as a document. The technical detail names the expected headers.',
    'monitoring-workbook-refused':
      'The workbook exceeds a safety cap or cannot be opened, so it was not read as monitoring data; the original is kept as it is. The technical detail names the reason and the cap.',
    'monitoring-sheets-skipped':
      'Some sheets hold no monitoring table and were not read; the technical detail lists them with the reason.',
    'monitoring-capped':
      'The file exceeds a reading cap (rows or cells); only its first part was read. The technical detail names the cap.',
    'hj212-bad-packets':
      'Some HJ 212 packets fail their length or CRC check and were left out of the series; the technical detail lists them by line with the reason.',
    'hj212-site-time':
      "HJ 212 DataTime is the site's local time without a time zone; it was read in the case's time zone.",
    'hj212-split-incomplete':
      'Some HJ 212 messages were split over several packets (PNUM/PNO) with a part missing or parts that disagree; they were left out of the series. The technical detail lists the parts received by line, with the reason.',
    'monitoring-zone-assumed':
      "The times in the monitoring data carry no time zone; they were read in the case's time zone. The technical detail gives the count and the zone.",
    'monitoring-period-repeated':
      'Some periods were sent twice with different values: the first is drawn, and these periods are left out of the statistics and exceedances. The technical detail names the times, lines and both values.',
    'monitoring-unit-converted':
      'Some values are written in another unit than their series (e.g. μg/m³ and mg/m³); they were converted exactly as their unit cell states. The technical detail gives the counts.',
    'monitoring-unit-refused':
      "Some values or limits are in a unit that cannot be converted exactly to the series' unit (e.g. ppm and mg/m³); they are left out of the statistics and never compared with the limit.",
    'monitoring-encoding-changed':
      'The file starts in UTF-8 but later holds bytes that are not UTF-8: it may mix encodings. The technical detail names the line where they start; check the original there.',
    'thermal-segment-missing': 'The thermal data is incomplete: some of its segments are missing.',
    'thermal-truncated': 'The file is cut short; only part of the thermal data could be read.',
    'thermal-size-mismatch': 'The thermal data does not have the size the file declares.',
    'name-not-utf8':
      'The file name is not UTF-8; it is shown decoded as the technical detail says, and its original bytes are recorded.',
    'time-from-gps': 'The capture time comes from the GPS time recorded in the file (UTC).',
    'text-encoding-guessed':
      'The text does not name its encoding; it is shown in the encoding the technical detail names. Another can be chosen; the original is unchanged.',
    'preview-size':
      'Only the embedded preview is readable: the size shown is the preview size, not the sensor size.',
  },
}

/** The words for a warning code, or `fallback` (core's message) for a code this table does not know. */
export function warningWords(code: string, language: UiLanguage, fallback: string): string {
  const table = WARNING_WORDS[language]
  return Object.hasOwn(table, code) ? table[code as WarningCode] : fallback
}
