// A client that sends what the server cannot read — a malformed frame header, a header without Content-Length, a
// body that is not JSON — ends the server with a non-zero exit code (the editor then restarts it), instead of leaving
// it alive and deaf. Messages that are well framed but of no kind are ignored and the server keeps answering.
// Over a raw stdio connection (test/support/raw-lsp.ts); every run is bounded by a kill timer.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RawLspConnection } from "../support/raw-lsp";

/** Far above anything the server needs to answer or to exit. */
const KILL_AFTER_MS = 30_000;

const UNREADABLE: { [name: string]: (connection: RawLspConnection) => void } = {
  "Content-Length: abc": (connection) =>
    connection.writeRaw('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","id":2,"method":"shutdown"}'),
  "a header without Content-Length": (connection) =>
    connection.writeRaw('Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","id":2,"method":"shutdown"}'),
  "a body that is not JSON": (connection) =>
    connection.send('{"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": [1, 2'),
};

for (const [name, send] of Object.entries(UNREADABLE)) {
  test(`server: ${name} ends the server with a non-zero exit code`, { timeout: 2 * KILL_AFTER_MS }, async () => {
    const connection = new RawLspConnection(KILL_AFTER_MS);
    try {
      await connection.initialize(KILL_AFTER_MS);
      send(connection);
      const { code, killed } = await connection.exited;
      assert.equal(killed, false, `still running after ${KILL_AFTER_MS} ms`);
      assert.notEqual(code, 0);
      assert.notEqual(code, null);
      assert.deepEqual(connection.notSolicited(), [], "nothing sent but answers");
      assert.match(connection.stderr.join(""), /^(isv-dossier-server: \w+ [\w-]*\n)*$/);
    } finally {
      connection.kill();
    }
  });
}

test(
  "server: well-framed messages of no kind are ignored without a log message; the server answers and exits 0",
  { timeout: 2 * KILL_AFTER_MS },
  async () => {
    const connection = new RawLspConnection(KILL_AFTER_MS);
    try {
      await connection.initialize(KILL_AFTER_MS);
      connection.send({ secret: "neither request nor notification" });
      connection.send("[1, 2, 3]");
      connection.send({ id: 99, result: "an answer to nothing" });
      connection.send({ id: 2, method: "shutdown" });
      assert.ok(await connection.answer(2, KILL_AFTER_MS), "shutdown answered");
      connection.send({ method: "exit" });
      const { code, killed } = await connection.exited;
      assert.equal(killed, false);
      assert.equal(code, 0);
      assert.deepEqual(connection.notSolicited(), []);
    } finally {
      connection.kill();
    }
  },
);
