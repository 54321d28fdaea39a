// A waiver as the configuration file writes it (isv-dossier.config.yaml, key `waivers`) and as the inline comment
// `# isv-dossier-waive …` says it: what it covers (a check id and/or a clause id, the dossiers, optionally a path
// inside the dossier) and what makes it a record of the submission (the justification, who approved it, until when).
// Shared by the configuration (core/check/config) and the waivers themselves (which findings a waiver covers, expiry,
// unused waivers). Pure data; no I/O.
import type { OffsetRange } from "../types";

export interface WaiverEntry {
  /** A check id (checks.ts), e.g. "evidence.exists". At least one of `rule` and `clause`. */
  rule?: string;
  /** A clause id of the edition, e.g. "4.1.5". */
  clause?: string;
  /**
   * File form only: the dossiers it covers, a path or glob relative to the configuration file's folder
   * (default: every dossier the configuration applies to).
   */
  dossier?: string;
  /** Optionally a place inside the dossier, in the dossier's own words: `performance.projects[3]`. */
  path?: string;
  /** Why the finding is accepted (偏离说明 / 不适用说明). Required: a waiver without it is itself an error. */
  justification?: string;
  /** Who approved it. Required. */
  approvedBy?: string;
  /** The last day it applies (YYYY-MM-DD). Required. */
  expires?: string;
}

/** Where a waiver was written: a comment in the dossier, or an entry of a configuration file. */
export type WaiverOrigin =
  { kind: "inline"; range: OffsetRange } | { kind: "config"; file: string; range?: OffsetRange; index: number };

export interface WaiverSource {
  entry: WaiverEntry;
  origin: WaiverOrigin;
}

/** The keys of a waiver entry, in the order documents list them. */
export const WAIVER_KEYS = ["rule", "clause", "dossier", "path", "justification", "approvedBy", "expires"] as const;
