// The language server process, bundled as dist/server/language-server.js and loaded by dist/server/main.js (main.ts):
// the transport from the command line, `--stdio` when none is named, then the server.
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "../server";

if (process.argv.includes("--version")) {
  process.stdout.write("isv-dossier-server\n");
  process.exit(0);
}
if (!process.argv.some((argument) => argument === "--stdio" || argument === "--node-ipc" || argument.startsWith("--socket") || argument.startsWith("--pipe"))) {
  process.argv.push("--stdio");
}
startServer(createConnection(ProposedFeatures.all));
