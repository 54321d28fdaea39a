// The Clauses view: the specification's structure; for the active dossier, the clauses that apply to it with their
// verdict as the server's checklist request gives it (server/src/core/verdicts/clause-status.ts: status, basis, conclusion;
// counts on every section), the errors, then the remarks (warnings, infos), then the waived findings (each with its
// waiver's justification, approver and expiry) under a clause as children that reveal their range; warnings citing a
// clause off the checklist, and findings citing none, are shown too.
import * as vscode from "vscode";
import type { ActiveDossier, DossierState } from "./active-dossier";
import type { Editions } from "./editions";
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
import { CLAUSE_STATUSES, ChecklistRowResult, ClauseInfo, ClauseStatus, EditionInfo, messageText } from "./protocol";
import type { Diagnostic as ProtocolDiagnostic } from "vscode-languageclient/node";

export const CLAUSES_VIEW_ID = "isvDossier.clauses";

type StatusCounts = { [status in ClauseStatus]: number };

/** A finding as the view shows it (from the checklist or from the editor's diagnostics). */
export interface Finding {
  message: string;
  /** "waived": a finding a waiver covers (a hint whose message carries the justification). */
  severity: "error" | "warning" | "info" | "waived";
  range: vscode.Range;
  code: string | undefined;
}

export interface ClauseNode {
  kind: "clause";
  clause: ClauseInfo;
  /** Dossier mode: the checklist status (none for a clause off the checklist that only warnings cite). */
  status?: ClauseStatus;
  /** Dossier mode: the checklist row (its conclusion, basis, what was checked). */
  row?: ChecklistRowResult;
  /** Dossier mode: the checklist row's evidence paths. */
  evidence?: string[];
  /** Dossier mode: the errors citing this clause, then its remarks (warnings and infos), then its waived findings. */
  findings: Finding[];
  /** Dossier mode: statuses at and under this clause. */
  counts?: StatusCounts;
  children: ClauseNode[];
}

/** Dossier mode: findings that cite no clause of the specification (e.g. YAML syntax errors). */
export interface OtherFindingsNode {
  kind: "other";
  findings: Finding[];
}

export interface FindingNode {
  kind: "finding";
  dossierUri: vscode.Uri;
  finding: Finding;
}

export type ClausesTreeNode = ClauseNode | OtherFindingsNode | FindingNode;

/** What the view shows, as plain data (the extension's API hands it to tests). */
export interface TreeSnapshot {
  label: string;
  description?: string;
  contextValue?: string;
  children: TreeSnapshot[];
}

const STATUS_ICONS: { [status in ClauseStatus]: vscode.ThemeIcon } = {
  satisfied: new vscode.ThemeIcon("pass", new vscode.ThemeColor("testing.iconPassed")),
  violated: new vscode.ThemeIcon("error", new vscode.ThemeColor("problemsErrorIcon.foreground")),
  unfilled: new vscode.ThemeIcon("edit", new vscode.ThemeColor("problemsWarningIcon.foreground")),
  "not-applicable": new vscode.ThemeIcon("circle-slash", new vscode.ThemeColor("disabledForeground")),
  manual: new vscode.ThemeIcon("eye", new vscode.ThemeColor("problemsInfoIcon.foreground")),
  waived: new vscode.ThemeIcon("circle-slash", new vscode.ThemeColor("disabledForeground")),
};

const PROVENANCE_ICONS = {
  excerpt: new vscode.ThemeIcon("book"),
  "public-summary": new vscode.ThemeIcon("info"),
  "structure-only": new vscode.ThemeIcon("circle-outline"),
};

function emptyCounts(): StatusCounts {
  return { satisfied: 0, violated: 0, unfilled: 0, "not-applicable": 0, manual: 0, waived: 0 };
}

export function countsText(counts: StatusCounts): string {
  return CLAUSE_STATUSES.filter((status) => counts[status] > 0)
    .map((status) => `${counts[status]} ${statusLabel(status)}`)
    .join(" · ");
}

export function findingFromProtocol(diagnostic: ProtocolDiagnostic): Finding {
  const { start, end } = diagnostic.range;
  return {
    message: messageText(diagnostic),
    severity:
      diagnostic.severity === 1
        ? "error"
        : diagnostic.severity === 2
          ? "warning"
          : diagnostic.severity === 4
            ? "waived"
            : "info",
    range: new vscode.Range(start.line, start.character, end.line, end.character),
    code: diagnostic.code === undefined ? undefined : String(diagnostic.code),
  };
}

export function findingFromDiagnostic(diagnostic: vscode.Diagnostic): Finding {
  const code = typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;
  return {
    message: diagnostic.message,
    severity:
      diagnostic.severity === vscode.DiagnosticSeverity.Error
        ? "error"
        : diagnostic.severity === vscode.DiagnosticSeverity.Warning
          ? "warning"
          : "info",
    range: diagnostic.range,
    code: code === undefined ? undefined : String(code),
  };
}

