// The Clauses view: the specification's structure; for the active dossier, the clauses that apply to it with their
// status (and counts on every section), the findings under a violated clause as children that reveal their range.
import * as vscode from "vscode";
import type { ActiveDossier, DossierState } from "./active-dossier";
import type { Editions } from "./editions";
import { categoryLabel, clauseLabel, DataLocale, dataLocale, drClassLabel, levelLabel, pick, statusLabel } from "./locale";
import { CLAUSE_STATUSES, ChecklistRowResult, ClauseInfo, ClauseStatus, EditionInfo, messageText } from "./protocol";
import type { Diagnostic as ProtocolDiagnostic } from "vscode-languageclient/node";

export const CLAUSES_VIEW_ID = "isvDossier.clauses";

type StatusCounts = { [status in ClauseStatus]: number };

export interface ClauseNode {
  kind: "clause";
  clause: ClauseInfo;
  /** The checklist row, when a dossier is described and the clause is on its checklist. */
  row?: ChecklistRowResult;
  /** Statuses of the rows at and under this clause (dossier mode). */
  counts?: StatusCounts;
  children: ClauseNode[];
}

export interface FindingNode {
  kind: "finding";
  dossierUri: vscode.Uri;
  clauseId: string;
  diagnostic: ProtocolDiagnostic;
}

export type ClausesTreeNode = ClauseNode | FindingNode;

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
  "not-applicable": new vscode.ThemeIcon("circle-slash", new vscode.ThemeColor("disabledForeground")),
  manual: new vscode.ThemeIcon("eye", new vscode.ThemeColor("problemsInfoIcon.foreground")),
};

const PROVENANCE_ICONS = {
  excerpt: new vscode.ThemeIcon("book"),
  "public-summary": new vscode.ThemeIcon("info"),
  "structure-only": new vscode.ThemeIcon("circle-outline"),
};

function emptyCounts(): StatusCounts {
  return { satisfied: 0, violated: 0, "not-applicable": 0, manual: 0 };
}

export function countsText(counts: StatusCounts): string {
  return CLAUSE_STATUSES.filter((status) => counts[status] > 0)
    .map((status) => `${counts[status]} ${statusLabel(status)}`)
    .join(" · ");
}

/** The clause tree of an edition; with a checklist, pruned to its rows and their sections, with statuses. */
export function buildClauseTree(edition: EditionInfo, rows: ChecklistRowResult[] | undefined): ClauseNode[] {
  const rowById = new Map((rows ?? []).map((row) => [row.clauseId, row]));
  const childrenOf = new Map<string | null, ClauseInfo[]>();
  for (const clause of edition.clauses) {
    const siblings = childrenOf.get(clause.parent) ?? [];
    siblings.push(clause);
    childrenOf.set(clause.parent, siblings);
  }
  const build = (clause: ClauseInfo): ClauseNode | undefined => {
    const children = (childrenOf.get(clause.id) ?? []).map(build).filter((node): node is ClauseNode => node !== undefined);
    const row = rowById.get(clause.id);
    if (!rows) return { kind: "clause", clause, children };
    if (!row && children.length === 0) return undefined;
    const counts = emptyCounts();
    if (row) counts[row.status]++;
    for (const child of children) for (const status of CLAUSE_STATUSES) counts[status] += child.counts?.[status] ?? 0;
    return { kind: "clause", clause, row, counts, children };
  };
  return (childrenOf.get(null) ?? []).map(build).filter((node): node is ClauseNode => node !== undefined);
}

