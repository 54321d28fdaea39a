// Which dossier the Clauses view and the status bar describe, and its checklist from the server. Follows the
// active editor; stays on the last dossier while another editor (e.g. the specification) is in front, and
// reloads whenever that dossier's diagnostics change.
import * as vscode from "vscode";
import type { ServerRequests } from "./editions";
import { LANGUAGE_ID } from "./language-client";
import { ChecklistResult, REQUESTS } from "./protocol";

export interface DossierState {
  uri: vscode.Uri;
  /** Null when the server does not check the document (too large). */
  checklist: ChecklistResult | null;
  errors: number;
  warnings: number;
}

const RELOAD_DELAY_MS = 100;

function isDossier(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document?.languageId === LANGUAGE_ID;
}

export function countProblems(uri: vscode.Uri): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of vscode.languages.getDiagnostics(uri)) {
    if (diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
    else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) warnings++;
  }
  return { errors, warnings };
}

export class ActiveDossier implements vscode.Disposable {
  private trackedUri: vscode.Uri | undefined;
  private current: DossierState | undefined;
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private pending: Promise<DossierState | undefined> = Promise.resolve(undefined);
  private readonly changed = new vscode.EventEmitter<DossierState | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly server: ServerRequests) {
    this.subscriptions.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (isDossier(editor?.document)) this.track(editor.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.trackedUri?.toString() !== document.uri.toString()) return;
        const next = vscode.window.visibleTextEditors.find(
          (editor) => isDossier(editor.document) && editor.document !== document,
        );
        this.track(next?.document.uri);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        // A document whose language became isv-dossier after it was opened (e.g. "New dossier…").
        if (isDossier(document) && vscode.window.activeTextEditor?.document === document) this.track(document.uri);
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const tracked = this.trackedUri?.toString();
        if (tracked && event.uris.some((uri) => uri.toString() === tracked)) this.scheduleReload();
      }),
    );
    const active = vscode.window.activeTextEditor?.document;
    if (isDossier(active)) this.track(active.uri);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  get state(): DossierState | undefined {
    return this.current;
  }

  get uri(): vscode.Uri | undefined {
    return this.trackedUri;
  }

  /** Makes a dossier the described one (undefined: none) and loads its checklist. */
  track(uri: vscode.Uri | undefined): Promise<DossierState | undefined> {
    const same = uri?.toString() === this.trackedUri?.toString();
    this.trackedUri = uri;
    void vscode.commands.executeCommand("setContext", "isvDossier.hasActiveDossier", uri !== undefined);
    if (!uri) {
      this.generation++;
      this.current = undefined;
      this.changed.fire(undefined);
      return Promise.resolve(undefined);
    }
    return same && this.current ? this.pending : this.reload();
  }

  /** Loads the checklist of the tracked dossier now; resolves with the state it produced. */
  reload(): Promise<DossierState | undefined> {
    clearTimeout(this.timer);
    const uri = this.trackedUri;
    const generation = ++this.generation;
    if (!uri) return Promise.resolve(undefined);
    this.pending = this.server
      .sendRequest<ChecklistResult | null>(REQUESTS.checklist, { uri: uri.toString() })
      .then((checklist) => {
        if (generation !== this.generation) return this.current; // a newer load (or none) superseded this one
        this.current = { uri, checklist, ...countProblems(uri) };
        this.changed.fire(this.current);
        return this.current;
      })
      // A request the server drops (the document changed meanwhile: ContentModified) keeps the last state; the
      // diagnostics of the newer version trigger the next load.
      .catch(() => this.current);
    return this.pending;
  }

  private scheduleReload(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload().catch(() => undefined), RELOAD_DELAY_MS);
  }
}
