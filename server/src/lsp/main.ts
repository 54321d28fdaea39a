#!/usr/bin/env node
// isv-dossier-server: the language server over stdio (`--stdio`, the default) or Node IPC (`--node-ipc`). This entry
// only loads the bundled server, language-server.js beside it (from lsp/start.ts). Where Node has an on-disk compile
// cache (Node ≥ 22.1: VS Code's own runtime among them; Node 20 has none), it is turned on first, so that a new
// server does not compile the bundle again: Node's own cache, in its own folder (NODE_COMPILE_CACHE, else the
// temporary folder), checked by Node against the source and its version, left off with NODE_DISABLE_COMPILE_CACHE=1.
// It took about 11 ms (of 140–150) off open → first diagnostics of a 1,000-line dossier in code-server's Node 24.
const { enableCompileCache } = require("node:module") as { enableCompileCache?: () => unknown };
enableCompileCache?.();
require("./language-server.js");
