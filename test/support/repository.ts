// Where the repository is, for tests that read samples and fixtures from disk.
import * as fs from "node:fs";
import * as path from "node:path";

export function repositoryRoot(): string {
  let directory = __dirname;
  while (!fs.existsSync(path.join(directory, "package.json"))) {
    const parent = path.dirname(directory);
    if (parent === directory) return process.cwd();
    directory = parent;
  }
  return directory;
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
