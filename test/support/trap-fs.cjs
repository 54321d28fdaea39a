// TEST ONLY: preloaded (`node --require`, or NODE_OPTIONS) into a process under test. Every call of a public `fs`
// function that names a path (sync, callback and promise forms) is recorded as one JSON line
// { method, path } in the file named by ISV_DOSSIER_TRAP_LOG; the call then proceeds unchanged.
"use strict";

const fs = require("node:fs");
const LOG = process.env.ISV_DOSSIER_TRAP_LOG;
const appendFileSync = fs.appendFileSync;
let recording = false;

const PATH_METHODS = [
  "access",
  "appendFile",
  "chmod",
  "chown",
  "copyFile",
  "cp",
  "createReadStream",
  "createWriteStream",
  "exists",
  "lchown",
  "link",
  "lstat",
  "lutimes",
  "mkdir",
  "open",
  "openAsBlob",
  "opendir",
  "readdir",
  "readFile",
  "readlink",
  "realpath",
  "rename",
  "rm",
  "rmdir",
  "stat",
  "statfs",
  "symlink",
  "truncate",
  "unlink",
  "utimes",
  "watch",
  "watchFile",
  "writeFile",
];

function describe(argument) {
  if (typeof argument === "string") return argument;
  if (argument instanceof URL) return argument.href;
  if (Buffer.isBuffer(argument)) return argument.toString("utf8");
  return undefined;
}

function record(method, argument) {
  const path = describe(argument);
  if (path === undefined || recording || !LOG) return;
  recording = true;
  try {
    appendFileSync(LOG, JSON.stringify({ method, path }) + "\n");
  } finally {
    recording = false;
  }
}

function wrap(owner, name, label) {
  const original = owner[name];
  if (typeof original !== "function") return;
  const wrapped = function (...args) {
    record(label, args[0]);
    return original.apply(this, args);
  };
  Object.assign(wrapped, original); // keeps realpathSync.native and the like
  if (typeof original.native === "function") {
    wrapped.native = function (...args) {
      record(`${label}.native`, args[0]);
      return original.native.apply(this, args);
    };
  }
  owner[name] = wrapped;
}

for (const name of PATH_METHODS) {
  wrap(fs, name, `fs.${name}`);
  wrap(fs, `${name}Sync`, `fs.${name}Sync`);
  wrap(fs.promises, name, `fs.promises.${name}`);
}
