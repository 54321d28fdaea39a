// The evidence existence check that the server's first validation runs (server/src/node/evidence-files.ts) resolves
// each folder once and joins plain names as strings: it must answer exactly as resolving every path on its own does
// (node:path + fs.realpathSync), for plain, nested, dotted and climbing paths, files, folders, missing names and
// symbolic links that stay inside or lead out, file by file and folder by folder.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkEvidencePath } from "../../server/src/core/check/evidence-path";
import { evidenceExistsIn } from "../../server/src/node/evidence-files";

const TEMPORARY_FOLDERS: string[] = [];
after(() => TEMPORARY_FOLDERS.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

/** The reference: every path resolved on its own, symbolic links by fs.realpathSync. */
function referenceExistsIn(folder: string): (relativePath: string) => boolean {
  const isInside = (root: string, candidate: string): boolean => {
    const relative = path.relative(root, candidate);
    // a name that starts with dots (`..top.pdf`) is inside; only a `..` segment climbs out
    return relative !== "" && relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  };
  return (relativePath) => {
    if (checkEvidencePath(relativePath) !== "ok" || path.isAbsolute(relativePath)) return false;
    const candidate = path.resolve(folder, relativePath);
    if (!isInside(folder, candidate)) return false;
    try {
      const real = fs.realpathSync(candidate);
      return isInside(fs.realpathSync(folder), real) && fs.statSync(real).isFile();
    } catch {
      return false;
    }
  };
}

function write(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, "");
}

test(
  "evidence existence answers as resolving each path on its own does, symbolic links included",
  { skip: process.platform === "win32" && "symbolic links need privileges on Windows" },
  () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "isv-evidence-"));
    TEMPORARY_FOLDERS.push(root);
    const dossierFolder = path.join(root, "applicant");
    const outside = path.join(root, "outside");
    write(path.join(dossierFolder, "evidence", "licence.pdf"));
    write(path.join(dossierFolder, "evidence", "people", "zhang-san", "degree.pdf"));
    write(path.join(dossierFolder, "evidence", "..hidden.pdf"));
    write(path.join(dossierFolder, "..top.pdf"));
    write(path.join(dossierFolder, "top.pdf"));
    fs.mkdirSync(path.join(dossierFolder, "evidence", "a-folder.pdf"), { recursive: true });
    write(path.join(outside, "secret.pdf"));
    write(path.join(outside, "nested", "secret.pdf"));
    fs.symlinkSync(
      path.join(dossierFolder, "evidence", "licence.pdf"),
      path.join(dossierFolder, "evidence", "link-inside.pdf"),
    );
    fs.symlinkSync(path.join(outside, "secret.pdf"), path.join(dossierFolder, "evidence", "link-outside.pdf"));
    fs.symlinkSync(path.join(dossierFolder, "evidence", "people"), path.join(dossierFolder, "evidence", "people-link"));
    fs.symlinkSync(outside, path.join(dossierFolder, "evidence", "outside-link"));
    fs.symlinkSync(
      path.join(dossierFolder, "evidence", "missing.pdf"),
      path.join(dossierFolder, "evidence", "dangling.pdf"),
    );
    fs.symlinkSync(
      path.join(dossierFolder, "evidence", "a-folder.pdf"),
      path.join(dossierFolder, "evidence", "folder-link.pdf"),
    );
    // the dossier's folder itself reached through a symbolic link
    fs.symlinkSync(dossierFolder, path.join(root, "applicant-link"));

    const paths = [
      "evidence/licence.pdf",
      "evidence/people/zhang-san/degree.pdf",
      "evidence/people-link/zhang-san/degree.pdf",
      "evidence/link-inside.pdf",
      "evidence/link-outside.pdf",
      "evidence/outside-link/secret.pdf",
      "evidence/outside-link/nested/secret.pdf",
      "evidence/dangling.pdf",
      "evidence/folder-link.pdf",
      "evidence/a-folder.pdf",
      "evidence/missing.pdf",
      "evidence/missing-folder/x.pdf",
      "evidence/licence.pdf/x.pdf",
      "evidence/..hidden.pdf",
      "..top.pdf",
      "top.pdf",
      "./top.pdf",
      "evidence/./licence.pdf",
      "evidence/people/../licence.pdf",
      "evidence//licence.pdf",
      "evidence/",
      "evidence",
      "../outside/secret.pdf",
      "evidence/../../outside/secret.pdf",
      "/etc/passwd",
      "",
    ];
    for (const folder of [dossierFolder, path.join(root, "applicant-link"), `${dossierFolder}${path.sep}`]) {
      const checked = evidenceExistsIn(folder);
      const reference = referenceExistsIn(folder);
      const answers = paths.map((relativePath) => [relativePath, checked(relativePath)]);
      assert.deepEqual(
        answers,
        paths.map((relativePath) => [relativePath, reference(relativePath)]),
        folder,
      );
      // asked again (folders already resolved), the same answers
      assert.deepEqual(
        paths.map((relativePath) => [relativePath, checked(relativePath)]),
        answers,
        `${folder}, asked again`,
      );
    }
    const checked = evidenceExistsIn(dossierFolder);
    assert.equal(checked("evidence/licence.pdf"), true);
    assert.equal(checked("evidence/people-link/zhang-san/degree.pdf"), true);
    assert.equal(checked("evidence/link-outside.pdf"), false);
    assert.equal(checked("evidence/outside-link/secret.pdf"), false);
    assert.equal(checked("evidence/a-folder.pdf"), false);
  },
);
