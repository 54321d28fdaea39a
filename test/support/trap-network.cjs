// TEST ONLY: preloaded (`node --require`, or NODE_OPTIONS) into a process under test. Every attempt to reach the
// network — sockets, DNS, HTTP(S), HTTP/2, TLS, UDP, fetch, WebSocket, and spawning a program (curl…) — is
// recorded as one JSON line in the file named by ISV_DOSSIER_TRAP_LOG, then fails with an error. A first line
// { kind: "trap-loaded" } shows that the trap was in place.
"use strict";

const fs = require("node:fs");
const LOG = process.env.ISV_DOSSIER_TRAP_LOG;
const appendFileSync = fs.appendFileSync;

function describe(argument) {
  if (typeof argument === "string") return argument;
  if (argument instanceof URL) return argument.href;
  if (argument && typeof argument === "object") {
    const { host, hostname, port, path, url, href } = argument;
    return JSON.stringify({ host, hostname, port, path, url, href });
  }
  return String(argument);
}

function record(kind, args) {
  const line = JSON.stringify({ kind, target: args.length > 0 ? describe(args[0]) : "", pid: process.pid }) + "\n";
  if (LOG) appendFileSync(LOG, line);
  else process.stderr.write(`network trap: ${line}`);
}

function trap(owner, name, kind) {
  if (!owner || typeof owner[name] !== "function") return;
  owner[name] = function trapped(...args) {
    record(kind, args);
    throw new Error(`network access blocked by a test trap: ${kind}`);
  };
}

function trapPromise(owner, name, kind) {
  if (!owner || typeof owner[name] !== "function") return;
  owner[name] = function trapped(...args) {
    record(kind, args);
    return Promise.reject(new Error(`network access blocked by a test trap: ${kind}`));
  };
}

const net = require("node:net");
trap(net, "connect", "net.connect");
trap(net, "createConnection", "net.createConnection");
trap(net.Socket.prototype, "connect", "net.Socket.connect");
const tls = require("node:tls");
trap(tls, "connect", "tls.connect");
const dns = require("node:dns");
for (const name of [
  "lookup",
  "lookupService",
  "resolve",
  "resolve4",
  "resolve6",
  "resolveAny",
  "resolveCname",
  "resolveMx",
  "resolveNs",
  "resolveTxt",
  "resolveSrv",
  "reverse",
]) {
  trap(dns, name, `dns.${name}`);
  trapPromise(dns.promises, name, `dns.promises.${name}`);
}
for (const module of ["http", "https"]) {
  const library = require(`node:${module}`);
  trap(library, "request", `${module}.request`);
  trap(library, "get", `${module}.get`);
}
trap(require("node:http2"), "connect", "http2.connect");
trap(require("node:dgram"), "createSocket", "dgram.createSocket");
const childProcess = require("node:child_process");
for (const name of ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"])
  trap(childProcess, name, `child_process.${name}`);
if (typeof globalThis.fetch === "function") trapPromise(globalThis, "fetch", "fetch");
if (typeof globalThis.WebSocket === "function") {
  globalThis.WebSocket = function WebSocket(...args) {
    record("WebSocket", args);
    throw new Error("network access blocked by a test trap: WebSocket");
  };
}
record("trap-loaded", []);
