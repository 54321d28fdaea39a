// Where the benchmark's inputs live: the repository, and the generated dossiers in a temporary folder.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { findRepositoryRoot } from "../server/src/node/repository-root";
import { generateDossier } from "../test/support/generate-dossier";
import type { BenchFile } from "./shared";

/** The repository root: the nearest folder above `start` with a package.json. */
export const repositoryRootOf = findRepositoryRoot;

/** Creates (empty) every evidence file a dossier names, as an applicant's folder would hold them. */
export function writeEvidenceFiles(folder: string, text: string): void {
  for (const match of text.matchAll(/(?<=[\s:-])(evidence\/[^\s#"']+)/g)) {
    const file = path.join(folder, ...match[1].split("/"));
    if (fs.existsSync(file)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "");
  }
}

/** Writes one valid and one faulty dossier per size into `folder`, with their evidence files. */
export function writeBenchFiles(folder: string, sizes: number[]): BenchFile[] {
  const files: BenchFile[] = [];
  for (const lines of sizes) {
    for (const variant of ["valid", "faults"] as const) {
      const generated = generateDossier({ lines, faults: variant === "faults", seed: lines });
      const name = `${lines}-${variant}`;
      const file = path.join(folder, `${name}.dossier.yaml`);
      fs.writeFileSync(file, generated.text);
      writeEvidenceFiles(folder, generated.text);
      files.push({
        name,
        lines: generated.lines,
        variant,
        text: generated.text,
        faults: generated.faults,
        path: file,
        uri: pathToFileURL(file).toString(),
      });
    }
  }
  return files;
}

/** `count` typical (1,000-line) dossiers for the command line, a tenth of them with faults, with their evidence. */
export function writeCliCorpus(folder: string, count: number): void {
  fs.mkdirSync(folder, { recursive: true });
  for (let index = 0; index < count; index++) {
    const generated = generateDossier({ lines: 1000, faults: index % 10 === 0, seed: 5000 + index });
    fs.writeFileSync(path.join(folder, `applicant-${String(index).padStart(4, "0")}.dossier.yaml`), generated.text);
    writeEvidenceFiles(folder, generated.text);
  }
}

export function temporaryFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "isv-bench-"));
}
