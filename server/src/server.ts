// The language server: thin wiring of LSP requests to the core. An opened document is validated at once, edits are
// debounced per document, and a result is never published for a text older than the one already published. The
// text validated, hovered and completed is always the latest the client sent: caches are keyed by the text held and
// texts are ordered as they arrive, never by the version numbers the client gives (a second didOpen, or a repeated
// or decreasing version, must not bring back an older text's results).
import {
  CancellationToken,
  CodeAction,
  CodeActionKind,
  CompletionItem,
  CompletionItemKind,
  Connection,
  DocumentSymbol,
  FoldingRange,
  InitializeParams,
  InitializeResult,
  InsertTextFormat,
  InsertTextMode,
  Location,
  LSPErrorCodes,
  MarkupKind,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { URI, Utils } from "vscode-uri";
import { quickFixes } from "./core/code-actions";
import { complete } from "./core/completion";
import { definition } from "./core/definition";
import { foldingRanges } from "./core/folding";
import { hover } from "./core/hover";
import { normalizeLocale } from "./core/l10n/render";
import { LineIndex } from "./core/line-index";
import { evidenceLinks } from "./core/links";
import { IncrementalParser } from "./core/incremental";
import { createLanguageService, DossierReport } from "./core/service";
import { Deadline } from "./core/limits";
import { withParseDeadline } from "./core/parse";
import { renderSpecDocument, specUri } from "./core/spec-document";
import { newDossierText } from "./core/skeleton";
import { documentSymbols, OutlineSymbol } from "./core/symbols";
import type { Locale } from "./core/types";
import { allEditions, defaultEdition, findEdition, Level } from "./core/edition";
import { toDiagnostic, toRange } from "./lsp/convert";
import { byteLength, exceedsBytes } from "./node/text-size";
import { evidenceExistsIn } from "./node/evidence-files";
import { EvidenceAnswers } from "./node/evidence-answers";
import { DEFAULT_SETTINGS, DossierSettings, readSettingsChecked, settingProblemMessage } from "./settings";
import { todayIso } from "./node/today";
import { REQUESTS } from "./lsp/requests";
import { checklistAnswer } from "./lsp/checklist-answer";
import { RULES } from "./core/rules";
import type { Rule } from "./core/rules/rule";

const DEBOUNCE_MS = 50;
/**
 * How long the server waits for the client's answer to workspace/configuration before it checks with the default
 * settings: a client that never answers must not leave its documents unchecked. Editors answer within milliseconds;
 * a few seconds leave room for a busy one.
 */
const CONFIGURATION_TIMEOUT_MS = 3000;

/**
 * TEST ONLY: extra rules from the CommonJS module named by the environment variable ISV_DOSSIER_TEST_RULES (the
 * reliability tests inject a throwing and a slow rule, test/support/trap-rules.cjs). Unset in normal use.
 */
function testOnlyRules(): Rule[] {
  const modulePath = process.env.ISV_DOSSIER_TEST_RULES;
  if (!modulePath) return [];
  return (require(modulePath) as { rules: Rule[] }).rules;
}

/** Lets messages that are already waiting (a newer change, a cancellation) be read before work starts. */
function yieldToPendingMessages(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

interface CachedReport {
  /** The text the report is of (compared by value: the same version number may come with another text). */
  text: string;
  settingsKey: string;
  report: DossierReport;
}

export function startServer(connection: Connection): void {
  // A library's warning may quote a document (yaml: "Keys with collection values will be stringified: …"). Node
  // would print it to stderr; the server writes only its kind and code.
  process.removeAllListeners("warning");
  process.on("warning", (warning: Error & { code?: string }) => process.stderr.write(`isv-dossier-server: ${warning.name} ${warning.code ?? ""}\n`));
  const documents = new TextDocuments(TextDocument);
  const reports = new Map<string, CachedReport>();
  /** Per open document: the incremental parse that reuses what an edit did not change. */
  const sessions = new Map<string, IncrementalParser>();
  /** Per open document: the line index of its current text (hover and completion must not rebuild it). */
  const lineIndexes = new Map<string, { text: string; lines: LineIndex }>();
  /** Per open document: which text it holds, counted in order of arrival over all documents (each didOpen and didChange). */
  const generations = new Map<string, number>();
  let lastGeneration = 0;

  /** Per open document: which evidence files exist (node/evidence-answers.ts). */
  const evidenceAnswers = new EvidenceAnswers();

  function linesOf(document: TextDocument): LineIndex {
    const cached = lineIndexes.get(document.uri);
    const text = document.getText();
    if (cached && cached.text === text) return cached.lines;
    const lines = new LineIndex(text);
    lineIndexes.set(document.uri, { text, lines });
    return lines;
  }
  const timers = new Map<string, NodeJS.Timeout>();
  /** Per open document: the generation whose diagnostics were published last. */
  const publishedGenerations = new Map<string, number>();
  const settingsByUri = new Map<string, DossierSettings>();
  let clientLocale: Locale = "en";
  let initializationLocale: string | undefined;
  let supportsConfiguration = false;
  const rules = testOnlyRules().length > 0 ? [...RULES, ...testOnlyRules()] : undefined;

  function localeFor(settings: DossierSettings): Locale {
    return settings.locale === "auto" ? clientLocale : settings.locale;
  }

  /** The bad setting values already shown to the user (each once, for the life of the server). */
  const toldSettingProblems = new Set<string>();

  /** The settings of the client's answer, its bad values told to the user (each once). */
  function settingsFromAnswer(raw: unknown): DossierSettings {
    const read = readSettingsChecked(raw);
    for (const problem of read.problems) {
      const key = `${problem.setting}\u0000${problem.value}`;
      if (toldSettingProblems.has(key)) continue;
      toldSettingProblems.add(key);
      // A notification (window/showMessage): nothing to answer, so a client that never answers holds nothing up.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: settingProblemMessage(problem, localeFor(read.settings)) });
    }
    return read.settings;
  }

  /** Per document: the question to the client under way (validation and requests wait for the same answer). */
  const pendingSettings = new Map<string, Promise<DossierSettings>>();
  /** Counts didChangeConfiguration: an answer to a question asked before the last one is not kept. */
  let configurationEpoch = 0;

  function settingsFor(uri: string): Promise<DossierSettings> {
    const cached = settingsByUri.get(uri);
    if (cached) return Promise.resolve(cached);
    let pending = pendingSettings.get(uri);
    if (!pending) {
      pending = askSettings(uri);
      pendingSettings.set(uri, pending);
    }
    return pending;
  }

  async function askSettings(uri: string): Promise<DossierSettings> {
    const epoch = configurationEpoch;
    let settings = DEFAULT_SETTINGS;
    if (supportsConfiguration) {
      const asked = connection.workspace.getConfiguration({ scopeUri: uri, section: "isvDossier" });
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<"timed out">((resolve) => (timer = setTimeout(() => resolve("timed out"), CONFIGURATION_TIMEOUT_MS)));
      const answer = await Promise.race([asked.then((raw) => ({ raw }), () => undefined), timedOut]);
      clearTimeout(timer);
      if (answer === "timed out") {
        // Checked with the defaults now; an answer that comes later is used from then on.
        void asked.then(
          (raw) => {
            if (epoch !== configurationEpoch || !documents.get(uri)) return;
            settingsByUri.set(uri, settingsFromAnswer(raw));
            reports.delete(uri);
            schedule(uri);
          },
          () => undefined,
        );
      } else if (answer !== undefined) {
        settings = settingsFromAnswer(answer.raw);
      }
    }
    if (pendingSettings.get(uri) !== undefined && epoch === configurationEpoch) {
      pendingSettings.delete(uri);
      settingsByUri.set(uri, settings);
    }
    return settings;
  }

  function reportFor(document: TextDocument, settings: DossierSettings): DossierReport {
    const settingsKey = JSON.stringify(settings);
    const cached = reports.get(document.uri);
    const text = document.getText();
    if (cached && cached.text === text && cached.settingsKey === settingsKey) return cached.report;
    const uri = URI.parse(document.uri);
    const folder = uri.scheme === "file" ? Utils.dirname(uri).fsPath : undefined;
    const budget = { limitMs: settings.timeBudgetMs, now: () => performance.now() };
    const service = createLanguageService({
      locale: localeFor(settings),
      today: todayIso(),
      evidenceExists: settings.checkEvidence && folder ? evidenceAnswers.for(document.uri, folder) : undefined,
      leaseWarningMonths: settings.leaseWarningMonths,
      severityOverrides: settings.severity,
      timeBudget: budget,
      rules,
    });
    let session = sessions.get(document.uri);
    if (!session) sessions.set(document.uri, (session = new IncrementalParser()));
    const parser = session;
    // The budget counts from before parsing: the first diagnostics of any text come within it plus a constant.
    const deadline = new Deadline(budget);
    const report = service.validateParsed(
      withParseDeadline(deadline, () => parser.update(text)),
      deadline,
    );
    reports.set(document.uri, { text, settingsKey, report });
    return report;
  }

  async function validateAndPublish(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const generation = generations.get(uri) ?? 0;
    const settings = await settingsFor(uri);
    await yieldToPendingMessages();
    const current = documents.get(uri);
    if (current !== document || generations.get(uri) !== generation) return; // a newer text is on its way: no work for this one
    if ((publishedGenerations.get(uri) ?? -1) > generation) return;
    const version = document.version;
    const locale = localeFor(settings);
    const lines = linesOf(document);
    let diagnostics;
    if (exceedsBytes(document.getText(), settings.maxFileSizeBytes)) {
      diagnostics = [tooLargeDiagnostic(document, settings, locale)];
    } else {
      const report = reportFor(document, settings);
      diagnostics = report.findings.map((finding) => toDiagnostic(finding, lines, uri, report.edition, locale));
    }
    publishedGenerations.set(uri, generation);
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function tooLargeDiagnostic(document: TextDocument, settings: DossierSettings, locale: Locale) {
    const size = byteLength(document.getText());
    return {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 3 as const,
      code: "limits.file-size",
      source: "isv-dossier",
      message:
        locale === "zh-cn"
          ? `文件过大（${size} 字节，上限 ${settings.maxFileSizeBytes}），未检查。可在设置 isvDossier.maxFileSizeBytes 中调整上限。`
          : `File too large to check (${size} bytes, limit ${settings.maxFileSizeBytes}); the setting isvDossier.maxFileSizeBytes sets the limit.`,
    };
  }

  function schedule(uri: string): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validateAndPublish(uri).catch(() => undefined);
      }, DEBOUNCE_MS),
    );
  }

  function validateNow(uri: string): void {
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    void validateAndPublish(uri).catch(() => undefined);
  }

  /** The report for a request, or undefined for documents that are unknown, too large or declined (binary, too deep).
   * A request cancelled, or whose document changed, before its work starts does no work (RequestCancelled,
   * ContentModified). */
  async function requestReport(uri: string, token?: CancellationToken): Promise<{ report: DossierReport; document: TextDocument; locale: Locale } | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const generation = generations.get(uri);
    const settings = await settingsFor(uri);
    await yieldToPendingMessages();
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, "cancelled");
    if (documents.get(uri) !== document || generations.get(uri) !== generation) throw new ResponseError(LSPErrorCodes.ContentModified, "content modified");
    if (exceedsBytes(document.getText(), settings.maxFileSizeBytes)) return undefined;
    const report = reportFor(document, settings);
    if (report.parsed.declined) return undefined;
    return { report, document, locale: localeFor(settings) };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as { locale?: string };
    initializationLocale = options.locale ?? params.locale;
    clientLocale = normalizeLocale(initializationLocale);
    supportsConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [":", " ", "-", "["] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: "isv-dossier" },
    };
  });

  connection.onDidChangeConfiguration(() => {
    configurationEpoch++;
    pendingSettings.clear();
    settingsByUri.clear();
    reports.clear();
    for (const document of documents.all()) schedule(document.uri);
  });

  // An opened document is validated at once (its first diagnostics are what the user waits for); edits are debounced.
  // TextDocuments reports an open as a change of content too, right after it: that one is skipped. Opening a document
  // that is open already starts it afresh (whatever version it comes with).
  const justOpened = new Set<string>();
  documents.onDidOpen((event) => {
    const uri = event.document.uri;
    generations.set(uri, ++lastGeneration);
    sessions.delete(uri);
    reports.delete(uri);
    lineIndexes.delete(uri);
    justOpened.add(uri);
    validateNow(uri);
  });
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    if (justOpened.delete(uri)) return;
    generations.set(uri, ++lastGeneration);
    schedule(uri);
  });
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri));
    timers.delete(event.document.uri);
    reports.delete(event.document.uri);
    sessions.delete(event.document.uri);
    lineIndexes.delete(event.document.uri);
    evidenceAnswers.forget(event.document.uri);
    settingsByUri.delete(event.document.uri);
    pendingSettings.delete(event.document.uri);
    publishedGenerations.delete(event.document.uri);
    generations.delete(event.document.uri);
    justOpened.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onHover(async (params, token) => {
    const context = await requestReport(params.textDocument.uri, token);
    if (!context) return null;
    const offset = context.document.offsetAt(params.position);
    const result = hover(context.report, offset, context.locale);
    if (!result) return null;
    const lines = linesOf(context.document);
    return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(lines, result.range) };
  });

  connection.onCompletion(async (params, token) => {
    const context = await requestReport(params.textDocument.uri, token);
    if (!context) return [];
    const lines = linesOf(context.document);
    const offset = context.document.offsetAt(params.position);
    return complete(context.report, offset, context.locale).map((entry): CompletionItem => ({
      label: entry.label,
      kind: entry.kind === "key" ? CompletionItemKind.Property : entry.kind === "snippet" ? CompletionItemKind.Snippet : CompletionItemKind.EnumMember,
      detail: entry.detail,
      documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
      insertTextFormat: entry.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      // multi-line insert texts carry their own indentation; the client must not re-indent them
      insertTextMode: InsertTextMode.asIs,
      filterText: entry.filterText,
      sortText: entry.sortText,
      ...(entry.replaceRange
        ? { textEdit: { range: toRange(lines, entry.replaceRange), newText: entry.insertText } }
        : { insertText: entry.insertText }),
    }));
  });

  connection.onDocumentSymbol(async (params, token) => {
    const context = await requestReport(params.textDocument.uri, token);
    if (!context) return [];
    const lines = new LineIndex(context.document.getText());
    const convert = (symbol: OutlineSymbol): DocumentSymbol => ({
      name: symbol.name,
      detail: symbol.detail,
      kind: symbol.kind === "section" ? SymbolKind.Module : symbol.kind === "list" ? SymbolKind.Array : symbol.kind === "item" ? SymbolKind.Object : SymbolKind.Field,
      range: toRange(lines, symbol.range),
      selectionRange: toRange(lines, symbol.selectionRange),
      children: symbol.children.map(convert),
    });
    return documentSymbols(context.report, context.locale).map(convert);
  });

  connection.onFoldingRanges(async (params, token) => {
    const context = await requestReport(params.textDocument.uri, token);
    if (!context) return [];
    const lines = new LineIndex(context.document.getText());
    return foldingRanges(context.report)
      .map((range): FoldingRange => ({ startLine: lines.positionAt(range.start).line, endLine: lines.positionAt(range.end).line }))
      .filter((range) => range.endLine > range.startLine);
  });

  connection.onDocumentLinks(async (params, token) => {
    const context = await requestReport(params.textDocument.uri, token);
    if (!context) return [];
    const uri = URI.parse(params.textDocument.uri);
    const lines = new LineIndex(context.document.getText());
    const folder = Utils.dirname(uri);
    // On disk, a link leads only to an existing file that stays inside the folder once symbolic links are resolved.
    const insideFolder = uri.scheme === "file" ? evidenceExistsIn(folder.fsPath) : () => true;
    return evidenceLinks(context.report).filter((link) => insideFolder(link.path)).map((link) => ({
      range: toRange(lines, link.range),
      target: Utils.joinPath(folder, ...link.path.split("/")).toString(),
    }));
  });

  connection.onDefinition(async (params, token) => {
    const context = await requestReport(params.textDocument.uri, token);
    if (!context) return null;
    const offset = context.document.offsetAt(params.position);
    const target = definition(context.report, offset, context.locale);
    if (!target) return null;
    if (target.kind === "person") {
      const lines = new LineIndex(context.document.getText());
      return Location.create(params.textDocument.uri, toRange(lines, target.range));
    }
    const spec = renderSpecDocument(context.report.edition, context.locale);
    return Location.create(target.uri, toRange(new LineIndex(spec.text), target.range));
  });

  connection.onCodeAction(async (params, token) => {
    const context = await requestReport(params.textDocument.uri, token);
    if (!context) return [];
    const lines = new LineIndex(context.document.getText());
    const range = { start: context.document.offsetAt(params.range.start), end: context.document.offsetAt(params.range.end) };
    return quickFixes(context.report, range, context.locale).map(
      (fix): CodeAction => ({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        isPreferred: fix.preferred,
        diagnostics: params.context.diagnostics.filter((diagnostic) => {
          const start = context.document.offsetAt(diagnostic.range.start);
          return start === fix.finding.range.start;
        }),
        edit: {
          changes: {
            [params.textDocument.uri]: fix.edits.map((edit) => ({ range: toRange(lines, edit.range), newText: edit.newText })),
          },
        },
      }),
    );
  });

  connection.onRequest(REQUESTS.specDocument, (params: { edition?: string; locale?: string }) => {
    const edition = findEdition(params.edition) ?? defaultEdition();
    const locale = params.locale ? normalizeLocale(params.locale) : clientLocale;
    const spec = renderSpecDocument(edition, locale);
    const lines = new LineIndex(spec.text);
    const anchors: { [clauseId: string]: number } = {};
    for (const [clauseId, range] of Object.entries(spec.anchors)) anchors[clauseId] = lines.positionAt(range.start).line;
    return { uri: specUri(edition), text: spec.text, anchors };
  });

  connection.onRequest(REQUESTS.editions, () =>
    allEditions().map((edition) => ({
      id: edition.id,
      slug: edition.slug,
      title: edition.title,
      categories: Object.entries(edition.categories).map(([id, category]) => ({ id, label: category.label, classes: Object.keys(category.classes ?? {}) })),
      clauses: edition.clauses.map((clause) => ({ id: clause.id, parent: clause.parent, title: clause.title, provenance: clause.provenance })),
    })),
  );

  connection.onRequest(REQUESTS.newDossier, (params: { category: string; level: Level; drClass?: string; locale?: string; edition?: string }) => {
    const edition = findEdition(params.edition) ?? defaultEdition();
    return newDossierText({
      edition,
      category: params.category,
      level: params.level,
      drClass: params.drClass,
      locale: params.locale ? normalizeLocale(params.locale) : clientLocale,
      date: todayIso(),
    });
  });

  connection.onRequest(REQUESTS.checklist, async (params: { uri: string }, token) => {
    const context = await requestReport(params.uri, token);
    if (!context) return null;
    return checklistAnswer(context.report, context.document.getText(), params.uri, context.locale);
  });

  // The Word self-assessment table (base64): the `docx` package is loaded on the first export, not at start.
  connection.onRequest(REQUESTS.checklistDocx, async (params: { uri: string }, token) => {
    const context = await requestReport(params.uri, token);
    if (!context) return null;
    const { checklistDocxBytes } = require("./cli/checklist-docx") as typeof import("./cli/checklist-docx");
    return { base64: Buffer.from(await checklistDocxBytes(context.report, context.locale)).toString("base64") };
  });

  documents.listen(connection);
  connection.listen();
}
