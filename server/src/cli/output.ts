// Where a command's text goes: stdout, or the file named by --output (created or replaced).
import * as fs from "node:fs";
import type { Locale } from "../core/types";
import { describeFileError } from "./discover";
import { CliUsageError } from "./errors";
import { uiText } from "./ui-text";

export function writeOutput(text: string, outputFile: string | undefined, locale: Locale): void {
  if (outputFile === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    fs.writeFileSync(outputFile, text, "utf8");
  } catch (error) {
    throw new CliUsageError(uiText("error.cannot-write", locale, { path: outputFile, reason: describeFileError(error) }));
  }
}
