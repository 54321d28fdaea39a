// The workspace targets, over stdio with a client that pulls diagnostics (as VS Code does): a folder of 200 typical
// (1,000-line) generated dossiers, each of its own applicant, with their evidence files (16 KB to 4 MB: bench/files.ts).
// - start → the whole folder's first diagnostics: a new server process, initialize with the folder, then one
//   workspace/diagnostic request answered with a full report for every dossier;
// - a one-character edit of an open 1,000-line dossier → its pulled diagnostics (textDocument/diagnostic), while the
//   workspace is being checked (the workspace request sent first is still unanswered);
// - the server's peak RSS once the 200 dossiers are known (VmHWM).
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { LineIndex } from "../server/src/core/parse/line-index";
import { generateDossier } from "../test/support/generate-dossier";
import { writeEvidenceFiles } from "./files";
import { BenchFile, editOperations } from "./shared";
import { StdioServer } from "./lsp-stdio";
import { median } from "./stats";

export interface WorkspaceResult {
  dossiers: number;
  /** Start → every dossier's first diagnostics, ms (median over the starts). */
  firstDiagnosticsMs: number;
  starts: number;
  /** Edit → its pulled diagnostics while the workspace is checked, ms (median), and how many edits were measured so. */
  editDuringWorkspaceMs: number;
  editsDuringWorkspace: number;
  /** Edits measured in all (some may land after the workspace was done). */
  edits: number;
  peakRssMiB: number;
  /** Cross-dossier findings in the first report (the generated applicants share some certificate numbers). */
  crossFindings: number;
}

interface WorkspaceReport {
  items: Array<{ uri: string; kind: string; items?: Array<{ data?: { ruleId?: string } }> }>;
}

/** `count` typical dossiers, each of another applicant (credit code and name), in `folder` with their evidence. */
export function writeWorkspace(folder: string, count: number): void {
  fs.mkdirSync(folder, { recursive: true });
  for (let index = 0; index < count; index++) {
    const generated = generateDossier({ lines: 1000, faults: index % 10 === 0, seed: 9000 + index });
    const number = String(index).padStart(4, "0");
    const text = generated.text
      .replace("91610113MA6W3L8NX6", `91610113MA6W${number}X6`)
      .replace("陕西雁衡网络安全技术有限公司", `陕西雁衡网络安全技术有限公司第${number}分公司`);
    const applicant = path.join(folder, `applicant-${number}`);
    fs.mkdirSync(applicant, { recursive: true });
    fs.writeFileSync(path.join(applicant, `applicant-${number}.dossier.yaml`), text);
    writeEvidenceFiles(applicant, text);
  }
}

async function firstWorkspaceReport(
  root: string,
  folderUri: string,
): Promise<{ ms: number; server: StdioServer; report: WorkspaceReport }> {
  const start = performance.now();
  const server = new StdioServer("isv", root);
  await server.initialize({ folderUri });
  const report = await server.request<WorkspaceReport>("workspace/diagnostic", { previousResultIds: [] });
  return { ms: performance.now() - start, server, report };
}

export async function measureWorkspace(
  root: string,
  folder: string,
  count: number,
  starts: number,
  edits: number,
  openFile: BenchFile,
  log: (message: string) => void,
): Promise<WorkspaceResult> {
  const workspace = path.join(folder, "workspace");
  writeWorkspace(workspace, count);
  const folderUri = pathToFileURL(workspace).href;
  const times: number[] = [];
  let peakRssMiB = 0;
  let crossFindings = 0;
  for (let repeat = 0; repeat < starts; repeat++) {
    log(`workspace: ${count} dossiers, start ${repeat + 1} of ${starts}`);
    const { ms, server, report } = await firstWorkspaceReport(root, folderUri);
    const full = report.items.filter((item) => item.kind === "full").length;
    if (full < count) throw new Error(`workspace/diagnostic reported ${full} of ${count} dossiers`);
    times.push(ms);
    crossFindings = report.items.reduce(
      (sum, item) => sum + (item.items ?? []).filter((d) => d.data?.ruleId?.startsWith("cross.")).length,
      0,
    );
    peakRssMiB = Math.max(peakRssMiB, server.peakRssMiB());
    await server.stop();
  }

  // edits of an open 1,000-line dossier while the workspace is checked
  log(`workspace: ${edits} edits of ${openFile.name} while the workspace is checked`);
  const server = new StdioServer("isv", root);
  await server.initialize({ folderUri });
  let workspaceDone = false;
  const pending = server
    .request<WorkspaceReport>("workspace/diagnostic", { previousResultIds: [] })
    .then(() => (workspaceDone = true));
  await server.notify("textDocument/didOpen", {
    textDocument: { uri: openFile.uri, languageId: "isv-dossier", version: 1, text: openFile.text },
  });
  await server.request("textDocument/diagnostic", { textDocument: { uri: openFile.uri } });
  const during: number[] = [];
  const all: number[] = [];
  let version = 1;
  for (const operation of editOperations(openFile.text, edits)) {
    const lines = new LineIndex(operation.before);
    const range = {
      start: lines.positionAt(operation.offset),
      end: lines.positionAt(operation.offset + operation.removed),
    };
    const busy = !workspaceDone;
    const start = performance.now();
    await server.notify("textDocument/didChange", {
      textDocument: { uri: openFile.uri, version: ++version },
      contentChanges: [{ range, text: operation.inserted }],
    });
    await server.request("textDocument/diagnostic", { textDocument: { uri: openFile.uri } });
    const ms = performance.now() - start;
    all.push(ms);
    if (busy && !workspaceDone) during.push(ms);
    await new Promise((resolve) => setTimeout(resolve, 20)); // typing, not a flood
  }
  await pending;
  peakRssMiB = Math.max(peakRssMiB, server.peakRssMiB());
  await server.stop();
  return {
    dossiers: count,
    firstDiagnosticsMs: median(times),
    starts,
    editDuringWorkspaceMs: median(during.length > 0 ? during : all),
    editsDuringWorkspace: during.length,
    edits: all.length,
    peakRssMiB,
    crossFindings,
  };
}
