// What a configuration sets, and its bounds: the keys of the configuration file (isv-dossier.config.yaml) and of the
// editor's `isvDossier` settings, with their defaults. Shared by the editor settings (lsp/settings.ts), the file's
// check (config-check.ts), the merge (effective-config.ts) and the generator of the file's JSON Schema.
// Pure data; imports only the core's types and limits.
import { LIMITS } from "../../parse/limits";
import type { Localized } from "../../types";
import type { SeverityOverride } from "../service";

export type { SeverityOverride };

export interface DossierSettings {
  /** "auto" follows the editor's display language (the environment's, on the command line). */
  locale: "auto" | "en" | "zh-cn";
  leaseWarningMonths: number;
  /** Per rule id or clause id. */
  severity: { [ruleOrClauseId: string]: SeverityOverride };
  checkEvidence: boolean;
  /** Documents larger than this (in bytes) are not checked; a diagnostic says so. */
  maxFileSizeBytes: number;
  /** A validation taking longer than this (in milliseconds) stops early; a diagnostic says so. */
  timeBudgetMs: number;
  /** Show the English renderings of the specification (hovers, the specification document) in Chinese too. An
   * editor setting only (the configuration file has no such key: it changes no verdict). */
  showEnglish: boolean;
  /** Which dossiers the editor checks: every one in the workspace folders (lsp/workspace.ts), or only the open ones.
   * An editor setting only. */
  workspaceDiagnostics: "workspace" | "openFiles";
}

export const DEFAULT_SETTINGS: DossierSettings = {
  locale: "auto",
  leaseWarningMonths: 6,
  severity: {},
  checkEvidence: true,
  maxFileSizeBytes: 5 * 1024 * 1024,
  timeBudgetMs: LIMITS.defaultTimeBudgetMs,
  showEnglish: false,
  workspaceDiagnostics: "workspace",
};

/** The integer settings and their bounds (inclusive). */
export const INTEGER_SETTINGS = {
  /** Months before the lease ends; ten years is beyond any lease a dossier shows. */
  leaseWarningMonths: { minimum: 0, maximum: 120 },
  /** From 1 KiB (smaller than any dossier) to 256 MiB (far beyond any dossier; a document that large is not text to check). */
  maxFileSizeBytes: { minimum: 1024, maximum: 256 * 1024 * 1024 },
  /** From 100 ms (enough for a typical dossier) to 10 minutes. */
  timeBudgetMs: { minimum: 100, maximum: 600_000 },
} as const;

export const LOCALES = ["auto", "en", "zh-cn"] as const;
export const SEVERITIES = ["error", "warning", "info", "off"] as const;
export const WORKSPACE_DIAGNOSTICS = ["workspace", "openFiles"] as const;

/** The configuration file's name: the one name looked for, in a dossier's folder and every folder above it. */
export const CONFIG_FILE_NAME = "isv-dossier.config.yaml";

/** The keys of the configuration file, in the order documents list them. */
export const CONFIG_KEYS = [
  "severity",
  "leaseWarningMonths",
  "checkEvidence",
  "waivers",
  "locale",
  "maxFileSizeBytes",
  "timeBudgetMs",
] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

/**
 * Which keys change verdicts: when a configuration file governs a dossier, these come from the file alone (its value,
 * or the default when it leaves one out), never from the editor's settings, so that the editor and the CLI agree.
 */
export const VERDICT_KEYS: readonly ConfigKey[] = ["severity", "leaseWarningMonths", "checkEvidence", "waivers"];

/** What each key of the configuration file does, in both languages (hovers, completion, the generated schema). */
export const CONFIG_KEY_DESCRIPTIONS: { [key in ConfigKey]: Localized } = {
  severity: {
    zh: "按检查编号或条款号调整严重程度：error（错误）、warning（警告）、info（提示）或 off（关闭）。检查编号优先于条款号。",
    en: "Severity per check id or clause id: error, warning, info, or off. A check id takes precedence over a clause id.",
  },
  leaseWarningMonths: {
    zh: "办公场所租期在评估基准日后不足此月数即到期时给出警告（0–120，默认 6）。",
    en: "Warn when the premises' lease ends within this many months of the assessment date (0–120, default 6).",
  },
  checkEvidence: {
    zh: "是否检查证明材料文件存在（默认 true）。只收到申请材料 YAML 而没有附件时设为 false。",
    en: "Whether evidence files must exist beside the dossier (default true). Set it to false when you have the dossier's YAML without its attachments.",
  },
  waivers: {
    zh: "豁免（偏离说明、不适用说明）：每项写明所豁免的检查编号或条款号、理由（justification）、批准人（approvedBy）和截止日期（expires）。",
    en: "Waivers (accepted deviations, not-applicable statements): each names the check id or clause id it covers, a justification, who approved it (approvedBy), and until when (expires).",
  },
  locale: {
    zh: "提示信息的语言：auto（跟随编辑器或命令行环境）、zh-cn 或 en。编辑器设置中明确选定的语言优先。",
    en: "The language of messages: auto (the editor's or the command line environment's), zh-cn, or en. A language chosen in the editor's settings takes precedence.",
  },
  maxFileSizeBytes: {
    zh: "超过此大小（字节）的申请材料不检查（1024–268435456，默认 5 MiB）。",
    en: "Dossiers larger than this (in bytes) are not checked (1024–268435456, default 5 MiB).",
  },
  timeBudgetMs: {
    zh: "单次检查的时间上限（毫秒，100–600000，默认 2000）；超时即停止并提示。",
    en: "The time budget of one check, in milliseconds (100–600000, default 2000); checking stops past it and says so.",
  },
};

/** What each key of a waiver entry means, in both languages (hovers, completion, the generated schema). */
export const WAIVER_KEY_DESCRIPTIONS: { [key: string]: Localized } = {
  rule: { zh: "所豁免的检查编号，例如 evidence.exists。", en: "The check id it waives, e.g. evidence.exists." },
  clause: { zh: "所豁免的条款号，例如 4.1.5。", en: "The clause id it waives, e.g. 4.1.5." },
  dossier: {
    zh: "适用的申请材料：相对于配置文件所在文件夹的路径或通配符（默认：本配置适用的全部申请材料）。",
    en: "The dossiers it covers: a path or glob relative to the configuration file's folder (default: every dossier the configuration applies to).",
  },
  path: {
    zh: "申请材料中的位置，例如 performance.projects[3]（可选）。",
    en: "A place inside the dossier, e.g. performance.projects[3] (optional).",
  },
  justification: { zh: "豁免理由（偏离说明或不适用说明），必填。", en: "Why it is accepted. Required." },
  approvedBy: { zh: "批准人，必填。", en: "Who approved it. Required." },
  expires: { zh: "截止日期（YYYY-MM-DD），必填。", en: "The last day it applies (YYYY-MM-DD). Required." },
};
