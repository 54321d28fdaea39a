// The server's settings (section "isvDossier" of workspace/configuration), with defaults and validation: a value
// of the wrong kind or out of bounds is replaced by the default and reported (settingProblemMessage; the server
// shows each bad value once). The bounds here are the ones package.json contributes (a test compares them).
import {
  DEFAULT_SETTINGS,
  DossierSettings,
  INTEGER_SETTINGS,
  LOCALES,
  SEVERITIES,
  SeverityOverride,
  WORKSPACE_DIAGNOSTICS,
} from "../core/check/config/config-model";
import type { Locale, Localized } from "../core/types";
import { configurableCheckIds } from "../core/check/checks";
import { allEditions } from "../core/catalog/edition";

// The settings' shape, defaults and bounds are the configuration file's too (core/check/config/config-model.ts).
export { DEFAULT_SETTINGS, INTEGER_SETTINGS, LOCALES, SEVERITIES, WORKSPACE_DIAGNOSTICS };
export type { DossierSettings };

/** A setting the client sent that was not used: its name (without the section) and the value, to tell it once. */
export interface SettingProblem {
  setting: keyof DossierSettings;
  /** The value as sent (JSON), to tell each bad value once; never shown. */
  value: string;
  /** Severity only: the ids named that are neither check ids nor clause ids (they are ignored). */
  unknownIds?: string[];
}

let configurableIds: Set<string> | undefined;

/** Whether an id is one a severity may name: a check id of a dossier's findings, or a clause id of an edition. */
function isConfigurableId(id: string): boolean {
  configurableIds ??= new Set([
    ...configurableCheckIds(),
    ...allEditions().flatMap((edition) => edition.clauses.map((clause) => clause.id)),
  ]);
  return configurableIds.has(id);
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
  for (const key of ["checkEvidence", "showEnglish"] as const) {
    if (!given(key)) continue;
    const flag = value[key];
    if (typeof flag === "boolean") settings[key] = flag;
    else problem(key);
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
      const unknown = Object.keys(settings.severity).filter((id) => !isConfigurableId(id));
      for (const id of unknown) delete settings.severity[id];
      if (unknown.length > 0)
        problems.push({ setting: "severity", value: describeValue(unknown), unknownIds: unknown });
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
    case "showEnglish":
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
  if (problem.unknownIds) {
    const ids = problem.unknownIds.map((id) => `\`${id}\``);
    return locale === "zh-cn"
      ? `设置 ${name} 中的 ${ids.join("、")} 既不是检查编号，也不是条款号，已忽略。`
      : `The setting ${name} names ${ids.join(", ")}: neither a check id nor a clause id; ignored.`;
  }
  if (problem.setting === "severity") {
    return locale === "zh-cn"
      ? `设置 ${name} ${must.zh}；取值无效的项已忽略。`
      : `The setting ${name} ${must.en}; the entries with other values are ignored.`;
  }
  return locale === "zh-cn"
    ? `设置 ${name} ${must.zh}；已改用默认值 ${fallback}。`
    : `The setting ${name} ${must.en}; the default, ${fallback}, is used instead.`;
}
