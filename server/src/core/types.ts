// The vocabulary of the language service: findings, ranges in string offsets, localized text.
// Pure data types: imports nothing.

export type Locale = "en" | "zh-cn";
export type Localized = { zh: string; en: string };
export type Severity = "error" | "warning" | "info";

/** A span of the document as string offsets [start, end). */
export interface OffsetRange {
  start: number;
  end: number;
}

/** A message argument: plain text, a number, text in both languages, or a list of those. */
export type MessageArgument = string | number | Localized | MessageArgument[];
export type MessageArguments = { [name: string]: MessageArgument };

export interface RelatedFinding {
  /** The other dossier the range is in, by the caller's name for it (cross-dossier checks); absent: this one. */
  document?: string;
  range: OffsetRange;
  messageId: string;
  args: MessageArguments;
}

/** What a quick fix may do, described as data (the service turns it into edits). */
export type FixHint =
  | { kind: "insert-key"; path: Array<string | number>; key: string }
  | { kind: "replace-value"; candidates: string[] }
  /** Rename the key at `path` (the finding's range is that key) to `to`: a misspelt key's nearest known one. */
  | { kind: "rename-key"; path: Array<string | number>; to: string };

export interface Finding {
  /** Stable rule id, e.g. "schema.required" or "performance.qualifying-projects". */
  ruleId: string;
  /** The clause ids the finding rests on; empty only for YAML syntax and identifier-format findings. */
  clauseIds: string[];
  severity: Severity;
  messageId: string;
  args: MessageArguments;
  range: OffsetRange;
  related: RelatedFinding[];
  fix?: FixHint;
  /** Set when a waiver covers the finding: it stays a finding (a status, not a deletion), but it no longer counts
   * as an error or a warning anywhere (check/waivers.ts). */
  waived?: FindingWaiver;
}

/** The waiver that covers a finding: what makes it a record of the submission, and where it was written. */
export interface FindingWaiver {
  justification: string;
  approvedBy: string;
  /** The last day it applies (YYYY-MM-DD). */
  expires: string;
  /** A comment in the dossier (its range), or an entry of a configuration file (check/waiver-entry.ts WaiverOrigin). */
  origin: { kind: "inline"; range: OffsetRange } | { kind: "config"; file: string; range?: OffsetRange; index: number };
}

export type JsonPath = Array<string | number>;

/** What kind of check reports a finding (the check table, check/checks.ts). */
export type CheckKind =
  /** A requirement rule (rules/). */
  | "rule"
  /** The JSON Schema generated from the dossier model. */
  | "schema"
  /** The form of an identifier no clause prescribes. */
  | "identifier"
  /** YAML syntax. */
  | "yaml"
  /** The characters of the text. */
  | "encoding"
  /** Limits against hostile or oversized input. */
  | "limit"
  /** References that are never followed. */
  | "security"
  /** A note about how the dossier was checked. */
  | "notice"
  /** A waiver (check/waivers.ts): malformed, expired or covering nothing. */
  | "waiver"
  /** The configuration file (isv-dossier.config.yaml), not a dossier. */
  | "config"
  /** Facts several dossiers claim (check/cross/). */
  | "cross";

export interface CheckDeclaration {
  /** The finding's `ruleId`. */
  id: string;
  kind: CheckKind;
  /** The clauses it cites, as templates ("4.x.3" stands for 4.1.3 / 4.2.3 / 4.3.3); empty when it cites none, or
   * when they come from the schema (then clausesFromSchema is set). */
  clauses: string[];
  /** The clauses are those of the schema constraint that failed (its x-clause). */
  clausesFromSchema?: boolean;
  /** The severities its findings may have, the usual one first. */
  severities: Severity[];
  /** What it checks, in both languages. */
  description: Localized;
}
