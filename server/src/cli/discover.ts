// Turns `lint` arguments (files, folders, globs) into the list of dossiers to check, in a stable order:
// argument order, then sorted paths within each argument, without duplicates. Folders are searched for
// *.dossier.yaml|yml (skipping hidden folders and node_modules), each real folder once however many links lead to it.
// A missing path is a usage error; a folder that cannot be listed is a problem reported on its own line while the
// rest is linted. Nothing here opens a file: reading (regular files only, within the size limit) is lint-file.ts's.
import * as path from "node:path";
import type { Locale } from "../core/types";
import {
  describeFileError,
  DOSSIER_NAME,
  dossiersUnder,
  FolderSearch,
  identity,
  statOrUndefined,
  walk,
} from "../node/folder-search";
import { CliUsageError } from "./errors";
import { globBase, globToRegExp, hasGlobMagic } from "./glob";
import { uiText } from "./ui-text";

export { describeFileError, DOSSIER_NAME };

export interface DossierTarget {
  absolutePath: string;
  /** Relative to the working folder with forward slashes when inside it; absolute otherwise. */
  displayPath: string;
}

const YAML_NAME = /\.ya?ml$/i;

/** A path that could not be searched or read: one line on stderr; the rest of the run goes on. */
export interface PathProblem {
  /** As shown to the user (see displayPathFor). */
  path: string;
  /** Why, in the run's language. */
  reason: string;
}

/** What a search found: the folders that could not be listed are problems, not failures of the whole run. */
interface Search extends FolderSearch {
  cwd: string;
  problems: PathProblem[];
}

function isDirectory(candidate: string): boolean {
  return statOrUndefined(candidate)?.isDirectory() === true;
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
    if (isFolder) found.push(...dossiersUnder(candidate, search));
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
    const found = dossiersUnder(absolute, search);
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

/** The dossiers named by the arguments (the working folder when there are none), each file once (by device and inode,
 * so a dossier reached through a link is not linted twice), and the folders that could not be searched. */
export function discoverDossiers(
  argumentsGiven: string[],
  cwd: string,
  locale: Locale,
): { targets: DossierTarget[]; problems: PathProblem[] } {
  const problems: PathProblem[] = [];
  const unlisted = (folder: string, reason: string): number =>
    problems.push({ path: displayPathFor(folder, cwd), reason });
  const search: Search = { cwd, locale, problems, unlisted };
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
