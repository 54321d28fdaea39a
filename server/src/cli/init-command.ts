// `isv-dossier init`: writes a new dossier skeleton — the same text as the editor's "New dossier…" command —
// to FILE (never overwriting any file: written whole under a temporary name, then linked into place) or to
// stdout. Placeholders ("") fail validation until the applicant fills them.
import * as path from "node:path";
import type { Edition, Level } from "../core/catalog/edition";
import { newDossierText } from "../core/features/skeleton";
import type { Locale } from "../core/types";
import { describeFileError } from "./discover";
import { CliUsageError, EXIT_OK } from "./errors";
import { writeFileAtomically } from "./output";
import { uiText } from "./ui-text";

export interface InitCommandOptions {
  edition: Edition;
  category: string | undefined;
  level: string | undefined;
  drClass: string | undefined;
  locale: Locale;
  date: string;
  file: string | undefined;
  cwd: string;
}

function badValue(option: string, value: string, expected: string, locale: Locale): CliUsageError {
  return new CliUsageError(uiText("error.bad-option-value", locale, { option, value, expected }));
}

/** Checks --category, --level and --dr-class against the edition's catalog. */
export function checkInitOptions(options: InitCommandOptions): {
  category: string;
  level: Level;
  drClass: string | undefined;
} {
  const { edition, locale } = options;
  if (options.category === undefined)
    throw new CliUsageError(uiText("error.missing-option", locale, { option: "--category" }));
  if (options.level === undefined)
    throw new CliUsageError(uiText("error.missing-option", locale, { option: "--level" }));
  const category = edition.categories[options.category];
  if (!category) throw badValue("--category", options.category, Object.keys(edition.categories).join("|"), locale);
  if (!/^[123]$/.test(options.level)) throw badValue("--level", options.level, "1|2|3", locale);
  const classes = Object.keys(category.classes ?? {});
  if (classes.length > 0 && options.drClass === undefined)
    throw new CliUsageError(uiText("error.dr-class-required", locale));
  if (classes.length === 0 && options.drClass !== undefined)
    throw new CliUsageError(uiText("error.dr-class-forbidden", locale));
  if (options.drClass !== undefined && !classes.includes(options.drClass))
    throw badValue("--dr-class", options.drClass, classes.join("|"), locale);
  return { category: options.category, level: Number(options.level) as Level, drClass: options.drClass };
}

export function runInit(options: InitCommandOptions): number {
  const checked = checkInitOptions(options);
  const text = newDossierText({ edition: options.edition, ...checked, locale: options.locale, date: options.date });
  if (options.file === undefined) {
    process.stdout.write(text);
    return EXIT_OK;
  }
  const target = path.resolve(options.cwd, options.file);
  try {
    writeFileAtomically(target, text, { overwrite: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw new CliUsageError(uiText("error.exists", options.locale, { path: options.file }));
    throw new CliUsageError(
      uiText("error.cannot-write", options.locale, {
        path: options.file,
        reason: describeFileError(error, options.locale),
      }),
    );
  }
  return EXIT_OK;
}
