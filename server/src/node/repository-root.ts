// The repository (or installed package) root: the nearest folder above `start` holding a package.json.
import * as fs from "node:fs";
import * as path from "node:path";

export function findRepositoryRoot(start: string): string {
  let directory = start;
  while (!fs.existsSync(path.join(directory, "package.json"))) {
    const parent = path.dirname(directory);
    if (parent === directory) return process.cwd();
    directory = parent;
  }
  return directory;
}
