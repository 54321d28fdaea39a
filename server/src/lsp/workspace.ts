// The workspace's dossiers: pull diagnostics (textDocument/diagnostic, workspace/diagnostic) for every
// *.dossier.yaml|yml in the workspace folders, opened or not, with result ids so that unchanged files are reported
// `unchanged`; the cross-dossier checks (core/check/cross/) over all of them; files on disk watched
// (workspace/didChangeWatchedFiles, registered dynamically): a dossier or an evidence file added, removed or changed
// marks the dossiers it concerns for checking again, and the client is asked to pull again
// (workspace/diagnostic/refresh). Workspace folders added or removed after the start
// (workspace/didChangeWorkspaceFolders): an added folder is searched and its dossiers checked, a removed folder's
// dossiers are forgotten (their diagnostics cleared in the client, unless open) with the cross findings that named
// them, and the client is asked to pull again. Clients that cannot pull get the same diagnostics pushed
// (publishDiagnostics).
//
// Folders are searched and files read as the CLI does (node/folder-search.ts: each real folder once, symbolic link
// loops ended, hidden folders and node_modules skipped; node/read-file.ts: regular files only, within
// maxFileSizeBytes — a larger one gets limits.file-size). Workspace work yields to the open documents: before each
// file it waits while an open document's validation is pending, and it stops when its request is cancelled.
import { createHash } from "node:crypto";
import * as path from "node:path";
import {
  CancellationToken,
  Connection,
  Diagnostic,
  DidChangeWatchedFilesNotification,
  DidChangeWatchedFilesParams,
  DocumentDiagnosticParams,
  DocumentDiagnosticReport,
  FileChangeType,
  InitializeParams,
  LSPErrorCodes,
  ResponseError,
  ServerCapabilities,
  WorkspaceDiagnosticParams,
  WorkspaceDiagnosticReport,
  WorkspaceDocumentDiagnosticReport,
  WorkspaceFolder,
  WorkspaceFoldersChangeEvent,
} from "vscode-languageserver";
import { URI } from "vscode-uri";
import type { Edition } from "../core/catalog/edition";
import { defaultEdition } from "../core/catalog/edition";
import { crossDossierFindings } from "../core/check/cross/cross-dossier";
import { dossierFacts, DossierFacts, EvidenceContentOf } from "../core/check/cross/facts";
import { CrossFinish, DossierReport, finishCrossFindings } from "../core/check/service";
import type { DossierFacade, SessionSettings } from "../core/facade/facade";
import { decodeDossierBytes } from "../core/parse/encoding";
import { fileSizeFinding } from "../core/parse/limits";
import { LineIndex } from "../core/parse/line-index";
import type { Finding, Locale } from "../core/types";
import { evidenceFilesIn } from "../node/evidence-files";
import { EvidenceHashes } from "../node/evidence-hashes";
import { DOSSIER_NAME, dossiersUnder, statOrUndefined } from "../node/folder-search";
import { readDossierBytes } from "../node/read-file";
import { toDiagnostic } from "./convert";
import type { DossierSettings } from "./settings";

/** An open document's latest check, as the server made it (lsp/server.ts). */
export interface OpenReport {
  /** Undefined when the text is over the size limit (findings then hold limits.file-size). */
  report?: DossierReport;
  findings: Finding[];
  lines: LineIndex;
  settings: SessionSettings;
}

/** What the workspace asks of the server's wiring. */
export interface WorkspaceHost {
  /** The latest report of an open document, undefined when it is not open. */
  openReport(uri: string): Promise<OpenReport | undefined>;
  isOpen(uri: string): boolean;
  openUris(): string[];
  /** Whether an open document's validation is waiting or under way: workspace work waits for it. */
  openWorkPending(): boolean;
  /** The settings of a scope (a workspace folder), raw and as a session uses them. */
  scopeSettings(scopeUri: string): Promise<{ raw: DossierSettings; session: SessionSettings }>;
  /** A dossier's settings from its scope's: under the configuration file that governs it. */
  dossierSettings(uri: string, raw: DossierSettings): SessionSettings;
  /** Validates an open document again and pushes its diagnostics (clients that do not pull). */
  republish(uri: string): void;
}

