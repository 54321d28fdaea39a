// Evidence files' contents for the cross-dossier checks (server/src/node/evidence-hashes.ts), on real files: a size at
// once, the hash of the first 4 KB or of the whole file only when asked, nothing for what is not a readable file
// inside the folder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EvidenceHashes } from "../../server/src/node/evidence-hashes";

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function folderWith(files: { [name: string]: Uint8Array }): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-evidence-hashes-"));
  fs.mkdirSync(path.join(folder, "evidence"));
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(folder, "evidence", name), bytes);
  return folder;
}

test("a file's content: its size, the hash of its first 4 KB and of the whole, each read when asked", () => {
  const a = Buffer.alloc(10_000, 1);
  const b = Buffer.from(a);
  b[9_999] = 2; // the same size and start, another end
  const c = Buffer.from(a);
  c[0] = 3; // the same size, another start
  const small = Buffer.from("%PDF-1.7 a short file");
  const folder = folderWith({ "a.pdf": a, "b.pdf": b, "c.pdf": c, "small.pdf": small, "empty.pdf": Buffer.alloc(0) });
  try {
    const contentOf = new EvidenceHashes().in(folder);
    const [ca, cb, cc, cs] = ["a", "b", "c", "small"].map((name) => contentOf(`evidence/${name}.pdf`));
    assert.equal(ca?.size, 10_000);
    assert.equal(ca?.start(), sha256(a.subarray(0, 4096)));
    assert.equal(ca?.start(), cb?.start());
    assert.notEqual(ca?.start(), cc?.start());
    assert.equal(ca?.hash(), sha256(a));
    assert.notEqual(ca?.hash(), cb?.hash());
    // a file shorter than 4 KB: its start is all of it
    assert.equal(cs?.start(), sha256(small));
    assert.equal(cs?.hash(), sha256(small));
    // the same file named again in the folder is the same file; another file is not
    assert.equal(contentOf("evidence/a.pdf")?.file, ca?.file);
    assert.notEqual(cb?.file, ca?.file);
    // nothing for an empty file, a missing one, one outside the folder, or a folder
    for (const relative of ["evidence/empty.pdf", "evidence/missing.pdf", "../a.pdf", "evidence"])
      assert.equal(contentOf(relative), undefined, relative);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test("a hash is kept for the file's size and modification time: a folder checked again reads it no more", () => {
  const original = Buffer.alloc(5_000, 7);
  const folder = folderWith({ "a.pdf": original });
  const file = path.join(folder, "evidence", "a.pdf");
  try {
    const hashes = new EvidenceHashes();
    const when = 1_700_000_000; // whole seconds: set again exactly
    fs.utimesSync(file, when, when);
    const first = hashes.in(folder)("evidence/a.pdf")?.hash();
    assert.equal(first, sha256(original));
    // the same size and modification time: the kept hash (the file is not read again)
    fs.writeFileSync(file, Buffer.alloc(5_000, 8));
    fs.utimesSync(file, when, when);
    assert.equal(hashes.in(folder)("evidence/a.pdf")?.hash(), first);
    // another modification time: read again
    fs.utimesSync(file, when, when + 5);
    assert.equal(hashes.in(folder)("evidence/a.pdf")?.hash(), sha256(Buffer.alloc(5_000, 8)));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
