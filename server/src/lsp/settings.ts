// The server's settings (section "isvDossier" of workspace/configuration), with defaults and validation: a value
// of the wrong kind or out of bounds is replaced by the default and reported (settingProblemMessage; the server
// shows each bad value once). The bounds here are the ones package.json contributes (a test compares them).
import { LIMITS } from "../core/parse/limits";
import type { SeverityOverride } from "../core/check/service";
import type { Locale, Localized } from "../core/types";

export interface DossierSettings {
  /** "auto" follows the editor's display language. */
  locale: "auto" | "en" | "zh-cn";
  leaseWarningMonths: number;
  /** Per rule id or clause id. */
  severity: { [ruleOrClauseId: string]: SeverityOverride };
  checkEvidence: boolean;
  /** Documents larger than this (in bytes) are not checked; a diagnostic says so. */
  maxFileSizeBytes: number;
  /** A validation taking longer than this (in milliseconds) stops early; a diagnostic says so. */
  timeBudgetMs: number;
  /** Which dossiers are checked: every one in the workspace folders (lsp/workspace.ts), or only the open ones. */
  workspaceDiagnostics: "workspace" | "openFiles";
}

export const DEFAULT_SETTINGS: DossierSettings = {
  locale: "auto",
  leaseWarningMonths: 6,
  severity: {},
  checkEvidence: true,
  maxFileSizeBytes: 5 * 1024 * 1024,
  timeBudgetMs: LIMITS.defaultTimeBudgetMs,
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

/** A setting the client sent that was not used: its name (without the section) and the value, to tell it once. */
export interface SettingProblem {
  setting: keyof DossierSettings;
  /** The value as sent (JSON), to tell each bad value once; never shown. */
  value: string;
}

export interface ReadSettings {
  settings: DossierSettings;
  problems: SettingProblem[];
}

function describeValue(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Reads whatever the client sent: a value that is absent (undefined or null) is the default; a value of the wrong
 * kind or out of bounds is the default too, and a problem.
 */
export function readSettingsChecked(raw: unknown): ReadSettings {
  const settings: DossierSettings = { ...DEFAULT_SETTINGS, severity: {} };
  const problems: SettingProblem[] = [];
  if (raw === null || typeof raw !== "object") return { settings, problems };
  const value = raw as { [key: string]: unknown };
  const given = (key: keyof DossierSettings): boolean => value[key] !== undefined && value[key] !== null;
  const problem = (setting: keyof DossierSettings): void => {
    problems.push({ setting, value: describeValue(value[setting]) });
  };

  if (given("locale")) {
    const locale = typeof value.locale === "string" ? value.locale.toLowerCase() : undefined;
    if (locale === "auto" || locale === "en" || locale === "zh-cn") settings.locale = locale;
    else problem("locale");
  }
  for (const key of Object.keys(INTEGER_SETTINGS) as Array<keyof typeof INTEGER_SETTINGS>) {
    if (!given(key)) continue;
    const number = value[key];
    const { minimum, maximum } = INTEGER_SETTINGS[key];
    if (typeof number === "number" && Number.isInteger(number) && number >= minimum && number <= maximum)
      settings[key] = number;
    else problem(key);
  }
  if (given("checkEvidence")) {
    if (typeof value.checkEvidence === "boolean") settings.checkEvidence = value.checkEvidence;
    else problem("checkEvidence");
  }
  if (given("workspaceDiagnostics")) {
    const scope = value.workspaceDiagnostics;
    if (typeof scope === "string" && (WORKSPACE_DIAGNOSTICS as readonly string[]).includes(scope))
      settings.workspaceDiagnostics = scope as DossierSettings["workspaceDiagnostics"];
    else problem("workspaceDiagnostics");
  }
  if (given("severity")) {
    if (typeof value.severity === "object" && !Array.isArray(value.severity)) {
      let bad = false;
      for (const [id, severity] of Object.entries(value.severity as object)) {
        if (typeof severity === "string" && (SEVERITIES as readonly string[]).includes(severity))
          settings.severity[id] = severity as SeverityOverride;
        else bad = true;
      }
      if (bad) problem("severity");
    } else {
      problem("severity");
    }
  }
  return { settings, problems };
}

/** Reads whatever the client sent, keeping only well-formed values (the defaults for the others). */
export function readSettings(raw: unknown): DossierSettings {
  return readSettingsChecked(raw).settings;
}

/** What each setting must be, in both languages. */
function requirement(setting: keyof DossierSettings): Localized {
  switch (setting) {
    case "locale":
      return { zh: `应为 ${LOCALES.join("、")} 之一`, en: `must be one of ${LOCALES.join(", ")}` };
    case "checkEvidence":
      return { zh: "应为 true 或 false", en: "must be true or false" };
    case "workspaceDiagnostics":
      return {
        zh: `应为 ${WORKSPACE_DIAGNOSTICS.join("、")} 之一`,
        en: `must be one of ${WORKSPACE_DIAGNOSTICS.join(", ")}`,
      };
    case "severity":
      return {
        zh: `应将规则编号或条款号对应到 ${SEVERITIES.join("、")} 之一`,
        en: `must map rule or clause ids to one of ${SEVERITIES.join(", ")}`,
      };
    default: {
      const { minimum, maximum } = INTEGER_SETTINGS[setting];
      return {
        zh: `应为 ${minimum} 到 ${maximum} 之间的整数`,
        en: `must be a whole number from ${minimum} to ${maximum}`,
      };
    }
  }
}

/** The message for a setting that was not used: it names the setting and what it must be, never a dossier's content. */
export function settingProblemMessage(problem: SettingProblem, locale: Locale): string {
  const name = `isvDossier.${problem.setting}`;
  const must = requirement(problem.setting);
  const fallback = describeValue(DEFAULT_SETTINGS[problem.setting]);
  if (problem.setting === "severity") {
    return locale === "zh-cn"
      ? `设置 ${name} ${must.zh}；取值无效的项已忽略。`
      : `The setting ${name} ${must.en}; the entries with other values are ignored.`;
  }
  return locale === "zh-cn"
    ? `设置 ${name} ${must.zh}；已改用默认值 ${fallback}。`
    : `The setting ${name} ${must.en}; the default, ${fallback}, is used instead.`;
}
