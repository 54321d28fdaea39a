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

/** The files a module reaches through static imports (not `import type`, not a `require()` made when needed). */
function staticImports(entry: string): Set<string> {
  const reached = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    for (const match of fs.readFileSync(file, "utf8").matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+["'](\.[^"']+)["']/gm)) {
      const target = path.resolve(path.dirname(file), match[1]);
      const found = [`${target}.ts`, path.join(target, "index.ts")].find((candidate) => fs.existsSync(candidate));
      if (found) stack.push(found);
    }
  }
  return reached;
}

test("the command line's main process loads no rule and no message until a command needs them", () => {
  const root = repositoryRoot();
  const reached = [...staticImports(path.join(root, "server", "src", "cli.ts"))].map((file) => path.relative(root, file).split(path.sep).join("/"));
  assert.ok(reached.includes("server/src/core/l10n/locale.ts"), reached.join(", "));
  assert.deepEqual(reached.filter((file) => /core\/(l10n\/render|rules\/|service|edition)/.test(file)), []);
});
