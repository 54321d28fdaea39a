// Lint workers start from lint-worker-start.js, which loads the worker bundle with its V8 code cache
// (server/src/cli/lint-worker-start.ts, node/code-cache.ts). The CLI is bundled here on its own (esbuild, as the
// build does), so that the start script is tested whether or not the build makes it: a run with
// ISV_DOSSIER_WRITE_CODE_CACHE=1 writes a cache that V8 accepts, and with that cache, with a corrupt one, without
// one, without the start script and with source maps, the output is the same as linting in the main thread alone.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { build } from "esbuild";
import { codeCacheFileOf, decodeCodeCache } from "../../server/src/node/code-cache";
import { WORKER_V8_FLAGS } from "../../server/src/cli/worker-v8";
import { AS_OF, ROOT } from "../support/cli-harness";

let folder = "";
let corpus = "";

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-worker-start-"));
  const entries: Array<[string, string]> = [
    ["server/src/cli.ts", "cli.js"],
    ["server/src/cli/lint-worker.ts", "lint-worker.js"],
    ["server/src/cli/lint-worker-start.ts", "lint-worker-start.js"],
  ];
  for (const [entry, output] of entries) {
    await build({ entryPoints: [path.join(ROOT, entry)], outfile: path.join(folder, "dist", "server", output), bundle: true, platform: "node", target: "node20", format: "cjs", sourcemap: true, logLevel: "warning" });
  }
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(folder, "package.json"));
  // 30 dossiers (copies of three samples, with their evidence): enough for several workers
  corpus = path.join(folder, "corpus");
  const samples = ["jinan-luoqiao", "hangzhou-chengyan", "nanjing-qiyuan"].filter((name) => fs.existsSync(path.join(ROOT, "samples", name)));
  assert.ok(samples.length >= 2, "samples to lint");
  for (let index = 0; index < 30; index++) {
    const name = samples[index % samples.length];
    const target = path.join(corpus, name);
    if (!fs.existsSync(target)) fs.cpSync(path.join(ROOT, "samples", name, "evidence"), path.join(target, "evidence"), { recursive: true });
    fs.copyFileSync(path.join(ROOT, "samples", name, `${name}.dossier.yaml`), path.join(target, `copy-${String(index).padStart(2, "0")}.dossier.yaml`));
  }
});

after(() => {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

/** The environment a user's shell gives: no NODE_OPTIONS (V8 takes a cache only under the flags it was written with). */
function plainEnvironment(extra: { [name: string]: string } = {}): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete environment.NODE_OPTIONS;
  if (extra.ISV_DOSSIER_WRITE_CODE_CACHE === undefined) delete environment.ISV_DOSSIER_WRITE_CODE_CACHE;
  return environment;
}

function lint(jobs: string, options: { env?: { [name: string]: string }; nodeArguments?: string[] } = {}): string {
  const cli = path.join(folder, "dist", "server", "cli.js");
  const result = spawnSync(process.execPath, [...(options.nodeArguments ?? []), cli, "lint", corpus, "--jobs", jobs, "--format", "json", "--as-of", AS_OF, "--lang", "en"], {
    env: plainEnvironment(options.env),
    encoding: "utf8",
  });
  assert.equal(result.stderr, "", result.stderr);
  assert.ok(result.status === 0 || result.status === 1, `exit code ${result.status}`);
  return result.stdout;
}

/** What loading the bundle makes of its cache, under V8's flags as the workers run (worker-v8.ts). */
function cacheState(bundle: string): string {
  const codeCache = path.join(ROOT, "out", "server", "src", "node", "code-cache.js");
  const script = `for (const flag of ${JSON.stringify(WORKER_V8_FLAGS)}) require("node:v8").setFlagsFromString(flag); process.stdout.write(require(${JSON.stringify(codeCache)}).loadBundle(${JSON.stringify(bundle)}).cache)`;
  const result = spawnSync(process.execPath, ["-e", script], { env: plainEnvironment(), encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

test("workers load their bundle with the code cache a run wrote; any cache, or none, gives the same output", { timeout: 120_000 }, () => {
  const bundle = path.join(folder, "dist", "server", "lint-worker.js");
  const cache = codeCacheFileOf(bundle);
  const reference = lint("1");
  const report = JSON.parse(reference) as { files: unknown[] };
  assert.equal(report.files.length, 30);

  assert.ok(!fs.existsSync(cache));
  assert.equal(lint("2"), reference, "no cache yet");
  assert.ok(!fs.existsSync(cache), "a run without ISV_DOSSIER_WRITE_CODE_CACHE writes no cache");

  assert.equal(lint("2", { env: { ISV_DOSSIER_WRITE_CODE_CACHE: "1" } }), reference, "the run that writes the cache");
  assert.ok(fs.existsSync(cache), "the cache was written");
  assert.deepEqual(fs.readdirSync(path.dirname(bundle)).filter((name) => name.endsWith(".partial")), [], "no partial file left");
  assert.equal(cacheState(bundle), "accepted");
  assert.equal(lint("2"), reference, "with the cache");
  assert.equal(lint("3"), reference, "with the cache, three workers");

  const written = fs.readFileSync(cache);
  const corrupt = Buffer.from(written);
  corrupt[corrupt.length >> 1] ^= 0xff;
  fs.writeFileSync(cache, corrupt);
  assert.equal(cacheState(bundle), "mismatched");
  assert.equal(lint("2"), reference, "with a corrupt cache");

  fs.writeFileSync(cache, written);
  assert.equal(lint("2", { nodeArguments: ["--enable-source-maps"] }), reference, "with source maps (the bundle required as a module)");

  fs.rmSync(path.join(folder, "dist", "server", "lint-worker-start.js"));
  assert.equal(lint("2"), reference, "without the start script (workers run lint-worker.js)");
});

test("the build writes the lint workers' start script and their code cache, made from this worker bundle", () => {
  const bundle = path.join(ROOT, "dist", "server", "lint-worker.js");
  const cache = codeCacheFileOf(bundle);
  assert.ok(fs.existsSync(path.join(ROOT, "dist", "server", "lint-worker-start.js")), "npm run build writes dist/server/lint-worker-start.js");
  assert.ok(fs.existsSync(cache), `${cache} is missing: npm run build writes it`);
  assert.ok(decodeCodeCache(fs.readFileSync(cache), fs.readFileSync(bundle)), "the cache does not fit the worker bundle");
});
