// The benchmark's Markdown: the machine and versions, the targets with the measured figure and the verdict, then one
// table per measure.
import type { InProcessResult } from "./in-process";
import type { BenchFile } from "./shared";
import type { WorkspaceResult } from "./workspace-measure";
import type { StdioResult } from "./stdio-measure";
import { mib, ms, ratio } from "./stats";

export interface Environment {
  date: string;
  cpu: string;
  memoryGiB: number;
  loadAverage: number;
  /** The one-minute load average sampled every 10 s during the run (mean), and at its end. */
  loadAverageMean: number;
  loadAverageEnd: number;
  node: string;
  yaml: string;
  ajv: string;
  yls: string;
  ylsYaml: string;
  /** Variables set here that the processes the benchmark starts are started without (bench/child-environment.ts). */
  leftOut: string[];
  /** `node -e 0` in the benchmark's environment, and in the inherited one when they differ. */
  nodeStartMs: number;
  nodeStartInheritedMs?: number;
  quick: boolean;
}

export interface MemoryResult {
  contender: "isv" | "yls";
  peakRssMiB: number;
}

export interface CliResult {
  files: number;
  cores: number;
  /** isv-dossier as users run it first, then Spectral. */
  contenders: Array<{ name: string; wallMs: number; perSecond: number }>;
  spectral: { results: number; files: number };
  isvFilesWithFindings: number;
}

/** Open → first diagnostics at 1,000 lines in one runtime: medians, both servers. */
export interface OpenResult {
  file: BenchFile;
  runtime: string;
  /** The flags our server was started with in this runtime. */
  execArgv: readonly string[];
  isv: number;
  yls: number;
}

/** Our server's peak RSS with the largest dossier open and edited, in one runtime. */
export interface RssResult {
  file: BenchFile;
  runtime: string;
  execArgv: readonly string[];
  peakRssMiB: number;
}

export interface BenchResults {
  environment: Environment;
  inProcess: InProcessResult[];
  stdio: StdioResult[];
  opens: OpenResult[];
  rss: RssResult[];
  memory: { file: BenchFile; edits: number; results: MemoryResult[] };
  cli: CliResult;
  workspace?: WorkspaceResult;
  minutes: number;
}

function table(header: string[], rows: string[][]): string {
  const lines = [
    `| ${header.join(" | ")} |`,
    `|${header.map((_, index) => (index === 0 ? " --- " : " ---: ")).join("|")}|`,
  ];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  return lines.join("\n") + "\n";
}

/** Whether a generated file is of about `lines` lines (the generator comes within 10 %). */
export function aboutLines(file: BenchFile, lines: number): boolean {
  return file.lines >= lines * 0.9 && file.lines <= lines * 1.1;
}

function label(file: BenchFile): string {
  return `${file.lines.toLocaleString("en-US")} lines, ${file.variant === "valid" ? "valid" : `${file.faults} faults`}`;
}

function stdioOf(results: BenchResults, server: "isv" | "yls", file: BenchFile): StdioResult | undefined {
  return results.stdio.find((result) => result.server === server && result.file.name === file.name);
}

function editTable(results: BenchResults): string {
  return table(
    [
      "Dossier",
      "isv incremental",
      "isv full",
      "re-parse floor",
      "yaml-language-server",
      "isv incr. ÷ yls",
      "isv full ÷ yls",
      "floor ÷ yls",
      "identical to full",
    ],
    results.inProcess.map((result) => [
      label(result.file),
      ms(result.edit["isv-incremental"]),
      ms(result.edit["isv-full"]),
      ms(result.edit.floor),
      ms(result.edit.yls),
      ratio(result.edit["isv-incremental"], result.edit.yls),
      ratio(result.edit["isv-full"], result.edit.yls),
      ratio(result.edit.floor, result.edit.yls),
      result.mismatches === 0 ? `yes (${result.edits} edits)` : `**NO: ${result.mismatches} of ${result.edits}**`,
    ]),
  );
}

function findingsAgree(results: BenchResults, result: InProcessResult): boolean {
  const counts = [
    result.file.faults,
    ...Object.values(result.schemaFindings),
    ...(["isv", "yls"] as const).map(
      (server) => stdioOf(results, server, result.file)?.schemaFindings ?? result.file.faults,
    ),
  ];
  return counts.every((count) => count === result.file.faults);
}

