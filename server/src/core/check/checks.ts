// Every check id the tool can report, in one table: the requirement rules (from their own declarations in rules/)
// and the other checks, each declared beside the code that reports it (parse.ts, encoding.ts, limits.ts,
// check/schema/check.ts; the two findings service.ts makes itself are declared here). The README's check tables, the
// SARIF rule descriptions and the ids a configuration may name come from it. test/unit/checks.test.ts fails when an
// id is reported that the table lacks, or the table holds an id nothing reports.
import type { Edition } from "../catalog/edition";
import { ENCODING_CHECKS } from "../parse/encoding";
import { LIMIT_CHECKS } from "../parse/limits";
import { YAML_CHECKS } from "../parse/parse";
import { CROSS_CHECKS } from "./cross/cross-dossier";
import { RULES } from "./rules";
import type { Rule } from "./rules/rule";
import { SCHEMA_CHECKS } from "./schema/check";
import { CONFIG_CHECKS } from "./config/config-checks";
import type { CheckDeclaration, Severity } from "../types";
import { WAIVER_CHECKS } from "./waiver-checks";

// declared in types.ts, beside the findings: the modules that declare checks (parse, encoding, limits, the schema
// check) sit below this table and cannot import from it
export type { CheckDeclaration, CheckKind } from "../types";

export interface CheckEntry extends CheckDeclaration {
  /** The usual severity of its findings (the first of `severities`). */
  defaultSeverity: Severity;
}

/**
 * The severities of a rule's findings, the usual one first, when not only errors. A rule's findings are errors
 * unless it says otherwise (context.finding); the checks test fails when a rule reports a severity not listed here.
 */
const RULE_SEVERITIES: { [ruleId: string]: Severity[] } = {
  "category.other-category": ["info"],
  "dates.certificate-validity": ["error", "info"],
  "premises.lease-term": ["error", "warning"],
  "dates.not-after-application": ["error", "info"],
  "personnel.references": ["error", "warning"],
  "processes.stage-coverage": ["warning"],
  "management.supplier-management": ["warning", "info"],
  "personnel.technical-lead": ["error", "warning"],
  "tools.source-evidence": ["error", "info"],
  "identifier.self-assessment-clause": ["warning"],
};

// Findings the language service makes itself (service.ts).

const EMPTY_DOSSIER_CHECK: CheckDeclaration = {
  id: "schema.empty",
  kind: "schema",
  clauses: ["4"],
  severities: ["error"],
  description: { en: "A dossier is not empty.", zh: "申请材料不能为空。" },
};

const AS_OF_TODAY_CHECK: CheckDeclaration = {
  id: "dates.as-of-today",
  kind: "notice",
  clauses: ["4.x.3"],
  severities: ["info"],
  description: {
    en: "Without a valid application date (application.date), time windows are measured against today.",
    zh: "没有有效的申请日期（application.date）时，时间要求按今天计算。",
  },
};

function ruleCheck(rule: Rule): CheckDeclaration {
  return {
    id: rule.id,
    kind: "rule",
    clauses: rule.clauses,
    severities: RULE_SEVERITIES[rule.id] ?? ["error"],
    description: rule.description,
  };
}

function entry(declaration: CheckDeclaration): CheckEntry {
  return { ...declaration, defaultSeverity: declaration.severities[0] ?? "error" };
}

/** Every check: the other checks first (YAML, encodings, limits, security, schema, identifiers, notices), then the
 * rules in the order they run, then the configuration file's checks, then the cross-dossier checks. */
export const CHECKS: readonly CheckEntry[] = [
  ...YAML_CHECKS,
  ...ENCODING_CHECKS,
  ...LIMIT_CHECKS,
  EMPTY_DOSSIER_CHECK,
  ...SCHEMA_CHECKS,
  AS_OF_TODAY_CHECK,
  ...WAIVER_CHECKS,
  ...RULES.map(ruleCheck),
  ...CONFIG_CHECKS,
  ...CROSS_CHECKS,
].map(entry);

const BY_ID = new Map(CHECKS.map((check) => [check.id, check]));

/** The table entry of a check id (a finding's ruleId), if it has one. */
export function checkById(id: string): CheckEntry | undefined {
  return BY_ID.get(id);
}

/** Every check id, in table order. */
export function checkIds(): string[] {
  return CHECKS.map((check) => check.id);
}

/**
 * The ids a configuration may name (a severity override or a waiver applies to a check id or to a clause id, as
 * ServiceOptions.severityOverrides does): every check id of a dossier's findings (not the configuration file's own,
 * config.*), and every clause id of the edition. The configuration file's JSON Schema enumerates them.
 */
export function configurableIds(edition: Edition): { checks: string[]; clauses: string[] } {
  return { checks: configurableCheckIds(), clauses: edition.clauses.map((clause) => clause.id) };
}

/** The check ids a configuration may name (configurableIds without an edition). */
export function configurableCheckIds(): string[] {
  return CHECKS.filter((check) => check.kind !== "config").map((check) => check.id);
}
