// Loads the bundled language server with V8's code cache: the bytecode of every function the server ran while the
// build opened the samples (server/build.mjs), so that a new server does not parse and compile them again before
// its first diagnostics. The cache is an optimisation only: missing, unreadable, corrupt, made for another bundle or
// another Node/V8, or refused by V8, the bundle is compiled from its source as usual.
//
// File format: a first line (MAGIC), a second line of JSON (CacheHeader), then V8's cached data. V8 itself checks
// only its version, its flags and the source's length, and in release builds not the data's checksum: the header
// names the runtime and carries CRC-32s of the bundle and of the data, checked before V8 is handed anything.
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as vm from "node:vm";
import * as zlib from "node:zlib";

const MAGIC = "isv-dossier code cache 1\n";

interface CacheHeader {
  /** process.versions.v8 and process.arch of the Node that made the cache. */
  v8: string;
  arch: string;
  /** CRC-32 and length in bytes of the bundle the cache was made from. */
  sourceCrc: number;
  sourceBytes: number;
  /** CRC-32 and length in bytes of V8's data after the header. */
  dataCrc: number;
  dataBytes: number;
}

export type CodeCacheState = "accepted" | "none" | "unreadable" | "mismatched" | "rejected-by-v8";

/** zlib.crc32 (Node ≥ 20.15); without it no cache is read or written. */
function crc32(data: Uint8Array): number | undefined {
  const crc = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  return typeof crc === "function" ? crc(data) : undefined;
}

/** The cache file's bytes for V8's `data`, made from the bundle `source` by this runtime. */
export function encodeCodeCache(source: Uint8Array, data: Uint8Array): Buffer | undefined {
  const sourceCrc = crc32(source);
  const dataCrc = crc32(data);
  if (sourceCrc === undefined || dataCrc === undefined) return undefined;
  const header: CacheHeader = { v8: process.versions.v8, arch: process.arch, sourceCrc, sourceBytes: source.length, dataCrc, dataBytes: data.length };
  return Buffer.concat([Buffer.from(MAGIC + JSON.stringify(header) + "\n", "utf8"), data]);
}

/** V8's data from a cache file, or undefined unless it was made by this runtime from exactly this bundle and is intact. */
export function decodeCodeCache(file: Buffer, source: Uint8Array): Buffer | undefined {
  if (file.length < MAGIC.length || file.toString("latin1", 0, MAGIC.length) !== MAGIC) return undefined;
  const headerEnd = file.indexOf(10, MAGIC.length);
  if (headerEnd < 0 || headerEnd - MAGIC.length > 1024) return undefined;
  let header: Partial<CacheHeader>;
  try {
    header = JSON.parse(file.toString("utf8", MAGIC.length, headerEnd)) as Partial<CacheHeader>;
  } catch {
    return undefined;
  }
  if (header === null || typeof header !== "object") return undefined;
  if (header.v8 !== process.versions.v8 || header.arch !== process.arch) return undefined;
  const data = file.subarray(headerEnd + 1);
  if (header.sourceBytes !== source.length || header.dataBytes !== data.length) return undefined;
  if (header.dataCrc !== crc32(data) || header.sourceCrc !== crc32(source)) return undefined;
  return data;
}

/** Where the cache of a bundle is kept: beside it. */
export function codeCacheFileOf(bundleFile: string): string {
  return `${bundleFile}.cache`;
}

export interface LoadedBundle {
  cache: CodeCacheState;
  /** Runs the bundle as a CommonJS module (require, module, exports, __filename and __dirname of its own file). */
  run(): void;
  /** Writes the cache file from what V8 has compiled so far (the functions run by then included). */
  writeCache(): void;
}

/** Compiles a CommonJS bundle, with its code cache when one fits. Throws only when the bundle itself cannot be read or compiled. */
export function loadBundle(bundleFile: string): LoadedBundle {
  const cacheFile = codeCacheFileOf(bundleFile);
  const bytes = fs.readFileSync(bundleFile);
  let cachedData: Buffer | undefined;
  let cache: CodeCacheState = "none";
  try {
    cachedData = decodeCodeCache(fs.readFileSync(cacheFile), bytes);
    cache = cachedData ? "accepted" : "mismatched";
  } catch (error) {
    cache = (error as NodeJS.ErrnoException).code === "ENOENT" ? "none" : "unreadable";
  }
  // Node's own CommonJS wrapper, on the bundle's first line: line numbers (and so its source map) stay as they are.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${bytes.toString("utf8")}\n})`;
  const script = new vm.Script(wrapped, { filename: bundleFile, cachedData });
  if (cachedData && script.cachedDataRejected) cache = "rejected-by-v8";
  return {
    cache,
    run() {
      const compiled = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
      const bundleModule = { exports: {}, id: bundleFile, filename: bundleFile, loaded: false, children: [], paths: [] };
      compiled.call(bundleModule.exports, bundleModule.exports, createRequire(bundleFile), bundleModule, bundleFile, path.dirname(bundleFile));
      bundleModule.loaded = true;
    },
    writeCache() {
      const encoded = encodeCodeCache(bytes, script.createCachedData());
      if (!encoded) throw new Error("this Node has no zlib.crc32: no code cache can be written");
      // written beside and renamed: a server starting meanwhile reads the old file or the new one, never half of one
      const partial = `${cacheFile}.${process.pid}.partial`;
      fs.writeFileSync(partial, encoded);
      fs.renameSync(partial, cacheFile);
    },
  };
}
