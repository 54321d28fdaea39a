// Caret-annotated fixtures: a comment line of carets marks the span a finding must cover on the line above it,
// followed by the clause id(s) or rule id the finding must carry, and optionally its severity:
//
//   performance:
//     service_since: 2026-03-01
//   #                ^^^^^^^^^^ 4.1.3.a
//
// A comment line of tildes followed by `related` marks a related location of annotated findings: the tokens after
// `related` choose the findings, every annotated finding that carries all of them (clause ids, rule ids) or whose
// annotation has that `@name`:
//
//   application:
//     date: 2026-06-15
//   #       ~~~~~~~~~~ related dates.not-after-application
//   ...
//     established: 2026-06-16
//   #              ^^^^^^^^^^ 1 dates.not-after-application error
//
// An annotated finding's related locations must be exactly the marked ones (none marked: it must have none).
// An annotation may carry a name, `^^^^ 4.1.3.b dates.order @p01`, for a related mark to choose it alone.
//
// A span that starts at column 0 is written `#^^^^` (four characters from column 0): a `#` in column 0 directly
// followed by carets (or tildes) shifts them one column left.
// The token `waived` marks a finding a waiver covers (Finding.waived set); a finding without it must not be waived.
// A line `# check-only: PREFIX` limits the "no other finding" check to rule ids starting with PREFIX.
// Tests assert ids and ranges, never message text.
import assert from "node:assert/strict";
import type { Finding, OffsetRange, Severity } from "../../server/src/core/types";

export interface Expectation {
  start: number;
  end: number;
  /** Clause ids (like 4.1.3.a, 3.5, H) and rule ids (like yaml.tab) the finding must carry. */
  ids: string[];
  severity?: Severity;
  /** The finding is waived (the `waived` token). */
  waived: boolean;
  /** The annotation's `@name`, if it has one (without the `@`). */
  name?: string;
  /** The related locations the finding must have, exactly (in any order). */
  related: OffsetRange[];
  /** 1-based line of the annotation, for messages. */
  annotationLine: number;
}

interface RelatedMark extends OffsetRange {
  /** The tokens after `related`: ids the chosen findings carry, or `@name`. */
  chooses: string[];
  annotationLine: number;
}

const ANNOTATION = /^(\s*)#(\s*)(\^+|~+)\s+(.+)$/;
const SEVERITIES = new Set(["error", "warning", "info"]);

function isRuleId(id: string): boolean {
  return /[a-z]/.test(id) && id.includes(".") && id.length > 1 && !/^\d/.test(id);
}

function chosenBy(expectation: Expectation, chooses: string[]): boolean {
  return chooses.every((token) =>
    token.startsWith("@") ? expectation.name === token.slice(1) : expectation.ids.includes(token),
  );
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
  const marks: RelatedMark[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const match = ANNOTATION.exec(line);
    if (!match) {
      target = index;
      return;
    }
    if (target < 0) throw new Error(`annotation on line ${index + 1} has no line above it`);
    const marker = match[3][0];
    const markerColumn = line.indexOf(marker);
    const fromColumnZero = markerColumn === 1 && line.startsWith(`#${marker}`);
    const start = lineStarts[target] + (fromColumnZero ? 0 : markerColumn);
    const end = start + match[3].length;
    const tokens = match[4].trim().split(/\s+/);
    if (marker === "~") {
      if (tokens[0] !== "related" || tokens.length < 2) {
        throw new Error(`line ${index + 1}: a line of tildes reads "~~~ related <clause or rule ids, or @name>"`);
      }
      marks.push({ start, end, chooses: tokens.slice(1), annotationLine: index + 1 });
      return;
    }
    const severity = tokens.find((token) => SEVERITIES.has(token)) as Severity | undefined;
    const name = tokens.find((token) => token.startsWith("@"));
    expectations.push({
      start,
      end,
      ids: tokens.filter((token) => !SEVERITIES.has(token) && !token.startsWith("@") && token !== "waived"),
      severity,
      waived: tokens.includes("waived"),
      name: name?.slice(1),
      related: [],
      annotationLine: index + 1,
    });
  });
  for (const mark of marks) {
    const chosen = expectations.filter((expectation) => chosenBy(expectation, mark.chooses));
    if (chosen.length === 0)
      throw new Error(`line ${mark.annotationLine}: "related ${mark.chooses.join(" ")}" chooses no annotated finding`);
    for (const expectation of chosen) expectation.related.push({ start: mark.start, end: mark.end });
  }
  return expectations;
}

function position(text: string, range: OffsetRange): string {
  const before = text.slice(0, range.start);
  const line = before.split("\n").length;
  const column = range.start - (before.lastIndexOf("\n") + 1) + 1;
  return `${line}:${column} "${text.slice(range.start, range.end)}"`;
}

function matches(finding: Finding, expectation: Expectation): boolean {
  if (finding.range.start !== expectation.start || finding.range.end !== expectation.end) return false;
  if (expectation.severity && finding.severity !== expectation.severity) return false;
  if (expectation.waived !== (finding.waived !== undefined)) return false;
  return expectation.ids.every((id) => (isRuleId(id) ? finding.ruleId === id : finding.clauseIds.includes(id)));
}

/** The differences between a finding's related locations and the expected ones, as two lists of ranges. */
function relatedDifference(
  finding: Finding,
  expected: OffsetRange[],
): { missing: OffsetRange[]; unexpected: OffsetRange[] } {
  const unexpected = finding.related.map((related) => related.range);
  const missing: OffsetRange[] = [];
  for (const range of expected) {
    const index = unexpected.findIndex((actual) => actual.start === range.start && actual.end === range.end);
    if (index < 0) missing.push(range);
    else unexpected.splice(index, 1);
  }
  return { missing, unexpected };
}

/**
 * Asserts that the findings are exactly the annotated ones: each annotation matched by one finding (range, ids,
 * severity, related locations), and no other finding — infos are ignored unless `includeInfo` or annotated.
 */
export function assertFindings(text: string, findings: Finding[], options: { includeInfo?: boolean } = {}): void {
  const expectations = parseExpectations(text);
  const unmatched = [...findings];
  const missing: string[] = [];
  const related: string[] = [];
  for (const expectation of expectations) {
    const candidates = unmatched.filter((finding) => matches(finding, expectation));
    const exact = candidates.find((finding) => {
      const difference = relatedDifference(finding, expectation.related);
      return difference.missing.length === 0 && difference.unexpected.length === 0;
    });
    const finding = exact ?? candidates[0];
    const where = `line ${expectation.annotationLine}: ${expectation.ids.join(" ")} at ${position(text, expectation)}`;
    if (!finding) {
      missing.push(where);
      continue;
    }
    unmatched.splice(unmatched.indexOf(finding), 1);
    const difference = relatedDifference(finding, expectation.related);
    for (const range of difference.missing) related.push(`${where}: missing related ${position(text, range)}`);
    for (const range of difference.unexpected) related.push(`${where}: unexpected related ${position(text, range)}`);
  }
  const only = /^# check-only: (\S+)$/m.exec(text)?.[1];
  const unexpected = unmatched
    .filter((finding) => options.includeInfo || finding.severity !== "info")
    .filter((finding) => only === undefined || finding.ruleId.startsWith(only))
    .map(
      (finding) =>
        `${finding.ruleId} [${finding.clauseIds.join(",")}] ${finding.severity} at ${position(text, finding.range)}`,
    );
  assert.deepEqual({ missing, unexpected, related }, { missing: [], unexpected: [], related: [] });
}
