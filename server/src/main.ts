#!/usr/bin/env node
// isv-dossier-server: the language server over stdio (`--stdio`, the default) or Node IPC (`--node-ipc`).
// This entry only loads the bundled server (language-server.js beside it, from lsp/start.ts) with its V8 code cache
// (node/code-cache.ts); without a cache that fits, the bundle is compiled as any script. With source-mapped stack
// traces asked for (--enable-source-maps), it is required as a module instead: Node maps only modules' frames.
// ISV_DOSSIER_WRITE_CODE_CACHE=1 (the build sets it, server/build.mjs) writes the cache when the process exits.
import * as path from "node:path";
import { loadBundle } from "./node/code-cache";

const bundleFile = path.join(__dirname, "language-server.js");
if (process.sourceMapsEnabled) {
  require(bundleFile);
} else {
  const bundle = loadBundle(bundleFile);
  if (process.env.ISV_DOSSIER_WRITE_CODE_CACHE === "1") {
    process.on("exit", () => {
      try {
        bundle.writeCache();
      } catch (error) {
        process.stderr.write(`isv-dossier-server: no code cache written: ${(error as Error).message}\n`);
        process.exitCode = 1;
      }
    });
  }
  bundle.run();
}
