/** 命令行面向人的输出（简体中文）。Words follow the glossary in UI.md; keys and signatures are en.ts's. */
import type { AnnotationType, CaseInfo, EvidenceItem, ImportFileResult } from '../../shared/types'
import { citationInWords } from '../../shared/citations'
import { ERROR_CODES, type ErrorCode } from '../../shared/errors'
import { ERROR_WORDS } from '../../shared/error-words'
import { warningWords } from '../../shared/warning-words'
import type { CliMessages } from './en'

const usageTail = (usage: string | string[]): string =>
  `\n用法：${Array.isArray(usage) ? usage.join('\n      ') : usage}`

const STATUS: Record<string, string> = {
  imported: '已导入',
  duplicate: '重复',
  rejected: '已拒收',
  draft: '草稿',
  confirmed: '已确认',
  transferred: '已移送',
}

const PROBLEM: Record<string, string> = {
  missing: '原始文件缺失',
  'hash-mismatch': '内容与导入时的完整性校验值不符',
  unreadable: '无法读取',
}

/** 核验结论中的问题代码 */
const FINDING: Record<string, string> = {
  'missing-file': '清单中的文件缺失',
  'extra-file': '清单之外多出文件',
  'hash-mismatch': '文件内容与清单中的校验值不符',
  'bad-signature': '签名无效',
  'untrusted-key': '签名密钥未在本机确认',
  'signer-mismatch': '签名人与已信任的密钥不一致',
  'custody-broken': '监管链记录不完整或被改动',
  'unsafe-path': '不安全的文件路径',
  'zip-inconsistent': 'ZIP 文件结构前后不一致',
  'limit-exceeded': '超出允许的大小或层级',
  'not-a-bag': '不是 BagIt 证据包',
  'case-manifest-mismatch': 'case.json 与清单不一致',
}

