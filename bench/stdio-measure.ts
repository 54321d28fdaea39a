// One language server over stdio on one dossier: open → first diagnostics (a new process each time, start
// included), one-character edits → that version's diagnostics, hover and completion round trips, peak RSS.
import { LineIndex } from "../server/src/core/parse/line-index";
import { BenchFile, editOperations, isSchemaFinding, requestOffsets } from "./shared";
import { BENCH_ENVIRONMENT, ProcessEnvironment } from "./child-environment";
import { Runtime, ServerName, StdioServer, Diagnostic, THIS_NODE } from "./lsp-stdio";
import { median } from "./stats";

export interface StdioResult {
  server: ServerName;
  file: BenchFile;
  open: number;
  edit: number;
  hover: number;
  completion: number;
  peakRssMiB: number;
  schemaFindings: number;
}

export interface StdioPlan {
  openRepeats: number;
  edits: number;
  requests: number;
}

function countSchemaDiagnostics(server: ServerName, diagnostics: Diagnostic[]): number {
  return server === "isv"
    ? diagnostics.filter((diagnostic) => isSchemaFinding(diagnostic.data?.ruleId ?? "")).length
    : diagnostics.length;
}

export async function measureStdio(
  server: ServerName,
  root: string,
  file: BenchFile,
  plan: StdioPlan,
  runtime: Runtime = THIS_NODE,
): Promise<StdioResult> {
  const opens: number[] = [];
  let running: StdioServer | undefined;
  let schemaFindings = -1;
  for (let repeat = 0; repeat < plan.openRepeats; repeat++) {
    await running?.stop();
    const opened = await openInNewServer(server, root, file, BENCH_ENVIRONMENT, runtime);
    running = opened.running;
    opens.push(opened.ms);
    schemaFindings = countSchemaDiagnostics(server, opened.published.diagnostics);
  }
  const live = running!;
  const edits: number[] = [];
  let version = 1;
  for (const operation of editOperations(file.text, plan.edits)) {
    const lines = new LineIndex(operation.before);
    const range = {
      start: lines.positionAt(operation.offset),
      end: lines.positionAt(operation.offset + operation.removed),
    };
    const start = performance.now();
    const published = await live.change(file.uri, ++version, range, operation.inserted);
    edits.push(performance.now() - start);
    schemaFindings = countSchemaDiagnostics(server, published.diagnostics);
  }
  const text = editOperations(file.text, plan.edits).at(-1)?.after ?? file.text;
  const lines = new LineIndex(text);
  const offsets = requestOffsets(text);
  const hovers: number[] = [];
  const completions: number[] = [];
  for (let request = 0; request < plan.requests; request++) {
    let start = performance.now();
    await live.request("textDocument/hover", {
      textDocument: { uri: file.uri },
      position: lines.positionAt(offsets.hover),
    });
    hovers.push(performance.now() - start);
    start = performance.now();
    await live.request("textDocument/completion", {
      textDocument: { uri: file.uri },
      position: lines.positionAt(offsets.completion),
    });
    completions.push(performance.now() - start);
  }
  const peakRssMiB = live.peakRssMiB();
  await live.stop();
  return {
    server,
    file,
    open: median(opens),
    edit: median(edits),
    hover: median(hovers),
    completion: median(completions),
    peakRssMiB,
    schemaFindings,
  };
}

/** A new server process started in `environment`, initialized and given the file: the time to its first diagnostics. */
async function openInNewServer(
  server: ServerName,
  root: string,
  file: BenchFile,
  environment: ProcessEnvironment,
  runtime: Runtime,
) {
  const start = performance.now();
  const running = new StdioServer(server, root, environment, runtime);
  await running.initialize();
  const published = await running.open(file.uri, file.text);
  return { ms: performance.now() - start, running, published };
}

/** Open → first diagnostics once, in a new process of the given runtime: milliseconds. */
export async function measureOpenOnce(
  server: ServerName,
  root: string,
  file: BenchFile,
  runtime: Runtime,
  environment: ProcessEnvironment = BENCH_ENVIRONMENT,
): Promise<number> {
  const opened = await openInNewServer(server, root, file, environment, runtime);
  await opened.running.stop();
  return opened.ms;
}
