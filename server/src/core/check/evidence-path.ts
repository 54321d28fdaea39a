// Whether an evidence path, as written in a dossier, is a relative path that stays inside the dossier's folder.
// Pure (no fs, no node:path): the server and the CLI call it before they touch the disk.

export type EvidencePathProblem =
  "empty" | "control-character" | "url" | "drive" | "unc" | "absolute" | "backslash" | "encoded" | "escapes" | "folder";

/** A percent-encoded dot, slash or backslash (%2e, %2f, %5c): it could hide a `..` or a separator. */
const ENCODED_SEPARATOR_OR_DOT = /%(2e|2f|5c)/i;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * Where a `/`-separated relative path leads from the folder it starts in: "inside" it, to the "folder" itself, or
 * "outside" (a `..` climbs above the start at some point). `.` and empty segments stay put; a name that merely
 * starts with dots (`..name`) is a name. The one test of "inside the dossier's folder": checkEvidencePath applies
 * it to the path as written, node/evidence-files.ts to the real paths on disk.
 */
export function placeOfRelativePath(path: string): "inside" | "folder" | "outside" {
  let depth = 0;
  for (const segment of path.split("/")) {
    if (segment === "..") depth--;
    else if (segment !== "" && segment !== ".") depth++;
    if (depth < 0) return "outside";
  }
  return depth === 0 ? "folder" : "inside";
}

/**
 * "ok", or the first problem found: empty; control characters; a URL (`file:`, `https:` …); a Windows drive
 * (`C:`), a UNC path (`\\server`, `//server`) or an absolute path (`/…`); backslashes; percent-encoded dots or
 * separators; a `..` that climbs out of the folder; a trailing `/` or a path naming the folder itself (`.`). A `..` that stays
 * inside (`a/../b`) is allowed.
 */
export function checkEvidencePath(path: string): "ok" | EvidencePathProblem {
  if (path.trim().length === 0) return "empty";
  if (CONTROL_CHARACTER.test(path)) return "control-character";
  if (/^[A-Za-z]:/.test(path)) return "drive";
  if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(path)) return "url";
  if (/^(\\\\|\/\/)/.test(path)) return "unc";
  if (path.startsWith("/") || path.startsWith("\\")) return "absolute";
  if (path.includes("\\")) return "backslash";
  if (ENCODED_SEPARATOR_OR_DOT.test(path)) return "encoded";
  const place = placeOfRelativePath(path);
  if (place === "outside") return "escapes";
  if (path.endsWith("/") || place === "folder") return "folder";
  return "ok";
}