/** A dossier the workspace knows: on disk in a workspace folder, or open. */
interface Entry {
  uri: string;
  /** On disk (file: URIs). */
  file?: string;
  /** Its workspace folder, when in one (the innermost). */
  folder?: Folder;
  /** How the other dossiers' messages name it: relative to its workspace folder. */
  label: string;
  /** Its text changed on disk, or something it depends on did: checked again before it is reported. */
  dirty: boolean;
  checked?: Checked;
}

/** A dossier's last check: its own diagnostics, and what the cross-dossier checks compare (made when first needed:
 * a single open dossier, the usual case outside a workspace, never pays for it). */
class Checked {
  private hash?: string;
  private facts?: DossierFacts | null;

  constructor(
    readonly own: Diagnostic[],
    readonly lines: LineIndex,
    readonly edition: Edition,
    readonly locale: Locale,
    private makeFacts: (() => DossierFacts | undefined) | undefined,
    /** Its severity overrides and waivers, for its cross-dossier findings. */
    readonly crossFinish: CrossFinish | undefined,
  ) {}

  get ownHash(): string {
    return (this.hash ??= hashOf(this.own));
  }

  get crossFacts(): DossierFacts | undefined {
    if (this.facts === undefined) {
      this.facts = this.makeFacts?.() ?? null;
      this.makeFacts = undefined; // the report it read is let go
    }
    return this.facts ?? undefined;
  }
}

interface Folder {
  uri: string;
  path: string;
}

/** Files and folders searched per workspace folder at most (a workspace as large as a home folder is searched in
 * part rather than holding the server up). */
const MAX_SEARCHED_ENTRIES = 50_000;

/** How long an open document's evidence hashes are reused between edits (as node/evidence-answers.ts). */
const OPEN_HASHES_MS = 2000;

function hashOf(value: unknown): string {
  return createHash("sha1").update(JSON.stringify(value)).digest("hex").slice(0, 16);
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, "cancelled");
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/** The workspace folders on disk (file: URIs); the others are not searched. */
function onDisk(folders: readonly WorkspaceFolder[]): Folder[] {
  return folders
    .map((folder) => URI.parse(folder.uri))
    .filter((uri) => uri.scheme === "file")
    .map((uri) => ({ uri: uri.toString(), path: uri.fsPath }));
}

export class Workspace {
  private pull = false;
  private refreshSupport = false;
  private watchSupport = false;
  /** Whether the client sends workspace/didChangeWorkspaceFolders. */
  private folderEvents = false;
  private folders: Folder[] = [];
  private readonly entries = new Map<string, Entry>();
  /** Dossiers deleted since the last workspace report: reported once with no diagnostics. */
  private readonly removed = new Set<string>();
  /** The workspace folders looked at since the settings last changed (searched or not, by their setting). */
  private readonly visited = new Set<string>();
  /** The workspace folders searched (their setting is "workspace"). */
  private readonly searched = new Set<string>();
  /** The search of the folders under way: one at a time, a request that comes meanwhile waits for it. */
  private scanning?: Promise<void>;
  /** The cross-dossier findings by URI; undefined when some dossier's facts changed since. */
  private cross?: Map<string, Finding[]>;
  /** Whether the cross-dossier checks ran when `cross` was made (two dossiers or more with their facts). */
  private crossRan = false;
  private readonly hashes = new EvidenceHashes();
  private readonly openHashes = new Map<string, { since: number; contentOf: EvidenceContentOf }>();
  /** Push clients: the result id last pushed per URI. */
  private readonly pushed = new Map<string, string>();
  /** Push clients: the cross findings' hash last pushed per open document (its own are pushed by the server). */
  private readonly pushedCross = new Map<string, string>();
  /** Pull clients: the result id last answered per open document (a workspace pass that changes it asks a refresh). */
  private readonly answered = new Map<string, string>();
  private pushTimer?: NodeJS.Timeout;
  private refreshTimer?: NodeJS.Timeout;

  constructor(
    private readonly connection: Connection,
    private readonly facade: DossierFacade,
    private readonly host: WorkspaceHost,
  ) {}

  /** Whether the client pulls diagnostics (textDocument.diagnostic); otherwise they are pushed. */
  get pulls(): boolean {
    return this.pull;
  }

