// yaml-language-server's language service in this process, configured with our combined JSON Schema (given
// inline: nothing is fetched) for every *.dossier.yaml, as its LSP server would be.
import * as fs from "node:fs";
import * as path from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";

/** The combined schema given to yaml-language-server (the one a user would put in yaml.schemas). */
export const COMBINED_SCHEMA = path.join("schemas", "generated", "ccrc-isv-c01-2025", "dossier.schema.json");

export interface YlsDiagnostic {
  message: unknown;
  range: { start: { line: number; character: number } };
}

export interface YlsService {
  validate(uri: string, version: number, text: string): Promise<YlsDiagnostic[]>;
  hover(uri: string, version: number, text: string, position: { line: number; character: number }): Promise<unknown>;
  complete(uri: string, version: number, text: string, position: { line: number; character: number }): Promise<unknown>;
}

export async function createYlsService(root: string): Promise<YlsService> {
  const yls = await import("yaml-language-server");
  const schemaPath = path.join(root, COMBINED_SCHEMA);
  const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8")) as object;
  const service = yls.getLanguageService({
    schemaRequestService: async (uri: string) => {
      throw new Error(`the benchmark fetches no schema (${uri})`);
    },
    workspaceContext: { resolveRelativePath: (relative: string) => relative },
  });
  service.configure({
    validate: true,
    hover: true,
    completion: true,
    schemas: [{ uri: "file://" + schemaPath, fileMatch: ["*.dossier.yaml"], schema }],
  });
  const documents = new Map<string, TextDocument>();
  const documentFor = (uri: string, version: number, text: string): TextDocument => {
    let document = documents.get(uri);
    if (!document || document.version !== version) {
      document = TextDocument.create(uri, "yaml", version, text);
      documents.set(uri, document);
    }
    return document;
  };
  return {
    validate: (uri, version, text) => service.doValidation(documentFor(uri, version, text), false),
    hover: (uri, version, text, position) => service.doHover(documentFor(uri, version, text), position),
    complete: (uri, version, text, position) => service.doComplete(documentFor(uri, version, text), position, false),
  };
}
