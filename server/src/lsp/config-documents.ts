// The configuration files (isv-dossier.config.yaml) in the language server: an open one is checked on every change
// (diagnostics, hovers, completion: core/check/config, core/features/config-assist.ts); a dossier's settings are the
// editor's under the file that governs it (node/config-files.ts finds it; core/check/config/effective-config.ts
// merges); a file found on disk with problems gets its diagnostics too. When a configuration file changes — an open
// one edited, or one on disk created, changed or deleted (workspace/didChangeWatchedFiles, registered here) —
// every open dossier is checked again.
import {
  Connection,
  DidChangeWatchedFilesNotification,
  DidChangeWatchedFilesParams,
  InitializeParams,
  MessageType,
  ShowMessageNotification,
  TextDocumentPositionParams,
  CompletionItem,
  Hover,
} from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { URI, Utils } from "vscode-uri";
import { defaultEdition } from "../core/catalog/edition";
import { checkConfigText, ConfigReport } from "../core/check/config/config-check";
import type { DossierSettings } from "../core/check/config/config-model";
import { effectiveConfiguration, EffectiveConfiguration } from "../core/check/config/effective-config";
import { configCompletion, configHover } from "../core/features/config-assist";
import { LineIndex } from "../core/parse/line-index";
import type { Locale } from "../core/types";
import { CONFIG_FILE_NAME, ConfigFiles, isConfigFileName } from "../node/config-files";
import { toCompletionItem, toDiagnostic, toHover } from "./convert";

interface OpenConfig {
  file: string;
  report: ConfigReport;
  lines: LineIndex;
}

/** The file system path of a `file:` URI, else undefined. */
function filePath(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === "file" ? parsed.fsPath : undefined;
}

export class ConfigDocuments {
  private readonly open = new Map<string, OpenConfig>();
  private readonly files = new ConfigFiles((file) => this.openFile(file)?.report);
  /** Configuration files on disk (not open) whose diagnostics were published. */
  private readonly publishedFromDisk = new Set<string>();
  private readonly told = new Set<string>();
  private watchFiles = false;

  constructor(
    private readonly connection: Connection,
    /** The editor's language: its settings' choice (undefined: none, "auto"), and its display language. */
    private readonly editorLocale: () => { chosen?: Locale; display: Locale },
    /** Checks every open dossier again. */
    private readonly dossiersChanged: () => void,
  ) {}

  /** Whether a document is a configuration file (by its name). */
  handles(uri: string): boolean {
    return isConfigFileName(URI.parse(uri).path);
  }

  initialize(params: InitializeParams): void {
    this.watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  }

  /** After `initialized`: watch the configuration files (the connection has one `initialized` handler: server.ts). */
  initialized(): void {
    if (!this.watchFiles) return;
    void this.connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] })
      .catch(() => undefined);
  }

  /** Files changed on disk (the connection has one handler for them: server.ts gives each its part). */
  filesChanged(params: DidChangeWatchedFilesParams): void {
    if (params.changes.some((change) => this.handles(change.uri))) this.changedOnDisk();
  }

  /** An open configuration file's text changed (or it was opened). */
  changed(document: TextDocument): void {
    const uri = document.uri;
    const file = filePath(uri) ?? uri;
    const report = checkConfigText(document.getText(), file);
    const lines = new LineIndex(report.parsed.text);
    this.open.set(uri, { file, report, lines });
    this.publishedFromDisk.delete(uri);
    this.publish(uri, report, lines, document.version);
    this.files.forget();
    this.dossiersChanged();
  }

  closed(uri: string): void {
    this.open.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.files.forget();
    this.dossiersChanged();
  }

  /** The effective configuration of a dossier: the editor's settings under its configuration file, if any. */
  effective(dossierUri: string, editor: DossierSettings): EffectiveConfiguration {
    const path = filePath(dossierUri);
    const file = path === undefined ? undefined : this.files.fileFor(Utils.dirname(URI.file(path)).fsPath);
    if (file === undefined) return effectiveConfiguration(editor, "editor");
    const read = this.files.read(file);
    if (read.kind === "unreadable") {
      this.tellUnreadable(file, read.reason);
      return effectiveConfiguration(editor, "editor");
    }
    const uri = URI.file(file).toString();
    if (!this.open.has(uri) && !this.publishedFromDisk.has(uri) && read.report.findings.length > 0) {
      this.publishedFromDisk.add(uri);
      this.publish(uri, read.report, new LineIndex(read.report.parsed.text));
    }
    return effectiveConfiguration(editor, "editor", read.report);
  }

  hover(params: TextDocumentPositionParams): Hover | null {
    const open = this.open.get(params.textDocument.uri);
    if (!open) return null;
    const result = configHover(open.report, open.lines.offsetAt(params.position), this.localeOf(open.report));
    return result ? toHover(result, open.lines) : null;
  }

  complete(params: TextDocumentPositionParams): CompletionItem[] {
    const open = this.open.get(params.textDocument.uri);
    if (!open) return [];
    return configCompletion(
      open.report.parsed.text,
      open.lines.offsetAt(params.position),
      this.localeOf(open.report),
    ).map((entry) => toCompletionItem(entry, open.lines));
  }

  private openFile(file: string): OpenConfig | undefined {
    for (const open of this.open.values()) if (open.file === file) return open;
    return undefined;
  }

  private changedOnDisk(): void {
    for (const uri of this.publishedFromDisk) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.publishedFromDisk.clear();
    this.files.forget();
    this.dossiersChanged();
  }

  /** The language of a configuration file's messages: as for its dossiers (effective-config.ts), the editor's
   * settings' choice, else the file's, else the editor's display language. */
  private localeOf(report: ConfigReport): Locale {
    const { chosen, display } = this.editorLocale();
    const file = report.settings.locale;
    return chosen ?? (file === "en" || file === "zh-cn" ? file : display);
  }

  private publish(uri: string, report: ConfigReport, lines: LineIndex, version?: number): void {
    const locale = this.localeOf(report);
    const diagnostics = report.findings.map((finding) => toDiagnostic(finding, lines, uri, defaultEdition(), locale));
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  private tellUnreadable(file: string, reason: string): void {
    const key = `${file}\u0000${reason}`;
    if (this.told.has(key)) return;
    this.told.add(key);
    const message =
      (this.editorLocale().chosen ?? this.editorLocale().display) === "zh-cn"
        ? `无法读取配置文件 ${file}（${reason}），已按编辑器设置检查。`
        : `The configuration file ${file} cannot be read (${reason}); dossiers are checked with the editor's settings.`;
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }
}