export interface DossierFindings {
  rows: ChecklistRowResult[];
  /** Errors and warnings whose clause (their code) has no checklist row, by clause id; "" for no clause. Every
   * error citing a clause has a row (the status function adds one), so these are warnings or clause-less. */
  unlisted: Map<string, Finding[]>;
}

/** Errors and warnings of the editor whose code is not a checklist row (the checklist lists them already). */
export function unlistedFindings(
  edition: EditionInfo,
  rows: ChecklistRowResult[],
  diagnostics: vscode.Diagnostic[],
): Map<string, Finding[]> {
  const listed = new Set(rows.map((row) => row.clauseId));
  const clauses = new Set(edition.clauses.map((clause) => clause.id));
  const unlisted = new Map<string, Finding[]>();
  for (const diagnostic of diagnostics) {
    if (
      diagnostic.severity !== vscode.DiagnosticSeverity.Error &&
      diagnostic.severity !== vscode.DiagnosticSeverity.Warning
    )
      continue;
    const finding = findingFromDiagnostic(diagnostic);
    if (finding.code && listed.has(finding.code)) continue;
    const key = finding.code && clauses.has(finding.code) ? finding.code : "";
    unlisted.set(key, [...(unlisted.get(key) ?? []), finding]);
  }
  return unlisted;
}

/**
 * The clause tree of an edition. With a dossier's findings: pruned to the clauses on its checklist, those that
 * findings cite, and their sections, each with its status and counts.
 */
export function buildClauseTree(edition: EditionInfo, dossier: DossierFindings | undefined): ClauseNode[] {
  const rowById = new Map((dossier?.rows ?? []).map((row) => [row.clauseId, row]));
  const childrenOf = new Map<string | null, ClauseInfo[]>();
  for (const clause of edition.clauses) {
    const siblings = childrenOf.get(clause.parent) ?? [];
    siblings.push(clause);
    childrenOf.set(clause.parent, siblings);
  }
  const build = (clause: ClauseInfo): ClauseNode | undefined => {
    const children = (childrenOf.get(clause.id) ?? [])
      .map(build)
      .filter((node): node is ClauseNode => node !== undefined);
    if (!dossier) return { kind: "clause", clause, findings: [], children };
    const row = rowById.get(clause.id);
    const unlisted = dossier.unlisted.get(clause.id) ?? [];
    // The status is the row's, never made up here: warnings alone never make a clause violated.
    const status: ClauseStatus | undefined = row?.status;
    if (!status && children.length === 0 && unlisted.length === 0) return undefined;
    const counts = emptyCounts();
    if (status) counts[status]++;
    for (const child of children) for (const key of CLAUSE_STATUSES) counts[key] += child.counts?.[key] ?? 0;
    const findings = [
      ...(row?.findings ?? []).map(findingFromProtocol),
      ...(row?.remarks ?? []).map(findingFromProtocol),
      ...(row?.waived ?? []).map(findingFromProtocol),
      ...unlisted,
    ];
    return { kind: "clause", clause, status, row, evidence: row?.evidence, findings, counts, children };
  };
  return (childrenOf.get(null) ?? []).map(build).filter((node): node is ClauseNode => node !== undefined);
}

export class ClausesTreeProvider implements vscode.TreeDataProvider<ClausesTreeNode>, vscode.Disposable {
  private roots: Array<ClauseNode | OtherFindingsNode> = [];
  private edition: EditionInfo | undefined;
  private state: DossierState | undefined;
  private readonly changed = new vscode.EventEmitter<ClausesTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private building: Promise<void> = Promise.resolve();

  constructor(
    private readonly editions: Editions,
    private readonly dossier: ActiveDossier,
  ) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** Rebuilds the tree from the current dossier state (or the plain specification). */
  rebuild(): Promise<void> {
    this.building = this.building.then(async () => {
      this.state = this.dossier.state;
      const checklist = this.state?.checklist ?? undefined;
      this.edition = await this.editions.byId(checklist?.editionId);
      if (!this.edition) {
        this.roots = [];
      } else if (!this.state || !checklist) {
        this.roots = buildClauseTree(this.edition, undefined);
      } else {
        const unlisted = unlistedFindings(
          this.edition,
          checklist.rows,
          vscode.languages.getDiagnostics(this.state.uri),
        );
        const other = unlisted.get("") ?? [];
        this.roots = [
          ...(other.length > 0 ? [{ kind: "other" as const, findings: other }] : []),
          ...buildClauseTree(this.edition, { rows: checklist.rows, unlisted }),
        ];
      }
      this.changed.fire(undefined);
    });
    return this.building;
  }

  get dossierState(): DossierState | undefined {
    return this.state;
  }

