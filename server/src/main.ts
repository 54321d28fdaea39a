#!/usr/bin/env node
// isv-dossier-server: the language server over stdio (`--stdio`, the default) or Node IPC (`--node-ipc`). This entry
// only loads the bundled server, language-server.js beside it (from lsp/start.ts).
require("./language-server.js");