  /** Reads the client's capabilities and workspace folders; the capabilities the server adds. */
  initialize(params: InitializeParams): Partial<ServerCapabilities> {
    const capabilities = params.capabilities;
    this.pull = capabilities.textDocument?.diagnostic !== undefined;
    this.refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
    this.watchSupport = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.folderEvents = capabilities.workspace?.workspaceFolders === true;
    this.folders = onDisk(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: "" }] : []));
    return {
      diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
  }

  /** After `initialized`: watch the files; push clients get the workspace's diagnostics now. */
  initialized(): void {
    if (this.watchSupport)
      void this.connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          // every file: the dossiers and the evidence files beside them (one pattern, so a change comes once)
          watchers: [{ globPattern: "**/*" }],
        })
        .catch(() => undefined);
    // the connection reads the notification itself (its workspace-folders feature) when the client declares it
    if (this.folderEvents) this.connection.workspace.onDidChangeWorkspaceFolders((event) => this.foldersChanged(event));
    if (!this.pull && this.folders.length > 0) this.schedulePush();
  }

  listen(): void {
    this.connection.languages.diagnostics.on((params, token) => this.documentReport(params, token));
    this.connection.languages.diagnostics.onWorkspace((params, token) => this.workspaceReport(params, token));
  }

  /** The settings changed: everything is checked again. */
  settingsChanged(): void {
    this.visited.clear();
    for (const entry of this.entries.values()) entry.dirty = true;
    this.cross = undefined;
    this.changed();
  }

  /** A document was closed: its entry goes back to the text on disk (or goes, when it is not in the workspace). */
  closed(uri: string): void {
    this.openHashes.delete(uri);
    this.pushed.delete(uri);
    this.pushedCross.delete(uri);
    this.answered.delete(uri);
    const entry = this.entries.get(uri);
    if (!entry) return;
    if (entry.folder && this.searched.has(entry.folder.uri)) entry.dirty = true;
    else {
      this.entries.delete(uri);
      if (this.pull && entry.checked) this.removed.add(uri);
    }
    this.cross = undefined;
    this.changed();
  }

  /** Push clients: an open document's diagnostics — its own and the cross-dossier ones. */
  openDiagnostics(uri: string, open: OpenReport): Diagnostic[] {
    const entry = this.entryFor(uri);
    this.fromOpen(entry, open);
    // the other dossiers' cross findings may change with this one's
    if (this.entries.size > 1) this.schedulePush();
    this.pushedCross.set(uri, this.crossHashOf(entry));
    return this.diagnosticsOf(entry);
  }

  // ——— requests

  private async documentReport(
    params: DocumentDiagnosticParams,
    token: CancellationToken,
  ): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    const open = await this.host.openReport(uri);
    if (token.isCancellationRequested) throw cancelled();
    // a newer text is on its way: the client pulls again (LSP 3.17, DiagnosticServerCancellationData)
    if (!open && this.host.isOpen(uri))
      throw new ResponseError(LSPErrorCodes.ServerCancelled, "content modified", { retriggerRequest: true });
    let entry = this.entries.get(uri);
    if (open) {
      entry = this.entryFor(uri);
      this.fromOpen(entry, open);
    } else if (entry?.dirty) {
      entry.dirty = false;
      await this.check(entry);
    }
    if (!entry?.checked) return { kind: "full", items: [] };
    const resultId = this.resultIdOf(entry);
    this.answered.set(uri, resultId);
    if (params.previousResultId === resultId) return { kind: "unchanged", resultId };
    return { kind: "full", resultId, items: this.diagnosticsOf(entry) };
  }

  private async workspaceReport(
    params: WorkspaceDiagnosticParams,
    token: CancellationToken,
  ): Promise<WorkspaceDiagnosticReport> {
    await this.checkAll(token);
    const previous = new Map(params.previousResultIds.map((known) => [known.uri, known.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const entry of this.entries.values()) {
      if (!entry.checked || this.host.isOpen(entry.uri)) continue; // an open document is pulled on its own
      const resultId = this.resultIdOf(entry);
      if (previous.get(entry.uri) === resultId)
        items.push({ kind: "unchanged", uri: entry.uri, resultId, version: null });
      else items.push({ kind: "full", uri: entry.uri, resultId, version: null, items: this.diagnosticsOf(entry) });
    }
    for (const uri of this.removed) items.push({ kind: "full", uri, version: null, items: [] });
    this.removed.clear();
    // the open documents' cross findings may have changed with the workspace: they are pulled again
    for (const uri of this.host.openUris()) {
      const entry = this.entries.get(uri);
      if (entry?.checked && this.answered.has(uri) && this.answered.get(uri) !== this.resultIdOf(entry)) this.changed();
    }
    return { items };
  }

  // ——— the dossiers

  private entryFor(uri: string): Entry {
    let entry = this.entries.get(uri);
    if (!entry) {
      const parsed = URI.parse(uri);
      const file = parsed.scheme === "file" ? parsed.fsPath : undefined;
      entry = { uri, file, ...this.locate(uri, file), dirty: true };
      this.entries.set(uri, entry);
      this.removed.delete(uri); // found again: reported in full, not as removed
    }
    return entry;
  }

  /** A dossier's workspace folder (the innermost that holds it) and how the other dossiers' messages name it. */
  private locate(uri: string, file: string | undefined): { folder?: Folder; label: string } {
    if (!file) return { label: uri };
    let folder: Folder | undefined;
    for (const candidate of this.folders)
      if (isInside(candidate.path, file) && (!folder || isInside(folder.path, candidate.path))) folder = candidate;
    return { folder, label: folder ? path.relative(folder.path, file).split(path.sep).join("/") : path.basename(file) };
  }

  /** Forgets a dossier no longer in the workspace: the client's diagnostics for it are cleared (pull clients in the
   * next workspace report, push clients now), and the cross findings are made again without it. */
  private forget(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    this.entries.delete(uri);
    this.cross = undefined;
    if (this.pull) {
      if (entry.checked) this.removed.add(uri);
    } else if (this.pushed.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Whether a searched workspace folder other than `except` holds the file (nested workspace folders). */
  private searchedElsewhere(file: string, except?: string): boolean {
    return this.folders.some(
      (folder) => folder.uri !== except && this.searched.has(folder.uri) && isInside(folder.path, file),
    );
  }

  /** Searches the workspace folders not looked at yet — all of them at the start and after the settings change, an
   * added one — one search at a time: the dossiers of those whose setting is "workspace" become known, and the
   * dossiers no longer found in them are forgotten. */
  private scan(): Promise<void> {
    return (this.scanning ??= this.searchFolders().finally(() => (this.scanning = undefined)));
  }

  private async searchFolders(): Promise<void> {
    for (;;) {
      const folder = this.folders.find((candidate) => !this.visited.has(candidate.uri));
      if (!folder) return;
      this.visited.add(folder.uri);
      const { raw } = await this.host.scopeSettings(folder.uri);
      if (!this.folders.includes(folder)) continue; // removed meanwhile
      const found = new Set<string>();
      if (raw.workspaceDiagnostics === "workspace") {
        this.searched.add(folder.uri);
        const search = { locale: "en" as const, unlisted: () => undefined, maxEntries: MAX_SEARCHED_ENTRIES };
        for (const file of dossiersUnder(folder.path, search)) {
          const uri = URI.file(file).toString();
          found.add(uri);
          this.entryFor(uri);
        }
      } else this.searched.delete(folder.uri);
      for (const [uri, entry] of [...this.entries])
        if (
          entry.file &&
          isInside(folder.path, entry.file) &&
          !found.has(uri) &&
          !this.host.isOpen(uri) &&
          !(this.searchedElsewhere(entry.file, folder.uri) && statOrUndefined(entry.file))
        )
          this.forget(uri);
    }
  }

  /** Workspace folders added or removed (workspace/didChangeWorkspaceFolders). A removed folder's dossiers are
   * forgotten unless open or in another searched folder; an added folder is searched; every dossier's folder and
   * label follow; then the client is asked to pull again (push clients get what changed). */
  foldersChanged(event: WorkspaceFoldersChangeEvent): void {
    const removed = onDisk(event.removed);
    const gone = (folder: Folder): boolean => removed.some((candidate) => candidate.uri === folder.uri);
    const kept = this.folders.filter((folder) => !gone(folder));
    const added = onDisk(event.added).filter(
      (folder, index, all) =>
        !kept.some((known) => known.uri === folder.uri) && all.findIndex((other) => other.uri === folder.uri) === index,
    );
    this.folders = [...kept, ...added];
    for (const folder of removed) {
      this.searched.delete(folder.uri);
      this.visited.delete(folder.uri);
    }
    for (const folder of added) this.visited.delete(folder.uri);
    for (const [uri, entry] of [...this.entries]) {
      if (!entry.file) continue;
      const file = entry.file;
      if (
        removed.some((folder) => isInside(folder.path, file)) &&
        !this.host.isOpen(uri) &&
        !this.searchedElsewhere(file)
      ) {
        this.forget(uri);
        continue;
      }
      // a dossier named from another folder now: its facts (which carry the name) are made again
      const place = this.locate(uri, file);
      if (place.folder !== entry.folder || place.label !== entry.label) {
        entry.folder = place.folder;
        entry.label = place.label;
        entry.dirty = true;
        this.cross = undefined;
      }
    }
    void this.scan()
      .catch(() => undefined)
      .then(() => this.changed());
  }

  /** Checks every dossier marked dirty, one at a time, each after the open documents' pending work. */
  private async checkAll(token?: CancellationToken): Promise<void> {
    await this.scan();
    for (const entry of [...this.entries.values()]) {
      if (!entry.dirty) continue;
      await this.yieldToOpenDocuments();
      if (token?.isCancellationRequested) throw cancelled();
      if (!entry.dirty || this.entries.get(entry.uri) !== entry) continue;
      entry.dirty = false;
      await this.check(entry);
    }
  }

  private async yieldToOpenDocuments(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (this.host.openWorkPending()) await new Promise((resolve) => setTimeout(resolve, 2));
  }

  /** Checks a dossier: the open document's text when it is open, else the file on disk. */
  private async check(entry: Entry): Promise<void> {
    if (this.host.isOpen(entry.uri)) {
      const open = await this.host.openReport(entry.uri);
      if (open) this.fromOpen(entry, open);
      else entry.dirty = true; // a newer text is on its way: its own check comes
      return;
    }
    if (!entry.file) return;
    const { raw } = await this.host.scopeSettings(entry.folder?.uri ?? URI.file(path.dirname(entry.file)).toString());
    const settings = this.host.dossierSettings(entry.uri, raw);
    const folder = path.dirname(entry.file);
    const read = readDossierBytes(entry.file, settings.maxFileSizeBytes, settings.locale);
    const files = evidenceFilesIn(folder);
    let findings: Finding[] = [];
    let text = "";
    let report: DossierReport | undefined;
    if (read.kind === "too-large") findings = [fileSizeFinding(read.size, settings.maxFileSizeBytes)];
    else if (read.kind === "bytes") {
      const decoded = decodeDossierBytes(read.bytes);
      text = decoded.text;
      report = this.facade.validateText(text, settings, () => files.exists);
      findings = [...report.findings, ...decoded.findings];
    }
    this.keep(entry, findings, new LineIndex(text), report, settings, this.hashes.in(folder, files));
  }

  private fromOpen(entry: Entry, open: OpenReport): void {
    entry.dirty = false;
    const folder = entry.file ? path.dirname(entry.file) : undefined;
    let cached = this.openHashes.get(entry.uri);
    const now = performance.now();
    if (folder && (!cached || now - cached.since > OPEN_HASHES_MS)) {
      // the folder's answers: each evidence path looked up once while they are kept
      cached = { since: now, contentOf: this.hashes.in(folder) };
      this.openHashes.set(entry.uri, cached);
    }
    this.keep(entry, open.findings, open.lines, open.report, open.settings, cached?.contentOf);
  }

  private keep(
    entry: Entry,
    findings: Finding[],
    lines: LineIndex,
    report: DossierReport | undefined,
    settings: SessionSettings,
    contentOf: EvidenceContentOf | undefined,
  ): void {
    const edition = report?.edition ?? defaultEdition();
    const own = findings.map((finding) => toDiagnostic(finding, lines, entry.uri, edition, settings.locale));
    const makeFacts =
      report && !report.parsed.declined ? () => dossierFacts(entry.uri, entry.label, report, contentOf) : undefined;
    // a dossier not open is read once: its facts are made now, and its parse let go
    const open = this.host.isOpen(entry.uri);
    entry.checked = new Checked(own, lines, edition, settings.locale, makeFacts, report?.crossFinish);
    if (!open) void entry.checked.crossFacts;
    this.cross = undefined;
  }

  /** The cross-dossier findings of every dossier known, made again when some dossier's facts changed. */
  private crossFindings(): Map<string, Finding[]> {
    if (!this.cross) {
      const facts: DossierFacts[] = [];
      if (this.entries.size > 1)
        for (const entry of this.entries.values()) {
          const known = entry.checked?.crossFacts;
          if (known) facts.push(known);
        }
      this.crossRan = facts.length > 1;
      this.cross = this.crossRan ? crossDossierFindings(facts) : new Map();
    }
    return this.cross;
  }

  /** A dossier's cross-dossier findings with its severity overrides and its waivers of those checks applied. */
  private crossOf(entry: Entry): Finding[] {
    const found = this.crossFindings().get(entry.uri) ?? [];
    return finishCrossFindings(found, entry.checked?.crossFinish, this.crossRan);
  }

  private resultIdOf(entry: Entry): string {
    return `${entry.checked?.ownHash ?? ""}.${this.crossHashOf(entry)}`;
  }

  private crossHashOf(entry: Entry): string {
    const cross = this.crossOf(entry);
    return cross.length > 0 ? hashOf(cross) : "0";
  }

  private diagnosticsOf(entry: Entry): Diagnostic[] {
    const checked = entry.checked;
    if (!checked) return [];
    const cross = this.crossOf(entry);
    if (cross.length === 0) return checked.own;
    const otherLines = (uri: string): LineIndex | undefined => this.entries.get(uri)?.checked?.lines;
    return [
      ...checked.own,
      ...cross.map((finding) =>
        toDiagnostic(finding, checked.lines, entry.uri, checked.edition, checked.locale, otherLines),
      ),
    ];
  }

  // ——— files on disk

  filesChanged(params: DidChangeWatchedFilesParams): void {
    // Only a change that concerns a dossier makes the client pull again: other files of the workspace (a build's
    // output, an editor's state) change often, and every refresh re-draws every open dossier's diagnostics.
    let concerned = false;
    for (const change of params.changes) {
      const parsed = URI.parse(change.uri);
      if (parsed.scheme !== "file") continue;
      const file = parsed.fsPath;
      const uri = URI.file(file).toString();
      if (DOSSIER_NAME.test(path.basename(file))) {
        if (change.type === FileChangeType.Deleted) {
          if (!this.host.isOpen(uri)) this.forget(uri);
          this.cross = undefined;
          concerned = true;
        } else if (this.folders.some((folder) => this.searched.has(folder.uri) && isInside(folder.path, file))) {
          this.entryFor(uri).dirty = true;
          concerned = true;
        }
        continue;
      }
      // an evidence file (or a folder of them): the dossiers whose folder holds it are checked again
      this.hashes.forget(file);
      for (const entry of this.entries.values())
        if (entry.file && isInside(path.dirname(entry.file), file)) {
          entry.dirty = true;
          this.openHashes.delete(entry.uri);
          concerned = true;
        }
    }
    if (concerned) this.changed();
  }

  /** Something changed: pull clients are asked to pull again, push clients get the new diagnostics. */
  private changed(): void {
    if (!this.pull) return this.schedulePush();
    if (!this.refreshSupport) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(
      () => void this.connection.languages.diagnostics.refresh().catch(() => undefined),
      50,
    );
  }

  // ——— push clients

  private schedulePush(): void {
    clearTimeout(this.pushTimer);
    this.pushTimer = setTimeout(() => void this.push().catch(() => undefined), 100);
  }

  /** Pushes the diagnostics that changed: of the dossiers not open, and the open ones whose cross findings did. */
  private async push(): Promise<void> {
    for (const uri of this.host.openUris()) if (!this.entries.has(uri)) this.entryFor(uri);
    await this.checkAll();
    for (const entry of this.entries.values()) {
      if (!entry.checked) continue;
      if (this.host.isOpen(entry.uri)) {
        // an open document's own diagnostics are pushed by the server: again only when its cross findings changed
        if (this.pushedCross.get(entry.uri) !== this.crossHashOf(entry)) this.host.republish(entry.uri);
        continue;
      }
      const resultId = this.resultIdOf(entry);
      if (this.pushed.get(entry.uri) === resultId) continue;
      this.pushed.set(entry.uri, resultId);
      void this.connection.sendDiagnostics({ uri: entry.uri, diagnostics: this.diagnosticsOf(entry) });
    }
  }
}