  /** The clause node of an id in the tree as it is now, with its ancestors (root first). */
  findClause(clauseId: string): ClauseNode[] | undefined {
    const search = (nodes: ClauseNode[], trail: ClauseNode[]): ClauseNode[] | undefined => {
      for (const node of nodes) {
        if (node.clause.id === clauseId) return [...trail, node];
        const found = search(node.children, [...trail, node]);
        if (found) return found;
      }
      return undefined;
    };
    return search(
      this.roots.filter((node): node is ClauseNode => node.kind === "clause"),
      [],
    );
  }

  /** A clause node's parent (TreeView.reveal needs it); findings are revealed through their clause. */
  getParent(node: ClausesTreeNode): ClausesTreeNode | undefined {
    if (node.kind !== "clause") return undefined;
    const trail = this.findClause(node.clause.id);
    return trail && trail.length > 1 ? trail[trail.length - 2] : undefined;
  }

  getChildren(node?: ClausesTreeNode): ClausesTreeNode[] {
    if (!node) return this.roots;
    if (node.kind === "finding") return [];
    const dossierUri = this.state?.uri;
    const findings: FindingNode[] = dossierUri
      ? node.findings.map((finding) => ({ kind: "finding", dossierUri, finding }))
      : [];
    return node.kind === "clause" ? [...findings, ...node.children] : findings;
  }

  getTreeItem(node: ClausesTreeNode): vscode.TreeItem {
    if (node.kind === "clause") return this.clauseItem(node, dataLocale(this.state?.uri));
    if (node.kind === "other") return this.otherFindingsItem(node);
    return this.findingItem(node);
  }

  /** The visible tree as data, expanded fully. */
  snapshot(nodes: ClausesTreeNode[] = this.getChildren()): TreeSnapshot[] {
    return nodes.map((node) => {
      const item = this.getTreeItem(node);
      const label = typeof item.label === "string" ? item.label : (item.label?.label ?? "");
      return {
        label,
        description: typeof item.description === "string" ? item.description : undefined,
        contextValue: item.contextValue,
        children: this.snapshot(this.getChildren(node)),
      };
    });
  }

  private clauseItem(node: ClauseNode, locale: DataLocale): vscode.TreeItem {
    const { clause, status, counts } = node;
    const title = pick(clause.title, locale);
    const item = new vscode.TreeItem(
      title ? `${clauseLabel(clause.id, locale)} ${title}` : clauseLabel(clause.id, locale),
    );
    const mode = counts ? "dossier" : "spec";
    item.id = `${mode}:${clause.id}`;
    const hasChildren = node.children.length > 0 || node.findings.length > 0;
    const expand = mode === "dossier" && (counts?.violated ?? 0) > 0;
    item.collapsibleState = !hasChildren
      ? vscode.TreeItemCollapsibleState.None
      : expand
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    if (status) {
      item.description = node.row?.label ?? statusLabel(status);
      item.iconPath = STATUS_ICONS[status];
      item.contextValue = `clause.${status}`;
    } else if (counts && CLAUSE_STATUSES.some((key) => counts[key] > 0)) {
      item.description = countsText(counts);
      item.iconPath = STATUS_ICONS[CLAUSE_STATUSES.find((key) => counts[key] > 0) ?? "not-applicable"];
      item.contextValue = "clause.section";
    } else if (counts) {
      // Off the checklist, cited only by warnings: the warnings are shown, the clause has no status.
      item.iconPath = new vscode.ThemeIcon("warning");
      item.contextValue = "clause.remarks";
    } else {
      item.iconPath = PROVENANCE_ICONS[clause.provenance];
      item.contextValue = "clause.spec";
    }
    item.tooltip = this.clauseTooltip(node, locale);
    item.command = {
      command: "isvDossier.openClause",
      title: vscode.l10n.t("Open Clause in Specification"),
      arguments: [clause.id],
    };
    return item;
  }

