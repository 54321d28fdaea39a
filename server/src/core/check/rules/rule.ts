// What a requirement rule is: an id, the clause(s) it enforces, a description in both languages, and a check
// over the dossier that returns findings. Rules get everything through RuleContext (no I/O of their own).
import type { Document } from "yaml";
import type { Edition, Level } from "../../catalog/edition";
import type {
  Finding,
  JsonPath,
  Localized,
  MessageArguments,
  OffsetRange,
  RelatedFinding,
  Severity,
} from "../../types";

export interface RuleOptions {
  /** Warn when a lease ends within this many months after the application date. */
  leaseWarningMonths: number;
  /** Says whether an evidence file exists (path relative to the dossier's folder, already checked to stay inside);
   * undefined when existence is not checked. */
  evidenceExists?: (relativePath: string) => boolean;
}

export interface RuleContext {
  edition: Edition;
  level: Level;
  /** The applied category when it is a known one. */
  category: string | undefined;
  drClass: string | undefined;
  /** The dossier as plain data (from YAML). */
  dossier: { [key: string]: unknown };
  document: Document;
  text: string;
  /** The date every time window is measured against (YYYY-MM-DD). */
  asOf: string;
  options: RuleOptions;
  /** The clause id of a per-level template ("4.x.3.b") at the dossier's level. */
  clause(template: string): string;
  valueRange(path: JsonPath): OffsetRange;
  keyRange(path: JsonPath): OffsetRange;
  /** Builds a finding of this rule. */
  finding(init: {
    clauses: string[];
    messageId: string;
    args?: MessageArguments;
    range: OffsetRange;
    severity?: Severity;
    related?: RelatedFinding[];
  }): Finding;
}

export interface Rule {
  id: string;
  /** The clauses it enforces, as templates ("4.x.3.a" stands for 4.1.3.a / 4.2.3.a / 4.3.3.a). */
  clauses: string[];
  /** What it checks, including its boundary convention in short. */
  description: Localized;
  /** The boundary convention of its time windows or counts, stated precisely (README's rule table). */
  boundary?: Localized;
  /** Messages this rule uses, in both languages. */
  messages: { [messageId: string]: Localized };
  check(context: RuleContext): Finding[];
}
