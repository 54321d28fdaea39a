// Invariants of the code layout: the core is pure (no editor, no LSP library, no file system, no network).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { filesUnder, repositoryRoot } from "../support/repository";

const CORE = path.join(repositoryRoot(), "server", "src", "core");
const FORBIDDEN = [/^vscode$/, /^vscode-languageserver/, /^vscode-languageclient/, /^(node:)?fs(\/promises)?$/, /^(node:)?(net|http|https|tls|dns|child_process|worker_threads)$/];

test("the core imports no vscode, no vscode-languageserver*, no fs and no network modules", () => {
  const files = filesUnder(CORE, [".ts"]);
  assert.ok(files.length > 10);
  const violations: string[] = [];
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    for (const match of source.matchAll(/(?:from\s+|require\(\s*|import\(\s*)["']([^"']+)["']/g)) {
      if (FORBIDDEN.some((pattern) => pattern.test(match[1]))) violations.push(`${path.relative(CORE, file)} imports ${match[1]}`);
    }
  }
  assert.deepEqual(violations, []);
});
