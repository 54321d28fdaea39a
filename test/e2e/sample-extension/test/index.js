"use strict";
// Mocha runner loaded by VS Code's extension host as `extensionTestsPath` (see ../../run-in-code-server.mjs).
//
// The extension host's console is not visible from outside code-server, so every result line is also
// appended (synchronously, as it happens) to the file named by the environment variable
// E2E_REPORT_FILE. code-server's extension host inherits the environment of the code-server process,
// which is where the harness sets that variable. The report ends with "N passed, N failed".
//
// Mocha is not bundled with the extension: it is required by absolute path — $E2E_MOCHA_PATH if set,
// else the first node_modules/mocha found walking up from this file (the repository's devDependency).
const fs = require("fs");
const path = require("path");

function findMocha() {
  const candidates = [];
  if (process.env.E2E_MOCHA_PATH) candidates.push(process.env.E2E_MOCHA_PATH);
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "node_modules", "mocha");
    // mocha >= 11 is an ES module package whose CommonJS build is lib/mocha.cjs; older ones: lib/mocha.js.
    candidates.push(path.join(pkg, "lib", "mocha.cjs"), path.join(pkg, "lib", "mocha.js"));
    if (path.dirname(dir) === dir) break;
  }
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) {
    throw new Error(
      `mocha not found: run npm ci, or set E2E_MOCHA_PATH (looked for node_modules/mocha from ${__dirname} upward)`,
    );
  }
  return found;
}

function createReporter(Mocha, reportFile) {
  const { EVENT_RUN_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_SUITE_BEGIN } =
    Mocha.Runner.constants;
  const write = (line) => {
    console.log(line);
    if (reportFile) fs.appendFileSync(reportFile, line + "\n");
  };
  return class FileReporter extends Mocha.reporters.Base {
    constructor(runner, options) {
      super(runner, options);
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      runner.on(EVENT_SUITE_BEGIN, (suite) => {
        if (suite.title) write(`${"  ".repeat(Math.max(0, suite.titlePath().length - 1))}${suite.title}`);
      });
      const indent = (test) => "  ".repeat(test.titlePath().length - 1);
      runner.on(EVENT_TEST_PASS, (test) => {
        passed++;
        write(`${indent(test)}ok   ${test.title} (${test.duration} ms)`);
      });
      runner.on(EVENT_TEST_PENDING, (test) => {
        skipped++;
        write(`${indent(test)}skip ${test.title}`);
      });
      runner.on(EVENT_TEST_FAIL, (test, err) => {
        failed++;
        write(`${indent(test)}FAIL ${test.title}`);
        const detail = (err && (err.stack || err.message)) || String(err);
        write(
          detail
            .split("\n")
            .map((l) => `${indent(test)}       ${l}`)
            .join("\n"),
        );
      });
      runner.once(EVENT_RUN_END, () => {
        write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
      });
    }
  };
}

/** Called by the extension host; the returned promise rejecting makes it exit with code 1. */
async function run() {
  const reportFile = process.env.E2E_REPORT_FILE;
  try {
    await runMocha(reportFile);
  } catch (err) {
    // Make set-up errors (mocha missing, a test file that does not load) visible outside the host.
    if (reportFile && !(err && err.testFailures)) {
      fs.appendFileSync(reportFile, `ERROR: ${(err && err.stack) || err}\n0 passed, 1 failed\n`);
    }
    throw err;
  }
}

async function runMocha(reportFile) {
  const Mocha = require(findMocha());
  const mocha = new Mocha({
    ui: "bdd",
    color: false,
    timeout: Number(process.env.E2E_MOCHA_TIMEOUT_MS || 30000),
    reporter: createReporter(Mocha, reportFile),
  });
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith(".test.js")) mocha.addFile(path.join(__dirname, f));
  }
  await new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures === 0) return resolve();
      const err = new Error(`${failures} test(s) failed`);
      err.testFailures = failures;
      reject(err);
    });
  });
}

module.exports = { run };
