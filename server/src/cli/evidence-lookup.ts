// Evidence existence for one lint run. The answers are those of node/evidence-files.ts's evidenceExistsIn (a file
// inside the dossier's folder, after resolving `..` and symbolic links), found with fewer calls into the file
// system: each folder on the way is listed once (readdir), and a path of plain names whose every folder is a real
// folder and whose last name is a regular file exists. Anything else — a name not listed, a symbolic link, an entry
// of unknown type, a folder that cannot be listed or searched — is left to evidenceExistsIn itself. Every answer is
// kept for the run; a new run starts with a new lookup, so a file created in between is found.
import * as fs from "node:fs";
import * as path from "node:path";
import { checkEvidencePath } from "../core/check/evidence-path";
import { evidenceExistsIn } from "../node/evidence-files";

type Listing = Map<string, fs.Dirent>;

export class EvidenceLookup {
  /** Folder → its entries by name; null when it could not be listed. */
  private readonly listings = new Map<string, Listing | null>();
  /** Dossier folder → the existence check for it. */
  private readonly checks = new Map<string, (relativePath: string) => boolean>();

  /** The existence check for dossiers in `folder` (an absolute path). */
  existsIn(folder: string): (relativePath: string) => boolean {
    let check = this.checks.get(folder);
    if (!check) {
      const exact = evidenceExistsIn(folder);
      const answered = new Map<string, boolean>();
      check = (relativePath: string): boolean => {
        let answer = answered.get(relativePath);
        if (answer === undefined) {
          answer = this.listedAsFile(folder, relativePath) || exact(relativePath);
          answered.set(relativePath, answer);
        }
        return answer;
      };
      this.checks.set(folder, check);
    }
    return check;
  }

  /** True only when the listings show `relativePath` as a regular file reached through real folders inside `folder`
   * (plain names only: a path with an empty, `.` or `..` segment is left to the exact check). */
  private listedAsFile(folder: string, relativePath: string): boolean {
    if (checkEvidencePath(relativePath) !== "ok") return false;
    const names = relativePath.split("/");
    let current = folder;
    for (let index = 0; index < names.length; index++) {
      const name = names[index];
      if (name === "" || name === "." || name === "..") return false;
      const entry = this.listing(current)?.get(name);
      if (!entry) return false;
      if (index === names.length - 1) return entry.isFile();
      if (!entry.isDirectory()) return false;
      current = path.join(current, name);
    }
    return false;
  }

  private listing(folder: string): Listing | null {
    let listing = this.listings.get(folder);
    if (listing === undefined) {
      try {
        // listed and searchable (a folder readable but not searchable lists names whose files cannot be opened)
        fs.accessSync(folder, fs.constants.X_OK);
        listing = new Map(fs.readdirSync(folder, { withFileTypes: true }).map((entry) => [entry.name, entry]));
      } catch {
        listing = null;
      }
      this.listings.set(folder, listing);
    }
    return listing;
  }
}