export const zhCN: CliMessages = {
  usage: (usage) => `用法：${usage}`,
  badArguments: (detail, usage) => `参数有误：${detail}${usageTail(usage)}`,
  badLanguage: (text) => `--lang 只能是 zh-CN 或 en，而不是“${text}”`,
  unknownCommand: (command) => `没有“${command}”这个命令；运行 evidesk --help 查看全部命令`,
  unknownSubcommand: (command, sub, usage) =>
    `“${command}”后面需要子命令${sub ? `（没有“${sub}”）` : ''}${usageTail(usage)}`,
  noPositionals: (usage) => `此命令只接受选项${usageTail(usage)}`,
  oneCaseFolder: (usage) => `请给出一个案件文件夹${usageTail(usage)}`,
  caseAndItem: (usage) => `请给出案件文件夹和证据编号${usageTail(usage)}`,
  caseAndTarget: (usage) => `请给出案件文件夹和输出位置${usageTail(usage)}`,
  caseAndSources: (usage) => `请给出案件文件夹和至少一个文件或文件夹${usageTail(usage)}`,
  caseAndViolation: (usage) => `请给出案件文件夹和违法事实（V1 或其 id）${usageTail(usage)}`,
  caseViolationItem: (usage) => `请给出案件文件夹、违法事实和证据编号${usageTail(usage)}`,
  officerFormat: (text) => `执法人员“${text}”应写成“<姓名>:<执法证号>”`,
  notAFingerprint: (text) => `“${text}”既不是密钥指纹（应为 64 位十六进制数字），也不是公钥文件`,
  oneCitation: (usage) =>
    `一次只能引用一处：--start/--end、--quote、--region 或 --pollutant/--from/--to${usageTail(usage)}`,
  citationNeeded: (usage) =>
    `请指明引用的内容：--start/--end、--quote、--region 或 --pollutant/--from/--to${usageTail(usage)}`,
  startEndTogether: (usage) => `--start 和 --end 须同时给出${usageTail(usage)}`,
  dataRangeTogether: (usage) => `--pollutant、--from 和 --to 须同时给出${usageTail(usage)}`,
  unknownBasis: (basis, known) =>
    `--basis ${basis} 不是浓度基准（可选：${known}；measured 实测，dry 标干，converted 折算，rate 排放速率）`,
  notSeconds: (flag, text) => `${flag} 应为不小于 0 的秒数（收到的是“${text}”）`,
  notInstant: (flag, text) =>
    `${flag} 应为带时区偏移的 ISO 8601 时间，例如 2021-05-24T02:00:00+08:00（收到的是“${text}”）`,
  endBeforeStart: (start, end) => `结束（${end}）必须晚于开始（${start}）`,
  emptyQuote: '--quote 需要给出引用的原文',
  badRegion: (text) => `--region 应为四个整数像素值 x,y,w,h（收到的是“${text}”）`,
  emptyRegion: '--region 的宽和高都必须大于 0',
  quoteRepeated: (text, number, at) =>
    `注意：“${text}”在 ${number} 中出现不止一次，引用的是第一处（第 ${at} 个字符）。`,
  badPort: (text) => `--port 应为 0 到 65535 之间的数字，而不是“${text}”`,

  errorHeadline: (title, action) => `evidesk：${title}。${action}`,
  errorDetail: (message) => `  技术详情：${message}`,
  fieldProblem: (field, problem) => `  ${field}：${problem}`,
  fieldName: (path, flag) => {
    const name = FIELD[path] ?? FIELD[path.split('.')[0]]
    return [name, flag].filter(Boolean).join(' ') || path
  },
  interruptedTwice: '再次中断：不再等待清理，立即退出。',

  progressImport: '正在导入',
  progressExport: '正在导出',
  progressVerify: '正在核验',
  progressCheck: '正在校验',
  progressFiles: (done, total) => `${done}/${total} 个文件`,
  progressLeft: (time) => `剩余 ${time}`,
  stopping: '正在停止…',
  stoppingImport: '正在停止：正在复制的文件将被丢弃，已完成的文件保留并有记录…',
  stoppingExport: '正在停止：未完成的证据包将被删除…',
  stoppingVerify: '正在停止核验…',
  stoppingCheck: '正在停止校验；未完成的校验不作记录…',

  profileLine: (name, certNo, unit) => `执法人员：${name}，执法证号 ${certNo}，${unit}`,
  keyLine: (fingerprint, createdAt, created) =>
    `签名密钥（Ed25519）${created ? '，刚刚生成' : ''}：指纹 ${fingerprint}，生成于 ${createdAt}`,
  keyProtection: (protection) =>
    protection === 'safe-storage'
      ? '私钥由桌面应用的系统密钥库加密保存'
      : '私钥保存在仅本人可读（0600）的文件中；请备份 keys 文件夹',
  noKeyYet: '尚无签名密钥：运行 evidesk profile set 或 evidesk key export 时会生成',
  dataFolder: (dir) => `数据文件夹：${dir}`,
  keyExported: (path, fingerprint, name) =>
    `${path ? `已将 ${name} 的公钥写入 ${path}` : `${name} 的公钥已输出到标准输出`}；指纹 ${fingerprint}`,
  trustAdded: (name, fingerprint) => `已信任：${name}，指纹 ${fingerprint}`,
  trustRemoved: (fingerprint) => `已不再信任：${fingerprint}`,
  trustEmpty: '本机还没有已信任的密钥',
  trustEntry: (fingerprint, name, addedAt) => `${fingerprint}  ${name}（添加于 ${addedAt}）`,

  caseCreated: (number, dir) => `已建立案件 ${number}：${dir}`,
  caseSummary: (info: CaseInfo) =>
    `${info.number}  ${info.title}\n${info.subject.name}  ${info.subject.creditCode}\n${info.officers.map((o) => `${o.name}（${o.certNo}）`).join('、')}\n证据：${info.evidenceCount} 件`,
  caseEdited: (number, changes) => `案件 ${number} 已修改：监管链记录新增 ${changes} 条`,
  caseUnchanged: '没有修改：给出的内容与案件现有内容相同',
  officer: (name, certNo) => (certNo ? `${name}（${certNo}）` : name),

  importResult: (r: ImportFileResult) => {
    const tag =
      r.status === 'imported'
        ? r.warnings.length
          ? '已导入（有警告）'
          : '已导入'
        : (STATUS[r.status] ?? r.status)
    return `${r.number ?? '    '} ${tag.padEnd(10, '　')} ${r.path}${r.error ? ` — ${rejectReason(r)}（技术详情：${r.error.message}）` : ''}${r.warnings.map((w) => `\n       ⚠ ${warningWords(w.code, 'zh-CN', w.message)}`).join('')}`
  },
  importSummary: (imported, warned, duplicate, rejected, cancelled) =>
    `已导入 ${imported}${warned ? `（其中 ${warned} 有警告）` : ''}，重复 ${duplicate}，拒收 ${rejected}${cancelled ? '（已取消：其余文件未导入）' : ''}`,
  importProblem: (problem) =>
    `部分文件已复制但未能登记：存放案件的磁盘已满，其副本已删除。请腾出空间后重新导入。（技术详情：${problem}）`,
  noEvidence: '案件中还没有证据',
  itemSummary: (item: EvidenceItem, events) =>
    `${item.number} ${item.originalName}\n完整性校验值（SHA-256）${item.sha256}\n${item.kind} ${item.mime} ${item.size} 字节\n拍摄时间 ${item.capturedAt ?? '—'}（来源：${item.capturedAtSource ?? '未知'}）\n监管链记录 ${events} 条`,
  badObject: (number, sha256, problem) => `${number} ${sha256}：${PROBLEM[problem] ?? problem}`,
  custodyBroken: (seq, problem) => `监管链记录在第 ${seq ?? '?'} 条处断开：${problem}`,
  checkOk: (objects, events) => `校验通过：原始文件 ${objects} 个，监管链记录 ${events} 条`,
  partialRemoved: (path) => `已删除中途停止的导出留下的未完成文件：${path}`,
  orphansFound: (shas) =>
    `证据库中有 ${shas.length} 个文件不属于任何证据（导入时未能登记而遗留）：${shas.map((s) => s.slice(0, 12)).join('、')}。可用“evidesk check --remove-orphans”清除，清除会记入监管链。`,
  orphansRemoved: (n) => `已清除 ${n} 个不属于任何证据的文件（监管链记录“清除未登记的文件”）`,
  checkFailed: '校验未通过',

  // the one wording of citations (shared/citations), as the screen and the documents show them
  citationWords: (type: AnnotationType, a: unknown, timezone: string): string =>
    citationInWords(type, a, { lang: 'zh-CN', timezone }).full,
  unknownEncoding: (text, known) => `“${text}”不是可选的文字编码；可选：${known}`,
  decodingNow: (number, encoding, chosen, candidates) =>
    encoding
      ? `${number} 按 ${encoding} 解码${chosen ? '（由办案人员选定，见监管链记录）' : '（自动识别）'}${candidates ? `；识别时可能的编码：${candidates}` : ''}`
      : `${number}：没有记录文字编码（不是文本原件，或编码未能识别）`,
  decodingSet: (number, to, from) =>
    `${number} 已改按 ${to} 解码${from ? `（原为 ${from}）` : ''}；原始文件未改变（监管链事件“更改文字解码”）`,
  clockSet: (device) =>
    `已记录 ${device} 的设备时钟偏差（监管链记录：设定/更改设备时钟偏差）；拍摄时间保留原记录`,
  clockRemoved: (device) =>
    `已撤销 ${device} 的设备时钟偏差（监管链记录：撤销设备时钟偏差）；其证据按原记录时间显示`,
  noClockOffsets: '尚未记录设备时钟偏差',
  caseDevices: (keys) => `本案设备（厂商|型号|序列号）：${keys || '无'}`,
  comparisonMade: (number, a, b) =>
    `已由 ${a}（A）与 ${b}（B）生成数据比对 ${number}（监管链事件“生成数据比对”）：`,
  annotated: (number, what, note) => `已引用 ${number}：${what}${note ? `——${note}` : ''}`,
  linked: (item, what, violation, note) =>
    `已将 ${item}${what ? `（${what}）` : ''}关联到 ${violation}${note ? `：${note}` : ''}`,
  violationLine: (v) =>
    `${v.number.padEnd(4)} ${(STATUS[v.status] ?? v.status).padEnd(4, '　')} 关联 ${String(v.links).padStart(3)} 项${v.broken ? `（${v.broken} 项失效）` : ''}  ${v.title}  ${v.basis.join('、') || '（尚无法律依据）'}${v.withdrawnReason !== null ? `  —— 已撤回：${v.withdrawnReason}` : ''}`,
  noViolations: '尚未记录违法事实',

  documentWritten: (title, files, problems) =>
    `${title}：${files === 2 ? 'HTML 和 PDF' : 'HTML'}${problems ? `——草稿，有 ${problems} 处待完善` : ''}`,
  documentsDone: (count, dir) => `已将 ${count} 份移送材料写入 ${dir}`,
  notice: {
    'no-pdf-printer': '未找到可用于打印 PDF 的 Chromium：移送材料仅以 HTML 导出。',
    'stale-partials-removed': '已删除此前中途停止的导出留下的未完成文件。',
  },
  exported: (files, bytes, path) => `已导出 ${files} 个文件（${bytes} 字节）：${path}`,
  zipSha256: (sha) => `ZIP 文件的 SHA-256：${sha}`,
  signedBy: (name, fingerprint) => `签名人 ${name}，密钥指纹 ${fingerprint}`,
  finding: (code, path) => `${FINDING[code] ?? code}${path ? `：${path}` : ''}`,
  signatureLine: (state, signer, fingerprint) =>
    `签名：${state === 'invalid' ? '无效' : state === 'trusted' ? '有效，密钥已信任' : '有效，但密钥未在本机确认'}；签名人 ${signer}，指纹 ${fingerprint}`,
  noSignature: '签名：无（普通 BagIt 包，不是监管链证据包）',
  custodyLine: (events, intact) => `监管链记录：${events} 条，${intact ? '链条完整' : '已断开'}`,
  bagValid: (version, custody) =>
    `核验通过：BagIt ${version ?? ''} 证据包${custody ? '，监管链证据包完整' : ''}`,
  bagInvalid: (problems) => `核验未通过：发现 ${problems} 个问题`,
  untrustedExit:
    '退出码 1：签名人的密钥未被本机信任。请与签名人核对指纹后添加（“evidesk trust add <公钥文件>”）或使用 --trust <指纹>；--allow-untrusted 表示按现状接受该证据包。',
  acceptedUntrusted: '已按 --allow-untrusted 接受：签名人的密钥未经本机确认',

  uiNotBuilt: (index) => `evidesk serve：界面尚未构建（缺少 ${index}）。请先运行 npm run build，然后重试。`,
  portInUse: (port) =>
    `127.0.0.1 上的端口 ${port} 已被占用；请用 --port 另选一个，或不指定以自动选择空闲端口`,
  noOpener: (command) => `无法启动“${command}”打开浏览器；请自行打开上面的链接。`,
  serving: (port, opened) =>
    `证据工作台已在浏览器模式下运行：http://127.0.0.1:${port}/ ${opened ? `，案件 ${opened.number}（${opened.dir}）` : '（未打开案件）'}。\n请打开上面的链接：每个链接只能打开一个页面、只能用一次（在此按回车可获得新链接）。按 Ctrl+C 停止。`,
  serveSignalAgain: (signal) => `evidesk serve：再次收到 ${signal}，不再等待，立即退出。`,
  serveStopping: (signal) => `evidesk serve：收到 ${signal}，正在关闭案件并停止…`,
  serveStopError: (err) => `evidesk serve：停止服务时出错：${err}`,
  serveCloseError: (err) => `evidesk serve：关闭案件时出错：${err}`,
  serveStopped: 'evidesk serve：已停止。',
}

