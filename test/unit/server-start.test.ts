// The server's start: dist/server/main.js loads the bundled server (dist/server/language-server.js) and nothing
// else; V8 runs it with the flags the process was started with, whatever they are. An opened document is validated
// at once, and once.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { PublishedDiagnostics, TestLspClient } from "../support/lsp-client";
import { repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const MAIN = path.join(ROOT, "dist", "server", "main.js");
const SAMPLE = path.join(ROOT, "samples", "needs-work", "invalid-enum-tenure.dossier.yaml");

/** The environment of a server as an editor starts it: no NODE_OPTIONS that could change V8's flags. */
function plainEnvironment(): NodeJS.ProcessEnv {
  const environment = { ...process.env };
  delete environment.NODE_OPTIONS;
  return environment;
}

/** Starts `node [nodeArguments] main --stdio`, opens the sample and returns its first diagnostics, then stops the server. */
async function firstDiagnostics(main: string, nodeArguments: string[] = []): Promise<PublishedDiagnostics> {
  const child = spawn(process.execPath, [...nodeArguments, main, "--stdio"], {
    stdio: ["pipe", "pipe", "pipe"],
    env: plainEnvironment(),
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
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
    await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: null,
      locale: "en",
      capabilities: { workspace: { configuration: true } },
    });
    await connection.sendNotification("initialized", {});
    await connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "isv-dossier", version: 1, text: fs.readFileSync(SAMPLE, "utf8") },
    });
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

test("the packaged extension holds the server's entry and its bundle, and no code cache (.vscodeignore)", () => {
  const lines = fs
    .readFileSync(path.join(ROOT, ".vscodeignore"), "utf8")
    .split("\n")
    .map((line) => line.trim());
  assert.ok(lines.includes("**"), "everything else is left out");
  for (const file of ["dist/server/main.js", "dist/server/language-server.js"])
    assert.ok(lines.includes(`!${file}`), `${file} is not packaged`);
  assert.ok(!lines.some((line) => line.endsWith(".cache")), "a V8 code cache is packaged");
  assert.ok(
    !fs.existsSync(path.join(ROOT, "dist", "server", "language-server.js.cache")),
    "the build wrote a code cache",
  );
});

test("the server's bundle is ASCII, which V8 holds one byte per character", () => {
  // one character outside ASCII (a 。 in a regular expression literal, which esbuild leaves as written) and V8 keeps
  // the whole megabyte of source two bytes per character, for the life of the process
  for (const file of ["language-server.js", "main.js"]) {
    const bytes = fs.readFileSync(path.join(ROOT, "dist", "server", file));
    const at = bytes.findIndex((byte) => byte > 0x7f);
    assert.equal(at, -1, `${file}: ${bytes.subarray(Math.max(0, at - 40), at + 10).toString("utf8")}`);
  }
});

test(
  "the server publishes the same diagnostics whatever V8 flags it is started with",
  { timeout: 120_000 },
  async () => {
    const expected = await firstDiagnostics(MAIN);
    assert.ok(
      expected.diagnostics.some((diagnostic) => diagnostic.code === "4.1.1"),
      "the sample's 4.1.1 finding",
    );
    for (const flags of [["--enable-source-maps"], ["--jitless"], ["--no-opt", "--max-semi-space-size=1"]]) {
      assert.deepEqual(await firstDiagnostics(MAIN, flags), expected, flags.join(" "));
    }
  },
);

test(
  "server: an opened document is validated at once and its version published once; edits are still validated",
  { timeout: 30_000 },
  async () => {
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
      assert.deepEqual(
        client.published.filter((published) => published.uri === uri).map((published) => published.version),
        [1],
      );

      const tenureLine = text.split("\n").findIndex((line) => /^\s+tenure: rented/.test(line));
      const character = text.split("\n")[tenureLine].indexOf("rented");
      const edited = client.diagnostics(uri, (next) => next.version === 2);
      await client.change(uri, 2, [
        {
          range: {
            start: { line: tenureLine, character },
            end: { line: tenureLine, character: character + "rented".length },
          },
          text: "owned",
        },
      ]);
      const after = await edited;
      assert.ok(
        !after.diagnostics.some(
          (diagnostic) => diagnostic.code === "4.1.1" && diagnostic.range.start.line === tenureLine,
        ),
      );

      // A change that arrives right behind the open: the last version is published, no version twice.
      const other = "untitled:right-behind.dossier.yaml";
      const last = client.diagnostics(other, (next) => next.version === 2);
      await client.open(other, text);
      await client.change(other, 2, [
        {
          range: {
            start: { line: tenureLine, character },
            end: { line: tenureLine, character: character + "rented".length },
          },
          text: "owned",
        },
      ]);
      await last;
      await new Promise((resolve) => setTimeout(resolve, 400));
      const versions = client.published
        .filter((published) => published.uri === other)
        .map((published) => published.version);
      assert.equal(versions.at(-1), 2);
      assert.equal(new Set(versions).size, versions.length, `published twice: ${versions.join(", ")}`);
      assert.equal(await client.stop(), 0);
    } finally {
      if (client.child.exitCode === null) client.kill();
    }
  },
);
