// The language server's process is started without NODE_EXTRA_CA_CERTS (client/src/server-environment.ts): a real
// Node child, given the extension host's environment merged with the client's `env` as vscode-languageclient merges
// them, has every other variable and not that one. The real editor's server process is checked in
// test/e2e/suite/restart.test.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { repositoryRoot } from "../support/repository";
import {
  environmentOfServer,
  NOT_FOR_THE_SERVER,
  serverEnvironment,
  serverExecArgv,
} from "../../client/src/server-environment";

const CHILD =
  "process.stdout.write(JSON.stringify({ ca: process.env.NODE_EXTRA_CA_CERTS ?? null, kept: process.env.ISV_TEST_KEPT ?? null }))";

test("serverEnvironment leaves out NODE_EXTRA_CA_CERTS and nothing else", () => {
  assert.deepEqual(NOT_FOR_THE_SERVER, ["NODE_EXTRA_CA_CERTS"]);
  assert.deepEqual(Object.entries(serverEnvironment()), [["NODE_EXTRA_CA_CERTS", undefined]]);
});

test("a child started as the client starts the server does not receive NODE_EXTRA_CA_CERTS; other variables pass", () => {
  const host = { ...process.env, NODE_EXTRA_CA_CERTS: "/nonexistent/extra-ca.pem", ISV_TEST_KEPT: "kept" };
  // as vscode-languageclient's getEnvironment: the host's variables, then the server options' env over them
  const merged = { ...host, ...serverEnvironment() };
  const seen = JSON.parse(execFileSync(process.execPath, ["-e", CHILD], { env: merged, encoding: "utf8" })) as {
    ca: string | null;
    kept: string | null;
  };
  assert.deepEqual(seen, { ca: null, kept: "kept" });
  // environmentOfServer is that same environment, written out
  assert.equal(environmentOfServer(host).NODE_EXTRA_CA_CERTS, undefined);
  assert.equal(environmentOfServer(host).ISV_TEST_KEPT, "kept");
  assert.ok(!("NODE_EXTRA_CA_CERTS" in environmentOfServer(host)));
  // and the variable does reach a child started with the host's environment alone (the check above can fail)
  const plain = JSON.parse(
    execFileSync(process.execPath, ["-e", CHILD], { env: host, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }),
  ) as { ca: string | null };
  assert.equal(plain.ca, "/nonexistent/extra-ca.pem");
});

test("the server is started with its young generation capped and one V8 thread, unless NODE_OPTIONS speaks of them", () => {
  const both = ["--max-semi-space-size=4", "--v8-pool-size=1"];
  assert.deepEqual(serverExecArgv(undefined), both);
  assert.deepEqual(serverExecArgv("--max-old-space-size=512 --require x.cjs"), both);
  assert.deepEqual(serverExecArgv("--max-semi-space-size=16"), ["--v8-pool-size=1"]);
  assert.deepEqual(serverExecArgv("--max_semi_space_size=16"), ["--v8-pool-size=1"]);
  assert.deepEqual(serverExecArgv("--semi-space-growth-factor=1"), ["--v8-pool-size=1"]);
  assert.deepEqual(serverExecArgv("--v8-pool-size=4"), ["--max-semi-space-size=4"]);
  assert.deepEqual(serverExecArgv("--v8_pool_size=4 --max-semi-space-size=2"), []);
  // a child forked with them runs with them (Node accepts both)
  const flags = execFileSync(
    process.execPath,
    [...serverExecArgv(undefined), "-e", "process.stdout.write(JSON.stringify(process.execArgv))"],
    { encoding: "utf8" },
  );
  assert.deepEqual(JSON.parse(flags), [...both, "-e", "process.stdout.write(JSON.stringify(process.execArgv))"]);
});

test("isv-dossier-server's first line starts Node with its settings, as npm's Windows shim reads it", () => {
  const first = fs.readFileSync(path.join(repositoryRoot(), "server", "src", "lsp", "main.ts"), "utf8").split("\n")[0];
  assert.equal(first, "#!/usr/bin/env -S node --max-semi-space-size=8 --v8-pool-size=1");
  // npm's Windows shims read the line with this expression (cmd-shim, lib/index.js): the same Node and flags
  const cmdShim = /^#!\s*(?:\/usr\/bin\/env\s+(?:-S\s+)?((?:[^ \t=]+=[^ \t=]+\s+)*))?([^ \t]+)(.*)$/.exec(first);
  assert.equal(cmdShim?.[2], "node");
  assert.deepEqual(cmdShim?.[3].trim().split(" "), ["--max-semi-space-size=8", "--v8-pool-size=1"]);
});
