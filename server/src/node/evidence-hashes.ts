// The contents of evidence files, for the cross-dossier checks (core/check/cross/): a path has a content only when it
// names an existing regular file inside the dossier's folder (evidence-files.ts, links resolved). Its size is known
// from the folder's answers; the file is read only when the checks ask (its first 4 KB where another evidence file has
// the same size, the whole file where their starts are the same too), with the defences of read-file.ts, no larger
// than MAX_HASHED_BYTES. Whole files' hashes are kept by path, size and modification time, so that a workspace checked
// again hashes only the files that changed.
import * as path from "node:path";
import type { EvidenceContent, EvidenceContentOf } from "../core/check/cross/facts";
import { EvidenceFiles, evidenceFilesIn } from "./evidence-files";
import { hashRegularFile } from "./read-file";

/** Larger evidence files (a scan of hundreds of pages) are not compared. */
export const MAX_HASHED_BYTES = 64 * 1024 * 1024;

/** How much of a file is read to tell it from another file of its size before both are read whole. */
const START_BYTES = 4096;

/** Kept hashes, by absolute path, valid for one size and modification time. */
export class EvidenceHashes {
  private readonly byPath = new Map<string, { size: number; mtimeMs: number; hash: string }>();

  get(file: string, size: number, mtimeMs: number): string | undefined {
    const known = this.byPath.get(file);
    return known && known.size === size && known.mtimeMs === mtimeMs ? known.hash : undefined;
  }

  set(file: string, size: number, mtimeMs: number, hash: string): void {
    this.byPath.set(file, { size, mtimeMs, hash });
  }

  /** Forgets a file (changed or deleted on disk). */
  forget(file: string): void {
    this.byPath.delete(file);
  }

  /** The contents of the evidence files of a dossier in `folder`; `files`: the answers of its validation, reused. An
   * empty file has none (as hashRegularFile answers); a file is opened when its start or hash is first asked for,
   * unless the hash is kept for its status. */
  in(folder: string, files: EvidenceFiles = evidenceFilesIn(folder)): EvidenceContentOf {
    return (relativePath) => {
      const stat = files.stat(relativePath);
      if (!stat || stat.size === 0 || stat.size > MAX_HASHED_BYTES) return undefined;
      return new FileContent(this, folder, relativePath, stat.size, stat.mtimeMs);
    };
  }
}

/** A file's content as the checks hold it, one per evidence path of every dossier known (a workspace keeps them):
 * what it takes to read the file when asked, no more. */
class FileContent implements EvidenceContent {
  /** The folder and the path as written: the same for each dossier of the folder that names the file. */
  readonly file: string;
  private startValue: string | null | undefined;
  private hashValue: string | null | undefined;

  constructor(
    private readonly hashes: EvidenceHashes,
    private readonly folder: string,
    private readonly relativePath: string,
    readonly size: number,
    private readonly mtimeMs: number,
  ) {
    this.file = `${folder}\u0000${relativePath}`;
  }

  start(): string | undefined {
    // a file no longer than its start is read once, whole (and its hash kept)
    if (this.size <= START_BYTES) return this.hash();
    if (this.startValue === undefined)
      this.startValue = hashRegularFile(this.path(), MAX_HASHED_BYTES, undefined, START_BYTES) ?? null;
    return this.startValue ?? undefined;
  }

  hash(): string | undefined {
    if (this.hashValue === undefined) {
      const file = this.path();
      this.hashValue =
        this.hashes.get(file, this.size, this.mtimeMs) ?? hashRegularFile(file, MAX_HASHED_BYTES, this.hashes) ?? null;
    }
    return this.hashValue ?? undefined;
  }

  private path(): string {
    return path.resolve(this.folder, this.relativePath);
  }
}
