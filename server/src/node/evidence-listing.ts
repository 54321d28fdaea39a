// The files of a dossier's folder, for the completion of evidence paths: relative `/`-separated paths of regular
// files inside the folder. Hostile folders are expected: nothing outside the folder is listed (a symbolic link is
// listed only when it resolves to a file inside the folder; linked folders are not entered, so no cycle either), and
// the listing is bounded in files, depth and folders read. Hidden entries (`.git`, `.DS_Store`) and node_modules are
// skipped. The core filters and ranks (core/features/evidence-completion.ts).
import * as fs from "node:fs";
import * as path from "node:path";
import { placeOfRelativePath } from "../core/check/evidence-path";

export interface ListingLimits {
  maxFiles: number;
  maxDepth: number;
  maxFolders: number;
}

export const DEFAULT_LISTING_LIMITS: ListingLimits = { maxFiles: 2000, maxDepth: 6, maxFolders: 500 };

/** Whether `real` (a resolved path) lies inside the resolved folder `realFolder`. */
function inside(realFolder: string, real: string): boolean {
  const relative = path.relative(realFolder, real);
  return !path.isAbsolute(relative) && placeOfRelativePath(relative.split(path.sep).join("/")) === "inside";
}

/** The files of `folder` (relative paths, breadth first), within the limits. Never throws. */
export function listEvidenceFiles(folder: string, limits: ListingLimits = DEFAULT_LISTING_LIMITS): string[] {
  let realFolder: string;
  try {
    realFolder = fs.realpathSync.native(folder);
  } catch {
    return [];
  }
  const files: string[] = [];
  const queue: Array<{ relative: string; depth: number }> = [{ relative: "", depth: 0 }];
  let folders = 0;
  while (queue.length > 0 && files.length < limits.maxFiles && folders < limits.maxFolders) {
    const { relative, depth } = queue.shift()!;
    folders++;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(realFolder, relative), { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (files.length >= limits.maxFiles) break;
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (depth + 1 < limits.maxDepth) queue.push({ relative: child, depth: depth + 1 });
      } else if (entry.isFile()) {
        files.push(child);
      } else if (entry.isSymbolicLink()) {
        try {
          const target = fs.realpathSync.native(path.join(realFolder, child));
          if (inside(realFolder, target) && fs.statSync(target).isFile()) files.push(child);
        } catch {
          // a dangling link: not a file
        }
      }
    }
  }
  return files;
}

/** Listings kept a short while per folder: completion asks again at each keystroke. */
export class EvidenceListings {
  private readonly byFolder = new Map<string, { since: number; files: string[] }>();

  constructor(
    private readonly keepMs = 2000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  of(folder: string): string[] {
    const kept = this.byFolder.get(folder);
    const now = this.now();
    if (kept && now - kept.since <= this.keepMs) return kept.files;
    const files = listEvidenceFiles(folder);
    this.byFolder.set(folder, { since: now, files });
    if (this.byFolder.size > 64) this.byFolder.delete(this.byFolder.keys().next().value!);
    return files;
  }
}
