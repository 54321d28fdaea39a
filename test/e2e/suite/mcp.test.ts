// The MCP server in a real editor: the extension contributes its definition provider and registers it when the
// editor has the API (VS Code ≥ 1.101; code-server 4.139 here has it), and the server it registers — the packaged
// dist/server/mcp.js, run with the editor's own runtime — answers the MCP SDK's client with its tools.
import assert from "node:assert/strict";
import * as path from "node:path";
import * as vscode from "vscode";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { IsvDossierApi } from "../../../client/src/api";
import { EXTENSION_ID, extensionApi, workspaceFile } from "./helpers";

describe("MCP server for the editor's assistants", () => {
  let api: IsvDossierApi;

  before(async function () {
    this.timeout(120_000);
    api = await extensionApi();
  });

  it("contributes the definition provider and registers it where the editor has the API", () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const contributed = (
      extension?.packageJSON as { contributes?: { mcpServerDefinitionProviders?: Array<{ id: string }> } }
    ).contributes?.mcpServerDefinitionProviders;
    assert.deepEqual(
      contributed?.map((entry) => entry.id),
      ["isvDossier.mcpServer"],
    );
    const lm = (vscode as unknown as { lm?: { registerMcpServerDefinitionProvider?: unknown } }).lm;
    const hasApi = typeof lm?.registerMcpServerDefinitionProvider === "function";
    assert.equal(api.mcpServerRegistered(), hasApi, "registered exactly when the API is there (else the guard)");
    assert.ok(hasApi, `VS Code ${vscode.version} has vscode.lm.registerMcpServerDefinitionProvider`);
  });

  it("the packaged server answers over stdio with its tools", async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [path.join(extension.extensionPath, "dist", "server", "mcp.js")],
      env: { ...(process.env as Record<string, string>), ELECTRON_RUN_AS_NODE: "1" },
      cwd: workspaceFile().fsPath,
      stderr: "pipe",
    });
    const client = new Client({ name: "isv-dossier-e2e", version: "1.0.0" });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      assert.ok(tools.some((tool) => tool.name === "lint_dossier"));
      const answer = (await client.callTool({
        name: "lint_dossier",
        arguments: { path: "samples/needs-work/l3-service-too-short.dossier.yaml" },
      })) as { isError?: boolean; structuredContent?: { findings: Array<{ clauseIds: string[] }> } };
      assert.notEqual(answer.isError, true);
      assert.ok(answer.structuredContent?.findings.some((finding) => finding.clauseIds.includes("4.1.3.a")));
    } finally {
      await client.close();
    }
  });
});
