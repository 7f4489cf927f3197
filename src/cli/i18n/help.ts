import type { UiLanguage } from '../../shared/error-words'

/**
 * The command list, in both languages, in a module of its own: `evidesk --help` prints it
 * without loading the rest of the messages (which describe citations, and so load their schemas).
 */
export const HELP: Record<UiLanguage, string> = {
  'zh-CN': `evidesk — 证据工作台命令行   （通用选项：--lang zh-CN|en 输出语言；--json 供程序读取）
执法人员与密钥
  profile set --name <姓名> --cert <执法证号> --unit <所属单位> [--json]
  profile show [--json]
  key export <文件 | -> [--force]
  trust add <公钥文件> [--name <名称>] [--json] | trust list [--json] | trust remove <指纹>
案件与证据
  case init <案件文件夹> --number … --title … --officer "<姓名>:<执法证号>"（至少两名） [--json]
  case show <案件文件夹> [--json]
  case edit <案件文件夹> --reason <修改理由> [--title …] [--cause …] [--subject …] [--officer …]… [--json]
  import <案件文件夹> <文件或文件夹>… [--actor "<姓名>:<执法证号>"] [--json]
  list <案件文件夹> [--json]
  show <案件文件夹> <编号 E001 或 id> [--json]
  annotate <案件文件夹> <E001> (--start 秒 --end 秒 | --quote 原文 | --region x,y,w,h | --pollutant 污染物 [--outlet 排放口] --from 时间 --to 时间) [--note 说明] [--json]
  decoding <案件文件夹> <E001> [--as 编码 --reason 理由] [--json]
  compare <案件文件夹> <E00A> <E00B> --threshold <5|10%> --reason 理由 [--series 因子] [--column-a 列名] [--column-b 列名] [--from 时间 --to 时间] [--json]
  clock <案件文件夹> <设备> --offset <+192s|-3m12s，快为正> --checked <核对日期或时间> --against <北京时间|GPS|…> --reason 理由 [--json]
  clock <案件文件夹> <设备> --remove --reason 理由 [--json] | clock <案件文件夹> --list [--json]
  check <案件文件夹> [--remove-orphans] [--json]
  custody <案件文件夹> [--json]
违法事实、移送材料与证据包
  violation add <案件文件夹> --title <违法事实> --basis <法律依据编号> [--basis …] [--description <事实>] [--json]
  violation list <案件文件夹> [--all] [--json]
  violation edit <案件文件夹> <V1> [--title …] [--basis …]… [--status …] [--json]
  violation confirm <案件文件夹> <V1> [--json]
  violation withdraw <案件文件夹> <V1> --reason <撤回理由> [--json]
  link <案件文件夹> <V1> <E001> [--start <秒> --end <秒> | --quote <原文> | --region x,y,w,h | --pollutant <污染物> [--outlet <排放口>] --from <时间> --to <时间>] [--note <证明内容>] [--json]
  documents <案件文件夹> <输出文件夹> [--pdf] [--violation <V1>]… [--json]
  export <案件文件夹> <输出.zip | 输出文件夹/> [--violation <id>]… [--json]
  verify <证据包.zip | 证据包文件夹> [--trust <指纹 | 公钥文件>]… [--allow-untrusted] [--json]
  serve [<案件文件夹>] [--port <端口>] [--open]
退出码：0 成功；1 已完成但发现问题；2 无法执行（或已取消）。`,
  en: `evidesk — Evidence Desk command line   (global: --lang zh-CN|en; --json for programs)
Officer and keys
  profile set --name <name> --cert <cert-no> --unit <unit> [--json]
  profile show [--json]
  key export <file | -> [--force]
  trust add <public-key-file> [--name <name>] [--json] | trust list [--json] | trust remove <fingerprint>
Case and evidence
  case init <case-dir> --number … --title … --officer "<name>:<cert-no>" (×2) [--json]
  case show <case-dir> [--json]
  case edit <case-dir> --reason <why> [--title …] [--cause …] [--subject …] [--officer …]… [--json]
  import <case-dir> <path>… [--actor "<name>:<cert-no>"] [--json]
  list <case-dir> [--json]
  show <case-dir> <id|E001> [--json]
  annotate <case-dir> <E001> (--start s --end s | --quote text | --region x,y,w,h | --pollutant p [--outlet o] --from t --to t) [--note n] [--json]
  decoding <case-dir> <E001> [--as <encoding> --reason <why>] [--json]
  compare <case-dir> <E00A> <E00B> --threshold <5|10%> --reason <why> [--series <factor>] [--column-a c] [--column-b c] [--from t --to t] [--json]
  clock <case-dir> <device> --offset <+192s|-3m12s> --checked <day|instant> --against <reference> --reason <why> [--json]
  clock <case-dir> <device> --remove --reason <why> [--json] | clock <case-dir> --list [--json]
  check <case-dir> [--remove-orphans] [--json]
  custody <case-dir> [--json]
Violations, documents, packages
  violation add <case-dir> --title <t> --basis <legal-basis-id> [--basis …] [--description <d>] [--json]
  violation list <case-dir> [--all] [--json]
  violation edit <case-dir> <V1> [--title …] [--basis …]… [--status …] [--json]
  violation confirm <case-dir> <V1> [--json]
  violation withdraw <case-dir> <V1> --reason <why> [--json]
  link <case-dir> <V1> <E001> [--start <s> --end <s> | --quote <text> | --region x,y,w,h | --pollutant <p> [--outlet <o>] --from <t> --to <t>] [--note <n>] [--json]
  documents <case-dir> <out-dir> [--pdf] [--violation <V1>]… [--json]
  export <case-dir> <out.zip | out-dir/> [--violation <id>]… [--json]
  verify <package.zip | bag-dir> [--trust <fingerprint | key-file>]… [--allow-untrusted] [--json]
  serve [<case-dir>] [--port <n>] [--open]
Exit codes: 0 success, 1 completed with problems, 2 could not run (or cancelled).`,
}
