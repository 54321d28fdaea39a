// Every user-facing string of the CLI (besides the core's finding messages), in English and Simplified Chinese.
// Placeholders {name} are filled by uiText().
import { pick } from "../core/l10n/locale";
import type { Locale, Localized } from "../core/types";

export const UI_TEXT: { readonly [key: string]: Localized } = {
  // severities and summaries
  "severity.error": { en: "error", zh: "错误" },
  "severity.warning": { en: "warning", zh: "警告" },
  "severity.info": { en: "info", zh: "提示" },
  "summary.problems": {
    en: "{problems} ({errors}, {warnings}, {infos}) in {files} of {total}",
    zh: "{total} 个文件中有 {files} 个存在问题：共 {problems} 个（{errors} 个错误，{warnings} 个警告，{infos} 条提示）",
  },
  "summary.clean": { en: "No problems in {total}.", zh: "{total} 个文件均未发现问题。" },
  "summary.waived": { en: "{waived} waived", zh: "已豁免 {waived} 项" },
  "summary.waived-hidden": {
    en: "{waived} waived (--show-waived lists them)",
    zh: "已豁免 {waived} 项（--show-waived 可列出）",
  },
  "waived.label": { en: "waived", zh: "已豁免" },
  "waived.note": {
    en: "waived: {justification} (approved by {approvedBy}, until {expires})",
    zh: "已豁免：{justification}（批准人：{approvedBy}，有效期至 {expires}）",
  },
  "summary.too-many-warnings": {
    en: "Too many warnings ({warnings}); at most {max} are allowed (--max-warnings).",
    zh: "警告过多（{warnings} 个），最多允许 {max} 个（--max-warnings）。",
  },
  "progress.files": { en: "files", zh: "个文件" },
  "notice.jobs-ignored": {
    en: "--jobs no longer has an effect: files are linted one after another",
    zh: "--jobs 已不再起作用：文件逐个依次检查",
  },
  // errors (one line on stderr)
  "error.no-such-path": { en: "no such file or directory: {path}", zh: "文件或目录不存在：{path}" },
  "error.no-dossiers-in-folder": { en: "no *.dossier.yaml files in {path}", zh: "{path} 中没有 *.dossier.yaml 文件" },
  "error.no-match": { en: "no dossiers match {pattern}", zh: "没有与 {pattern} 匹配的申请材料" },
  "error.unreadable": { en: "cannot read {path}: {reason}", zh: "无法读取 {path}：{reason}" },
  "error.not-checked": { en: "{path}: {message}", zh: "{path}：{message}" },
  "error.cannot-write": { en: "cannot write {path}: {reason}", zh: "无法写入 {path}：{reason}" },
  "error.output-is-input": {
    en: "not writing the report to {path}: it is one of the dossiers it reports on",
    zh: "不会将报告写入 {path}：它是被检查的申请材料之一",
  },
  "error.output-is-dossier": {
    en: "not writing the report to {path}: a *.dossier.yaml file is a dossier",
    zh: "不会将报告写入 {path}：*.dossier.yaml 文件是申请材料",
  },
  "error.exists": { en: "{path} already exists; not overwriting it", zh: "{path} 已存在，不会覆盖" },
  "error.bad-option-value": {
    en: "invalid value for {option}: {value} (expected {expected})",
    zh: "{option} 的取值无效：{value}（应为 {expected}）",
  },
  "error.config-and-no-config": {
    en: "--config and --no-config cannot be used together",
    zh: "--config 与 --no-config 不能同时使用",
  },
  "error.config-broken": {
    en: "the configuration file {path} has problems (listed above); no checklist was written",
    zh: "配置文件 {path} 存在问题（见上），未生成自评估表",
  },
  "error.missing-option": { en: "{option} is required", zh: "缺少 {option}" },
  "error.dr-class-required": {
    en: "--dr-class A|B is required for the disaster-recovery category",
    zh: "申报类别为灾难备份与恢复时，须用 --dr-class A|B 指定灾备服务分类",
  },
  "error.dr-class-forbidden": {
    en: "--dr-class applies only to the disaster-recovery category",
    zh: "--dr-class（灾备服务分类）仅适用于申报类别灾难备份与恢复",
  },
  "error.unknown-option": { en: "unknown option: {option}", zh: "未知选项：{option}" },
  "error.unknown-option-did-you-mean": {
    en: "unknown option {option}: did you mean {suggestion}?",
    zh: "未知选项 {option}：是否应为 {suggestion}？",
  },
  "error.option-needs-value": { en: "option {option} needs a value", zh: "选项 {option} 需要取值" },
  "error.unknown-command": { en: "unknown command: {command}", zh: "未知命令：{command}" },
  "error.unknown-command-did-you-mean": {
    en: "unknown command {command}: did you mean {suggestion}?",
    zh: "未知命令 {command}：是否应为 {suggestion}？",
  },
  "error.unknown-clause": { en: "unknown clause: {clause}", zh: "未知条款：{clause}" },
  "error.docx-needs-output": {
    en: "--format docx writes a Word document: give the file with --output (e.g. --output 自评估表.docx)",
    zh: "--format docx 生成 Word 文档，请用 --output 指定文件（如 --output 自评估表.docx）",
  },
  "error.one-dossier": { en: "checklist takes exactly one dossier", zh: "checklist 只接受一份申请材料" },
  "error.two-dossiers": {
    en: "diff takes two dossiers: the earlier submission, then the later one",
    zh: "diff 需要两份申请材料：先是上次提交的，再是本次提交的",
  },
  "error.too-many-arguments": { en: "too many arguments: {arguments}", zh: "参数过多：{arguments}" },
  "error.see-main-help": { en: "{message} (see isv-dossier --help)", zh: "{message}（参见 isv-dossier --help）" },
  "error.see-help": {
    en: "{message} (see isv-dossier {command} --help)",
    zh: "{message}（参见 isv-dossier {command} --help）",
  },
  "error.internal": {
    en: "internal error: {message} (run with --debug for details)",
    zh: "内部错误：{message}（加 --debug 查看详情）",
  },
};

const ENGLISH_NOUNS: { [noun: string]: [string, string] } = {
  problems: ["problem", "problems"],
  errors: ["error", "errors"],
  warnings: ["warning", "warnings"],
  infos: ["info", "infos"],
  total: ["file", "files"],
};

/** Counts with their nouns in English ("1 error", "2 files"); bare numbers for Chinese (its template has the words). */
export function countedText(key: string, locale: Locale, counts: { [name: string]: number }): string {
  const args: { [name: string]: string | number } = {};
  for (const [name, count] of Object.entries(counts)) {
    const nouns = ENGLISH_NOUNS[name];
    args[name] = locale === "en" && nouns ? `${count} ${count === 1 ? nouns[0] : nouns[1]}` : count;
  }
  return uiText(key, locale, args);
}

export function uiText(key: string, locale: Locale, args: { [name: string]: string | number } = {}): string {
  const template = UI_TEXT[key];
  if (!template) return key;
  return pick(template, locale).replace(/\{(\w+)\}/g, (match, name: string) =>
    args[name] === undefined ? match : String(args[name]),
  );
}
