// Searching folders and naming file errors, shared by the CLI (cli/discover.ts) and the language server's workspace
// (lsp/workspace.ts): folders are searched through symbolic links, each real folder (by device and inode) once, so a
// link to a parent folder or to itself ends the descent instead of looping; hidden folders and node_modules are
// skipped. Nothing here opens a file: reading (regular files only, within the size limit) is read-file.ts's.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Locale } from "../core/types";

export const DOSSIER_NAME = /\.dossier\.ya?ml$/i;

function skippedFolder(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/** Where a folder search is: the folders that could not be listed are reported, not failures of the whole search. */
export interface FolderSearch {
  locale: Locale;
  /** Called once per folder that could not be listed, with the reason in the search's language. */
  unlisted: (folder: string, reason: string) => void;
  /** Stop after this many files and folders (the language server's workspace: a folder as large as a home folder
   * must not hold it up); no limit when absent (the CLI searches what it is told to). */
  maxEntries?: number;
}

export function statOrUndefined(candidate: string): fs.Stats | undefined {
  try {
    return fs.statSync(candidate);
  } catch {
    return undefined;
  }
}

/** A file's identity (device and inode, links followed): the same folder or file reached by two paths is one. Where
 * the file system gives no inode (0), the real path stands in for it. */
export function identity(stat: fs.Stats, file: string): string {
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
export function walk(
  root: string,
  search: FolderSearch,
  visit: (absolutePath: string, isFolder: boolean) => void,
): void {
  const rootStat = statOrUndefined(root);
  const visited = new Set<string>(rootStat ? [identity(rootStat, root)] : []);
  let seen = 0;
  const descend = (folder: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      search.unlisted(folder, describeFileError(error, search.locale));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (search.maxEntries !== undefined && ++seen > search.maxEntries) return;
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

/** Every *.dossier.yaml|yml under a folder, sorted depth first (the folders that cannot be listed go to the search). */
export function dossiersUnder(folder: string, search: FolderSearch): string[] {
  const found: string[] = [];
  walk(folder, search, (file, isFolder) => {
    if (!isFolder && DOSSIER_NAME.test(path.basename(file))) found.push(file);
  });
  return found;
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
