#!/usr/bin/env -S node --max-semi-space-size=8 --v8-pool-size=1
// isv-dossier-server: the language server over stdio (`--stdio`, the default) or Node IPC (`--node-ipc`). This entry
// only loads the bundled server, language-server.js beside it (from lsp/start.ts).
//
// The first line starts Node with two settings, so that an editor starting `isv-dossier-server` gets them from the
// first line (bench/README.md):
// - the young generation capped at 8 MiB per semi-space: while a 50,000-line dossier is parsed it otherwise grows to
//   its largest and stays resident — on Node 20, peak 151 MiB without the cap, 127–139 MiB with it (target
//   ≤ 150 MiB) — and a smaller cap makes a workspace's check slower: 200 dossiers' first diagnostics in 2.8 s with
//   8 MiB, 3.2–3.7 s with 4 MiB, 2.6 s without (target ≤ 3 s);
// - one background thread for V8 (concurrent marking and compiling) instead of four: open → first diagnostics of a
//   1,000-line dossier took 155 ms instead of 169 ms on Node 20 (target ≤ 0.25× yaml-language-server's 620 ms), the
//   workspace's first diagnostics were no slower (2.4–2.6 s against 2.6–3.5 s).
// (The VS Code extension gives 4 MiB and one thread, which VS Code's own runtime needs for the memory target:
// client/src/server-environment.ts.) `env -S` splits the line (GNU coreutils ≥ 8.30, macOS, the BSDs; npm's Windows
// shims read it too). The command line wins over NODE_OPTIONS: to run the server with other settings, start
// `node [flags] …/dist/server/main.js --stdio`.
//
// Where Node has an on-disk compile cache (Node ≥ 22.1: VS Code's own runtime among them; Node 20 has none), it is
// turned on first, so that a new server does not compile the bundle again: Node's own cache, in its own folder
// (NODE_COMPILE_CACHE, else the temporary folder), checked by Node against the source and its version, left off with
// NODE_DISABLE_COMPILE_CACHE=1. It took about 11 ms (of 140–150) off open → first diagnostics of a 1,000-line
// dossier in code-server's Node 24.
const { enableCompileCache } = require("node:module") as { enableCompileCache?: () => unknown };
enableCompileCache?.();
require("./language-server.js");
