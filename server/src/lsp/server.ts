// The language server: wiring of LSP to the core's façade (core/facade/facade.ts). Each open document has one state: its
// session (core/facade/session.ts: the latest text, line index, incremental parse, last report), its settings, its debounce
// timer; closing it forgets that one entry. An opened document is validated at once, edits are debounced per
// document, and a result is never published for a text older than the one already published. The text validated,
// hovered and completed is always the latest the client sent: texts are ordered as they arrive, never by the version
// numbers the client gives (a second didOpen, or a repeated or decreasing version, must not bring back an older
// text's results). Every conversion to LSP types is in lsp/convert.ts. The connection has one handler for
// `initialized` and one for watched files: each calls the workspace's part first, then the configuration files'.
// Diagnostics are pulled by clients that can and pushed to the others, and the workspace's dossiers not open are
// checked too: lsp/workspace.ts.
import {
  CancellationToken,
  CodeActionKind,
  Connection,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  MessageType,
  Position,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { URI, Utils } from "vscode-uri";
import { normalizeLocale } from "../core/check/render";
import { DossierFacade, SessionSettings } from "../core/facade/facade";
import type { DossierSession } from "../core/facade/session";
import { fileSizeFinding } from "../core/parse/limits";
import { newDossierSnippet, newDossierText } from "../core/features/skeleton";
import type { Locale } from "../core/types";
import { defaultEdition, findEdition } from "../core/catalog/edition";
import {
  toCodeActions,
  toCompletionItem,
  toDefinitionLocation,
  toDocumentLinks,
  toDocumentSymbol,
  toEditionsAnswer,
  toFoldingRanges,
  toHover,
  toSpecDocumentAnswer,
  toWaiveCodeActions,
} from "./convert";
import { byteLength, exceedsBytes } from "../node/text-size";
import { evidenceExistsIn } from "../node/evidence-files";
import { EvidenceAnswers } from "../node/evidence-answers";
import { DEFAULT_SETTINGS, DossierSettings, readSettingsChecked, settingProblemMessage } from "./settings";
import { todayIso } from "../node/today";
import {
  CheckedDocumentParams,
  ChecklistMarkdownParams,
  NewDossierParams,
  REQUESTS,
  SpecDocumentParams,
} from "./requests";
import { checklistAnswer, checklistMarkdown } from "./checklist-answer";
import { listenToDiffRequests } from "./diff-request";
import { ConfigDocuments } from "./config-documents";
import { effectiveConfiguration, EffectiveConfiguration } from "../core/check/config/effective-config";
import { OpenReport, Workspace } from "./workspace";
import { RULES } from "../core/check/rules";
import { listenToNavigation, NAVIGATION_CAPABILITIES } from "./navigation";
import { EvidenceListings } from "../node/evidence-listing";
import type { Rule } from "../core/check/rules/rule";

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

/** An open document: its session (text, line index, parse, report), its settings and its pending validation. */
interface DocumentState {
  session: DossierSession;
  /** The settings the client answered with (undefined until it has). */
  settings?: DossierSettings;
  /** The question to the client under way (validation and requests wait for the same answer). */
  pendingSettings?: Promise<DossierSettings>;
  /** The debounced validation. */
  timer?: NodeJS.Timeout;
  /** The arrival of the text whose diagnostics were published last. */
  published: number;
  /** TextDocuments reports an open as a change of content too, right after it: that one is skipped. */
  justOpened: boolean;
  /** Which evidence files exist (node/evidence-answers.ts). */
  evidenceAnswers: EvidenceAnswers;
}

/**
 * A library's warning may quote a document (yaml: "Keys with collection values will be stringified: …"). Node would
 * print it to stderr; the server writes only its kind and code.
 */
function quietWarnings(): void {
  process.removeAllListeners("warning");
  process.on("warning", (warning: Error & { code?: string }) =>
    process.stderr.write(`isv-dossier-server: ${warning.name} ${warning.code ?? ""}\n`),
  );
}

/**
 * The session a request works on. A request cancelled, or whose document changed, before its work starts does no
 * work (RequestCancelled, ContentModified); documents too large or declined (binary, too deep) get no answer.
 */
function requestSessionOf(
  latest: (
    uri: string,
  ) => Promise<{ state: DocumentState; settings: SessionSettings; document: TextDocument; fresh: boolean } | undefined>,
  facade: DossierFacade,
): RequestSession {
  return async (uri, token) => {
    const context = await latest(uri);
    if (!context) return undefined;
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, "cancelled");
    if (!context.fresh) throw new ResponseError(LSPErrorCodes.ContentModified, "content modified");
    const {
      state: { session },
      settings: answer,
      document,
    } = context;
    if (exceedsBytes(session.text, answer.maxFileSizeBytes) || facade.validate(session, answer).parsed.declined)
      return undefined;
    return { session, settings: answer, document };
  };
}

