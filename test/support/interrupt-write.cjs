// TEST ONLY: preloaded (NODE_OPTIONS=--require) into a CLI under test to interrupt it while it writes a file. The
// first fs.writeFileSync to anything but stdout/stderr writes the first half of its data where the real call would
// have (a path, truncating it, or a descriptor), then the process kills itself with SIGKILL: what a power cut or a
// kill -9 in the middle of writing a report leaves behind.
"use strict";

const fs = require("node:fs");
const { isMainThread } = require("node:worker_threads");
const writeFileSync = fs.writeFileSync;

if (isMainThread) {
  fs.writeFileSync = function interrupted(file, data, options) {
    if (file === 1 || file === 2 || file === "/dev/stdout" || file === "/dev/stderr")
      return writeFileSync.call(this, file, data, options);
    const encoding = typeof options === "string" ? options : options && options.encoding ? options.encoding : "utf8";
    const bytes = typeof data === "string" ? Buffer.from(data, encoding) : Buffer.from(data);
    writeFileSync.call(this, file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    process.kill(process.pid, "SIGKILL");
  };
}
