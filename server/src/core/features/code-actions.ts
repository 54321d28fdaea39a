// Quick fixes where the fix is clear: insert a missing required key (with a skeleton of its required children),
// replace an invalid enum value by the closest allowed one, rename a misspelt key to the nearest known one. And on any
// finding not yet waived: waive it, by an inline waiver comment above its line (check/waivers.ts) whose
// justification, approver and expiry the editor asks for.
import { isMap } from "yaml";
import { locatePath, pathAtOffset, rangeOf } from "../parse/locate";
import type { DossierReport } from "../check/service";
import { fieldSkeleton } from "./skeleton";
import { dossierPathText } from "./waiver-config-edit";
import type { Finding, Locale, OffsetRange } from "../types";

export interface TextEdit {
  range: OffsetRange;
  newText: string;
}

export interface QuickFix {
  title: string;
  edits: TextEdit[];
  finding: Finding;
  preferred: boolean;
}

/** Levenshtein distance, for "closest allowed value". */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** The allowed values closest to `value` (several when tied: then the fix is not clear-cut). */
export function closestValues(value: string, candidates: string[]): string[] {
  let best: string[] = [];
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = [candidate];
      bestDistance = distance;
    } else if (distance === bestDistance) {
      best.push(candidate);
    }
  }
  return best;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** Where to insert a new key into the mapping at `path`, and with what indentation. */
function insertionPoint(
  report: DossierReport,
  path: Array<string | number>,
): { offset: number; indent: number } | undefined {
  const { text, document } = report.parsed;
  const { located, depth } = locatePath(document, path);
  if (depth !== path.length) return undefined;
  const node = located.node;
  if (isMap(node) && node.items.length > 0 && !node.flow) {
    const firstKey = rangeOf(node.items[0].key);
    const last = node.items[node.items.length - 1];
    const lastRange = rangeOf(last.value) ?? rangeOf(last.key);
    if (!firstKey || !lastRange) return undefined;
    const indent = firstKey.start - lineStartOf(text, firstKey.start);
    const lineEnd = text.indexOf("\n", lastRange.end);
    return { offset: lineEnd < 0 ? text.length : lineEnd, indent };
  }
  return undefined;
}

function insertKeyFix(
  report: DossierReport,
  finding: Finding,
  path: Array<string | number>,
  key: string,
  locale: Locale,
): QuickFix | undefined {
  const point = insertionPoint(report, path);
  const node = report.edition.modelAt([...path, key]);
  if (!point || !node) return undefined;
  const dotted = [...path, key].join(".");
  const lines = fieldSkeleton(key, node, point.indent, dotted, {
    edition: report.edition,
    level: report.level,
    locale,
    comments: false,
  });
  // The insertion point is the end of the mapping's last line: the new key goes on a line of its own after it.
  const newText = "\n" + lines.join("\n");
  return {
    title: locale === "zh-cn" ? `添加 \`${key}\`` : `Add \`${key}\``,
    edits: [{ range: { start: point.offset, end: point.offset }, newText }],
    finding,
    preferred: true,
  };
}

function replaceValueFixes(finding: Finding, current: string, candidates: string[], locale: Locale): QuickFix[] {
  const closest = closestValues(current, candidates);
  return closest.map((value) => ({
    title: locale === "zh-cn" ? `改为 \`${value}\`` : `Change to \`${value}\``,
    edits: [{ range: finding.range, newText: value }],
    finding,
    preferred: closest.length === 1,
  }));
}

/** A misspelt key renamed to the nearest key the model has at that place (the finding's range is the key). */
function renameKeyFix(finding: Finding, to: string, locale: Locale): QuickFix {
  return {
    title: locale === "zh-cn" ? `将键改为 \`${to}\`` : `Rename the key to \`${to}\``,
    edits: [{ range: finding.range, newText: to }],
    finding,
    preferred: true,
  };
}

/** Quick fixes for the findings that overlap a range. */
export function quickFixes(report: DossierReport, range: OffsetRange, locale: Locale): QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const finding of report.findings) {
    if (!finding.fix || finding.range.end < range.start || finding.range.start > range.end) continue;
    if (finding.fix.kind === "insert-key") {
      const fix = insertKeyFix(report, finding, finding.fix.path, finding.fix.key, locale);
      if (fix) fixes.push(fix);
    } else if (finding.fix.kind === "rename-key") {
      fixes.push(renameKeyFix(finding, finding.fix.to, locale));
    } else {
      const current = report.parsed.text.slice(finding.range.start, finding.range.end).replace(/^["']|["']$/g, "");
      fixes.push(...replaceValueFixes(finding, current, finding.fix.candidates, locale));
    }
  }
  return fixes;
}

/** Where a waiver comment for a finding goes: the start of the finding's line, with that line's indentation, naming
 * its check id and first clause id (a waiver naming both covers exactly such findings). */
export interface WaiveAction {
  title: string;
  finding: Finding;
  /** The offset of the start of the finding's line: the comment is inserted there, on a line of its own. */
  lineStart: number;
  indent: string;
  /** The ids the comment names: "tools.source-evidence 4.1.5". */
  ids: string;
  /** The same, as a configuration file's waiver entry names them (features/waiver-config-edit.ts). */
  rule: string;
  clause?: string;
  /** The node the finding is at, in the dossier's own words (`tools[3].name`), when it can be written so. */
  path?: string;
}

/** A "waive this finding…" action for each finding that overlaps a range and is neither waived nor a waiver's own. */
export function waiveActions(report: DossierReport, range: OffsetRange, locale: Locale): WaiveAction[] {
  const { text } = report.parsed;
  const actions: WaiveAction[] = [];
  for (const finding of report.findings) {
    if (finding.waived || finding.ruleId.startsWith("waiver.")) continue;
    if (finding.range.end < range.start || finding.range.start > range.end) continue;
    const lineStart = lineStartOf(text, finding.range.start);
    const indent = /^[ ]*/.exec(text.slice(lineStart, lineStart + 200))?.[0] ?? "";
    const ids = [finding.ruleId, ...finding.clauseIds.slice(0, 1)].join(" ");
    const label = finding.clauseIds[0] ?? finding.ruleId;
    const path = dossierPathText(pathAtOffset(report.parsed.document, finding.range.start).path);
    actions.push({
      title: locale === "zh-cn" ? `豁免此项发现（${label}）…` : `Waive this finding (${label})…`,
      finding,
      lineStart,
      indent,
      ids,
      rule: finding.ruleId,
      ...(finding.clauseIds[0] ? { clause: finding.clauseIds[0] } : {}),
      ...(path ? { path } : {}),
    });
  }
  return actions;
}