function findingsTable(results: BenchResults): string {
  return table(
    [
      "Dossier",
      "injected",
      "isv incremental",
      "isv full",
      "floor (ajv errors)",
      "yls",
      "isv server",
      "yls server",
      "all equal",
    ],
    results.inProcess.map((result) => [
      label(result.file),
      String(result.file.faults),
      String(result.schemaFindings["isv-incremental"]),
      String(result.schemaFindings["isv-full"]),
      String(result.schemaFindings.floor),
      String(result.schemaFindings.yls),
      String(stdioOf(results, "isv", result.file)?.schemaFindings ?? "–"),
      String(stdioOf(results, "yls", result.file)?.schemaFindings ?? "–"),
      findingsAgree(results, result) ? "yes" : "**NO**",
    ]),
  );
}

function openTable(results: BenchResults): string {
  return table(
    ["Dossier", "isv", "re-parse floor", "yaml-language-server", "isv ÷ yls"],
    results.inProcess.map((result) => [
      label(result.file),
      ms(result.open.isv),
      ms(result.open.floor),
      ms(result.open.yls),
      ratio(result.open.isv, result.open.yls),
    ]),
  );
}

function stdioTable(results: BenchResults): string {
  const files = results.inProcess.map((result) => result.file);
  return table(
    [
      "Dossier",
      "isv open → diagnostics",
      "yls open → diagnostics",
      "isv ÷ yls",
      "isv edit → diagnostics",
      "yls edit → diagnostics",
      "isv ÷ yls",
      "isv peak RSS MiB",
      "yls peak RSS MiB",
    ],
    files.map((file) => {
      const isv = stdioOf(results, "isv", file);
      const yls = stdioOf(results, "yls", file);
      return [
        label(file),
        ms(isv?.open ?? NaN),
        ms(yls?.open ?? NaN),
        ratio(isv?.open ?? NaN, yls?.open ?? NaN),
        ms(isv?.edit ?? NaN),
        ms(yls?.edit ?? NaN),
        ratio(isv?.edit ?? NaN, yls?.edit ?? NaN),
        mib(isv?.peakRssMiB ?? NaN),
        mib(yls?.peakRssMiB ?? NaN),
      ];
    }),
  );
}

function requestTable(results: BenchResults): string {
  return table(
    [
      "Dossier",
      "isv hover (server)",
      "isv completion (server)",
      "yls hover (server)",
      "yls completion (server)",
      "isv hover (core)",
      "isv completion (core)",
      "yls hover (service)",
      "yls completion (service)",
    ],
    results.inProcess.map((result) => {
      const isv = stdioOf(results, "isv", result.file);
      const yls = stdioOf(results, "yls", result.file);
      return [
        label(result.file),
        ms(isv?.hover ?? NaN),
        ms(isv?.completion ?? NaN),
        ms(yls?.hover ?? NaN),
        ms(yls?.completion ?? NaN),
        ms(result.requests.isvHover),
        ms(result.requests.isvCompletion),
        ms(result.requests.ylsHover),
        ms(result.requests.ylsCompletion),
      ];
    }),
  );
}

interface Target {
  name: string;
  measured: string;
  met: boolean | undefined;
}

function worst(values: number[]): number {
  const finite = values.filter((value) => Number.isFinite(value));
  return finite.length === 0 ? NaN : Math.max(...finite);
}

