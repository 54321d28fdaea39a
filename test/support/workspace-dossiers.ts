// The dossiers and types the workspace's protocol tests share (server-workspace*.test.ts): two applicants that list
// the same engineer, the LSP shapes of a workspace report, and the range of a needle in a text.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { repositoryRoot } from "./repository";

export const VALID = fs.readFileSync(
  path.join(repositoryRoot(), "test", "fixtures", "schema", "valid.dossier.yaml"),
  "utf8",
);
/** Another applicant listing the same engineer (CERT-002). */
export const OTHER = VALID.replace("91110000600037341L", "91350100M000100Y43")
  .replace("测试信息技术有限公司", "另一信息技术有限公司")
  .replace("CERT-001", "CERT-101")
  .replace("CERT-003", "CERT-103")
  .replace("某单位信息系统风险评估", "另一个项目");

export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
export interface Diagnostic {
  range: Range;
  code?: string;
  data?: { ruleId: string };
  relatedInformation?: Array<{ location: { uri: string; range: Range } }>;
}
export interface ReportItem {
  uri: string;
  kind: "full" | "unchanged";
  resultId?: string;
  items?: Diagnostic[];
}

/** The range of the first occurrence of `needle` in `text` (which must hold it). */
export function rangeOf(text: string, needle: string): Range {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not in the text`);
  const before = text.slice(0, offset).split("\n");
  const line = before.length - 1;
  const character = before[line].length;
  return { start: { line, character }, end: { line, character: character + needle.length } };
}
