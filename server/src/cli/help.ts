// `--help` texts for the CLI and each command, in English and Simplified Chinese.
import type { Locale, Localized } from "../core/types";
import { pick } from "../core/l10n/locale";

const HELP: { [command: string]: Localized } = {
  main: {
    en: `isv-dossier — check CCRC-ISV-C01:2025 qualification dossiers (*.dossier.yaml)

Usage: isv-dossier <command> [options]

Commands:
  lint [PATH…]        check dossiers (files, folders, globs; default: the current folder)
  checklist DOSSIER   the self-assessment table of one dossier
  init                write a new dossier skeleton
  clauses [ID]        the clause catalog, or one clause with the rules that check it
  diff OLD NEW        what changed between two submissions, clause by clause
  mcp                 an MCP server over stdio for AI assistants (read-only)

Options:
  -h, --help          help (also: isv-dossier <command> --help)
  -v, --version       the version
`,
    zh: `isv-dossier —— 检查 CCRC-ISV-C01:2025 信息安全服务资质申请材料（*.dossier.yaml）

用法：isv-dossier <命令> [选项]

命令：
  lint [路径…]        检查申请材料（文件、文件夹或通配符；默认为当前文件夹）
  checklist 申请材料  生成一份申请材料的自评估表
  init                生成新的申请材料框架
  clauses [条款]      列出条款目录，或显示一条条款及检查它的规则
  diff 旧 新          逐条款比较两次提交的申请材料
  mcp                 供 AI 助手使用的 MCP 服务器（标准输入输出，只读）

选项：
  -h, --help          帮助（也可用 isv-dossier <命令> --help）
  -v, --version       版本号
`,
  },
  lint: {
    en: `Usage: isv-dossier lint [PATH…] [options]

Checks dossiers. PATHs are files, folders (searched for *.dossier.yaml|yml) or globs; none = the current folder.

Options:
  -f, --format FORMAT    stylish (default) | json | sarif | junit | github
  -o, --output FILE      write the report to FILE instead of stdout
      --lang LANG        zh-CN | en (default: the configuration file's locale, else LC_ALL / LC_MESSAGES / LANG)
      --as-of DATE       YYYY-MM-DD: today, for dossiers without application.date and waivers' expiry (default: today)
      --max-warnings N   exit 1 when there are more than N warnings
  -q, --quiet            report errors only
      --level L          only dossiers applying for level L (1, 2, 3; repeat or comma-separate); never overrides a dossier
      --category C       only dossiers of category C (repeat or comma-separate); never overrides a dossier
  -j, --jobs N           no longer has an effect (accepted for existing scripts; one notice on stderr)
      --exit-zero        exit 0 even when there are findings (usage and internal errors still exit 2)
      --no-color         no colours in the stylish output
      --help-base-url URL
                         sarif: link each clause and rule to where your organisation publishes the specification
                         (http or https): URL#<clause id>, or URL with {clause} replaced by the clause id.
                         Without it the log has no links; each clause's text and each rule's description are inside it
      --show-waived      stylish: list waived findings too (they are counted either way)
      --no-waivers       ignore every waiver, inline and configured (an audit run)
      --config FILE      use FILE as the configuration of every dossier (default: the isv-dossier.config.yaml
                         nearest above each dossier, up to the folder holding .git)
      --no-config        use no configuration file
      --print-config DOSSIER
                         print the effective configuration of DOSSIER and the file it came from (YAML;
                         JSON with --format json), then exit
      --cross            compare the dossiers of this run with each other (default when there are several, since a
                         folder of many applicants' dossiers is where one engineer or contract claimed twice shows):
                         the same person, project or evidence file claimed twice is a warning naming the other dossier
      --no-cross         do not compare them (dossiers of independent applicants linted together by chance)
      --debug            print stack traces of internal errors
  -h, --help             this help

Exit codes: 0 no errors (and warnings within --max-warnings); 1 errors or too many warnings;
2 usage error, unreadable path (the rest is still checked), a configuration file with problems (listed in the
report; the rest of it still applies) or internal error;
141 the reader of the output went away (as with SIGPIPE).
`,
    zh: `用法：isv-dossier lint [路径…] [选项]

检查申请材料。路径可以是文件、文件夹（查找其中的 *.dossier.yaml|yml）或通配符；不给出时为当前文件夹。

选项：
  -f, --format 格式      stylish（默认）| json | sarif | junit | github
  -o, --output 文件      将报告写入文件而不是标准输出
      --lang 语言        zh-CN | en（默认取配置文件的 locale，其次取自 LC_ALL / LC_MESSAGES / LANG）
      --as-of 日期       YYYY-MM-DD；视为今天，用于没有 application.date 的申请材料和豁免的有效期（默认为今天）
      --max-warnings N   警告超过 N 个时退出码为 1
  -q, --quiet            只报告错误
      --level 级别       只检查申请该级别（1、2、3；可重复或用逗号分隔）的材料；不会改变材料本身的级别
      --category 类别    只检查该类别（可重复或用逗号分隔）的材料；不会改变材料本身的类别
  -j, --jobs N           已不再起作用（为兼容现有脚本仍可给出；标准错误输出一行提示）
      --exit-zero        即使有问题也以 0 退出（用法错误和内部错误仍以 2 退出）
      --no-color         stylish 输出不使用颜色
      --help-base-url 网址
                         sarif：每一条款和规则链接到本单位发布规范的网址（http 或 https）：网址#<条款编号>，
                         或将网址中的 {clause} 替换为条款编号。不给出时日志中没有链接；条款原文和规则说明均已包含在内
      --show-waived      stylish 输出也列出已豁免的问题（无论是否列出都会计数）
      --no-waivers       忽略所有豁免（申请材料内注释和配置中的豁免），用于复核
      --config 文件      以该文件作为所有申请材料的配置（默认：从每份材料所在文件夹向上查找最近的
                         isv-dossier.config.yaml，直到含 .git 的文件夹为止）
      --no-config        不使用配置文件
      --print-config 材料
                         输出该材料实际生效的配置及其来源文件（YAML；加 --format json 时为 JSON），然后退出
      --cross            对本次检查的申请材料进行相互比对（检查多份材料时默认开启：多家申请单位的材料放在一起时，
                         最容易发现同一工程师或同一合同被重复申报）：同一人员、项目或证明材料文件被重复申报时给出
                         警告，并指出另一份申请材料
      --no-cross         不进行相互比对（各申请单位相互独立、只是恰好一同检查的材料）
      --debug            内部错误时打印调用栈
  -h, --help             本帮助

退出码：0 无错误（且警告不超过 --max-warnings）；1 有错误或警告过多；2 用法错误、路径不可读（其余仍会检查）、
配置文件有问题（列在报告中，其余配置仍然生效）或内部错误；
141 输出的读取方已关闭（同 SIGPIPE）。
`,
  },
  checklist: {
    en: `Usage: isv-dossier checklist DOSSIER [options]

The self-assessment table of one dossier: every clause that applies to its category and level, with the
conclusion (satisfied / violated / not applicable / reviewer must check / waived), the evidence required, the
evidence the dossier lists and the applicant's own notes (self_assessment).

Options:
  -f, --format FORMAT    md (default) | html (a standalone printable page) | csv | json
                         | docx (a Word document to print, stamp and submit: A4 landscape; needs --output)
  -o, --output FILE      write to FILE instead of stdout (never over the dossier or another *.dossier.yaml)
      --lang LANG        zh-CN | en (default: the configuration file's locale, else LC_ALL / LC_MESSAGES / LANG)
      --as-of DATE       YYYY-MM-DD: today, when the dossier has no application.date and for waivers' expiry
                         (default: today)
      --no-waivers       ignore every waiver: waived findings count again
      --config FILE      use FILE as the configuration of every dossier (default: the isv-dossier.config.yaml
                         nearest above each dossier, up to the folder holding .git)
      --no-config        use no configuration file
      --print-config DOSSIER
                         print the effective configuration of DOSSIER and the file it came from (YAML;
                         JSON with --format json), then exit
      --debug            print stack traces of internal errors
  -h, --help             this help

A configuration file with problems stops the command (exit 2, one line per problem): no table is written.
`,
    zh: `用法：isv-dossier checklist <申请材料> [选项]

一份申请材料的自评估表：适用于其类别和级别的每一条款，及结论（符合 / 不符合 / 不适用 / 需人工判断 / 已豁免）、
所需证明材料、申请材料中已列的证明材料和申请单位的自评说明（self_assessment）。

选项：
  -f, --format 格式      md（默认）| html（可直接打印的独立网页）| csv | json
                         | docx（Word 文档，供打印、盖章后提交：A4 横向；须指定 --output）
  -o, --output 文件      写入文件而不是标准输出（不会覆盖申请材料或其他 *.dossier.yaml）
      --lang 语言        zh-CN | en（默认取配置文件的 locale，其次取自 LC_ALL / LC_MESSAGES / LANG）
      --as-of 日期       YYYY-MM-DD；视为今天，用于申请材料没有 application.date 时和豁免的有效期（默认为今天）
      --no-waivers       忽略所有豁免：已豁免的问题重新计入
      --config 文件      以该文件作为所有申请材料的配置（默认：从每份材料所在文件夹向上查找最近的
                         isv-dossier.config.yaml，直到含 .git 的文件夹为止）
      --no-config        不使用配置文件
      --print-config 材料
                         输出该材料实际生效的配置及其来源文件（YAML；加 --format json 时为 JSON），然后退出
      --debug            内部错误时打印调用栈
  -h, --help             本帮助

配置文件有问题时不生成自评估表（以 2 退出，每个问题一行）。
`,
  },
  init: {
    en: `Usage: isv-dossier init --category C --level L [--dr-class A|B] [--lang LANG] [FILE]

Writes a new dossier skeleton (the same as the editor's "New dossier…"): every required section, "" placeholders
to fill, and comments citing the clause behind each key. Without FILE it goes to stdout; an existing FILE is
never overwritten.

Options:
      --category C       risk-assessment | security-integration | emergency-response | disaster-recovery |
                         secure-development | security-operations | security-audit
      --level L          1 | 2 | 3 (1 is the highest)
      --dr-class A|B     disaster-recovery only: A (resource services) or B (technical services)
      --lang LANG        language of the comments: zh-CN | en (default: from the environment)
      --debug            print stack traces of internal errors
  -h, --help             this help
`,
    zh: `用法：isv-dossier init --category 类别 --level 级别 [--dr-class A|B] [--lang 语言] [文件]

生成新的申请材料框架（与编辑器的“新建申请材料…”相同）：所有必填部分、待填写的 "" 占位符，以及注明每个键
所依据条款的注释。不给出文件时输出到标准输出；已存在的文件不会被覆盖。

选项：
      --category 类别    申报类别：risk-assessment（风险评估）| security-integration（安全集成）|
                         emergency-response（应急处理）| disaster-recovery（灾难备份与恢复）|
                         secure-development（软件安全开发）| security-operations（安全运维）|
                         security-audit（网络安全审计）
      --level 级别       申报级别：1 | 2 | 3（一级最高）
      --dr-class A|B     灾备服务分类，仅用于灾难备份与恢复：A 类（资源服务类）或 B 类（技术服务类）
      --lang 语言        注释的语言：zh-CN | en（默认取自环境变量）
      --debug            内部错误时打印调用栈
  -h, --help             本帮助
`,
  },
  clauses: {
    en: `Usage: isv-dossier clauses [ID] [--lang LANG]

Without ID: the clause catalog of CCRC-ISV-C01:2025 as a tree. With ID (e.g. 4.2.3.b, "4.2.3 b)", H): the
clause's text, its provenance (quoted, public summary, or text unknown), the rules that check it and the
dossier fields citing it.

Options:
      --lang LANG        zh-CN | en (default: from the environment)
      --debug            print stack traces of internal errors
  -h, --help             this help
`,
    zh: `用法：isv-dossier clauses [条款] [--lang 语言]

不给出条款时：以树形列出 CCRC-ISV-C01:2025 的条款目录。给出条款时（如 4.2.3.b、"4.2.3 b)"、H）：显示条文、
来源（原文、公开资料概述或条文未知）、检查它的规则以及引用它的申请材料字段。

选项：
      --lang 语言        zh-CN | en（默认取自环境变量）
      --debug            内部错误时打印调用栈
  -h, --help             本帮助
`,
  },
};

