#!/usr/bin/env node
// isv-dossier-server: the language server over stdio (`--stdio`, the default) or Node IPC (`--node-ipc`).
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server";

if (process.argv.includes("--version")) {
  process.stdout.write("isv-dossier-server\n");
  process.exit(0);
}
if (!process.argv.some((argument) => argument === "--stdio" || argument === "--node-ipc" || argument.startsWith("--socket") || argument.startsWith("--pipe"))) {
  process.argv.push("--stdio");
}
startServer(createConnection(ProposedFeatures.all));
