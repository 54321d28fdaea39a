// Caret-annotated fixtures: a comment line of carets marks the span a finding must cover on the line above it,
// followed by the clause id(s) or rule id the finding must carry, and optionally its severity:
//
//   performance:
//     service_since: 2026-03-01
//   #                ^^^^^^^^^^ 4.1.3.a
//
// A span that starts at column 0 is written `#^^^^` (four characters from column 0): a `#` in column 0 directly
// followed by carets shifts them one column left.
// A line `# check-only: PREFIX` limits the "no other finding" check to rule ids starting with PREFIX.
// Tests assert ids and ranges, never message text.
import assert from "node:assert/strict";
import type { Finding, Severity } from "../../server/src/core/types";

export interface Expectation {
  start: number;
  end: number;
  /** Clause ids (like 4.1.3.a, 3.5, H) and rule ids (like yaml.tab) the finding must carry. */
  ids: string[];
  severity?: Severity;
  /** 1-based line of the annotation, for messages. */
  annotationLine: number;
}

const ANNOTATION = /^(\s*)#(\s*)(\^+)\s+(.+)$/;
const SEVERITIES = new Set(["error", "warning", "info"]);

function isRuleId(id: string): boolean {
  return /[a-z]/.test(id) && id.includes(".") && id.length > 1 && !/^\d/.test(id);
}

export function parseExpectations(text: string): Expectation[] {
  const lines = text.split("\n");
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const expectations: Expectation[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const match = ANNOTATION.exec(line);
    if (!match) {
      target = index;
      return;
    }
    if (target < 0) throw new Error(`annotation on line ${index + 1} has no line above it`);
    const caretColumn = line.indexOf("^");
    const fromColumnZero = caretColumn === 1 && line.startsWith("#^");
    const column = fromColumnZero ? 0 : caretColumn;
    const length = match[3].length;
    const tokens = match[4].trim().split(/\s+/);
    const severity = tokens.find((token) => SEVERITIES.has(token)) as Severity | undefined;
    expectations.push({
      start: lineStarts[target] + column,
      end: lineStarts[target] + column + length,
      ids: tokens.filter((token) => !SEVERITIES.has(token)),
      severity,
      annotationLine: index + 1,
    });
  });
  return expectations;
}

function describe(text: string, finding: { range: { start: number; end: number } }): string {
  const before = text.slice(0, finding.range.start);
  const line = before.split("\n").length;
  const column = finding.range.start - (before.lastIndexOf("\n") + 1) + 1;
  return `${line}:${column} "${text.slice(finding.range.start, finding.range.end)}"`;
}

function matches(finding: Finding, expectation: Expectation): boolean {
  if (finding.range.start !== expectation.start || finding.range.end !== expectation.end) return false;
  if (expectation.severity && finding.severity !== expectation.severity) return false;
  return expectation.ids.every((id) => (isRuleId(id) ? finding.ruleId === id : finding.clauseIds.includes(id)));
}

/**
 * Asserts that the findings are exactly the annotated ones: each annotation matched by one finding (range, ids,
 * severity), and no other finding — infos are ignored unless `includeInfo` or annotated.
 */
export function assertFindings(text: string, findings: Finding[], options: { includeInfo?: boolean } = {}): void {
  const expectations = parseExpectations(text);
  const unmatched = [...findings];
  const missing: string[] = [];
  for (const expectation of expectations) {
    const index = unmatched.findIndex((finding) => matches(finding, expectation));
    if (index < 0) missing.push(`line ${expectation.annotationLine}: ${expectation.ids.join(" ")} at ${describe(text, { range: expectation })}`);
    else unmatched.splice(index, 1);
  }
  const only = /^# check-only: (\S+)$/m.exec(text)?.[1];
  const unexpected = unmatched
    .filter((finding) => options.includeInfo || finding.severity !== "info")
    .filter((finding) => only === undefined || finding.ruleId.startsWith(only))
    .map((finding) => `${finding.ruleId} [${finding.clauseIds.join(",")}] ${finding.severity} at ${describe(text, finding)}`);
  assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] });
}