/** The settings a session is checked with: the editor's under the configuration file, if one governs it, with its
 * file-form waivers, which the key must include. */
function sessionSettings(
  { settings, waivers }: EffectiveConfiguration,
  clientLocale: Locale,
  dossierPath?: string,
): SessionSettings {
  return {
    key: JSON.stringify([settings, waivers, dossierPath]),
    dossierPath,
    waivers,
    locale: settings.locale === "auto" ? clientLocale : settings.locale,
    leaseWarningMonths: settings.leaseWarningMonths,
    severityOverrides: settings.severity,
    checkEvidence: settings.checkEvidence,
    showEnglish: settings.showEnglish,
    maxFileSizeBytes: settings.maxFileSizeBytes,
    timeBudget: { limitMs: settings.timeBudgetMs, now: () => performance.now() },
  };
}

/** A document's file path, for the file-form waivers' `dossier` globs; undefined when it is not on disk. */
function filePathOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === "file" ? parsed.fsPath : undefined;
}

/** Which evidence files exist beside a document on disk (none are looked for elsewhere). */
function evidenceAnswersOf(
  uri: string,
  answers: EvidenceAnswers,
): () => ((relativePath: string) => boolean) | undefined {
  const parsed = URI.parse(uri);
  const folder = parsed.scheme === "file" ? Utils.dirname(parsed).fsPath : undefined;
  return () => (folder ? answers.for(uri, folder) : undefined);
}

/** On disk, a link leads only to an existing file that stays inside the folder once symbolic links are resolved. */
function linkable(uri: string): (relativePath: string) => boolean {
  const parsed = URI.parse(uri);
  return parsed.scheme === "file" ? evidenceExistsIn(Utils.dirname(parsed).fsPath) : () => true;
}

const listings = new EvidenceListings();

/** The files beside a document on disk, for evidence completion (none for a document not on disk). */
function evidenceFilesOf(uri: string): (() => readonly string[]) | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === "file" ? () => listings.of(Utils.dirname(parsed).fsPath) : undefined;
}

const CAPABILITIES: InitializeResult["capabilities"] = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  hoverProvider: true,
  completionProvider: { triggerCharacters: [":", " ", "-", "["] },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  documentLinkProvider: { resolveProvider: false },
  definitionProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  ...NAVIGATION_CAPABILITIES,
};

/** The server's capabilities with the workspace's (lsp/workspace.ts), their `workspace` parts merged. */
function capabilitiesWith(own: InitializeResult["capabilities"]): InitializeResult["capabilities"] {
  return { ...CAPABILITIES, ...own, workspace: { ...CAPABILITIES.workspace, ...own.workspace } };
}

/**
 * The documents' settings: asked of the client (workspace/configuration, section "isvDossier") once per document and
 * kept in its state until didChangeConfiguration; a client that does not answer within CONFIGURATION_TIMEOUT_MS
 * leaves the document checked with the defaults, and an answer that comes later is used from then on. Bad values
 * are told to the user, each once for the life of the server.
 */