  private otherFindingsItem(node: OtherFindingsNode): vscode.TreeItem {
    const item = new vscode.TreeItem(
      vscode.l10n.t("Findings without a clause"),
      vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = "dossier:other";
    item.description = String(node.findings.length);
    item.iconPath = STATUS_ICONS.violated;
    item.contextValue = "other";
    return item;
  }

  private clauseTooltip(node: ClauseNode, locale: DataLocale): vscode.MarkdownString {
    const { clause, status, evidence, counts } = node;
    const markdown = new vscode.MarkdownString();
    const title = clause.title ? ` ${clause.title.zh} · ${clause.title.en}` : "";
    markdown.appendMarkdown(`**${clauseLabel(clause.id, locale)}**`).appendText(title);
    if (clause.provenance === "public-summary")
      markdown.appendMarkdown(`\n\n*${vscode.l10n.t("Not the specification's words: public summary.")}*`);
    if (clause.provenance === "structure-only")
      markdown.appendMarkdown(`\n\n*${vscode.l10n.t("Text unknown: table of contents only.")}*`);
    if (status) {
      markdown
        .appendMarkdown(`\n\n${vscode.l10n.t("Status")}: `)
        .appendText(node.row?.conclusion ?? statusLabel(status));
      if (node.row && node.row.checkedBy.length > 0)
        markdown.appendMarkdown(`\n\n${vscode.l10n.t("Checked by")}: `).appendText(node.row.checkedBy.join(", "));
      if (node.row?.stillToCheck)
        markdown
          .appendMarkdown(`\n\n${vscode.l10n.t("A reviewer must still confirm")}: `)
          .appendText(pick(node.row.stillToCheck, locale));
      if (evidence && evidence.length > 0)
        markdown.appendMarkdown(`\n\n${vscode.l10n.t("Evidence")}: `).appendText(evidence.join(", "));
      for (const waived of node.row?.waived ?? []) {
        const record = (waived.data as { waived?: { justification: string; approvedBy: string; expires: string } })
          ?.waived;
        if (record)
          markdown
            .appendMarkdown(`\n\n${vscode.l10n.t("Waiver")}: `)
            .appendText(
              vscode.l10n.t(
                "{0} (approved by {1}, until {2})",
                record.justification,
                record.approvedBy,
                record.expires,
              ),
            );
      }
    } else if (counts) {
      markdown.appendMarkdown("\n\n").appendText(countsText(counts));
    }
    return markdown;
  }

  private findingItem(node: FindingNode): vscode.TreeItem {
    const { finding } = node;
    const item = new vscode.TreeItem(finding.message.split("\n")[0], vscode.TreeItemCollapsibleState.None);
    const { start, end } = finding.range;
    item.description = vscode.l10n.t("Ln {0}, Col {1}", start.line + 1, start.character + 1);
    item.iconPath = finding.severity === "waived" ? STATUS_ICONS.waived : new vscode.ThemeIcon(finding.severity);
    item.tooltip = finding.code ? `${finding.message}\n\n(${finding.code})` : finding.message;
    item.contextValue = finding.severity === "waived" ? "finding.waived" : "finding";
    item.command = {
      command: "isvDossier.revealFinding",
      title: vscode.l10n.t("Reveal Finding"),
      arguments: [node.dossierUri.toString(), start.line, start.character, end.line, end.character],
    };
    return item;
  }
}

/** The view: title line with the dossier's category and level, the counts as its message, violations as badge. */
export function createClausesView(provider: ClausesTreeProvider, editions: Editions): vscode.Disposable {
  const view = vscode.window.createTreeView(CLAUSES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const update = async (): Promise<void> => {
    const state = provider.dossierState;
    const checklist = state?.checklist;
    if (!state || !checklist) {
      view.description = undefined;
      view.message = state ? vscode.l10n.t("This dossier is not checked (too large).") : undefined;
      view.badge = undefined;
      return;
    }
    const locale = dataLocale(state.uri);
    const edition = await editions.byId(checklist.editionId);
    const parts = [categoryLabel(edition?.categories ?? [], checklist.category, locale), levelLabel(checklist.level)];
    if (checklist.drClass) parts.push(drClassLabel(checklist.drClass));
    view.description = `${vscode.workspace.asRelativePath(state.uri)} — ${parts.join(" · ")}`;
    view.message = checklist.countsText;
    view.badge =
      checklist.counts.violated > 0
        ? {
            value: checklist.counts.violated,
            tooltip:
              checklist.counts.violated === 1
                ? vscode.l10n.t("1 violated clause")
                : vscode.l10n.t("{0} violated clauses", checklist.counts.violated),
          }
        : undefined;
  };
  const subscription = provider.onDidChangeTreeData(() => void update());
  // A code lens above a dossier's section opens the view at one of its clauses (`isvDossier.revealClause`).
  const reveal = vscode.commands.registerCommand("isvDossier.revealClause", async (clauseId?: unknown) => {
    if (typeof clauseId !== "string") return;
    await provider.rebuild();
    const trail = provider.findClause(clauseId);
    if (!trail) {
      void vscode.window.showWarningMessage(vscode.l10n.t("Clause {0} is not in the specification.", clauseId));
      return;
    }
    await view.reveal(trail[trail.length - 1], { select: true, focus: true, expand: true });
  });
  return vscode.Disposable.from(subscription, reveal, view);
}

export function revealFinding(
  uri: string,
  startLine: number,
  startCharacter: number,
  endLine: number,
  endCharacter: number,
): Thenable<vscode.TextEditor> {
  const range = new vscode.Range(startLine, startCharacter, endLine, endCharacter);
  return vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: range, preview: false }).then((editor) => {
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  });
}
