// Where a command's text goes: stdout, or a file (`--output`, `init FILE`). Nothing of the user's is ever lost:
// - an output path that is one of the command's inputs (same real path after symbolic links, or the same file
//   through a hard link) or any *.dossier.yaml|yml — an existing dossier, or a new file the next folder search would
//   take for one — is refused before any work (checkOutputPath);
// - a file is written to a temporary file in the same folder, flushed, then renamed into place (writeFileAtomically),
//   so an interrupted run leaves the previous file whole, never a truncated one. A symbolic link is kept: the file
//   it points to is replaced. A device or FIFO (/dev/null, /dev/stdout, a named pipe) is written to as it is.
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Locale } from "../core/types";
import { describeFileError, DOSSIER_NAME } from "./discover";
import { CliUsageError } from "./errors";
import { uiText } from "./ui-text";

/** The path a write to `file` lands on: its real path when it exists (links followed), else its real folder + name. */
function realTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Refuses (a usage error, exit 2) an output path that is one of `inputs` — compared by real path and by device and
 * inode — or a dossier's name (*.dossier.yaml|yml, of the path or of the existing file it leads to): an existing
 * dossier, or a report the next folder search would read as one.
 */
export function checkOutputPath(outputFile: string | undefined, inputs: string[], cwd: string, locale: Locale): void {
  if (outputFile === undefined) return;
  const absolute = path.resolve(cwd, outputFile);
  const target = realTarget(absolute);
  const stat = statOrUndefined(target);
  for (const input of inputs) {
    const inputStat = statOrUndefined(input);
    // an inode of 0 means the file system gives none: then only the real paths are compared
    const sameFile =
      stat !== undefined &&
      inputStat !== undefined &&
      stat.ino !== 0 &&
      stat.dev === inputStat.dev &&
      stat.ino === inputStat.ino;
    if (sameFile || realTarget(input) === target)
      throw new CliUsageError(uiText("error.output-is-input", locale, { path: outputFile }));
  }
  if (DOSSIER_NAME.test(path.basename(absolute)) || (stat?.isFile() && DOSSIER_NAME.test(path.basename(target)))) {
    throw new CliUsageError(uiText("error.output-is-dossier", locale, { path: outputFile }));
  }
}

function errnoError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/**
 * Writes `text` (UTF-8) to `file` through a temporary file in the same folder: renamed over the old file
 * (`overwrite`), or linked to a name that must not exist yet (else EEXIST, and nothing is touched).
 */
export function writeFileAtomically(file: string, text: string | Uint8Array, options: { overwrite: boolean }): void {
  const target = realTarget(file);
  const stat = statOrUndefined(target);
  if (stat && !options.overwrite) throw errnoError("EEXIST", `${file} exists`);
  if (stat?.isDirectory()) throw errnoError("EISDIR", `${file} is a directory`);
  if (stat && !stat.isFile()) {
    // a device or a FIFO: there is no file to replace, and renaming over /dev/null would replace the device
    fs.writeFileSync(target, text);
    return;
  }
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    const descriptor = fs.openSync(temporary, "wx", stat ? stat.mode & 0o777 : 0o666);
    try {
      fs.writeFileSync(descriptor, text);
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    if (options.overwrite) {
      fs.renameSync(temporary, target);
      return;
    }
    try {
      fs.linkSync(temporary, target); // atomic, and fails with EEXIST when the name was taken meanwhile
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") throw error;
      // a file system without hard links: an exclusive copy (a reader may see it while it is being written)
      fs.copyFileSync(temporary, target, fs.constants.COPYFILE_EXCL);
    }
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** Writes a command's text to stdout, or atomically to the file named by --output (created or replaced). */
export function writeOutput(text: string | Uint8Array, outputFile: string | undefined, locale: Locale): void {
  if (outputFile === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileAtomically(outputFile, text, { overwrite: true });
  } catch (error) {
    throw new CliUsageError(
      uiText("error.cannot-write", locale, { path: outputFile, reason: describeFileError(error, locale) }),
    );
  }
}
