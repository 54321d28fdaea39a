// The lint run's evidence lookup (server/src/cli/evidence-lookup.ts) lists each folder once and keeps its answers
// for the run: it must answer exactly as node/evidence-files.ts's evidenceExistsIn does (plain, nested, dotted and
// climbing paths, files, folders, missing names, symbolic links inside and out, several dossier folders), and a
// new lookup — a new run — must see files created since. End to end, `lint` finds an evidence file created between
// two runs, with worker threads and without.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EvidenceLookup } from "../../server/src/cli/evidence-lookup";
import { evidenceExistsIn } from "../../server/src/node/evidence-files";
import { AS_OF, assertBuilt, ROOT, runCli } from "../support/cli-harness";

const TEMPORARY_FOLDERS: string[] = [];
after(() => TEMPORARY_FOLDERS.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

function temporaryFolder(): string {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "isv-lookup-")));
  TEMPORARY_FOLDERS.push(folder);
  return folder;
}

function write(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, "");
}

const PATHS = [
  "evidence/licence.pdf",
  "evidence/people/zhang-san/degree.pdf",
  "evidence/people-link/zhang-san/degree.pdf",
  "evidence/link-inside.pdf",
  "evidence/link-outside.pdf",
  "evidence/outside-link/secret.pdf",
  "evidence/dangling.pdf",
  "evidence/folder-link.pdf",
  "evidence/a-folder.pdf",
  "evidence/a-folder.pdf/",
  "evidence",
  "evidence/missing.pdf",
  "evidence/missing-folder/x.pdf",
  "evidence/licence.pdf/x.pdf",
  "evidence/..hidden.pdf",
  "..top.pdf",
  "top.pdf",
  "./top.pdf",
  "evidence/./licence.pdf",
  "evidence//licence.pdf",
  "evidence/people/../licence.pdf",
  "evidence/../../outside/secret.pdf",
  "../outside/secret.pdf",
  "/etc/hostname",
  "evidence\\licence.pdf",
  "evidence/%2e%2e/top.pdf",
  "EVIDENCE/LICENCE.PDF",
  "",
  ".",
];

test("the evidence lookup answers as evidenceExistsIn, in every folder, asked twice", { skip: process.platform === "win32" && "symbolic links need privileges on Windows" }, () => {
  const root = temporaryFolder();
  const dossierFolder = path.join(root, "applicant");
  const second = path.join(root, "second-applicant");
  const outside = path.join(root, "outside");
  write(path.join(dossierFolder, "evidence", "licence.pdf"));
  write(path.join(dossierFolder, "evidence", "people", "zhang-san", "degree.pdf"));
  write(path.join(dossierFolder, "evidence", "..hidden.pdf"));
  write(path.join(dossierFolder, "..top.pdf"));
  write(path.join(dossierFolder, "top.pdf"));
  fs.mkdirSync(path.join(dossierFolder, "evidence", "a-folder.pdf"), { recursive: true });
  write(path.join(outside, "secret.pdf"));
  fs.symlinkSync(path.join(dossierFolder, "evidence", "licence.pdf"), path.join(dossierFolder, "evidence", "link-inside.pdf"));
  fs.symlinkSync(path.join(outside, "secret.pdf"), path.join(dossierFolder, "evidence", "link-outside.pdf"));
  fs.symlinkSync(path.join(dossierFolder, "evidence", "people"), path.join(dossierFolder, "evidence", "people-link"));
  fs.symlinkSync(outside, path.join(dossierFolder, "evidence", "outside-link"));
  fs.symlinkSync(path.join(dossierFolder, "evidence", "missing.pdf"), path.join(dossierFolder, "evidence", "dangling.pdf"));
  fs.symlinkSync(path.join(dossierFolder, "evidence", "a-folder.pdf"), path.join(dossierFolder, "evidence", "folder-link.pdf"));
  // a second dossier folder with other files, one of the same name, and the first reached through a symbolic link
  write(path.join(second, "evidence", "licence.pdf"));
  write(path.join(second, "only-here.pdf"));
  fs.symlinkSync(dossierFolder, path.join(root, "applicant-link"));
  const folders = [dossierFolder, second, path.join(root, "applicant-link"), path.join(dossierFolder, "evidence"), path.join(root, "missing-folder")];
  const paths = [...PATHS, "only-here.pdf", "zhang-san/degree.pdf", "people/zhang-san/degree.pdf"];

  const lookup = new EvidenceLookup();
  let found = 0;
  for (const round of [1, 2]) {
    for (const folder of folders) {
      const expected = evidenceExistsIn(folder);
      const actual = lookup.existsIn(folder);
      for (const relativePath of paths) {
        const answer = expected(relativePath);
        assert.equal(actual(relativePath), answer, `round ${round}, ${folder}: ${JSON.stringify(relativePath)}`);
        if (answer) found++;
      }
    }
  }
  assert.ok(found >= 2 * 8, `the layout has files that exist (${found} found)`);
});

