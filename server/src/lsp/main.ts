#!/usr/bin/env -S node --max-semi-space-size=4
// isv-dossier-server: the language server over stdio (`--stdio`, the default) or Node IPC (`--node-ipc`). This entry
// only loads the bundled server, language-server.js beside it (from lsp/start.ts).
//
// The first line starts Node with `--max-semi-space-size=4`, the flag the VS Code extension gives the same server
// (client/src/server-environment.ts), so that an editor starting `isv-dossier-server` gets it from the first line: it
// caps V8's young generation, which otherwise grows to its largest while a 50,000-line dossier is parsed and stays
// resident — peak 153 MiB without it, 134–141 MiB with it on Node 20 (target ≤ 150 MiB, bench/README.md). `env -S`
// splits the line (GNU coreutils ≥ 8.30, macOS, the BSDs; npm's Windows shims read it too). The command line wins
// over NODE_OPTIONS: to run the server with other V8 settings, start `node [flags] …/dist/server/main.js --stdio`.
//
// Where Node has an on-disk compile cache (Node ≥ 22.1: VS Code's own runtime among them; Node 20 has none), it is
// turned on first, so that a new server does not compile the bundle again: Node's own cache, in its own folder
// (NODE_COMPILE_CACHE, else the temporary folder), checked by Node against the source and its version, left off with
// NODE_DISABLE_COMPILE_CACHE=1. It took about 11 ms (of 140–150) off open → first diagnostics of a 1,000-line
// dossier in code-server's Node 24.
const { enableCompileCache } = require("node:module") as { enableCompileCache?: () => unknown };
enableCompileCache?.();
require("./language-server.js");