function flags(execArgv: readonly string[]): string {
  return execArgv.length > 0 ? ` with ${execArgv.map((flag) => `\`${flag}\``).join(" ")}` : "";
}

function targets(results: BenchResults): Target[] {
  const at = (lines: number) => results.inProcess.filter((result) => aboutLines(result.file, lines));
  const list: Target[] = [];
  for (const lines of [10000, 50000]) {
    const ratios = at(lines).map((result) => result.edit["isv-incremental"] / result.edit.yls);
    const value = worst(ratios);
    list.push({
      name: `One-character edit → re-validated ≤ 0.1× yaml-language-server at ${lines.toLocaleString("en-US")} lines`,
      measured: Number.isFinite(value) ? `${value.toFixed(3)}× (worst of valid and faulty)` : "not measured",
      met: Number.isFinite(value) ? value <= 0.1 : undefined,
    });
  }
  const small = worst(at(1000).map((result) => result.edit["isv-incremental"]));
  list.push({
    name: "… ≤ 5 ms at 1,000 lines",
    measured: Number.isFinite(small) ? `${ms(small)} ms` : "not measured",
    met: Number.isFinite(small) ? small <= 5 : undefined,
  });
  const identical = results.inProcess.every((result) => result.mismatches === 0);
  list.push({
    name: "Incremental results identical to a full validation (every measured edit)",
    measured: identical ? "all identical" : "differences found",
    met: identical,
  });
  const agree = results.inProcess.every((result) => findingsAgree(results, result));
  list.push({
    name: "Every contender finds the same number of schema findings",
    measured: agree ? "equal on every file" : "differences found",
    met: agree,
  });
  const runtimes = [...new Set(results.opens.map((open) => open.runtime))];
  for (const runtime of runtimes) {
    const opens = results.opens.filter((open) => open.runtime === runtime);
    const value = worst(opens.map((open) => open.isv / open.yls));
    const detail = opens.map((open) => `${ms(open.isv)} / ${ms(open.yls)} ms`).join(", ");
    list.push({
      name: `Open → first diagnostics, server start included, 1,000 lines ≤ 0.25× yaml-language-server: ${runtime}${flags(opens[0].execArgv)}`,
      measured: Number.isFinite(value) ? `${value.toFixed(3)}× (${detail}, valid and faulty)` : "not measured",
      met: Number.isFinite(value) ? value <= 0.25 : undefined,
    });
  }
  for (const runtime of [...new Set(results.rss.map((rss) => rss.runtime))]) {
    const measures = results.rss.filter((rss) => rss.runtime === runtime);
    const value = worst(measures.map((rss) => rss.peakRssMiB));
    list.push({
      name: `Server peak RSS, 50,000 lines open and edited ≤ 150 MiB: ${runtime}${flags(measures[0].execArgv)}`,
      measured: Number.isFinite(value) ? `${mib(value)} MiB (worst of valid and faulty)` : "not measured",
      met: Number.isFinite(value) ? value <= 150 : undefined,
    });
  }
  const [isv, spectral] = results.cli.contenders;
  const cliRatio = isv && spectral ? isv.perSecond / spectral.perSecond : NaN;
  list.push({
    name: `CLI on ${results.cli.files} typical (1,000-line) dossiers ≥ 5× the throughput of Spectral (our combined schema)`,
    measured: Number.isFinite(cliRatio)
      ? `${cliRatio.toFixed(1)}× (${isv.perSecond.toFixed(1)} against ${spectral.perSecond.toFixed(1)} dossiers per second)`
      : "not measured",
    met: Number.isFinite(cliRatio) ? cliRatio >= 5 : undefined,
  });
  list.push(...workspaceTargets(results));
  return list;
}

/** The workspace targets (bench/workspace-measure.ts), beside the 1,000-line edit figures they are compared with. */
function workspaceTargets(results: BenchResults): Target[] {
  const workspace = results.workspace;
  const notMeasured = (name: string): Target => ({ name, measured: "not measured", met: undefined });
  const names = [
    "Workspace of 200 typical dossiers: start → the whole folder's first diagnostics ≤ 3 s (stdio, workspace/diagnostic)",
    "… one-character edit of an open 1,000-line dossier → its diagnostics while the workspace is checked: no slower than the 1,000-line edit without a workspace",
    "… server peak RSS with 200 dossiers known ≤ 250 MiB",
  ];
  if (!workspace) return names.map(notMeasured);
  const alone = stdioOf(
    results,
    "isv",
    results.stdio.map((result) => result.file).find((file) => aboutLines(file, 1000) && file.variant === "valid") ??
      results.stdio[0]?.file,
  );
  const inProcess = worst(
    results.inProcess.filter((result) => aboutLines(result.file, 1000)).map((result) => result.edit["isv-incremental"]),
  );
  const reference = alone?.edit ?? NaN;
  return [
    {
      name: names[0].replace("200", String(workspace.dossiers)),
      measured: `${ms(workspace.firstDiagnosticsMs)} ms (median of ${workspace.starts} starts; ${workspace.crossFindings} cross-dossier findings)`,
      met: workspace.firstDiagnosticsMs <= 3000,
    },
    {
      name: names[1],
      measured: `${ms(workspace.editDuringWorkspaceMs)} ms pulled (${workspace.editsDuringWorkspace} of ${workspace.edits} edits while the workspace was checked) against ${Number.isFinite(reference) ? ms(reference) : "—"} ms pushed without a workspace (stdio, 50 ms debounce included) and ${Number.isFinite(inProcess) ? ms(inProcess) : "—"} ms in process`,
      met: Number.isFinite(reference) ? workspace.editDuringWorkspaceMs <= reference : undefined,
    },
    {
      name: names[2].replace("200", String(workspace.dossiers)),
      measured: `${mib(workspace.peakRssMiB)} MiB`,
      met: workspace.peakRssMiB <= 250,
    },
  ];
}

/** How the processes the benchmark starts are started. */
function environmentNote(environment: Environment): string {
  const start = `\`node -e 0\` takes ${ms(environment.nodeStartMs)} ms`;
  if (environment.leftOut.length === 0)
    return `Every process the benchmark starts inherits its environment; ${start}.\n`;
  const names = environment.leftOut.join(", ");
  return (
    `Both language servers are started without ${names}, as the VS Code extension starts its server (client/src/server-environment.ts); this machine sets it, and Node reads the certificates it names before any script runs: ${start} without it and ${ms(environment.nodeStartInheritedMs ?? NaN)} ms with it. ` +
    `The command lines (isv-dossier and Spectral) are started with the environment as inherited, as a shell starts them.\n`
  );
}