test("a lookup keeps its answers for its run; a new lookup finds files created since", () => {
  const folder = temporaryFolder();
  write(path.join(folder, "evidence", "present.pdf"));
  const first = new EvidenceLookup();
  const exists = first.existsIn(folder);
  assert.equal(exists("evidence/present.pdf"), true);
  assert.equal(exists("evidence/later.pdf"), false);
  assert.equal(exists("evidence/new-folder/later.pdf"), false);
  write(path.join(folder, "evidence", "later.pdf"));
  write(path.join(folder, "evidence", "new-folder", "later.pdf"));
  fs.rmSync(path.join(folder, "evidence", "present.pdf"));
  // the same run: the folder was listed once
  assert.equal(exists("evidence/later.pdf"), false);
  assert.equal(exists("evidence/present.pdf"), true);
  // the next run
  const next = new EvidenceLookup().existsIn(folder);
  assert.equal(next("evidence/later.pdf"), true);
  assert.equal(next("evidence/new-folder/later.pdf"), true);
  assert.equal(next("evidence/present.pdf"), false);
});

test("a name missing from a folder's listing is still looked up on its own", () => {
  const folder = temporaryFolder();
  write(path.join(folder, "evidence", "a", "one.pdf"));
  const exists = new EvidenceLookup().existsIn(folder);
  assert.equal(exists("evidence/a/one.pdf"), true);
  // created after evidence/ and evidence/a/ were listed, never asked for before
  write(path.join(folder, "evidence", "b", "two.pdf"));
  write(path.join(folder, "evidence", "a", "deeper", "three.pdf"));
  assert.equal(exists("evidence/b/two.pdf"), true);
  assert.equal(exists("evidence/a/deeper/three.pdf"), true);
});

interface JsonReport {
  files: Array<{ path: string; findings: Array<{ rule: string; args: { [name: string]: unknown } }> }>;
}

function missingEvidence(stdout: string): string[] {
  const report = JSON.parse(stdout) as JsonReport;
  return report.files.flatMap((file) => file.findings.filter((finding) => finding.rule === "evidence.exists").map((finding) => `${file.path}: ${String(finding.args.path)}`));
}

test("lint: an evidence file created between two runs is found by the second, with and without workers", async () => {
  assertBuilt();
  const folder = temporaryFolder();
  const sample = path.join(ROOT, "samples", "jinan-luoqiao");
  fs.cpSync(path.join(sample, "evidence"), path.join(folder, "evidence"), { recursive: true });
  const text = fs.readFileSync(path.join(sample, "jinan-luoqiao.dossier.yaml"), "utf8");
  const named = [...text.matchAll(/(?<=[\s:-])(evidence\/[^\s#"']+)/g)].map((match) => match[1]);
  assert.ok(named.length > 3, "the sample names evidence files");
  const removed = named[named.length - 1];
  fs.rmSync(path.join(folder, ...removed.split("/")));
  // 30 dossiers in one folder: enough for workers by default, all sharing the evidence
  for (let index = 0; index < 30; index++) fs.writeFileSync(path.join(folder, `applicant-${String(index).padStart(2, "0")}.dossier.yaml`), text);
  const args = ["lint", ".", "--format", "json", "--as-of", AS_OF, "--lang", "en"];
  for (const jobs of ["1", "2"]) {
    fs.rmSync(path.join(folder, ...removed.split("/")), { force: true });
    const before = await runCli([...args, "--jobs", jobs], { cwd: folder });
    assert.equal(before.stderr, "", before.stderr);
    const missing = missingEvidence(before.stdout);
    assert.equal(missing.length, 30, `--jobs ${jobs}: ${missing.join("; ")}`);
    assert.ok(missing.every((entry) => entry.endsWith(`: ${removed}`)), missing.join("; "));
    fs.writeFileSync(path.join(folder, ...removed.split("/")), "");
    const after = await runCli([...args, "--jobs", jobs], { cwd: folder });
    assert.equal(after.stderr, "", after.stderr);
    assert.deepEqual(missingEvidence(after.stdout), [], `--jobs ${jobs}: found once created`);
  }
});