HELP.diff = {
  en: `Usage: isv-dossier diff OLD.dossier.yaml NEW.dossier.yaml [options]

What changed between two submissions of a dossier, clause by clause: each clause's status before and after
(satisfied / violated / not applicable / reviewer must check), the findings fixed and the findings new, and the
fields changed under it (people, projects, dates, evidence…). Findings are matched by check id, clause and their
place in the dossier (e.g. personnel[id=zhou-ruoxi].competence[0].valid_until), not by line; list entries by their
id, certificate number or name.

Options:
  -f, --format FORMAT    stylish (default) | md | json | html (a standalone page)
  -o, --output FILE      write to FILE instead of stdout (never over either dossier or another *.dossier.yaml)
      --lang LANG        zh-CN | en (default: from LC_ALL / LC_MESSAGES / LANG)
      --as-of DATE       YYYY-MM-DD; used only for a dossier without application.date (default: today)
      --no-color         no colours in the stylish output
      --debug            print stack traces of internal errors
  -h, --help             this help

Exit codes: 0 no clause went from satisfied to violated; 1 at least one did; 2 usage error, unreadable file or
internal error.
`,
  zh: `用法：isv-dossier diff 上次.dossier.yaml 本次.dossier.yaml [选项]

逐条款比较两次提交的申请材料：每一条款前后的结论（符合 / 不符合 / 不适用 / 需人工判断）、已修复的问题、
新出现的问题，以及该条款下有变化的字段（人员、项目、日期、证明材料等）。问题按检查编号、条款和在材料中的
位置（如 personnel[id=zhou-ruoxi].competence[0].valid_until）对应，而不按行号；列表中的条目按编号、证书编号
或名称对应。

选项：
  -f, --format 格式      stylish（默认）| md | json | html（可直接打开的独立网页）
  -o, --output 文件      写入文件而不是标准输出（不会覆盖这两份申请材料或其他 *.dossier.yaml）
      --lang 语言        zh-CN | en（默认取自 LC_ALL / LC_MESSAGES / LANG）
      --as-of 日期       YYYY-MM-DD；仅用于没有 application.date 的材料（默认为今天）
      --no-color         stylish 输出不使用颜色
      --debug            内部错误时打印调用栈
  -h, --help             本帮助

退出码：0 没有条款由符合变为不符合；1 至少一条款由符合变为不符合；2 用法错误、文件不可读或内部错误。
`,
};

