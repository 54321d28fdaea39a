// Bundles the language server, the CLI and the VS Code extension with esbuild (one file each, Node 20, CommonJS).
import * as esbuild from "esbuild";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import * as zlib from "node:zlib";

const production = process.argv.includes("--production");

// yaml reads `process.env.LOG_TOKENS` for every token it parses (and LOG_STREAM for every document), a debugging
// switch of its own; each read is a call into the environment that costs about a tenth of a parse. The bundles
// read it once, at load, instead.
const yamlDebugSwitchesOnce = {
  name: "yaml-debug-switches-once",
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, "utf8");
      const replaced = source.replace(/node_process\.env\.(LOG_TOKENS|LOG_STREAM)/g, (_match, name) => `ISV_YAML_${name}`);
      if (replaced === source) throw new Error(`yaml's ${args.path} no longer reads LOG_TOKENS/LOG_STREAM as expected`);
      const names = [...new Set([...source.matchAll(/node_process\.env\.(LOG_TOKENS|LOG_STREAM)/g)].map((match) => match[1]))];
      const header = names.map((name) => `const ISV_YAML_${name} = require("process").env.${name};`).join("\n");
      return { contents: `${header}\n${replaced}`, loader: "js" };
    });
  },
};
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: !production,
  minify: production,
  legalComments: "none",
  logLevel: "warning",
  plugins: [yamlDebugSwitchesOnce],
};

const entries = [
  // dist/server/main.js only loads dist/server/language-server.js, the server, with its code cache (below)
  { entryPoints: ["server/src/main.ts"], outfile: "dist/server/main.js", banner: { js: "#!/usr/bin/env node" } },
  // minified in every build (a smaller file to read and compile at each start); its source map keeps it debuggable
  { entryPoints: ["server/src/lsp/start.ts"], outfile: "dist/server/language-server.js", minify: true },
  { entryPoints: ["server/src/cli.ts"], outfile: "dist/server/cli.js", banner: { js: "#!/usr/bin/env node" } },
  // lint workers start from lint-worker-start.js, which loads lint-worker.js with its code cache (below)
  { entryPoints: ["server/src/cli/lint-worker-start.ts"], outfile: "dist/server/lint-worker-start.js" },
  { entryPoints: ["server/src/cli/lint-worker.ts"], outfile: "dist/server/lint-worker.js" },
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/client/extension.js", external: ["vscode"] },
]
  .filter((entry) => fs.existsSync(entry.entryPoints[0]))
  // esbuild keeps a source file's own shebang; add one only where the source has none
  .map((entry) => (fs.readFileSync(entry.entryPoints[0], "utf8").startsWith("#!") ? { ...entry, banner: undefined, executable: true } : { ...entry, executable: Boolean(entry.banner) }));

const SERVER_BUNDLE = "dist/server/language-server.js";
const CODE_CACHE = `${SERVER_BUNDLE}.cache`; // its name: server/src/node/code-cache.ts, codeCacheFileOf
const WORKER_BUNDLE = "dist/server/lint-worker.js";
const WORKER_CODE_CACHE = `${WORKER_BUNDLE}.cache`;
fs.rmSync(CODE_CACHE, { force: true });
fs.rmSync(WORKER_CODE_CACHE, { force: true });
await Promise.all(entries.map(({ executable: _executable, ...entry }) => esbuild.build({ ...common, ...entry })));
for (const entry of entries) if (entry.executable) fs.chmodSync(entry.outfile, 0o755);
if (fs.existsSync(SERVER_BUNDLE)) await writeCodeCache();
if (fs.existsSync(WORKER_BUNDLE) && fs.existsSync("dist/server/lint-worker-start.js")) writeWorkerCodeCache();

/**
 * The lint workers' V8 code cache (server/src/cli/lint-worker-start.ts): the built CLI lints the samples with two
 * workers, and the first writes the bytecode of what it ran beside the worker bundle. A CLI that cannot do this is
 * broken: the build fails.
 */
