// Where the repository is, for tests that read samples and fixtures from disk.
import * as fs from "node:fs";
import * as path from "node:path";
import { findRepositoryRoot } from "../../server/src/node/repository-root";

export function repositoryRoot(): string {
  return findRepositoryRoot(__dirname);
}

/** All files under a folder (recursively) whose name ends with one of the suffixes, sorted. */
export function filesUnder(folder: string, suffixes: string[]): string[] {
  if (!fs.existsSync(folder)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full, suffixes));
    else if (suffixes.some((suffix) => entry.name.endsWith(suffix))) found.push(full);
  }
  return found.sort();
}
