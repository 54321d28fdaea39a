// The server's settings (section "isvDossier" of workspace/configuration), with defaults and validation.
import { LIMITS } from "./core/limits";
import type { SeverityOverride } from "./core/service";

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
}

export const DEFAULT_SETTINGS: DossierSettings = {
  locale: "auto",
  leaseWarningMonths: 6,
  severity: {},
  checkEvidence: true,
  maxFileSizeBytes: 5 * 1024 * 1024,
  timeBudgetMs: LIMITS.defaultTimeBudgetMs,
};

const SEVERITIES = new Set(["error", "warning", "info", "off"]);

/** Reads whatever the client sent, keeping only well-formed values. */
export function readSettings(raw: unknown): DossierSettings {
  const settings: DossierSettings = { ...DEFAULT_SETTINGS, severity: {} };
  if (raw === null || typeof raw !== "object") return settings;
  const value = raw as { [key: string]: unknown };
  if (value.locale === "en" || value.locale === "zh-cn" || value.locale === "auto") settings.locale = value.locale;
  if (typeof value.leaseWarningMonths === "number" && value.leaseWarningMonths >= 0) settings.leaseWarningMonths = value.leaseWarningMonths;
  if (typeof value.checkEvidence === "boolean") settings.checkEvidence = value.checkEvidence;
  if (typeof value.maxFileSizeBytes === "number" && value.maxFileSizeBytes > 0) settings.maxFileSizeBytes = value.maxFileSizeBytes;
  if (typeof value.timeBudgetMs === "number" && value.timeBudgetMs > 0) settings.timeBudgetMs = value.timeBudgetMs;
  if (value.severity && typeof value.severity === "object") {
    for (const [id, severity] of Object.entries(value.severity as object)) {
      if (typeof severity === "string" && SEVERITIES.has(severity)) settings.severity[id] = severity as SeverityOverride;
    }
  }
  return settings;
}