export class ClausesTreeProvider implements vscode.TreeDataProvider<ClausesTreeNode>, vscode.Disposable {
  private roots: ClauseNode[] = [];
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
      this.roots = this.edition ? buildClauseTree(this.edition, checklist?.rows) : [];
      this.changed.fire(undefined);
    });
    return this.building;
  }

  get dossierState(): DossierState | undefined {
    return this.state;
  }

  getChildren(node?: ClausesTreeNode): ClausesTreeNode[] {
    if (!node) return this.roots;
    if (node.kind === "finding") return [];
    const findings: FindingNode[] = (node.row?.findings ?? []).map((diagnostic) => ({
      kind: "finding",
      dossierUri: this.state!.uri,
      clauseId: node.clause.id,
      diagnostic,
    }));
    return [...findings, ...node.children];
  }

  getTreeItem(node: ClausesTreeNode): vscode.TreeItem {
    return node.kind === "clause" ? this.clauseItem(node, dataLocale(this.state?.uri)) : this.findingItem(node);
  }

  /** The visible tree as data, expanded fully. */
  snapshot(nodes: ClausesTreeNode[] = this.getChildren()): TreeSnapshot[] {
    return nodes.map((node) => {
      const item = this.getTreeItem(node);
      const label = typeof item.label === "string" ? item.label : item.label?.label ?? "";
      return {
        label,
        description: typeof item.description === "string" ? item.description : undefined,
        contextValue: item.contextValue,
        children: this.snapshot(this.getChildren(node)),
      };
    });
  }

  private clauseItem(node: ClauseNode, locale: DataLocale): vscode.TreeItem {
    const { clause, row, counts } = node;
    const title = pick(clause.title, locale);
    const item = new vscode.TreeItem(title ? `${clauseLabel(clause.id, locale)} ${title}` : clauseLabel(clause.id, locale));
    const mode = row || counts ? "dossier" : "spec";
    item.id = `${mode}:${clause.id}`;
    const hasChildren = node.children.length > 0 || (row?.findings.length ?? 0) > 0;
    const expand = mode === "dossier" && (counts?.violated ?? 0) > 0;
    item.collapsibleState = !hasChildren
      ? vscode.TreeItemCollapsibleState.None
      : expand
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    if (row) {
      item.description = statusLabel(row.status);
      item.iconPath = STATUS_ICONS[row.status];
      item.contextValue = `clause.${row.status}`;
    } else if (counts) {
      item.description = countsText(counts);
      item.iconPath = STATUS_ICONS[counts.violated > 0 ? "violated" : counts.manual > 0 ? "manual" : counts.satisfied > 0 ? "satisfied" : "not-applicable"];
      item.contextValue = "clause.section";
    } else {
      item.iconPath = PROVENANCE_ICONS[clause.provenance];
      item.contextValue = "clause.spec";
    }
    item.tooltip = this.clauseTooltip(node, locale);
    item.command = { command: "isvDossier.openClause", title: vscode.l10n.t("Open Clause in Specification"), arguments: [clause.id] };
    return item;
  }

  private clauseTooltip(node: ClauseNode, locale: DataLocale): vscode.MarkdownString {
    const { clause, row, counts } = node;
    const markdown = new vscode.MarkdownString();
    const title = clause.title ? ` ${clause.title.zh} · ${clause.title.en}` : "";
    markdown.appendMarkdown(`**${clauseLabel(clause.id, locale)}**`).appendText(title);
    if (clause.provenance === "public-summary") markdown.appendMarkdown(`\n\n*${vscode.l10n.t("Not the specification's words: public summary.")}*`);
    if (clause.provenance === "structure-only") markdown.appendMarkdown(`\n\n*${vscode.l10n.t("Text unknown: table of contents only.")}*`);
    if (row) {
      markdown.appendMarkdown(`\n\n${vscode.l10n.t("Status")}: `).appendText(statusLabel(row.status));
      if (row.evidence.length > 0) markdown.appendMarkdown(`\n\n${vscode.l10n.t("Evidence")}: `).appendText(row.evidence.join(", "));
    } else if (counts) {
      markdown.appendMarkdown("\n\n").appendText(countsText(counts));
    }
    return markdown;
  }

  private findingItem(node: FindingNode): vscode.TreeItem {
    const { diagnostic } = node;
    const item = new vscode.TreeItem(messageText(diagnostic).split("\n")[0], vscode.TreeItemCollapsibleState.None);
    item.description = vscode.l10n.t("Ln {0}, Col {1}", diagnostic.range.start.line + 1, diagnostic.range.start.character + 1);
    item.iconPath = new vscode.ThemeIcon(diagnostic.severity === 2 ? "warning" : diagnostic.severity === 1 ? "error" : "info");
    item.tooltip = messageText(diagnostic);
    item.contextValue = "finding";
    const { start, end } = diagnostic.range;
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
    view.message = countsText(checklist.counts);
    view.badge = checklist.counts.violated > 0 ? { value: checklist.counts.violated, tooltip: vscode.l10n.t("{0} violated clauses", checklist.counts.violated) } : undefined;
  };
  const subscription = provider.onDidChangeTreeData(() => void update());
  return vscode.Disposable.from(subscription, view);
}

export function revealFinding(uri: string, startLine: number, startCharacter: number, endLine: number, endCharacter: number): Thenable<vscode.TextEditor> {
  const range = new vscode.Range(startLine, startCharacter, endLine, endCharacter);
  return vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: range, preview: false }).then((editor) => {
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  });
}
