// Bundles the language server, the CLI and the VS Code extension with esbuild (one file each, Node 20, CommonJS).
import * as esbuild from "esbuild";
import * as fs from "node:fs";
import * as path from "node:path";

const production = process.argv.includes("--production");

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: !production,
  minify: production,
  legalComments: "none",
  logLevel: "warning",
  // yaml's ES module build (the same code; it warns through console.warn, not process.emitWarning, and reads binary
  // tags with atob — neither of which the dossier's YAML 1.2 core schema, parsed with logLevel "error", ever reaches)
  // instead of its CommonJS one: bundled, its modules are part of the bundle's own scope, called directly, where the
  // CommonJS modules are each wrapped and reached through getters. Open → first diagnostics of a 1,000-line dossier:
  // 5–10 ms sooner on Node 20, 13 ms in VS Code's runtime, whose compile cache then holds yaml's module code too
  // (interleaved runs; the open target, bench/README.md).
  alias: { yaml: "./node_modules/yaml/browser/index.js" },
};

// The Word self-assessment table (the `docx` package, a third of the server's size) is a bundle of its own,
// dist/server/checklist-docx.js, loaded only when a table is exported: the server and the CLI do not parse it at
// every start (the open target). Their `require("…/checklist-docx")` is left to run time, beside them.
const docxApart = {
  name: "docx-apart",
  setup(build) {
    build.onResolve({ filter: /[\\/]checklist-docx$/ }, () => ({ path: "./checklist-docx.js", external: true }));
  },
};

// The MCP server (`isv-dossier mcp`: the MCP SDK and zod) is a bundle of its own too, dist/server/mcp.js, required by
// the CLI only when that command runs: `isv-dossier lint` does not parse it at start.
const mcpApart = {
  name: "mcp-apart",
  setup(build) {
    build.onResolve({ filter: /[\\/]mcp-server$/ }, () => ({ path: "./mcp.js", external: true }));
  },
};

// zod (the MCP SDK's schemas) re-exports its error messages in 40-odd languages as `z.locales`, which nothing here
// reads (zod itself configures English from its own file): in the MCP bundle that index is English alone, a quarter
// megabyte less to package and to parse at each start.
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.c?js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer)
        ? {
            path: path.join(path.dirname(args.importer), "..", "locales", path.basename(args.path)),
            namespace: "zod-en",
          }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-en" }, (args) => ({
      contents: args.path.endsWith(".cjs")
        ? 'exports.en = require("./en.cjs");'
        : 'export { default as en } from "./en.js";',
      resolveDir: path.dirname(args.path),
      loader: "js",
    }));
  },
};

const entries = [
  // dist/server/main.js only loads dist/server/language-server.js, the server
  {
    entryPoints: ["server/src/lsp/main.ts"],
    outfile: "dist/server/main.js",
    banner: { js: "#!/usr/bin/env node" },
    external: ["./language-server.js"],
  },
  // minified in every build (a smaller file to read and compile at each start); its source map keeps it debuggable
  {
    entryPoints: ["server/src/lsp/start.ts"],
    outfile: "dist/server/language-server.js",
    minify: true,
    plugins: [docxApart],
  },
  {
    entryPoints: ["server/src/cli.ts"],
    outfile: "dist/server/cli.js",
    banner: { js: "#!/usr/bin/env node" },
    plugins: [docxApart, mcpApart],
  },
  {
    entryPoints: ["server/src/cli/mcp-server.ts"],
    outfile: "dist/server/mcp.js",
    minify: true,
    plugins: [docxApart, zodEnglishOnly],
  },
  { entryPoints: ["server/src/cli/checklist-docx.ts"], outfile: "dist/server/checklist-docx.js", minify: true },
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/client/extension.js", external: ["vscode"] },
]
  .filter((entry) => fs.existsSync(entry.entryPoints[0]))
  // esbuild keeps a source file's own shebang; add one only where the source has none
  .map((entry) =>
    fs.readFileSync(entry.entryPoints[0], "utf8").startsWith("#!")
      ? { ...entry, banner: undefined, executable: true }
      : { ...entry, executable: Boolean(entry.banner) },
  );

// left by earlier builds: V8 code caches and the lint worker are no longer made
for (const stale of [
  "dist/server/language-server.js.cache",
  "dist/server/lint-worker.js.cache",
  "dist/server/lint-worker-start.js",
  "dist/server/lint-worker.js",
  "dist/server/lint-worker.js.map",
])
  fs.rmSync(stale, { force: true });
await Promise.all(entries.map(({ executable: _executable, ...entry }) => esbuild.build({ ...common, ...entry })));
for (const entry of entries) if (entry.executable) fs.chmodSync(entry.outfile, 0o755);
