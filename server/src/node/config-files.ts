// The configuration files on disk (isv-dossier.config.yaml), for the CLI and the language server alike: the one that
// governs a dossier is found by walking up from the dossier's folder — the nearest wins; the walk stops at the first
// folder holding `.git` (after looking in it) or at the file system's root; files are never merged. A file is read
// only when it is a regular file of at most MAX_CONFIG_BYTES, then checked by the core (check/config/config-check.ts).
import * as fs from "node:fs";
import * as path from "node:path";
import { checkConfigText, ConfigReport } from "../core/check/config/config-check";
import { CONFIG_FILE_NAME } from "../core/check/config/config-model";
import { decodeDossierBytes } from "../core/parse/encoding";
import type { Locale } from "../core/types";
import { readDossierBytes } from "./read-file";

export { CONFIG_FILE_NAME };

/** A configuration file larger than this is not read (a real one is a few kilobytes, with many waivers a few dozen). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export type ConfigRead =
  | { kind: "read"; report: ConfigReport }
  /** Could not be read: why, in the locale's words (read-file.ts). */
  | { kind: "unreadable"; file: string; reason: string };

/** Whether a path names a configuration file (by its name). */
export function isConfigFileName(file: string): boolean {
  return path.basename(file) === CONFIG_FILE_NAME;
}

/** The configuration file for a dossier in `folder`: the nearest one up to the repository's top or the root. */
export function findConfigFile(folder: string, exists: (file: string) => boolean = fs.existsSync): string | undefined {
  let directory = path.resolve(folder);
  for (;;) {
    const candidate = path.join(directory, CONFIG_FILE_NAME);
    if (exists(candidate)) return candidate;
    const parent = path.dirname(directory);
    if (parent === directory || exists(path.join(directory, ".git"))) return undefined;
    directory = parent;
  }
}

/**
 * Reads and checks a configuration file: a regular file within MAX_CONFIG_BYTES, read as dossiers are
 * (read-file.ts: opened without blocking, so that a FIFO never hangs the read, and checked on the open descriptor).
 */
export function readConfigFile(file: string, locale: Locale = "en"): ConfigRead {
  const read = readDossierBytes(file, MAX_CONFIG_BYTES, locale);
  if (read.kind === "unreadable") return { kind: "unreadable", file, reason: read.reason };
  if (read.kind === "too-large")
    return {
      kind: "unreadable",
      file,
      reason: locale === "zh-cn" ? `超过 ${MAX_CONFIG_BYTES} 字节` : `larger than ${MAX_CONFIG_BYTES} bytes`,
    };
  const decoded = decodeDossierBytes(read.bytes);
  const report = checkConfigText(decoded.text, file);
  return { kind: "read", report: { ...report, findings: [...decoded.findings, ...report.findings] } };
}

/**
 * The configuration files of a run or of a server's life, each found and read once until forgotten: per folder,
 * which file governs it; per file, what it says. `openReport` gives an open document's report (its latest text, checked
 * once per text by its owner) instead of the disk's.
 */
export class ConfigFiles {
  private readonly governing = new Map<string, string | null>();
  private readonly reads = new Map<string, ConfigRead>();

  constructor(private readonly openReport: (file: string) => ConfigReport | undefined = () => undefined) {}

  /** The configuration file that governs a dossier in `folder`, if any. */
  fileFor(folder: string): string | undefined {
    const key = path.resolve(folder);
    let found = this.governing.get(key);
    if (found === undefined) this.governing.set(key, (found = findConfigFile(key) ?? null));
    return found ?? undefined;
  }

  /** A configuration file, read and checked (an open document's text when there is one). */
  read(file: string, locale: Locale = "en"): ConfigRead {
    const open = this.openReport(file);
    if (open !== undefined) return { kind: "read", report: open };
    let read = this.reads.get(file);
    if (!read) this.reads.set(file, (read = readConfigFile(file, locale)));
    return read;
  }

  /** Forgets everything found and read (a configuration file was created, changed or deleted). */
  forget(): void {
    this.governing.clear();
    this.reads.clear();
  }
}
