// The effective configuration of a dossier: the per-user layer (the editor's `isvDossier` settings, or the command
// line's) under the configuration file that governs the dossier. The precedence, per key:
// - severity, leaseWarningMonths, checkEvidence, waivers (they change verdicts): from the file alone when a file
//   governs the dossier (its value, else the default), so that the editor and the CLI agree; the per-user layer's
//   values are used only for dossiers no file governs;
// - locale (the reader's language): the per-user layer's explicit choice (not "auto"), else the file's, else "auto";
// - maxFileSizeBytes, timeBudgetMs (limits): the file's value, else the per-user layer's.
// Pure.
import type { WaiverSource } from "../waiver-entry";
import type { ConfigReport } from "./config-check";
import { ConfigKey, CONFIG_KEYS, DEFAULT_SETTINGS, DossierSettings, VERDICT_KEYS } from "./config-model";

/** Where a value of the effective configuration came from. */
export type SettingOrigin = "file" | "editor" | "command-line" | "default";

export interface EffectiveConfiguration {
  /** The settings a dossier is checked with (locale "auto": the editor's or the environment's language). */
  settings: DossierSettings;
  /** The waivers of the configuration file (none without one). */
  waivers: WaiverSource[];
  /** The configuration file that governs the dossier, if any. */
  file?: string;
  /** Where each key's value came from. */
  origins: { [key in ConfigKey]: SettingOrigin };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Merges the per-user layer (complete: defaults where the user set nothing) with the configuration file, if one
 * governs the dossier. `userLayer` names that layer in `origins`.
 */
export function effectiveConfiguration(
  user: DossierSettings,
  userLayer: "editor" | "command-line",
  config?: ConfigReport,
): EffectiveConfiguration {
  const settings: DossierSettings = { ...user, severity: { ...user.severity } };
  const origins = {} as { [key in ConfigKey]: SettingOrigin };
  const fromUser = (key: keyof DossierSettings): SettingOrigin =>
    sameValue(user[key], DEFAULT_SETTINGS[key]) ? "default" : userLayer;
  for (const key of CONFIG_KEYS) origins[key] = key === "waivers" ? "default" : fromUser(key);
  if (!config) return { settings, waivers: [], origins };
  const file = config.settings;
  const assign = <K extends keyof DossierSettings & ConfigKey>(
    key: K,
    value: DossierSettings[K],
    origin: SettingOrigin,
  ): void => {
    settings[key] = value;
    origins[key] = origin;
  };
  for (const key of VERDICT_KEYS) {
    if (key === "waivers") continue;
    const verdictKey = key as "severity" | "leaseWarningMonths" | "checkEvidence";
    if (file[verdictKey] !== undefined) assign(verdictKey, file[verdictKey], "file");
    else assign(verdictKey, DEFAULT_SETTINGS[verdictKey], "default");
  }
  if (user.locale === "auto" && file.locale !== undefined) assign("locale", file.locale, "file");
  for (const key of ["maxFileSizeBytes", "timeBudgetMs"] as const)
    if (file[key] !== undefined) assign(key, file[key], "file");
  if (config.waivers.length > 0) origins.waivers = "file";
  return { settings, waivers: config.waivers, file: config.file, origins };
}
