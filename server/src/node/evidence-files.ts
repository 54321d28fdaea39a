// Node-side existence check for evidence files, shared by the server and the CLI. A path is looked up only when
// it stays inside the dossier's folder — after resolving `..` and symbolic links; anything else "does not exist".
//
// A dossier names many files in few folders, and its first check runs before any of this code is compiled: each
// folder's real path is resolved once per check function, a file is then one lstat, and only a file that is itself a
// symbolic link is resolved on its own. A path of plain names ("a/b/c.pdf") is joined as a string on POSIX systems;
// node:path's resolve and relative, which walk every character, are kept for the other paths.
import * as fs from "node:fs";
import * as path from "node:path";
import { checkEvidencePath, placeOfRelativePath } from "../core/check/evidence-path";

/** An empty, `.` or `..` segment: such a path is resolved with node:path. */
const NOT_PLAIN_NAMES = /(^|\/)\.{0,2}(\/|$)/;
const POSIX = path.sep === "/";

/** Whether `candidate` lies inside `folder` (both resolved): the core's placeOfRelativePath on the path between them. */
function isInside(folder: string, candidate: string): boolean {
  if (POSIX && path.isAbsolute(folder) && path.isAbsolute(candidate)) {
    // the same answer as below for absolute paths, without node:path's walk over every character
    const prefix = folder.endsWith("/") ? folder : `${folder}/`;
    return candidate.startsWith(prefix) && placeOfRelativePath(candidate.slice(prefix.length)) === "inside";
  }
  const relative = path.relative(folder, candidate);
  return (
    !path.isAbsolute(relative) &&
    placeOfRelativePath(POSIX ? relative : relative.split(path.sep).join("/")) === "inside"
  );
}

/** A function saying whether `relativePath` names an existing file inside `folder`. */
export function evidenceExistsIn(folder: string): (relativePath: string) => boolean {
  const stat = evidenceStatIn(folder);
  return (relativePath) => stat(relativePath) !== undefined;
}

/** The evidence files of one check of a dossier in `folder`: whether each exists (as evidenceExistsIn) and its
 * status, each path looked up once — the validation's existence check and the cross-dossier hashes
 * (evidence-hashes.ts) share the answers instead of asking the file system twice. */
export interface EvidenceFiles {
  exists(relativePath: string): boolean;
  /** The status of the file (its target, for a symbolic link), undefined when it does not exist inside the folder. */
  stat(relativePath: string): fs.Stats | undefined;
}

export function evidenceFilesIn(folder: string): EvidenceFiles {
  const lookUp = evidenceStatIn(folder);
  const known = new Map<string, fs.Stats | undefined>();
  const stat = (relativePath: string): fs.Stats | undefined => {
    if (known.has(relativePath)) return known.get(relativePath);
    const answer = lookUp(relativePath);
    known.set(relativePath, answer);
    return answer;
  };
  return { stat, exists: (relativePath) => stat(relativePath) !== undefined };
}

/** The status of the regular file `relativePath` names inside `folder`, undefined when there is none. */
function evidenceStatIn(folder: string): (relativePath: string) => fs.Stats | undefined {
  const base = path.resolve(folder);
  /** Folder → its real path (every symbolic link on the way resolved), null when it does not resolve. */
  const realPaths = new Map<string, string | null>();
  function realPathOf(directory: string): string | null {
    let real = realPaths.get(directory);
    if (real === undefined) {
      try {
        real = fs.realpathSync.native(directory);
      } catch {
        real = null;
      }
      realPaths.set(directory, real);
    }
    return real;
  }
  return (relativePath: string): fs.Stats | undefined => {
    if (checkEvidencePath(relativePath) !== "ok" || path.isAbsolute(relativePath)) return undefined;
    let parent: string;
    let name: string;
    if (POSIX && !NOT_PLAIN_NAMES.test(relativePath)) {
      const candidate = base === "/" ? `/${relativePath}` : `${base}/${relativePath}`; // inside: plain names only
      const slash = candidate.lastIndexOf("/");
      parent = slash === 0 ? "/" : candidate.slice(0, slash);
      name = candidate.slice(slash + 1);
    } else {
      const candidate = path.resolve(base, relativePath);
      if (!isInside(base, candidate)) return undefined;
      parent = path.dirname(candidate);
      name = path.basename(candidate);
    }
    const realFolder = realPathOf(base);
    const realParent = realPathOf(parent);
    if (realFolder === null || realParent === null) return undefined;
    // nothing is looked up outside: a folder on the way may be a symbolic link that leads out
    if (realParent !== realFolder && !isInside(realFolder, realParent)) return undefined;
    try {
      const real = POSIX ? (realParent === "/" ? `/${name}` : `${realParent}/${name}`) : path.join(realParent, name);
      const entry = fs.lstatSync(real, { throwIfNoEntry: false });
      if (!entry) return undefined;
      if (!entry.isSymbolicLink()) return entry.isFile() && isInside(realFolder, real) ? entry : undefined;
      const target = fs.realpathSync.native(real);
      if (!isInside(realFolder, target)) return undefined;
      const targetEntry = fs.statSync(target);
      return targetEntry.isFile() ? targetEntry : undefined;
    } catch {
      return undefined;
    }
  };
}
