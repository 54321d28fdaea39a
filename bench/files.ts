// Where the benchmark's inputs live: the repository, and the generated dossiers in a temporary folder.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { findRepositoryRoot } from "../server/src/node/repository-root";
import { generateDossier } from "../test/support/generate-dossier";
import type { BenchFile } from "./shared";

/** The repository root: the nearest folder above `start` with a package.json. */
export const repositoryRootOf = findRepositoryRoot;

/** The smallest and largest evidence file written: scans of a few pages to a few hundred. */
const EVIDENCE_BYTES = { least: 16 * 1024, most: 4 * 1024 * 1024 };

/**
 * Creates every evidence file a dossier names, as an applicant's folder would hold them: a PDF header naming the file,
 * then zeros up to a size of 16 KB to 4 MB spread as scanned documents' sizes are (evenly over their logarithm),
 * chosen by the file's folder and path so that every run writes the same files, and no two applicants' files are
 * the same (their headers name both). The zeros are a hole in the file (it is
 * truncated to its size, not written): the folder costs little disk, and its files have the sizes and distinct
 * first bytes of real ones, which is what the cross-dossier checks look at before they read a file whole.
 */
export function writeEvidenceFiles(folder: string, text: string): void {
  for (const match of text.matchAll(/(?<=[\s:-])(evidence\/[^\s#"']+)/g)) {
    const file = path.join(folder, ...match[1].split("/"));
    if (fs.existsSync(file)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // the dossier's folder and the path: the same in every run, another in each applicant's folder
    const name = `${path.basename(folder)}/${match[1]}`;
    const spread = createHash("sha256").update(name).digest().readUInt32BE(0) / 2 ** 32;
    const size = Math.round(EVIDENCE_BYTES.least * (EVIDENCE_BYTES.most / EVIDENCE_BYTES.least) ** spread);
    fs.writeFileSync(file, `%PDF-1.7\n% ${name}\n`);
    fs.truncateSync(file, size);
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
