// "Show checklist": the per-clause verdict of a dossier (自评估表: status, basis and conclusion as the server's
// checklist request gives them, from server/src/core/verdicts/clause-status.ts) as a read-only Markdown document
// (`isv-checklist:/<name>.checklist.md?<dossier uri>`), kept up to date while the dossier changes.
import * as vscode from "vscode";
import type { Editions, ServerRequests } from "./editions";
import {
  categoryLabel,
  clauseLabel,
  DataLocale,
  dataLocale,
  drClassLabel,
  levelLabel,
  pick,
  statusLabel,
} from "./locale";
import type { Diagnostic as ProtocolDiagnostic } from "vscode-languageclient/node";
import { ChecklistResult, ClauseStatus, EditionInfo, messageText, REQUESTS } from "./protocol";

export const CHECKLIST_SCHEME = "isv-checklist";

const STATUS_MARKS: { [status in ClauseStatus]: string } = {
  satisfied: "✅",
  violated: "❌",
  unfilled: "✏",
  "not-applicable": "➖",
  manual: "👁",
  waived: "➖",
};

function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** The checklist as Markdown: a header with the dossier's facts and counts, then one table row per clause. */
export function renderChecklist(
  checklist: ChecklistResult,
  dossierName: string,
  edition: EditionInfo | undefined,
  locale: DataLocale,
): string {
  const facts = [
    `**${vscode.l10n.t("Specification")}:** ${checklist.editionId}${edition ? ` ${pick(edition.title, locale)}` : ""}`,
    `**${vscode.l10n.t("Category")}:** ${categoryLabel(edition?.categories ?? [], checklist.category, locale)}${checklist.category ? ` (${code(checklist.category)})` : ""}`,
    `**${vscode.l10n.t("Level")}:** ${levelLabel(checklist.level)}`,
    ...(checklist.drClass ? [`**${vscode.l10n.t("DR class")}:** ${drClassLabel(checklist.drClass)}`] : []),
    `**${vscode.l10n.t("As of")}:** ${checklist.asOf}`,
  ];
  const lines = [
    `# ${vscode.l10n.t("Checklist: {0}", dossierName)}`,
    "",
    facts.join("  \n"),
    "",
    `**${vscode.l10n.t("Summary")}:** ${checklist.countsText}`,
    "",
    `| # | ${vscode.l10n.t("Clause")} | ${vscode.l10n.t("Requirement")} | ${vscode.l10n.t("Status")} | ${vscode.l10n.t("Evidence")} | ${vscode.l10n.t("Findings")} | ${vscode.l10n.t("Self-assessment notes")} |`,
    "| ---: | --- | --- | --- | --- | --- | --- |",
  ];
  for (const row of checklist.rows) {
    let title = row.title ? `${row.title.zh} · ${row.title.en}` : "";
    if (row.provenance === "public-summary") title += ` *(${vscode.l10n.t("public summary")})*`;
    if (row.provenance === "structure-only") title += ` *(${vscode.l10n.t("text unknown")})*`;
    const evidence = row.evidence.map(code).join("<br>");
    const findingLine = (finding: ProtocolDiagnostic): string =>
      `${vscode.l10n.t("Ln {0}", finding.range.start.line + 1)}: ${cell(messageText(finding))}`;
    const findings = [
      ...row.findings.map(findingLine),
      ...row.remarks.map((remark) => `${vscode.l10n.t("Remarks")}: ${findingLine(remark)}`),
    ].join("<br>");
    lines.push(
      `| ${row.number} | ${clauseLabel(row.clauseId, locale)} | ${cell(title)} | ${STATUS_MARKS[row.status]} ${cell(row.conclusion)} | ${evidence} | ${findings} | ${cell(row.selfAssessment ?? "")} |`,
    );
  }
  lines.push(
    "",
    `*${vscode.l10n.t("{0}: a reviewer must judge the clause; the tool cannot check it from the dossier.", `${STATUS_MARKS.manual} ${statusLabel("manual")}`)}*`,
    "",
  );
  return lines.join("\n");
}

export function checklistUri(dossier: vscode.Uri): vscode.Uri {
  const name =
    dossier.path
      .split("/")
      .pop()
      ?.replace(/\.dossier\.ya?ml$/, "") || "dossier";
  return vscode.Uri.from({ scheme: CHECKLIST_SCHEME, path: `/${name}.checklist.md`, query: dossier.toString() });
}

export class ChecklistDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly server: ServerRequests,
    private readonly editions: Editions,
  ) {
    // An open checklist follows its dossier: the server re-checks it on every change and publishes diagnostics.
    this.subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      for (const document of vscode.workspace.textDocuments) {
        if (document.uri.scheme !== CHECKLIST_SCHEME) continue;
        if (event.uris.some((uri) => uri.toString() === document.uri.query)) this.changed.fire(document.uri);
      }
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const dossier = vscode.Uri.parse(uri.query);
    const name = vscode.workspace.asRelativePath(dossier);
    const checklist = await this.server.sendRequest<ChecklistResult | null>(REQUESTS.checklist, {
      uri: dossier.toString(),
    });
    if (!checklist)
      return `# ${vscode.l10n.t("Checklist: {0}", name)}\n\n${vscode.l10n.t("This dossier is not open or not checked (too large).")}\n`;
    return renderChecklist(checklist, name, await this.editions.byId(checklist.editionId), dataLocale(dossier));
  }
}

/** Opens the checklist of a dossier (default: the active one) as a Markdown preview, or as text. */
export async function showChecklist(
  dossier: vscode.Uri | undefined,
  options: { preview?: boolean } = {},
): Promise<string | undefined> {
  if (!dossier) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Open a dossier (*.dossier.yaml) to see its checklist."));
    return undefined;
  }
  const uri = checklistUri(dossier);
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== "markdown") await vscode.languages.setTextDocumentLanguage(document, "markdown");
  if (options.preview !== false) {
    try {
      await vscode.commands.executeCommand("markdown.showPreview", uri);
      return uri.toString();
    } catch {
      // No Markdown preview (the built-in extension is disabled): show the text instead.
    }
  }
  await vscode.window.showTextDocument(document, { preview: false });
  return uri.toString();
}