class ClientSettings {
  supportsConfiguration = false;
  clientLocale: Locale = "en";
  /** The language the editor's settings chose last ("auto": none), for the configuration files' messages. */
  editorLocale: DossierSettings["locale"] = "auto";
  /** Counts didChangeConfiguration: an answer to a question asked before the last one is not kept. */
  private epoch = 0;
  private readonly told = new Set<string>();
  private readonly scopes = new Map<string, Promise<{ raw: DossierSettings; session: SessionSettings }>>();

  constructor(
    private readonly connection: Connection,
    private readonly states: Map<string, DocumentState>,
    /** Validates a document again (its settings came late). */
    private readonly revalidate: (uri: string) => void,
    /** The configuration file under which the editor's settings are used (config-documents.ts). */
    private readonly configs: ConfigDocuments,
  ) {}

  /** A document's settings, once the client has answered (or not in time), under its configuration file. */
  async for(uri: string, state: DocumentState): Promise<SessionSettings> {
    const settings = state.settings ?? (await (state.pendingSettings ??= this.ask(uri)));
    return sessionSettings(this.configs.effective(uri, settings), this.clientLocale, filePathOf(uri));
  }

  /** The settings of a scope (a workspace folder, for the dossiers not open), asked once until they change. */
  forScope(scopeUri: string): Promise<{ raw: DossierSettings; session: SessionSettings }> {
    let asked = this.scopes.get(scopeUri);
    if (!asked) {
      asked = this.ask(scopeUri).then((raw) => ({
        raw,
        session: sessionSettings(effectiveConfiguration(raw, "editor"), this.clientLocale),
      }));
      this.scopes.set(scopeUri, asked);
    }
    return asked;
  }

  /** The settings of a dossier not open, from its scope's: under the configuration file that governs it. */
  forDossier(uri: string, raw: DossierSettings): SessionSettings {
    return sessionSettings(this.configs.effective(uri, raw), this.clientLocale, filePathOf(uri));
  }

  /** The settings changed: every document's are asked again. */
  changed(): void {
    this.epoch++;
    this.scopes.clear();
    for (const [uri, state] of this.states) {
      state.pendingSettings = state.settings = undefined;
      state.session.forgetReport();
      this.revalidate(uri);
    }
  }

  private async ask(uri: string): Promise<DossierSettings> {
    const epoch = this.epoch;
    let settings = DEFAULT_SETTINGS;
    if (this.supportsConfiguration) {
      const asked = this.connection.workspace.getConfiguration({ scopeUri: uri, section: "isvDossier" });
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<"timed out">(
        (resolve) => (timer = setTimeout(() => resolve("timed out"), CONFIGURATION_TIMEOUT_MS)),
      );
      const answer = await Promise.race([
        asked.then(
          (raw) => ({ raw }),
          () => undefined,
        ),
        timedOut,
      ]);
      clearTimeout(timer);
      if (answer === "timed out") {
        // Checked with the defaults now; an answer that comes later is used from then on.
        void asked.then(
          (raw) => {
            const state = this.states.get(uri);
            if (epoch !== this.epoch || !state) return;
            state.settings = this.fromAnswer(raw);
            state.session.forgetReport();
            this.revalidate(uri);
          },
          () => undefined,
        );
      } else if (answer !== undefined) {
        settings = this.fromAnswer(answer.raw);
      }
    }
    const state = this.states.get(uri);
    if (state?.pendingSettings !== undefined && epoch === this.epoch) {
      state.pendingSettings = undefined;
      state.settings = settings;
    }
    return settings;
  }

