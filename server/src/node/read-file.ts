// Reads a dossier's bytes (for the CLI and the language server's workspace) without ever hanging or reading without bound: the file is opened without
// blocking (a FIFO with no writer would otherwise wait forever), checked with fstat on the open descriptor (links
// followed, no race with a swap of the path) to be a regular file — not a FIFO, device (/dev/zero), socket or
// folder — and no larger than the limit (the language server's maxFileSizeBytes), then read up to the limit + 1
// byte, in case it grows while being read.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import type { Locale } from "../core/types";
import { describeFileError } from "./folder-search";

export type DossierBytes =
  | { kind: "bytes"; bytes: Uint8Array }
  /** Larger than the limit: not read (size in bytes, as far as it is known). */
  | { kind: "too-large"; size: number }
  /** Could not be read, or is not a regular file: why, in the locale's words. */
  | { kind: "unreadable"; reason: string };

const SPECIAL_FILES: Array<{ test: (stat: fs.Stats) => boolean; en: string; zh: string }> = [
  { test: (stat) => stat.isDirectory(), en: "is a directory (EISDIR)", zh: "是文件夹（EISDIR）" },
  { test: (stat) => stat.isFIFO(), en: "not a regular file (a named pipe)", zh: "不是普通文件（命名管道）" },
  {
    test: (stat) => stat.isCharacterDevice(),
    en: "not a regular file (a character device)",
    zh: "不是普通文件（字符设备）",
  },
  { test: (stat) => stat.isBlockDevice(), en: "not a regular file (a block device)", zh: "不是普通文件（块设备）" },
  { test: (stat) => stat.isSocket(), en: "not a regular file (a socket)", zh: "不是普通文件（套接字）" },
];

function notRegular(stat: fs.Stats, locale: Locale): string {
  const special = SPECIAL_FILES.find((entry) => entry.test(stat));
  if (special) return locale === "zh-cn" ? special.zh : special.en;
  return locale === "zh-cn" ? "不是普通文件" : "not a regular file";
}

const CHUNK_BYTES = 1 << 20;

export function readDossierBytes(file: string, maxBytes: number, locale: Locale): DossierBytes {
  let descriptor: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading returns at once; it has no effect on a regular file
    descriptor = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { kind: "unreadable", reason: describeFileError(error, locale) };
  }
  try {
    const stat = fs.fstatSync(descriptor);
    if (!stat.isFile()) return { kind: "unreadable", reason: notRegular(stat, locale) };
    if (stat.size > maxBytes) return { kind: "too-large", size: stat.size };
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stat.size - total, 0) + 1, CHUNK_BYTES, maxBytes + 1 - total));
      const read = fs.readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
    if (total > maxBytes) return { kind: "too-large", size: Math.max(total, fs.fstatSync(descriptor).size) };
    return { kind: "bytes", bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
  } catch (error) {
    return { kind: "unreadable", reason: describeFileError(error, locale) };
  } finally {
    fs.closeSync(descriptor);
  }
}

/**
 * The sha256 of a regular file's content, read in chunks with the same defences (opened without blocking, fstat on
 * the descriptor, regular files only): undefined for an empty file, one larger than `maxBytes`, or one that cannot be
 * read. `known` gives a hash computed before for the same size and modification time (a cache), and is told a new one.
 * `firstBytes`: only the file's first bytes are hashed (all of it when shorter; no cache).
 */
export function hashRegularFile(
  file: string,
  maxBytes: number,
  known?: {
    get(file: string, size: number, mtimeMs: number): string | undefined;
    set(file: string, size: number, mtimeMs: number, hash: string): void;
  },
  firstBytes = Infinity,
): string | undefined {
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const stat = fs.fstatSync(descriptor);
    if (!stat.isFile() || stat.size === 0 || stat.size > maxBytes) return undefined;
    const whole = firstBytes >= stat.size;
    const cached = whole ? known?.get(file, stat.size, stat.mtimeMs) : undefined;
    if (cached) return cached;
    const hash = createHash("sha256");
    const chunk = Buffer.allocUnsafe(Math.min(stat.size + 1, firstBytes, CHUNK_BYTES));
    let total = 0;
    while (total < firstBytes) {
      const read = fs.readSync(descriptor, chunk, 0, Math.min(chunk.length, firstBytes - total), null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) return undefined;
      hash.update(chunk.subarray(0, read));
    }
    if (total === 0) return undefined;
    const digest = hash.digest("hex");
    if (whole) known?.set(file, stat.size, stat.mtimeMs, digest);
    return digest;
  } catch {
    return undefined;
  } finally {
    fs.closeSync(descriptor);
  }
}
