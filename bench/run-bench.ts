// `npm run bench [-- --quick]`: isv-dossier against yaml-language-server 2.0.0 (with our combined JSON Schema) and
// the full re-parse floor, on generated dossiers of 100 to 50,000 lines, in one run: in-process validation (open,
// and re-validation after one-character edits, interleaved), the stdio servers, peak memory, command-line
// throughput, hover and completion. Prints Markdown tables and writes them to bench/results.md.
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { measureInProcess, InProcessResult } from "./in-process";
import { repositoryRootOf, temporaryFolder, writeBenchFiles, writeCliCorpus } from "./files";
import { aboutLines, renderReport, MemoryResult, CliResult, Environment } from "./report";
import { measureOpen, measureStdio, StdioResult } from "./stdio-measure";
import { BENCH_ENVIRONMENT, INHERITED_ENVIRONMENT, leftOutVariables, nodeStartMs, ProcessEnvironment } from "./child-environment";
import { median } from "./stats";

interface Plan {
  sizes: number[];
  editRounds: (lines: number) => number;
  openRounds: (lines: number) => number;
  stdio: (lines: number) => { openRepeats: number; edits: number; requests: number };
  memorySize: number;
  memoryEdits: number;
  cliFiles: number;
  cliRepeats: number;
}

const FULL: Plan = {
  sizes: [100, 1000, 10000, 50000],
  editRounds: (lines) => (lines <= 1000 ? 40 : lines <= 10000 ? 25 : 11),
  openRounds: (lines) => (lines <= 1000 ? 10 : lines <= 10000 ? 5 : 3),
  stdio: (lines) => (lines <= 1000 ? { openRepeats: 7, edits: 15, requests: 20 } : lines <= 10000 ? { openRepeats: 3, edits: 9, requests: 15 } : { openRepeats: 2, edits: 5, requests: 15 }),
  memorySize: 50000,
  memoryEdits: 10,
  cliFiles: 200,
  cliRepeats: 3,
};

const QUICK: Plan = {
  sizes: [100, 1000, 10000],
  editRounds: (lines) => (lines <= 1000 ? 15 : 5),
  openRounds: () => 3,
  stdio: () => ({ openRepeats: 2, edits: 5, requests: 5 }),
  memorySize: 10000,
  memoryEdits: 5,
  cliFiles: 40,
  cliRepeats: 1,
};

function log(message: string): void {
  process.stderr.write(message + "\n");
}

function memoryOf(root: string, contender: "isv" | "yls", file: string, edits: number): MemoryResult {
  const output = execFileSync(process.execPath, [path.join(root, "out", "bench", "memory-child.js"), contender, file, String(edits)], { encoding: "utf8", maxBuffer: 1 << 20, env: BENCH_ENVIRONMENT });
  return { contender, peakRssMiB: (JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as { peakRssMiB: number }).peakRssMiB };
}

function runCli(root: string, folder: string, output: string, environment: ProcessEnvironment): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [path.join(root, "dist", "server", "cli.js"), "lint", folder, "--jobs", "2", "--format", "json", "--output", output, "--as-of", "2026-11-24", "--lang", "en"], { stdio: "ignore", env: environment });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 || code === 1 ? resolve(performance.now() - start) : reject(new Error(`isv-dossier lint exited with ${code}`))));
  });
}

async function measureCli(root: string, folder: string, plan: Plan): Promise<CliResult> {
  const corpus = path.join(folder, "cli-corpus");
  writeCliCorpus(corpus, plan.cliFiles);
  const inherited = leftOutVariables().length > 0;
  const times: number[] = [];
  const inheritedTimes: number[] = [];
  // interleaved: the benchmark's environment, then (when it differs) the inherited one
  for (let repeat = 0; repeat < plan.cliRepeats; repeat++) {
    times.push(await runCli(root, corpus, path.join(folder, "cli-report.json"), BENCH_ENVIRONMENT));
    if (inherited) inheritedTimes.push(await runCli(root, corpus, path.join(folder, "cli-report.json"), INHERITED_ENVIRONMENT));
  }
  const wall = median(times);
  return {
    files: plan.cliFiles,
    jobs: 2,
    wallMs: wall,
    perSecond: plan.cliFiles / (wall / 1000),
    ...(inherited ? { perSecondInherited: plan.cliFiles / (median(inheritedTimes) / 1000) } : {}),
  };
}

function packageVersion(root: string, relative: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(root, relative, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

function environment(root: string, quick: boolean): Environment {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
    cpu: `${cpus[0]?.model ?? "unknown CPU"} × ${cpus.length}`,
    memoryGiB: os.totalmem() / 2 ** 30,
    loadAverage: os.loadavg()[0],
    node: process.version,
    yaml: packageVersion(root, "node_modules/yaml"),
    ajv: packageVersion(root, "node_modules/ajv"),
    yls: packageVersion(root, "node_modules/yaml-language-server"),
    ylsYaml: packageVersion(root, "node_modules/yaml-language-server/node_modules/yaml"),
    leftOut: leftOutVariables(),
    nodeStartMs: nodeStartMs(BENCH_ENVIRONMENT),
    ...(leftOutVariables().length > 0 ? { nodeStartInheritedMs: nodeStartMs(INHERITED_ENVIRONMENT) } : {}),
    quick,
  };
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const plan = quick ? QUICK : FULL;
  const root = repositoryRootOf(__dirname);
  const folder = temporaryFolder();
  const began = performance.now();
  try {
    log(`isv-dossier benchmark${quick ? " (quick)" : ""}: files in ${folder}`);
    const files = writeBenchFiles(folder, plan.sizes);
    const inProcess: InProcessResult[] = [];
    for (const file of files) {
      log(`in process: ${file.name}`);
      inProcess.push(await measureInProcess(root, file, plan.editRounds(file.lines), plan.openRounds(file.lines), plan.stdio(file.lines).requests));
    }
    const stdio: StdioResult[] = [];
    for (const file of files) {
      // The servers take turns on each file.
      for (const server of ["isv", "yls"] as const) {
        log(`stdio: ${server} ${file.name}`);
        stdio.push(await measureStdio(server, root, file, plan.stdio(file.lines)));
      }
    }
    // The open target again in the environment as inherited, when it differs (see child-environment.ts).
    const inheritedOpen: Array<{ file: string; open: number }> = [];
    if (leftOutVariables().length > 0) {
      for (const file of files.filter((candidate) => aboutLines(candidate, 1000))) {
        log(`stdio: isv ${file.name}, inherited environment`);
        inheritedOpen.push({ file: file.name, open: await measureOpen("isv", root, file, plan.stdio(file.lines).openRepeats, INHERITED_ENVIRONMENT) });
      }
    }
    log("memory");
    const memoryFile = files.find((file) => file.lines >= plan.memorySize * 0.9 && file.variant === "valid") ?? files[files.length - 1];
    const memory = [memoryOf(root, "isv", memoryFile.path, plan.memoryEdits), memoryOf(root, "yls", memoryFile.path, plan.memoryEdits)];
    log("command line");
    const cli = await measureCli(root, folder, plan);
    const report = renderReport({
      environment: environment(root, quick),
      inProcess,
      stdio,
      inheritedOpen,
      memory: { file: memoryFile, edits: plan.memoryEdits, results: memory },
      cli,
      minutes: (performance.now() - began) / 60000,
    });
    process.stdout.write(report);
    if (quick) {
      log("quick run: bench/results.md left as it was");
    } else {
      fs.writeFileSync(path.join(root, "bench", "results.md"), report);
      log("written to bench/results.md");
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
