// What the CLI takes from its surroundings: the locale (LC_ALL, LC_MESSAGES, LANG), the package version, and
// checked option values (dates, locales). Only the CLI edge reads the environment; the core is given values.
import * as fs from "node:fs";
import * as path from "node:path";
import { normalizeLocale } from "../core/l10n/locale";
import { isIsoDate } from "../core/check/calendar";
import type { Locale } from "../core/types";
import { CliUsageError } from "./errors";
import { uiText } from "./ui-text";

/** The locale POSIX-style: the first of LC_ALL, LC_MESSAGES, LANG that is set; Chinese when it starts with "zh". */
export function localeFromEnvironment(environment: NodeJS.ProcessEnv = process.env): Locale {
  const value = [environment.LC_ALL, environment.LC_MESSAGES, environment.LANG].find(
    (entry) => entry !== undefined && entry !== "",
  );
  return normalizeLocale(value);
}

/** `--lang zh-CN|en` (also zh, zh_CN, en-US, …); undefined → the environment's locale. */
export function localeOption(value: string | undefined, fallback: Locale): Locale {
  if (value === undefined) return fallback;
  if (!/^(zh|en)([-_][A-Za-z]+)?$/i.test(value)) {
    throw new CliUsageError(
      uiText("error.bad-option-value", fallback, { option: "--lang", value, expected: "zh-CN|en" }),
    );
  }
  return normalizeLocale(value);
}

/** A calendar date YYYY-MM-DD that exists (read as the dossier's dates are: calendar.ts isIsoDate). */
export function dateOption(option: string, value: string, locale: Locale): string {
  if (!isIsoDate(value)) {
    throw new CliUsageError(uiText("error.bad-option-value", locale, { option, value, expected: "YYYY-MM-DD" }));
  }
  return value;
}

/** A whole number ≥ minimum. */
export function integerOption(option: string, value: string, minimum: number, locale: Locale): number {
  const number = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < minimum) {
    throw new CliUsageError(uiText("error.bad-option-value", locale, { option, value, expected: `≥ ${minimum}` }));
  }
  return number;
}

interface PackageManifest {
  name?: string;
  version?: string;
  homepage?: string;
  repository?: string | { url?: string };
}

let manifestRead: PackageManifest | undefined;

/** The package.json above the running script (dist/server/ → the package root); {} when there is none. */
function packageManifest(): PackageManifest {
  if (manifestRead) return manifestRead;
  for (let directory = __dirname, depth = 0; depth < 5; depth++, directory = path.dirname(directory)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(directory, "package.json"), "utf8")) as PackageManifest;
      if (manifest.name === "isv-dossier" && manifest.version) return (manifestRead = manifest);
    } catch {
      // not here: look one folder up
    }
  }
  return (manifestRead = {});
}

/** The version in the package.json above the running script. */
export function packageVersion(): string {
  return packageManifest().version ?? "0.0.0";
}

/** Where people read about the tool: the package's repository (an https URL), else its homepage. */
export function packageInformationUri(): string | undefined {
  const { repository, homepage } = packageManifest();
  const url = (typeof repository === "string" ? repository : repository?.url)
    ?.replace(/^git\+/, "")
    .replace(/\.git$/, "");
  return [url, homepage].find((candidate) => candidate !== undefined && /^https?:\/\//.test(candidate));
}

/** `--help-base-url URL`: an absolute http(s) URL (where an organisation publishes the specification). */
export function helpBaseUrlOption(value: string, locale: Locale): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new CliUsageError(
      uiText("error.bad-option-value", locale, { option: "--help-base-url", value, expected: "http(s)://…" }),
    );
  }
  return value;
}