function openRuntimeTable(results: BenchResults): string {
  return table(
    ["Runtime", "Dossier", "isv open → diagnostics", "yls open → diagnostics", "isv ÷ yls"],
    results.opens.map((open) => [
      `${open.runtime}${flags(open.execArgv)}`,
      label(open.file),
      ms(open.isv),
      ms(open.yls),
      ratio(open.isv, open.yls),
    ]),
  );
}

function rssTable(results: BenchResults): string {
  return table(
    ["Runtime", "Dossier", "isv peak RSS MiB"],
    results.rss.map((rss) => [`${rss.runtime}${flags(rss.execArgv)}`, label(rss.file), mib(rss.peakRssMiB)]),
  );
}

function cliTable(results: BenchResults): string {
  const reference = results.cli.contenders[results.cli.contenders.length - 1];
  return table(
    ["Contender", "wall ms (process start included)", "dossiers per second", "÷ Spectral"],
    results.cli.contenders.map((contender) => [
      contender.name,
      ms(contender.wallMs),
      contender.perSecond.toFixed(1),
      ratio(reference.wallMs, contender.wallMs),
    ]),
  );
}

export function renderReport(results: BenchResults): string {
  const environment = results.environment;
  const memory = results.memory;
  const parts = [
    `# isv-dossier benchmark${environment.quick ? " (quick run)" : ""}\n`,
    `Measured ${environment.date} on ${environment.cpu}, ${environment.memoryGiB.toFixed(0)} GiB, one-minute load average ${environment.loadAverage.toFixed(1)} at the start, ${environment.loadAverageMean.toFixed(1)} on average during the run (sampled every 10 s) and ${environment.loadAverageEnd.toFixed(1)} at the end — a machine shared with other work, so absolute times move; the contenders of each measure take turns, so ratios move less; Node ${environment.node}, yaml ${environment.yaml}, ajv ${environment.ajv}; yaml-language-server ${environment.yls} (its own yaml ${environment.ylsYaml}) with our combined JSON Schema. The run took ${results.minutes.toFixed(1)} minutes. Times are medians in milliseconds; generated dossiers (test/support/generate-dossier.ts).\n`,
    environmentNote(environment),
    "## Targets\n",
    table(
      ["Target", "Measured", "Met"],
      targets(results).map((target) => [
        target.name,
        target.measured,
        target.met === undefined ? "not measured" : target.met ? "yes" : "**no**",
      ]),
    ),
    "## Re-validation after a one-character edit (in process, warm)\n",
    "A character typed, then deleted, inside `name` values at five places spread over the dossier (people in `personnel`, projects in `performance.projects`). *isv incremental*: the editor's path (incremental parse + validation); *isv full*: parse and validate the whole text; *floor*: `yaml.parseDocument` + `toJS` + the compiled ajv validator, nothing else; *yls*: yaml-language-server's `doValidation`. The last column compares every incremental result with the full validation of the same text.\n",
    editTable(results),
    "## Schema findings found (last edited text)\n",
    "isv counts its `schema.*` findings (its rules find more, which yaml-language-server cannot); yls counts its diagnostics; the floor counts ajv's errors.\n",
    findingsTable(results),
    "## Opening a dossier (in process, first validation of a document not seen before)\n",
    openTable(results),
    "## Open → first diagnostics, per runtime (1,000 lines)\n",
    "A new server process each time (process start, initialize, didOpen, first publishDiagnostics), the servers and runtimes taking turns. *VS Code*: forked as the extension host forks a server module (vscode-languageclient, Node IPC, `ELECTRON_RUN_AS_NODE=1`) in the Node that code-server 1.139 runs its extension hosts in, ours with the extension's execArgv; *Node 20, stdio*: as another editor starts a server — each as its package's command (`isv-dossier-server --stdio`, `yaml-language-server --stdio`), the flags its first line gives. Medians.\n",
    openRuntimeTable(results),
    "## Server peak memory (largest dossier open and edited)\n",
    rssTable(results),
    "## Language servers over stdio (Node 20)\n",
    "*open → diagnostics* starts a new server process each time (process start, initialize, didOpen, first publishDiagnostics). *edit → diagnostics* sends one incremental didChange and waits for that version's diagnostics, the servers' own debounce included (isv 50 ms, yls 200 ms). Peak RSS is the server process's VmHWM after the edits, hover and completion.\n",
    stdioTable(results),
    "## Hover and completion\n",
    "Hover on a project's `client` key and completion in a `category` value near the middle of the dossier: round trips to the servers, and the same calls in process.\n",
    requestTable(results),
    `## Peak memory in process (${label(memory.file)}, opened and edited ${memory.edits} times)\n`,
    table(
      ["Contender", "peak RSS MiB"],
      memory.results.map((result) => [
        result.contender === "isv" ? "isv-dossier core (incremental)" : "yaml-language-server service",
        mib(result.peakRssMiB),
      ]),
    ),
    ...(results.workspace
      ? [
          "## Workspace (Node 20, stdio, a client that pulls diagnostics)\n",
          `${results.workspace.dossiers} typical (1,000-line) generated dossiers, each of its own applicant, in a folder of their own with their evidence files (16 KB to 4 MB, sparse: bench/files.ts). *first diagnostics*: a new server process, initialize with the folder as the workspace folder, one workspace/diagnostic request answered with a full report for every dossier. *edit*: an open 1,000-line dossier, one incremental didChange and then textDocument/diagnostic (no debounce in a pull), sent while the first workspace/diagnostic request was still unanswered.\n`,
          table(
            ["Measure", "Value"],
            [
              ["start → every dossier's first diagnostics, ms", ms(results.workspace.firstDiagnosticsMs)],
              [
                "edit → pulled diagnostics while the workspace is checked, ms",
                ms(results.workspace.editDuringWorkspaceMs),
              ],
              [
                "edits measured while the workspace was checked",
                `${results.workspace.editsDuringWorkspace} of ${results.workspace.edits}`,
              ],
              ["server peak RSS, MiB", mib(results.workspace.peakRssMiB)],
              ["cross-dossier findings in the first report", String(results.workspace.crossFindings)],
            ],
          ),
        ]
      : []),
    "## Command line\n",
    `${results.cli.files} typical (1,000-line) dossiers, a tenth of them faulty, with their evidence files; each command started ${results.cli.contenders.length > 0 ? "in turn" : ""} as a shell starts it, the whole process timed, on ${results.cli.cores} cores. Spectral lints the same files against our combined JSON Schema through its \`schema\` function (all errors) and found ${results.cli.spectral.results} results in ${results.cli.spectral.files} files; isv-dossier found schema findings in ${results.cli.isvFilesWithFindings} files. Medians.\n`,
    cliTable(results),
  ];
  return parts.join("\n");
}
