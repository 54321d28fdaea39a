// Turns `lint` arguments (files, folders, globs) into the list of dossiers to check, in a stable order:
// argument order, then sorted paths within each argument, without duplicates. Folders are searched for
// *.dossier.yaml|yml (skipping hidden folders and node_modules). Missing or unreadable paths are usage errors.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Locale } from "../core/types";
import { CliUsageError } from "./errors";
import { globBase, globToRegExp, hasGlobMagic } from "./glob";
import { uiText } from "./ui-text";

export interface DossierTarget {
  absolutePath: string;
  /** Relative to the working folder with forward slashes when inside it; absolute otherwise. */
  displayPath: string;
}

export const DOSSIER_NAME = /\.dossier\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;

function skippedFolder(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/** Every file and folder under `folder` as [absolute path, is folder], depth first, sorted by name. */
function walk(folder: string, visit: (absolutePath: string, isFolder: boolean) => void): void {
  const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(full));
    if (isFolder && skippedFolder(entry.name)) continue;
    visit(full, isFolder);
    if (isFolder) walk(full, visit);
  }
}

function isDirectory(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isDirectory();
  } catch {
    return false;
  }
}

function dossiersInFolder(folder: string): string[] {
  const found: string[] = [];
  walk(folder, (file, isFolder) => {
    if (!isFolder && DOSSIER_NAME.test(path.basename(file))) found.push(file);
  });
  return found;
}

function toPosix(candidate: string): string {
  return candidate.split(path.sep).join("/");
}

export function displayPathFor(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return absolutePath;
  return toPosix(relative);
}

function expandGlob(pattern: string, cwd: string): string[] {
  const base = path.resolve(cwd, globBase(pattern));
  if (!isDirectory(base)) return [];
  const matcher = globToRegExp(toPosix(path.isAbsolute(pattern) ? pattern : path.join(cwd, pattern)));
  const found: string[] = [];
  walk(base, (candidate, isFolder) => {
    if (!matcher.test(toPosix(candidate))) return;
    if (isFolder) found.push(...dossiersInFolder(candidate));
    else if (YAML_NAME.test(candidate)) found.push(candidate);
  });
  return found;
}

function expandArgument(argument: string, cwd: string, locale: Locale): string[] {
  const absolute = path.resolve(cwd, argument);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(absolute);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) {
    const found = dossiersInFolder(absolute);
    if (found.length === 0) throw new CliUsageError(uiText("error.no-dossiers-in-folder", locale, { path: argument }));
    return found;
  }
  if (stat) return [absolute];
  if (hasGlobMagic(argument)) {
    const found = expandGlob(argument, cwd);
    if (found.length === 0) throw new CliUsageError(uiText("error.no-match", locale, { pattern: argument }));
    return found;
  }
  throw new CliUsageError(uiText("error.no-such-path", locale, { path: argument }));
}

/** Fails with a usage error when a file cannot be opened for reading. */
export function assertReadable(target: DossierTarget, locale: Locale): void {
  try {
    fs.closeSync(fs.openSync(target.absolutePath, "r"));
  } catch (error) {
    throw new CliUsageError(uiText("error.unreadable", locale, { path: target.displayPath, reason: describeFileError(error) }));
  }
}

export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known: { [code: string]: string } = {
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    ENOENT: "no such file or directory",
    EISDIR: "is a directory",
    ENOTDIR: "not a directory",
    ELOOP: "too many symbolic links",
  };
  if (code && known[code]) return `${known[code]} (${code})`;
  return error instanceof Error ? error.message.split("\n")[0] : String(error);
}

/** The dossiers named by the arguments (the working folder when there are none). */
export function discoverDossiers(argumentsGiven: string[], cwd: string, locale: Locale): DossierTarget[] {
  const seen = new Set<string>();
  const targets: DossierTarget[] = [];
  for (const argument of argumentsGiven.length > 0 ? argumentsGiven : ["."]) {
    for (const absolutePath of expandArgument(argument, cwd, locale)) {
      if (seen.has(absolutePath)) continue;
      seen.add(absolutePath);
      targets.push({ absolutePath, displayPath: displayPathFor(absolutePath, cwd) });
    }
  }
  for (const target of targets) assertReadable(target, locale);
  return targets;
}
