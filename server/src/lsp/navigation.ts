// Navigation handlers: references, document highlight and rename of person ids; references of a clause (from a
// clause written in a comment, or from a heading of the spec document) over every open dossier; inlay hints; code
// lenses. The core computes (features/person-index.ts, clause-references.ts, inlay-hints.ts,
// verdicts/section-lens.ts); convert-navigation.ts converts. startServer calls listenToNavigation.
import {
  CancellationToken,
  Connection,
  ErrorCodes,
  Location,
  ResponseError,
  ServerCapabilities,
  TextEdit,
} from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import * as path from "node:path";
import { URI, Utils } from "vscode-uri";
import { allEditions } from "../core/catalog/edition";
import type { DossierFacade, SessionSettings } from "../core/facade/facade";
import type { DossierSession } from "../core/facade/session";
import { clauseInSpecDocument } from "../core/features/clause-references";
import { renderSpecDocument, SPEC_SCHEME } from "../core/features/spec-document";
import { LineIndex } from "../core/parse/line-index";
import type { Locale } from "../core/types";
import { toRange } from "./convert";
import {
  toClauseLocations,
  toCodeLens,
  toInlayHint,
  toPersonHighlights,
  toPersonLocations,
  toRenameEdit,
} from "./convert-navigation";

export const NAVIGATION_CAPABILITIES: ServerCapabilities = {
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: { prepareProvider: true },
  inlayHintProvider: true,
  codeLensProvider: { resolveProvider: false },
  workspace: {
    fileOperations: { willRename: { filters: [{ scheme: "file", pattern: { glob: "**/*" } }] } },
  },
};

/** A file's path relative to a folder, `/`-separated, when it lies inside it. */
function relativeInside(folder: string, file: string): string | undefined {
  const relative = path.relative(folder, file);
  if (!relative || path.isAbsolute(relative)) return undefined;
  const posix = relative.split(path.sep).join("/");
  return posix === ".." || posix.startsWith("../") ? undefined : posix;
}

type Context = { session: DossierSession; settings: SessionSettings; document: TextDocument };

export interface NavigationWiring {
  facade: DossierFacade;
  /** An open document's session (undefined for documents unknown, too large or declined; throws when stale). */
  requestSession(uri: string, token?: CancellationToken): Promise<Context | undefined>;
  /** The open documents' uris. */
  openUris(): string[];
  clientLocale(): Locale;
}

/** The clause a spec document's line belongs to (`isv-spec:/<edition>.md`): its lines do not depend on the locale. */
function clauseInSpec(uri: string, line: number, locale: Locale): string | undefined {
  const slug = uri
    .slice(SPEC_SCHEME.length + 1)
    .replace(/^\/+/, "")
    .replace(/\.md(#.*)?$/, "");
  const edition = allEditions().find((candidate) => candidate.slug === slug);
  if (!edition) return undefined;
  const spec = renderSpecDocument(edition, locale);
  return clauseInSpecDocument(spec, new LineIndex(spec.text).offsetAt({ line, character: 0 }));
}

export function listenToNavigation(connection: Connection, wiring: NavigationWiring): void {
  const { facade, requestSession } = wiring;

  /** Where the open dossiers answer a clause: their fields resting on it and the findings citing it. */
  async function clauseLocations(clauseId: string, token: CancellationToken): Promise<Location[]> {
    const locations: Location[] = [];
    for (const uri of wiring.openUris()) {
      if (token.isCancellationRequested) break;
      const context = await requestSession(uri).catch(() => undefined);
      if (!context) continue;
      const references = facade.clauseReferences(context.session, context.settings, clauseId);
      locations.push(...toClauseLocations(references, context.session.lines, uri));
    }
    return locations;
  }

  connection.onReferences(async (params, token) => {
    const uri = params.textDocument.uri;
    if (uri.startsWith(`${SPEC_SCHEME}:`)) {
      const clauseId = clauseInSpec(uri, params.position.line, wiring.clientLocale());
      return clauseId ? clauseLocations(clauseId, token) : [];
    }
    const context = await requestSession(uri, token);
    if (!context) return [];
    const { session, settings, document } = context;
    const offset = document.offsetAt(params.position);
    const occurrences = facade.personOccurrences(session, settings, offset);
    if (occurrences.length > 0)
      return toPersonLocations(occurrences, session.lines, uri, params.context.includeDeclaration);
    const clauseId = facade.clauseAt(session, settings, offset);
    return clauseId ? clauseLocations(clauseId, token) : [];
  });

  connection.onDocumentHighlight(async (params, token) => {
    const context = await requestSession(params.textDocument.uri, token);
    if (!context) return [];
    const { session, settings, document } = context;
    return toPersonHighlights(
      facade.personOccurrences(session, settings, document.offsetAt(params.position)),
      session.lines,
    );
  });

  connection.onPrepareRename(async (params, token) => {
    const context = await requestSession(params.textDocument.uri, token);
    if (!context) return null;
    const { session, settings, document } = context;
    const answer = facade.prepareRename(session, settings, document.offsetAt(params.position));
    if ("reason" in answer) throw new ResponseError(ErrorCodes.InvalidRequest, answer.message);
    return { range: toRange(session.lines, answer.range), placeholder: answer.personId };
  });

  connection.onRenameRequest(async (params, token) => {
    const uri = params.textDocument.uri;
    const context = await requestSession(uri, token);
    if (!context) return null;
    const { session, settings, document } = context;
    const answer = facade.rename(session, settings, document.offsetAt(params.position), params.newName);
    if ("reason" in answer) throw new ResponseError(ErrorCodes.InvalidRequest, answer.message);
    return toRenameEdit(answer.edits, session.lines, uri);
  });

  connection.languages.inlayHint.on(async (params, token) => {
    const context = await requestSession(params.textDocument.uri, token);
    if (!context) return [];
    const { session, settings, document } = context;
    const range = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
    return facade.inlayHints(session, settings, range).map((hint) => toInlayHint(hint, session.lines));
  });

  // An evidence file or folder renamed in the explorer: the open dossiers' paths that name it follow.
  connection.workspace.onWillRenameFiles(async (params, token) => {
    const changes: { [uri: string]: TextEdit[] } = {};
    for (const uri of wiring.openUris()) {
      const parsed = URI.parse(uri);
      if (parsed.scheme !== "file" || token.isCancellationRequested) continue;
      const context = await requestSession(uri).catch(() => undefined);
      if (!context) continue;
      const folder = Utils.dirname(parsed).fsPath;
      const edits = params.files.flatMap((file) => {
        const from = relativeInside(folder, URI.parse(file.oldUri).fsPath);
        const to = relativeInside(folder, URI.parse(file.newUri).fsPath);
        return from && to ? facade.evidenceRenameEdits(context.session, context.settings, from, to) : [];
      });
      if (edits.length > 0) changes[uri] = toRenameEdit(edits, context.session.lines, uri).changes![uri];
    }
    return Object.keys(changes).length > 0 ? { changes } : null;
  });

  connection.onCodeLens(async (params, token) => {
    const uri = params.textDocument.uri;
    const context = await requestSession(uri, token);
    if (!context) return [];
    return facade
      .sectionLenses(context.session, context.settings)
      .map((lens) => toCodeLens(lens, context.session.lines, uri));
  });
}
