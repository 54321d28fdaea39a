// Registers the MCP server (`isv-dossier mcp`, dist/server/mcp.js run with the editor's own Node) for VS Code's
// assistants, so that they can lint dossiers, read the checklist and the clauses without the user editing any JSON:
// the `mcpServerDefinitionProviders` contribution (package.json) and vscode.lm.registerMcpServerDefinitionProvider,
// VS Code 1.101 or later. An older editor has no such API: the extension then activates without it (the engine stays
// ^1.91.0), and registerMcpServer says so by returning false.
import * as vscode from "vscode";
import { serverEnvironment } from "./server-environment";

/** The provider id, as package.json's contributes.mcpServerDefinitionProviders declares it. */
export const MCP_PROVIDER_ID = "isvDossier.mcpServer";

/** What this extension uses of the MCP API (VS Code ≥ 1.101), which the @types/vscode of the engine lacks. */
interface McpStdioServerDefinitionLike {
  cwd?: vscode.Uri;
}
interface McpApi {
  lm?: {
    registerMcpServerDefinitionProvider?: (
      id: string,
      provider: {
        onDidChangeMcpServerDefinitions?: vscode.Event<void>;
        provideMcpServerDefinitions(token: vscode.CancellationToken): McpStdioServerDefinitionLike[];
      },
    ) => vscode.Disposable;
  };
  McpStdioServerDefinition?: new (
    label: string,
    command: string,
    args?: string[],
    env?: Record<string, string | number | null>,
    version?: string,
  ) => McpStdioServerDefinitionLike;
}

/** Registers the server's definition; false (and nothing registered) when the editor has no MCP API. */
export function registerMcpServer(context: vscode.ExtensionContext): boolean {
  const api = vscode as unknown as McpApi;
  const register = api.lm?.registerMcpServerDefinitionProvider;
  const Definition = api.McpStdioServerDefinition;
  if (typeof register !== "function" || typeof Definition !== "function") return false;
  const changed = new vscode.EventEmitter<void>();
  const version = String((context.extension.packageJSON as { version?: string }).version ?? "0.0.0");
  // The editor's own runtime runs the server as Node (desktop VS Code's is Electron); variables the language
  // server is started without are left out here too (null removes one).
  const env: Record<string, string | null> = { ELECTRON_RUN_AS_NODE: "1" };
  for (const name of Object.keys(serverEnvironment())) env[name] = null;
  context.subscriptions.push(
    changed,
    vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
    register.call(api.lm, MCP_PROVIDER_ID, {
      onDidChangeMcpServerDefinitions: changed.event,
      provideMcpServerDefinitions: () => {
        const server = new Definition(
          "ISV Dossier (CCRC-ISV-C01:2025)",
          process.execPath,
          [context.asAbsolutePath("dist/server/mcp.js")],
          env,
          version,
        );
        // the server's fallback root when the assistant gives none: the first workspace folder
        const folder = vscode.workspace.workspaceFolders?.[0];
        if (folder?.uri.scheme === "file") server.cwd = folder.uri;
        return [server];
      },
    }),
  );
  return true;
}