  /** The settings of the client's answer, its bad values told to the user (each once). */
  private fromAnswer(raw: unknown): DossierSettings {
    const read = readSettingsChecked(raw);
    this.editorLocale = read.settings.locale;
    for (const problem of read.problems) {
      const key = `${problem.setting}\u0000${problem.value}`;
      if (this.told.has(key)) continue;
      this.told.add(key);
      // A notification (window/showMessage): nothing to answer, so a client that never answers holds nothing up.
      const locale = read.settings.locale === "auto" ? this.clientLocale : read.settings.locale;
      const message = settingProblemMessage(problem, locale);
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
    return read.settings;
  }
}

/** What a request about an open document works on; undefined for documents unknown, too large or declined. */
type RequestSession = (
  uri: string,
  token?: CancellationToken,
) => Promise<{ session: DossierSession; settings: SessionSettings; document: TextDocument } | undefined>;

/** The features: each a method of the façade on the document's session, its answer converted (lsp/convert.ts). */
function listenToFeatures(
  connection: Connection,
  facade: DossierFacade,
  requestSession: RequestSession,
  clientLocale: () => Locale,
  configs: ConfigDocuments,
): void {
  connection.onHover(async (params, token) => {
    if (configs.handles(params.textDocument.uri)) return configs.hover(params);
    const context = await requestSession(params.textDocument.uri, token);
    const result =
      context && facade.hover(context.session, context.settings, context.document.offsetAt(params.position));
    return context && result ? toHover(result, context.session.lines) : null;
  });
  connection.onCompletion(async (params, token) => {
    if (configs.handles(params.textDocument.uri)) return configs.complete(params);
    const context = await requestSession(params.textDocument.uri, token);
    if (!context) return [];
    const { session, settings, document } = context;
    return facade
      .complete(session, settings, document.offsetAt(params.position), evidenceFilesOf(params.textDocument.uri))
      .map((entry) => toCompletionItem(entry, session.lines));
  });
  connection.onDocumentSymbol(async (params, token) => {
    const context = await requestSession(params.textDocument.uri, token);
    return context
      ? facade
          .symbols(context.session, context.settings)
          .map((symbol) => toDocumentSymbol(symbol, context.session.lines))
      : [];
  });
  connection.onFoldingRanges(async (params, token) => {
    const context = await requestSession(params.textDocument.uri, token);
    return context ? toFoldingRanges(facade.folding(context.session, context.settings), context.session.lines) : [];
  });
  connection.onDocumentLinks(async (params, token) => {
    const uri = params.textDocument.uri;
    const context = await requestSession(uri, token);
    return context
      ? toDocumentLinks(facade.links(context.session, context.settings), context.session.lines, uri, linkable(uri))
      : [];
  });
  connection.onDefinition(async (params, token) => {
    const context = await requestSession(params.textDocument.uri, token);
    if (!context) return null;
    const { session, settings, document } = context;
    const target = facade.definition(session, settings, document.offsetAt(params.position));
    return target
      ? toDefinitionLocation(
          target,
          session.lines,
          params.textDocument.uri,
          facade.validate(session, settings).edition,
          settings.locale,
          { english: settings.showEnglish },
        )
      : null;
  });
  connection.onCodeAction(async (params, token) => {
    const context = await requestSession(params.textDocument.uri, token);
    if (!context) return [];
    const { session, settings, document } = context;
    const range = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
    const offsetAt = (position: Position): number => document.offsetAt(position);
    const { uri } = params.textDocument;
    const diagnostics = params.context.diagnostics;
    return [
      ...toCodeActions(facade.codeActions(session, settings, range), session.lines, uri, diagnostics, offsetAt),
      ...toWaiveCodeActions(facade.waiveActions(session, settings, range), session.lines, uri, diagnostics, offsetAt),
    ];
  });

  // The custom requests (lsp/requests.ts).
  const localeOf = (locale: string | undefined): Locale => (locale ? normalizeLocale(locale) : clientLocale());
  connection.onRequest(REQUESTS.specDocument, (params: SpecDocumentParams) =>
    toSpecDocumentAnswer(findEdition(params.edition) ?? defaultEdition(), localeOf(params.locale), {
      english: params.english === true,
    }),
  );
  connection.onRequest(REQUESTS.editions, () => toEditionsAnswer());
  connection.onRequest(REQUESTS.newDossier, (params: NewDossierParams) =>
    (params.snippet ? newDossierSnippet : newDossierText)({
      edition: findEdition(params.edition) ?? defaultEdition(),
      category: params.category,
      level: params.level,
      drClass: params.drClass,
      locale: localeOf(params.locale),
      date: todayIso(),
    }),
  );
  connection.onRequest(REQUESTS.checklist, async (params: CheckedDocumentParams, token) => {
    const context = await requestSession(params.uri, token);
    if (!context) return null;
    const { session, settings } = context;
    return checklistAnswer(
      facade.checklist(session, settings),
      facade.validate(session, settings).edition,
      session.lines,
      params.uri,
      settings.locale,
    );
  });
  // The Word self-assessment table (base64): the `docx` package is loaded on the first export, not at start.
  connection.onRequest(REQUESTS.checklistDocx, async (params: CheckedDocumentParams, token) => {
    const context = await requestSession(params.uri, token);
    if (!context) return null;
    const { checklistDocxBytes } = require("../cli/checklist-docx") as typeof import("../cli/checklist-docx");
    const report = facade.validate(context.session, context.settings);
    return { base64: Buffer.from(await checklistDocxBytes(report, context.settings.locale)).toString("base64") };
  });
  // The self-assessment table as Markdown for the editor's checklist: the CLI's table (cli/checklist-md.ts).
  connection.onRequest(REQUESTS.checklistMarkdown, async (params: ChecklistMarkdownParams, token) => {
    const context = await requestSession(params.uri, token);
    if (!context) return null;
    const report = facade.validate(context.session, context.settings);
    const checklist = facade.checklist(context.session, context.settings);
    return { markdown: checklistMarkdown(report, checklist, context.settings.locale, params) };
  });
}

export function startServer(connection: Connection): void {
  quietWarnings();
  const documents = new TextDocuments(TextDocument);
  /** The open documents: closing one forgets its entry, and with it everything kept for it. */
  const states = new Map<string, DocumentState>();
  /** Texts counted in order of arrival over all documents (each didOpen and didChange). */
  let lastArrival = 0;
  const facade = new DossierFacade({
    today: todayIso,
    rules: testOnlyRules().length > 0 ? [...RULES, ...testOnlyRules()] : undefined,
  });
  const configs: ConfigDocuments = new ConfigDocuments(
    connection,
    () => ({
      chosen: settings.editorLocale === "auto" ? undefined : settings.editorLocale,
      display: settings.clientLocale,
    }),
    (): void => states.forEach((_, uri) => schedule(uri)),
  );
  const settings = new ClientSettings(connection, states, schedule, configs);
  let openWork = 0; // open documents' validations under way: the workspace's work waits for them
  const workspace = new Workspace(connection, facade, {
    openReport,
    isOpen: (uri) => states.has(uri),
    openUris: () => [...states.keys()],
    openWorkPending: () => openWork > 0 || [...states.values()].some((state) => state.timer !== undefined),
    scopeSettings: (scopeUri) => settings.forScope(scopeUri),
    dossierSettings: (uri, raw) => settings.forDossier(uri, raw),
    republish: schedule,
  });
  /** The state of a document and its settings, unless a newer text has come while the settings were awaited. */
  async function latest(
    uri: string,
  ): Promise<{ state: DocumentState; settings: SessionSettings; document: TextDocument; fresh: boolean } | undefined> {
    const state = states.get(uri);
    const document = documents.get(uri);
    if (!state || !document) return undefined;
    const { session } = state;
    const arrival = session.arrival;
    const answer = await settings.for(uri, state);
    await yieldToPendingMessages();
    return {
      state,
      settings: answer,
      document,
      fresh: states.get(uri) === state && state.session === session && session.arrival === arrival,
    };
  }

  /** The latest text of an open document checked (with its settings); a text over the size limit gets
   * limits.file-size only. Undefined when the document is not open, or a newer text has come meanwhile. */
  async function openReport(uri: string): Promise<(OpenReport & { arrival: number; version: number }) | undefined> {
    openWork++;
    try {
      const context = await latest(uri);
      if (!context?.fresh) return undefined; // a newer text is on its way: no work for this one
      const { state, settings, document } = context;
      const { session } = state;
      const tooLarge = exceedsBytes(session.text, settings.maxFileSizeBytes);
      const report = tooLarge ? undefined : facade.validate(session, settings);
      const findings = report
        ? report.findings
        : [fileSizeFinding(byteLength(session.text), settings.maxFileSizeBytes)];
      return { report, findings, lines: session.lines, settings, arrival: session.arrival, version: document.version };
    } finally {
      openWork--;
    }
  }

  /** Pushes a document's diagnostics (clients that do not pull), unless a newer text's are published already. */
  async function validateAndPublish(uri: string): Promise<void> {
    if (workspace.pulls) return;
    const open = await openReport(uri);
    const state = states.get(uri);
    if (!open || !state || state.published > open.arrival) return;
    state.published = open.arrival;
    const diagnostics = workspace.openDiagnostics(uri, open);
    await connection.sendDiagnostics({ uri, version: open.version, diagnostics });
  }

  function schedule(uri: string): void {
    const state = states.get(uri);
    if (!state) return;
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void validateAndPublish(uri).catch(() => undefined);
    }, DEBOUNCE_MS);
  }

  const requestSession = requestSessionOf(latest, facade);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as { locale?: string };
    settings.clientLocale = normalizeLocale(options.locale ?? params.locale);
    settings.supportsConfiguration = params.capabilities.workspace?.configuration === true;
    configs.initialize(params);
    return { capabilities: capabilitiesWith(workspace.initialize(params)), serverInfo: { name: "isv-dossier" } };
  });
  connection.onInitialized(() => void [workspace.initialized(), configs.initialized()]);
  connection.onDidChangeWatchedFiles((params) => void [workspace.filesChanged(params), configs.filesChanged(params)]);
  connection.onDidChangeConfiguration(() => void [settings.changed(), workspace.settingsChanged()]);

  // An opened document is validated at once (its first diagnostics are what the user waits for); edits are debounced.
  // Opening a document that is open already starts it afresh (whatever version it comes with).
  documents.onDidOpen((event) => {
    const uri = event.document.uri;
    if (configs.handles(uri)) return configs.changed(event.document);
    const before = states.get(uri);
    clearTimeout(before?.timer);
    const evidenceAnswers = before?.evidenceAnswers ?? new EvidenceAnswers();
    const session = facade.open(uri, event.document.getText(), ++lastArrival, evidenceAnswersOf(uri, evidenceAnswers));
    states.set(uri, {
      ...before,
      session,
      timer: undefined,
      published: before?.published ?? 0,
      justOpened: true,
      evidenceAnswers,
    });
    void validateAndPublish(uri).catch(() => undefined);
  });
  documents.onDidChangeContent(({ document }) => {
    if (configs.handles(document.uri)) return configs.changed(document);
    const state = states.get(document.uri);
    if (!state) return;
    if (state.justOpened) return void (state.justOpened = false);
    state.session.update(document.getText(), ++lastArrival);
    schedule(document.uri);
  });
  documents.onDidClose(({ document: { uri } }) => {
    if (configs.handles(uri)) return configs.closed(uri);
    clearTimeout(states.get(uri)?.timer);
    states.delete(uri);
    if (!workspace.pulls) void connection.sendDiagnostics({ uri, diagnostics: [] });
    workspace.closed(uri);
  });

  listenToFeatures(connection, facade, requestSession, () => settings.clientLocale, configs);
  listenToNavigation(connection, {
    facade,
    requestSession,
    openUris: () => [...states.keys()],
    clientLocale: () => settings.clientLocale,
  });
  listenToDiffRequests(connection, facade, requestSession);
  workspace.listen();
  documents.listen(connection);
  connection.listen();
}
