// The two tiers of test/unit/. Fast: every test file not named below — the unit and fixture tests a developer runs
// after each change (`npm run test:fast`). Slow: the files named below — they start processes (the CLI, the language
// server, Neovim), fuzz, or watch memory (`npm run test:slow`). `npm test` runs both, and the editor's end-to-end
// suite. A new test file is fast until it is named here; a name here with no test file fails every run.
//
//   node test/tiers.mjs fast|slow|all [node --test options…]   (after `npm run compile`; slow needs `npm run build`)
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCES = path.join(ROOT, "test", "unit");
const COMPILED = path.join(ROOT, "out", "test", "unit");

/** The slow test files, by name without `.test.ts`. */
export const SLOW = [
  // the bundled CLI run as a process (dist/server/cli.js)
  "cli-checklist",
  "cli-checklist-docx", // and LibreOffice
  "cli-diff",
  "cli-golden",
  "cli-init-clauses",
  "cli-lint",
  "cli-cross",
  "cli-sarif",
  // the npm tarball, installed into a scratch prefix offline, its two commands run
  "package-tarball",
  "mcp-server", // `isv-dossier mcp`, driven by the MCP SDK's client
  "cli-waivers",
  "cli-suggestions",
  "cli-config",
  "problem-matcher",
  // the language server started over stdio (dist/server/main.js), or other Node processes
  "clause-status-agreement",
  "config-waivers-agreement",
  "hostile-cli-folders",
  "hostile-cli-jobs",
  "hostile-cli-outputs",
  "hostile-cli-pipes",
  "hostile-cli-text",
  "hostile-encoding",
  "hostile-keys",
  "hostile-yaml",
  "reliability-crash-containment",
  "reliability-restart",
  "reliability-time-budget",
  "security-logs",
  "security-network",
  "security-paths",
  "server-diff-request",
  "server-environment",
  "server-navigation",
  "server-protocol",
  "server-start",
  "server-waivers",
  "server-config",
  "server-workspace",
  "server-workspace-folders",
  // Neovim as a client of the server
  "neovim",
  "neovim-navigation",
  // fuzzing, and parsers compared with a full parse after thousands of random edits
  "fuzz-core",
  "fuzz-server",
  "incremental",
  // the heap, looked at after garbage collections
  "memory",
];

/** Every test file's name (without `.test.ts`), from the sources: a compiled file whose source is gone is not run. */
export function testNames() {
  return fs
    .readdirSync(SOURCES)
    .filter((file) => file.endsWith(".test.ts"))
    .map((file) => file.slice(0, -".test.ts".length))
    .sort();
}

/** The test files' names of a tier; throws when a slow name has no test file. */
export function tier(name) {
  const names = testNames();
  const unknown = SLOW.filter((slow) => !names.includes(slow));
  if (unknown.length > 0) throw new Error(`test/tiers.mjs names test files that do not exist: ${unknown.join(", ")}`);
  if (name === "fast") return names.filter((test) => !SLOW.includes(test));
  if (name === "slow") return names.filter((test) => SLOW.includes(test));
  if (name === "all") return names;
  throw new Error(`no tier "${name}": fast, slow or all`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [name = "fast", ...options] = process.argv.slice(2);
  const files = tier(name).map((test) => path.join(COMPILED, `${test}.test.js`));
  const missing = files.filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    process.stderr.write(
      `not compiled (npm run compile): ${missing.map((file) => path.relative(ROOT, file)).join(", ")}\n`,
    );
    process.exit(1);
  }
  const run = spawnSync(process.execPath, ["--test", "--test-reporter=spec", ...options, ...files], {
    cwd: ROOT,
    stdio: "inherit",
  });
  process.exit(run.status ?? 1);
}
