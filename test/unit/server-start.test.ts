// The server's start: dist/server/main.js loads the bundled server (dist/server/language-server.js) with the V8 code
// cache the build wrote beside it (server/src/node/code-cache.ts). The cache is an optimisation only: missing,
// corrupt, truncated, made for another bundle or another V8, or refused by V8, the server starts and publishes the
// same diagnostics. An opened document is validated at once, and once.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { codeCacheFileOf, decodeCodeCache, encodeCodeCache } from "../../server/src/node/code-cache";
import { compilerFlagsGiven, WarmUp } from "../../server/src/node/warm-up";
import { PublishedDiagnostics, TestLspClient } from "../support/lsp-client";
import { repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const MAIN = path.join(ROOT, "dist", "server", "main.js");
const BUNDLE = path.join(ROOT, "dist", "server", "language-server.js");
const CACHE = codeCacheFileOf(BUNDLE);
const SAMPLE = path.join(ROOT, "samples", "needs-work", "invalid-enum-tenure.dossier.yaml");

const TEMPORARY_FOLDERS: string[] = [];
after(() => TEMPORARY_FOLDERS.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

/** A copy of the built server (entry and bundle, no cache) in a folder of its own. */
function serverCopy(): { main: string; bundle: string; cache: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-start-"));
  TEMPORARY_FOLDERS.push(folder);
  const main = path.join(folder, "main.js");
  const bundle = path.join(folder, "language-server.js");
  fs.copyFileSync(MAIN, main);
  fs.copyFileSync(BUNDLE, bundle);
  return { main, bundle, cache: codeCacheFileOf(bundle) };
}

/** The environment of a server as an editor starts it: no NODE_OPTIONS that could change V8's flags. */
function plainEnvironment(): NodeJS.ProcessEnv {
  const environment = { ...process.env };
  delete environment.NODE_OPTIONS;
  delete environment.ISV_DOSSIER_WRITE_CODE_CACHE;
  return environment;
}

/** What loadBundle says about a bundle's cache in a new process (V8's flags as a server's). */
function cacheStateInNewProcess(bundle: string): string {
  const codeCache = path.join(ROOT, "out", "server", "src", "node", "code-cache.js");
  const script = `process.stdout.write(require(${JSON.stringify(codeCache)}).loadBundle(${JSON.stringify(bundle)}).cache)`;
  const result = spawnSync(process.execPath, ["-e", script], { env: plainEnvironment(), encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

/** Starts `node [nodeArguments] main --stdio`, opens the sample and returns its first diagnostics, then stops the server. */
async function firstDiagnostics(main: string, nodeArguments: string[] = []): Promise<PublishedDiagnostics> {
  const child = spawn(process.execPath, [...nodeArguments, main, "--stdio"], { stdio: ["pipe", "pipe", "pipe"], env: plainEnvironment() });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const uri = pathToFileURL(SAMPLE).toString();
  try {
    const published = new Promise<PublishedDiagnostics>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics within 20 s; stderr: ${stderr}`)), 20_000);
      child.once("exit", (code) => reject(new Error(`the server exited (${code}); stderr: ${stderr}`)));
      connection.onNotification("textDocument/publishDiagnostics", (params: PublishedDiagnostics) => {
        if (params.uri !== uri) return;
        clearTimeout(timer);
        resolve(params);
      });
    });
    connection.onRequest("workspace/configuration", (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onNotification(() => undefined);
    connection.listen();
    await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, locale: "en", capabilities: { workspace: { configuration: true } } });
    await connection.sendNotification("initialized", {});
    await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "isv-dossier", version: 1, text: fs.readFileSync(SAMPLE, "utf8") } });
    const diagnostics = await published;
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    await connection.sendRequest("shutdown");
    await connection.sendNotification("exit");
    assert.equal(await exited, 0, stderr);
    return diagnostics;
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    connection.dispose();
  }
}

test("the build writes the server's code cache, made by this Node from this bundle, and V8 takes it", () => {
  assert.ok(fs.existsSync(CACHE), `${CACHE} is missing: npm run build writes it`);
  assert.ok(decodeCodeCache(fs.readFileSync(CACHE), fs.readFileSync(BUNDLE)), "the cache does not fit the bundle");
  assert.equal(cacheStateInNewProcess(BUNDLE), "accepted");
});

test("the packaged extension holds the server's entry, its bundle and its code cache (.vscodeignore)", () => {
  const lines = fs.readFileSync(path.join(ROOT, ".vscodeignore"), "utf8").split("\n").map((line) => line.trim());
  assert.ok(lines.includes("**"), "everything else is left out");
  for (const file of ["dist/server/main.js", "dist/server/language-server.js", "dist/server/language-server.js.cache"]) {
    assert.ok(lines.includes(`!${file}`), `${file} is not packaged`);
  }
});

test("a cache file is used only when it was made by this runtime from exactly this bundle and is intact", () => {
  const source = Buffer.from("(function () { return 1; })", "utf8");
  const data = Buffer.from(Array.from({ length: 300 }, (_, index) => (index * 7) % 256));
  const encoded = encodeCodeCache(source, data);
  assert.ok(encoded);
  assert.deepEqual(decodeCodeCache(encoded, source), data);

  const otherSource = Buffer.from(source.toString("utf8").replace("1", "2"), "utf8"); // same length, other bundle
  assert.equal(decodeCodeCache(encoded, otherSource), undefined);
  assert.equal(decodeCodeCache(encoded, Buffer.concat([source, Buffer.from(" ")])), undefined);
  const flipped = Buffer.from(encoded);
  flipped[flipped.length - 10] ^= 0x01; // one bit of V8's data
  assert.equal(decodeCodeCache(flipped, source), undefined);
  assert.equal(decodeCodeCache(encoded.subarray(0, encoded.length - 1), source), undefined);
  assert.equal(decodeCodeCache(encoded.subarray(0, 20), source), undefined);
  assert.equal(decodeCodeCache(Buffer.alloc(0), source), undefined);
  const header = encoded.toString("latin1", 0, encoded.indexOf(10, encoded.indexOf(10) + 1) + 1);
  const otherV8 = Buffer.concat([Buffer.from(header.replace(/"v8":"[^"]*"/, '"v8":"0.0.0"'), "latin1"), data]);
  assert.equal(decodeCodeCache(otherV8, source), undefined);
  const otherArch = Buffer.concat([Buffer.from(header.replace(/"arch":"[^"]*"/, '"arch":"none"'), "latin1"), data]);
  assert.equal(decodeCodeCache(otherArch, source), undefined);
  const brokenHeader = Buffer.concat([Buffer.from(header.replace("{", "{{"), "latin1"), data]);
  assert.equal(decodeCodeCache(brokenHeader, source), undefined);
});

test("a missing, corrupt, truncated, foreign or refused cache still gives a working server with the same diagnostics", { timeout: 120_000 }, async () => {
  const expected = await firstDiagnostics(MAIN);
  assert.ok(expected.diagnostics.some((diagnostic) => diagnostic.code === "4.1.1"), "the sample's 4.1.1 finding");
  const realCache = fs.readFileSync(CACHE);
  const realSource = fs.readFileSync(BUNDLE);
  const data = decodeCodeCache(realCache, realSource)!;
  const cases: Array<{ name: string; state: string; prepare: (copy: ReturnType<typeof serverCopy>) => void }> = [
    { name: "no cache", state: "none", prepare: () => undefined },
    { name: "random bytes", state: "mismatched", prepare: (copy) => fs.writeFileSync(copy.cache, Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 31 + 7) % 256))) },
    { name: "truncated", state: "mismatched", prepare: (copy) => fs.writeFileSync(copy.cache, realCache.subarray(0, realCache.length >> 1)) },
    {
      name: "one byte of V8's data changed",
      state: "mismatched",
      prepare: (copy) => {
        const corrupt = Buffer.from(realCache);
        corrupt[corrupt.length - (data.length >> 1)] ^= 0xff;
        fs.writeFileSync(copy.cache, corrupt);
      },
    },
    {
      name: "made for another bundle of the same length",
      state: "mismatched",
      prepare: (copy) => {
        const source = Buffer.from(realSource);
        const at = source.indexOf("isv-dossier-server"); // in texts written to stderr or stdout, never in diagnostics
        assert.ok(at > 0);
        source[at] = "I".charCodeAt(0);
        fs.writeFileSync(copy.bundle, source);
        fs.writeFileSync(copy.cache, realCache);
      },
    },
    { name: "refused by V8 (intact header, not V8's data)", state: "rejected-by-v8", prepare: (copy) => fs.writeFileSync(copy.cache, encodeCodeCache(realSource, Buffer.alloc(data.length, 0x5a))!) },
    { name: "unreadable (a folder)", state: "unreadable", prepare: (copy) => fs.mkdirSync(copy.cache) },
    { name: "the real cache", state: "accepted", prepare: (copy) => fs.writeFileSync(copy.cache, realCache) },
  ];
  for (const { name, state, prepare } of cases) {
    const copy = serverCopy();
    prepare(copy);
    assert.equal(cacheStateInNewProcess(copy.bundle), state, name);
    const published = await firstDiagnostics(copy.main);
    assert.deepEqual(published, expected, name);
  }
  // Source-mapped stack traces asked for: the bundle is required as a module, without the cache.
  assert.deepEqual(await firstDiagnostics(MAIN, ["--enable-source-maps"]), expected, "--enable-source-maps");
  // V8's compilers chosen on the command line: the cache does not fit, and the warm-up leaves the flags alone.
  assert.deepEqual(await firstDiagnostics(MAIN, ["--jitless"]), expected, "--jitless");
});

test("server: an opened document is validated at once and its version published once; edits are still validated", { timeout: 30_000 }, async () => {
  const client = new TestLspClient();
  try {
    await client.initialize("en");
    const uri = pathToFileURL(SAMPLE).toString();
    const text = fs.readFileSync(SAMPLE, "utf8");
    const opened = client.diagnostics(uri, (next) => next.version === 1);
    await client.open(uri, text);
    await opened;
    // Open is also reported as a change of content: it must not be validated and published a second time (the
    // edits' debounce is 50 ms; wait well beyond it).
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.deepEqual(client.published.filter((published) => published.uri === uri).map((published) => published.version), [1]);

    const tenureLine = text.split("\n").findIndex((line) => /^\s+tenure: rented/.test(line));
    const character = text.split("\n")[tenureLine].indexOf("rented");
    const edited = client.diagnostics(uri, (next) => next.version === 2);
    await client.change(uri, 2, [{ range: { start: { line: tenureLine, character }, end: { line: tenureLine, character: character + "rented".length } }, text: "owned" }]);
    const after = await edited;
    assert.ok(!after.diagnostics.some((diagnostic) => diagnostic.code === "4.1.1" && diagnostic.range.start.line === tenureLine));

    // A change that arrives right behind the open: the last version is published, no version twice.
    const other = "untitled:right-behind.dossier.yaml";
    const last = client.diagnostics(other, (next) => next.version === 2);
    await client.open(other, text);
    await client.change(other, 2, [{ range: { start: { line: tenureLine, character }, end: { line: tenureLine, character: character + "rented".length } }, text: "owned" }]);
    await last;
    await new Promise((resolve) => setTimeout(resolve, 400));
    const versions = client.published.filter((published) => published.uri === other).map((published) => published.version);
    assert.equal(versions.at(-1), 2);
    assert.equal(new Set(versions).size, versions.length, `published twice: ${versions.join(", ")}`);
    assert.equal(await client.stop(), 0);
  } finally {
    if (client.child.exitCode === null) client.kill();
  }
});

test("the first validations run with V8's optimizing compiler off, within their budget, and it is always switched back on", () => {
  const flags: string[] = [];
  const warmUp = new WarmUp(100, (flag) => flags.push(flag), true);
  assert.equal(warmUp.spent, false);
  assert.equal(warmUp.run(40, () => "first"), "first");
  assert.deepEqual(flags.splice(0), ["--no-turbofan", "--turbofan"]);
  assert.throws(() => warmUp.run(40, () => { throw new Error("a rule failed"); }), /a rule failed/);
  assert.deepEqual(flags.splice(0), ["--no-turbofan", "--turbofan"], "switched back on after a throw");
  assert.equal(warmUp.run(40, () => "beyond the budget"), "beyond the budget");
  assert.deepEqual(flags.splice(0), [], "20 bytes were left");
  warmUp.run(1, () => undefined);
  assert.deepEqual(flags.splice(0), [], "the budget is spent");
  assert.equal(warmUp.spent, true);

  const large = new WarmUp(100, (flag) => flags.push(flag), true);
  large.run(500, () => undefined); // a large document first: compiled as usual, and it spends the budget
  large.run(10, () => undefined);
  assert.equal(flags.length, 0);

  const flagsGiven = new WarmUp(100, (flag) => flags.push(flag), false);
  assert.equal(flagsGiven.spent, true, "switched off: sizes do not matter");
  flagsGiven.run(10, () => undefined);
  assert.equal(flags.length, 0);

  assert.equal(compilerFlagsGiven([], undefined), false);
  assert.equal(compilerFlagsGiven(["--max-old-space-size=512", "--inspect=6019"], "--require x.cjs"), false);
  assert.equal(compilerFlagsGiven(["--jitless"], undefined), true);
  assert.equal(compilerFlagsGiven(["--nolazy", "--no-opt"], undefined), true);
  assert.equal(compilerFlagsGiven([], "--max-old-space-size=512 --turbofan"), true);
  assert.equal(compilerFlagsGiven(["--max-opt=2"], undefined), true);
});
