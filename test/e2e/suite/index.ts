// Mocha runner that VS Code's extension host loads as `extensionTestsPath` (code-server via test/e2e/run-e2e.mjs,
// or desktop VS Code via test/e2e/electron.mjs). Every result line is also appended, as it happens, to the file
// named by E2E_REPORT_FILE (the extension host's console is not visible from outside code-server); the report
// ends with "N passed, N failed". Mocha is the repository's devDependency, required by absolute path.
import * as fs from "node:fs";
import * as path from "node:path";

interface MochaRunnable {
  title: string;
  duration?: number;
  titlePath(): string[];
}

interface MochaRunner {
  on(event: string, listener: (runnable: MochaRunnable, error?: Error) => void): void;
  once(event: string, listener: () => void): void;
}

interface MochaInstance {
  addFile(file: string): void;
  run(done: (failures: number) => void): void;
}

interface MochaModule {
  new (options: { ui: string; color: boolean; timeout: number; reporter: unknown }): MochaInstance;
  reporters: { Base: new (runner: MochaRunner, options: unknown) => object };
  Runner: { constants: { [name: string]: string } };
}

function findMocha(): string {
  const candidates: string[] = [];
  if (process.env.E2E_MOCHA_PATH) candidates.push(process.env.E2E_MOCHA_PATH);
  for (let directory = __dirname; ; directory = path.dirname(directory)) {
    const mocha = path.join(directory, "node_modules", "mocha");
    candidates.push(path.join(mocha, "lib", "mocha.cjs"), path.join(mocha, "lib", "mocha.js"));
    if (path.dirname(directory) === directory) break;
  }
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`mocha not found (looked in: ${candidates.join(", ")})`);
  return found;
}

function fileReporter(Mocha: MochaModule, reportFile: string | undefined): unknown {
  const { EVENT_RUN_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_SUITE_BEGIN } =
    Mocha.Runner.constants;
  const write = (line: string): void => {
    console.log(line);
    if (reportFile) fs.appendFileSync(reportFile, `${line}\n`);
  };
  const indent = (runnable: MochaRunnable): string => "  ".repeat(Math.max(0, runnable.titlePath().length - 1));
  return class FileReporter extends Mocha.reporters.Base {
    constructor(runner: MochaRunner, options: unknown) {
      super(runner, options);
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      runner.on(EVENT_SUITE_BEGIN, (suite) => {
        if (suite.title) write(`${indent(suite)}${suite.title}`);
      });
      runner.on(EVENT_TEST_PASS, (test) => {
        passed++;
        write(`${indent(test)}ok   ${test.title} (${test.duration} ms)`);
      });
      runner.on(EVENT_TEST_PENDING, (test) => {
        skipped++;
        write(`${indent(test)}skip ${test.title}`);
      });
      runner.on(EVENT_TEST_FAIL, (test, error) => {
        failed++;
        write(`${indent(test)}FAIL ${test.title}`);
        const detail = (error && (error.stack || error.message)) || String(error);
        write(
          detail
            .split("\n")
            .map((line) => `${indent(test)}       ${line}`)
            .join("\n"),
        );
      });
      runner.once(EVENT_RUN_END, () =>
        write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`),
      );
    }
  };
}

/** Called by the extension host; a rejected promise makes it exit with code 1. */
export async function run(): Promise<void> {
  const reportFile = process.env.E2E_REPORT_FILE;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- mocha is found at run time, by path
    const Mocha = require(findMocha()) as MochaModule;
    const mocha = new Mocha({
      ui: "bdd",
      color: false,
      timeout: Number(process.env.E2E_MOCHA_TIMEOUT_MS || 60_000),
      reporter: fileReporter(Mocha, reportFile),
    });
    for (const file of fs.readdirSync(__dirname).sort())
      if (file.endsWith(".test.js")) mocha.addFile(path.join(__dirname, file));
    const failures = await new Promise<number>((resolve) => mocha.run(resolve));
    if (failures > 0) throw new Error(`${failures} test(s) failed`);
  } catch (error) {
    if (!(error instanceof Error && /test\(s\) failed$/.test(error.message)) && reportFile) {
      fs.appendFileSync(
        reportFile,
        `ERROR: ${error instanceof Error ? error.stack : String(error)}\n0 passed, 1 failed\n`,
      );
    }
    throw error;
  }
}
