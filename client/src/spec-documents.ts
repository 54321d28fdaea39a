// The read-only specification document (`isv-spec:/<edition>.md`): its text comes from the server. Opens it at a
// clause, and turns the server's clause links (`#4.1.3.a`) into line links (`#L42`) the editor can follow.
import * as vscode from "vscode";
import type { Editions, ServerRequests } from "./editions";
import { dataLocale } from "./locale";
import { REQUESTS, SpecDocumentParams, SpecDocumentResult } from "./protocol";

export const SPEC_SCHEME = "isv-spec";

export interface ClauseLocation {
  uri: vscode.Uri;
  /** 0-based line of the clause's heading. */
  line: number;
}

function slugOf(uri: vscode.Uri): string {
  return uri.path.replace(/^\//, "").replace(/\.md$/, "");
}

/** Whether the document carries the English renderings in Chinese too (isvDossier.showEnglish, one per window). */
function showEnglish(): boolean {
  return vscode.workspace.getConfiguration("isvDossier").get<boolean>("showEnglish") === true;
}

/** The key of an edition's document in the current language and with the current showEnglish. */
function documentKey(slug: string): string {
  return `${slug}|${dataLocale()}|${showEnglish()}`;
}

export class SpecDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly requests = new Map<string, Promise<SpecDocumentResult>>();
  /** The same results once they have arrived, for synchronous use (link rewriting). */
  private readonly resolved = new Map<string, SpecDocumentResult>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly server: ServerRequests,
    private readonly editions: Editions,
  ) {}

  dispose(): void {
    this.changed.dispose();
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    return (await this.load(slugOf(uri))).text;
  }

  /** The rendered specification of an edition (by slug; the default edition when omitted). */
  async load(slug?: string): Promise<SpecDocumentResult> {
    const edition = await this.editions.bySlug(slug);
    const locale = dataLocale();
    const english = showEnglish();
    const key = documentKey(edition?.slug ?? "");
    let request = this.requests.get(key);
    if (!request) {
      const params: SpecDocumentParams = { edition: edition?.id, locale, english };
      request = this.server.sendRequest<SpecDocumentResult>(REQUESTS.specDocument, params).then((result) => {
        this.resolved.set(key, result);
        return result;
      });
      request.catch(() => this.requests.delete(key));
      this.requests.set(key, request);
    }
    return request;
  }

  async locate(clauseId: string, slug?: string): Promise<ClauseLocation | undefined> {
    const spec = await this.load(slug);
    const line = spec.anchors[clauseId];
    return line === undefined ? undefined : { uri: vscode.Uri.parse(spec.uri), line };
  }

  /**
   * Opens the specification with the clause's heading at the top: rendered (the Markdown preview of the virtual
   * document, which opens at the source editor's first visible line), or as its Markdown source with
   * `preview: false` (the command "Show Specification Source" switches from the preview to it).
   */
  async open(
    clauseId: string,
    slug?: string,
    options: { preserveFocus?: boolean; preview?: boolean } = {},
  ): Promise<ClauseLocation | undefined> {
    const location = await this.locate(clauseId, slug);
    if (!location) {
      void vscode.window.showWarningMessage(vscode.l10n.t("Clause {0} is not in the specification.", clauseId));
      return undefined;
    }
    const range = new vscode.Range(location.line, 0, location.line, 0);
    const editor = await vscode.window.showTextDocument(location.uri, {
      selection: range,
      preview: true,
      preserveFocus: options.preserveFocus ?? false,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
    if (options.preview !== false && !options.preserveFocus) {
      try {
        await vscode.commands.executeCommand("markdown.showPreview", location.uri);
      } catch {
        // No Markdown preview (the built-in extension is disabled): the source stays open.
      }
    }
    return location;
  }

  /**
   * `isv-spec:/x.md#4.1.3.a` → `isv-spec:/x.md#L43`: the editor opens links with a line fragment at that line
   * (and would read `#4.1.3.a` as line 4). Returns the target unchanged when the clause is not known yet.
   */
  lineLink(target: vscode.Uri): vscode.Uri {
    if (target.scheme !== SPEC_SCHEME || !target.fragment || /^L\d+/.test(target.fragment)) return target;
    const spec = this.resolved.get(documentKey(slugOf(target)));
    const line = spec?.anchors[target.fragment];
    return line === undefined ? target : target.with({ fragment: `L${line + 1}` });
  }

  /** Loads the default edition's document so that lineLink() can answer synchronously. */
  prepare(): Promise<void> {
    return this.load().then(
      () => undefined,
      () => undefined,
    );
  }

  /** After a change of locale: forget the texts and refresh the open spec documents. */
  reset(): void {
    this.requests.clear();
    this.resolved.clear();
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === SPEC_SCHEME) this.changed.fire(document.uri);
    }
  }
}

interface ProtocolLocation {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/**
 * Find All References on a clause of the spec document: the server answers with every field of the open dossiers
 * that rests on that clause and every finding that cites it (the spec document is not synchronised with the server:
 * it renders the same document and reads the clause from the line).
 */
export function specReferenceProvider(server: ServerRequests): vscode.ReferenceProvider {
  return {
    async provideReferences(document, position, context) {
      const locations = await server.sendRequest<ProtocolLocation[] | null>("textDocument/references", {
        textDocument: { uri: document.uri.toString() },
        position: { line: position.line, character: position.character },
        context: { includeDeclaration: context.includeDeclaration },
      });
      return (locations ?? []).map(
        ({ uri, range }) =>
          new vscode.Location(
            vscode.Uri.parse(uri),
            new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character),
          ),
      );
    },
  };
}
