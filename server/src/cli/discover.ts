// Turns `lint` arguments (files, folders, globs) into the list of dossiers to check, in a stable order:
// argument order, then sorted paths within each argument, without duplicates. Folders are searched for
// *.dossier.yaml|yml (skipping hidden folders and node_modules), each real folder once however many links lead to it.
// A missing path is a usage error; a folder that cannot be listed is a problem reported on its own line while the
// rest is linted. Nothing here opens a file: reading (regular files only, within the size limit) is lint-file.ts's.
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

/** A path that could not be searched or read: one line on stderr; the rest of the run goes on. */
export interface PathProblem {
  /** As shown to the user (see displayPathFor). */
  path: string;
  /** Why, in the run's language. */
  reason: string;
}

/** What a search found: the folders that could not be listed are problems, not failures of the whole run. */
interface Search {
  cwd: string;
  locale: Locale;
  problems: PathProblem[];
}

function statOrUndefined(candidate: string): fs.Stats | undefined {
  try {
    return fs.statSync(candidate);
  } catch {
    return undefined;
  }
}

/** A file's identity (device and inode, links followed): the same folder or file reached by two paths is one. Where
 * the file system gives no inode (0), the real path stands in for it. */
function identity(stat: fs.Stats, file: string): string {
  if (stat.ino !== 0) return `${stat.dev}:${stat.ino}`;
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * Every file and folder under `root` as [absolute path, is folder], depth first, sorted by name. Symbolic links to
 * folders are followed, but each real folder (by device and inode) is entered once, so a link to a parent folder
 * (`ln -s .. up`) or to itself ends the descent instead of looping. A folder that cannot be listed is a problem.
 */
function walk(root: string, search: Search, visit: (absolutePath: string, isFolder: boolean) => void): void {
  const rootStat = statOrUndefined(root);
  const visited = new Set<string>(rootStat ? [identity(rootStat, root)] : []);
  const descend = (folder: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      search.problems.push({
        path: displayPathFor(folder, search.cwd),
        reason: describeFileError(error, search.locale),
      });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      const stat = entry.isDirectory() || entry.isSymbolicLink() ? statOrUndefined(full) : undefined;
      const isFolder = stat?.isDirectory() === true;
      if (isFolder && skippedFolder(entry.name)) continue;
      if (stat && isFolder) {
        const key = identity(stat, full);
        if (visited.has(key)) continue;
        visited.add(key);
      }
      visit(full, isFolder);
      if (isFolder) descend(full);
    }
  };
  descend(root);
}

function isDirectory(candidate: string): boolean {
  return statOrUndefined(candidate)?.isDirectory() === true;
}

function dossiersInFolder(folder: string, search: Search): string[] {
  const found: string[] = [];
  walk(folder, search, (file, isFolder) => {
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

function expandGlob(pattern: string, search: Search): string[] {
  const base = path.resolve(search.cwd, globBase(pattern));
  if (!isDirectory(base)) return [];
  const matcher = globToRegExp(toPosix(path.isAbsolute(pattern) ? pattern : path.join(search.cwd, pattern)));
  const found: string[] = [];
  walk(base, search, (candidate, isFolder) => {
    if (!matcher.test(toPosix(candidate))) return;
    if (isFolder) found.push(...dossiersInFolder(candidate, search));
    else if (YAML_NAME.test(candidate)) found.push(candidate);
  });
  return found;
}

function expandArgument(argument: string, search: Search): string[] {
  const { cwd, locale } = search;
  const absolute = path.resolve(cwd, argument);
  const stat = statOrUndefined(absolute);
  const problemsBefore = search.problems.length;
  if (stat?.isDirectory()) {
    const found = dossiersInFolder(absolute, search);
    // a folder that could not be searched (or held only folders that could not be) is reported as such instead
    if (found.length === 0 && search.problems.length === problemsBefore) {
      throw new CliUsageError(uiText("error.no-dossiers-in-folder", locale, { path: argument }));
    }
    return found;
  }
  if (stat) return [absolute];
  if (hasGlobMagic(argument)) {
    const found = expandGlob(argument, search);
    if (found.length === 0 && search.problems.length === problemsBefore)
      throw new CliUsageError(uiText("error.no-match", locale, { pattern: argument }));
    return found;
  }
  throw new CliUsageError(uiText("error.no-such-path", locale, { path: argument }));
}

const FILE_ERRORS: { [code: string]: { en: string; zh: string } } = {
  EACCES: { en: "permission denied", zh: "权限不足" },
  EPERM: { en: "operation not permitted", zh: "不允许的操作" },
  ENOENT: { en: "no such file or directory", zh: "文件或目录不存在" },
  EISDIR: { en: "is a directory", zh: "是文件夹" },
  ENOTDIR: { en: "not a directory", zh: "不是文件夹" },
  ELOOP: { en: "too many symbolic links", zh: "符号链接层数过多" },
  EMFILE: { en: "too many open files", zh: "打开的文件过多" },
  EIO: { en: "input/output error", zh: "输入输出错误" },
};

/** Why a file operation failed, in a few words of the locale, with the system's code: "permission denied (EACCES)". */
export function describeFileError(error: unknown, locale: Locale = "en"): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code ? FILE_ERRORS[code] : undefined;
  if (code && known) return locale === "zh-cn" ? `${known.zh}（${code}）` : `${known.en} (${code})`;
  return error instanceof Error ? error.message.split("\n")[0] : String(error);
}

/** The dossiers named by the arguments (the working folder when there are none), each file once (by device and inode,
 * so a dossier reached through a link is not linted twice), and the folders that could not be searched. */
export function discoverDossiers(
  argumentsGiven: string[],
  cwd: string,
  locale: Locale,
): { targets: DossierTarget[]; problems: PathProblem[] } {
  const search: Search = { cwd, locale, problems: [] };
  const seen = new Set<string>();
  const targets: DossierTarget[] = [];
  for (const argument of argumentsGiven.length > 0 ? argumentsGiven : ["."]) {
    for (const absolutePath of expandArgument(argument, search)) {
      const stat = statOrUndefined(absolutePath);
      const key = stat ? identity(stat, absolutePath) : absolutePath;
      if (seen.has(key)) continue;
      seen.add(key);
      targets.push({ absolutePath, displayPath: displayPathFor(absolutePath, cwd) });
    }
  }
  return { targets, problems: search.problems };
}
