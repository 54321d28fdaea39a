// Invariants of the code layout: the core is pure (no editor, no LSP library, no file system, no network).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { filesUnder, repositoryRoot } from "../support/repository";

const CORE = path.join(repositoryRoot(), "server", "src", "core");
const FORBIDDEN = [
  /^vscode$/,
  /^vscode-languageserver/,
  /^vscode-languageclient/,
  /^(node:)?fs(\/promises)?$/,
  /^(node:)?(net|http|https|tls|dns|child_process|worker_threads)$/,
];

test("the core imports no vscode, no vscode-languageserver*, no fs and no network modules", () => {
  const files = filesUnder(CORE, [".ts"]);
  assert.ok(files.length > 10);
  const violations: string[] = [];
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    for (const match of source.matchAll(/(?:from\s+|require\(\s*|import\(\s*)["']([^"']+)["']/g)) {
      if (FORBIDDEN.some((pattern) => pattern.test(match[1])))
        violations.push(`${path.relative(CORE, file)} imports ${match[1]}`);
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
    for (const match of fs
      .readFileSync(file, "utf8")
      .matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+["'](\.[^"']+)["']/gm)) {
      const target = path.resolve(path.dirname(file), match[1]);
      const found = [`${target}.ts`, path.join(target, "index.ts")].find((candidate) => fs.existsSync(candidate));
      if (found) stack.push(found);
    }
  }
  return reached;
}

test("the command line's main process loads no rule and no message until a command needs them", () => {
  const root = repositoryRoot();
  const reached = [...staticImports(path.join(root, "server", "src", "cli.ts"))].map((file) =>
    path.relative(root, file).split(path.sep).join("/"),
  );
  assert.ok(reached.includes("server/src/core/l10n/locale.ts"), reached.join(", "));
  assert.deepEqual(
    reached.filter((file) => /core\/(check\/render|check\/rules\/|check\/service|catalog\/edition)/.test(file)),
    [],
  );
});

/**
 * The core's stages, bottom to top: a file imports (also `import type`, also `require()` and `import()`) only from
 * its own stage or from one below. types.ts and l10n/ (the locale and the messages, no renderer) are below every
 * stage; features/ and verdicts/ stand side by side, neither imports the other. A new folder in the core is placed
 * here before it is used.
 */
const STAGES: { [stage: string]: number } = {
  "types.ts": 0,
  l10n: 1,
  catalog: 2,
  parse: 3,
  check: 4,
  features: 5,
  verdicts: 5,
  facade: 6,
};

function stageOf(file: string): string {
  return path.relative(CORE, file).split(path.sep)[0];
}

test("every import inside the core goes down the stages (catalog ← parse ← check ← features, verdicts)", () => {
  const files = filesUnder(CORE, [".ts"]);
  const unplaced = [...new Set(files.map(stageOf))].filter((stage) => STAGES[stage] === undefined);
  assert.deepEqual(unplaced, [], "a folder or file of the core that has no stage");
  const violations: string[] = [];
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    for (const match of source.matchAll(/(?:from\s+|require\(\s*|import\(\s*|import\s+)["'](\.[^"']*)["']/g)) {
      const target = path.resolve(path.dirname(file), match[1]);
      const found = [`${target}.ts`, path.join(target, "index.ts"), target].find(
        (candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile(),
      );
      const where = `${path.relative(CORE, file)} imports ${match[1]}`;
      if (!found) {
        violations.push(`${where}, which is no file`);
        continue;
      }
      if (path.relative(CORE, found).startsWith("..")) {
        // outside the core only the generated schemas and validators (catalog/edition.ts reads them; their validators
        // take the date format from check/schema/formats.ts, a way up that passes outside the core)
        const outside = path.relative(repositoryRoot(), found).split(path.sep).join("/");
        if (!outside.startsWith("schemas/generated/")) violations.push(`${where}, outside the core`);
        continue;
      }
      const from = stageOf(file);
      const to = stageOf(found);
      if (from !== to && !(STAGES[to] < STAGES[from])) violations.push(`${where}: ${from} may not import ${to}`);
    }
  }
  assert.deepEqual(violations, []);
});