function writeWorkerCodeCache() {
  if (typeof zlib.crc32 !== "function") {
    console.warn(`server/build.mjs: Node ${process.version} has no zlib.crc32: ${WORKER_BUNDLE} is built without its code cache`);
    return;
  }
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "isv-dossier-build-")), "lint.json");
  // without NODE_OPTIONS, as a shell starts it: V8 takes a cache only under the flags it was written with
  const { NODE_OPTIONS: _nodeOptions, ...environment } = process.env;
  const run = spawnSync(process.execPath, ["dist/server/cli.js", "lint", "samples", "--jobs", "2", "--format", "json", "--output", output, "--as-of", "2026-11-24", "--lang", "en"], {
    env: { ...environment, ISV_DOSSIER_WRITE_CODE_CACHE: "1" },
    encoding: "utf8",
  });
  fs.rmSync(path.dirname(output), { recursive: true, force: true });
  // 1: the samples include dossiers with findings (samples/needs-work)
  if ((run.status !== 0 && run.status !== 1) || !fs.existsSync(WORKER_CODE_CACHE)) {
    throw new Error(`no code cache written for ${WORKER_BUNDLE} (exit code ${run.status})\n${run.stderr}`);
  }
}

/**
 * The server's V8 code cache (server/src/node/code-cache.ts): the built server, started as an editor starts it, opens
 * every sample dossier and exits; on exit it writes the bytecode of what it ran beside its bundle. A server that
 * cannot do this is broken: the build fails.
 */
async function writeCodeCache() {
  if (typeof zlib.crc32 !== "function") {
    // the cache's checksums need zlib.crc32 (Node ≥ 20.15); the server works without a cache, only starts slower
    console.warn(`server/build.mjs: Node ${process.version} has no zlib.crc32: ${SERVER_BUNDLE} is built without its code cache`);
    return;
  }
  const samples = fs.existsSync("samples") ? fs.readdirSync("samples", { recursive: true }).filter((file) => String(file).endsWith(".dossier.yaml")).map((file) => path.resolve("samples", String(file))).sort() : [];
  // without NODE_OPTIONS, as an editor starts it: V8 takes a cache only under the flags it was written with
  const { NODE_OPTIONS: _nodeOptions, ...environment } = process.env;
  const child = spawn(process.execPath, ["dist/server/main.js", "--stdio"], { stdio: ["pipe", "pipe", "pipe"], env: { ...environment, ISV_DOSSIER_WRITE_CODE_CACHE: "1" } });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once("close", (code) => resolve(code)));
  const send = (message) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  const waiting = new Set(samples.map((file) => pathToFileURL(file).toString()));
  let buffered = Buffer.alloc(0);
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not answer within 60 s\n${stderr}`)), 60_000);
    child.once("close", () => reject(new Error(`the server stopped before it was asked to\n${stderr}`)));
    child.stdout.on("data", (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const headerEnd = buffered.indexOf("\r\n\r\n");
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffered.toString("latin1", 0, headerEnd))?.[1]);
        if (buffered.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffered.toString("utf8", headerEnd + 4, headerEnd + 4 + length));
        buffered = buffered.subarray(headerEnd + 4 + length);
        if (message.method === "workspace/configuration") send({ id: message.id, result: message.params.items.map(() => ({})) });
        else if (message.id !== undefined && message.method !== undefined) send({ id: message.id, result: null });
        else if (message.id === 1) {
          send({ method: "initialized", params: {} });
          for (const file of samples) send({ method: "textDocument/didOpen", params: { textDocument: { uri: pathToFileURL(file).toString(), languageId: "isv-dossier", version: 1, text: fs.readFileSync(file, "utf8") } } });
          if (waiting.size === 0) send({ id: 2, method: "shutdown" });
        } else if (message.method === "textDocument/publishDiagnostics" && waiting.delete(message.params.uri) && waiting.size === 0) {
          send({ id: 2, method: "shutdown" });
        } else if (message.id === 2) {
          clearTimeout(timer);
          send({ method: "exit" });
          resolve();
        }
      }
    });
  });
  send({ id: 1, method: "initialize", params: { processId: process.pid, rootUri: null, locale: "en", capabilities: { workspace: { configuration: true } } } });
  await done;
  const code = await exited;
  if (code !== 0 || !fs.existsSync(CODE_CACHE)) throw new Error(`no code cache written for ${SERVER_BUNDLE} (exit code ${code})\n${stderr}`);
}