HELP.mcp = {
  en: `Usage: isv-dossier mcp

A Model Context Protocol server over stdin/stdout for AI assistants, with read-only tools: lint_dossier,
dossier_checklist, clause_text, dossier_model, new_dossier. Ranges are 1-based (line and column). Only
*.dossier.yaml|yml files inside the roots the client gives are read; a client that gives no roots gets the
current folder as its one root. Nothing is written, nothing is fetched.

Example (an assistant's configuration):
  { "mcpServers": { "isv-dossier": { "command": "isv-dossier", "args": ["mcp"] } } }

Options:
      --debug            print stack traces of internal errors
  -h, --help             this help
`,
  zh: `用法：isv-dossier mcp

供 AI 助手使用的 MCP（Model Context Protocol）服务器，通过标准输入输出通信，工具均为只读：lint_dossier、
dossier_checklist、clause_text、dossier_model、new_dossier。行号和列号从 1 开始。只读取客户端给出的根目录内的
*.dossier.yaml|yml 文件；客户端未给出根目录时，以当前文件夹为唯一根目录。不写任何文件，不联网。

示例（助手的配置）：
  \`{ "mcpServers": { "isv-dossier": { "command": "isv-dossier", "args": ["mcp"] } } }\`

选项：
      --debug            内部错误时打印调用栈
  -h, --help             本帮助
`,
};

export function helpText(command: string, locale: Locale): string {
  return pick(HELP[command] ?? HELP.main, locale);
}