/** 文件未能导入的原因（与界面上的说法一致） */
function rejectReason(r: ImportFileResult): string {
  const code = r.error?.code ?? 'internal'
  if (code === 'invalid-input' && r.size === 0) return warningWords('empty', 'zh-CN', '文件为空')
  if (code === 'io-error') return '无法读取该文件'
  // refusals of the walk (issue 11, item 2): core words them in English as the technical detail
  if (code === 'refused' && r.error?.message.includes('symbolic link, not imported'))
    return '符号链接，未导入：它指向所选文件夹之外'
  if (code === 'refused' && r.error?.message.includes('app data folder'))
    return '位于本软件的数据文件夹（含执法人员信息和签名密钥）中，不予导入'
  const known: ErrorCode = (ERROR_CODES as readonly string[]).includes(code)
    ? (code as ErrorCode)
    : 'internal'
  return ERROR_WORDS['zh-CN'][known].title
}

/** 字段名，用于指出哪一项不符合要求 */
const FIELD: Record<string, string> = {
  name: '姓名',
  certNo: '执法证号',
  unit: '所属单位',
  number: '案件编号',
  title: '名称',
  cause: '案由',
  subject: '当事人',
  'subject.name': '当事人',
  'subject.creditCode': '统一社会信用代码',
  'subject.address': '地址',
  'subject.legalRep': '法定代表人',
  officers: '执法人员',
  timezone: '时区',
  facts: '违法事实',
  place: '地点',
  basis: '法律依据',
  occurredFrom: '开始时间',
  occurredTo: '结束时间',
  status: '状态',
  reason: '理由',
}
