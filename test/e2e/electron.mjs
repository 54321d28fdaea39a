#!/usr/bin/env node
// The end-to-end suite (test/e2e/suite/) in desktop VS Code through @vscode/test-electron, on a machine that can
// download VS Code (`npm run test:electron`; it builds first). The extension is loaded from the repository
// (dist/), the workspace is a fresh copy of samples/ and test/e2e/fixtures/ as in run-e2e.mjs.
// On Linux without a display run it under xvfb-run. VSCODE_VERSION picks the VS Code version (default: stable).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runTests } from "@vscode/test-electron";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..", "..");

function prepareWorkspace(parent) {
  const workspace = path.join(parent, "ws");
  fs.mkdirSync(path.join(workspace, "new"), { recursive: true });
  fs.cpSync(path.join(ROOT, "samples"), path.join(workspace, "samples"), { recursive: true });
  fs.cpSync(path.join(HERE, "fixtures"), path.join(workspace, "fixtures"), { recursive: true });
  return workspace;
}

const parent = fs.mkdtempSync(path.join(os.tmpdir(), "isv-electron-"));
const reportFile = path.join(parent, "report.txt");
fs.writeFileSync(reportFile, "");
let exitCode = 1;
try {
  const workspace = prepareWorkspace(parent);
  exitCode = await runTests({
    version: process.env.VSCODE_VERSION || "stable",
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, "out", "test", "e2e", "suite", "index.js"),
    // the language server must not receive NODE_EXTRA_CA_CERTS (suite/restart.test.ts)
    extensionTestsEnv: {
      E2E_REPORT_FILE: reportFile,
      NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS || "/etc/ssl/certs/ca-certificates.crt",
    },
    launchArgs: [
      workspace,
      "--disable-extensions", // other installed extensions; built-in ones (YAML, Markdown) stay on
      "--disable-workspace-trust",
      "--skip-welcome",
      "--skip-release-notes",
      "--user-data-dir",
      path.join(parent, "user-data"),
    ],
  });
} catch (error) {
  process.stderr.write(`[electron] ${error instanceof Error ? error.message : String(error)}\n`);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo/.test(String(error))) {
    process.stderr.write(
      "[electron] VS Code could not be downloaded; without internet use `npm run test:e2e` (code-server).\n",
    );
  }
} finally {
  const report = fs.existsSync(reportFile) ? fs.readFileSync(reportFile, "utf8") : "";
  if (report) process.stdout.write(report.endsWith("\n") ? report : `${report}\n`);
  if (!/^\d+ passed, \d+ failed/m.test(report)) process.stdout.write("0 passed, 1 failed\n");
  fs.rmSync(parent, { recursive: true, force: true, maxRetries: 3 });
}
process.exit(exitCode === 0 ? 0 : 1);
