// Waivers: findings accepted on the record (偏离说明 / 不适用说明), with a justification, who approved it and until
// when. A waived finding stays a finding, with `waived` set: every surface shows it as waived, none counts it as an
// error or a warning. Two forms, which behave the same:
//
// - inline, a comment in the dossier, on its own line:
//     # isv-dossier-waive 4.1.5 -- 自研工具，来源说明见附件 (approved: 张三, until: 2027-06-30)
//   full-width punctuation too (——，：（）；), keys in English or Chinese (批准人 / 有效期至). It names a check id, a
//   clause id or both, and covers the next line that is neither blank nor a comment, and every line under it (more
//   indented; for `key:` also a list written at the key's own indentation) — that node and everything in it.
// - file form, entries of a configuration file (WaiverSource, waiver-entry.ts), read by the edges: a `dossier` path or
//   glob relative to the configuration file's folder (default: every dossier), and optionally a `path` in the
//   dossier's own words (`performance.projects[3]`), covering that node and everything in it.
//
// A clause id covers findings citing that clause or any clause under it (4.1.5 covers 4.1.5.a); with both ids, a
// finding must match both. A waiver applies up to and including its expiry date, measured against today (the
// service's `today`: the real date, or the CLI's --as-of), not the dossier's application.date: a waiver is an
// approval in time, and CI starts failing the day after it expires. An expired waiver is a waiver.expired warning and
// the findings it would cover come back, each with a related note saying when its waiver expired. A waiver that
// covers nothing is a waiver.unused warning (file form: only when its `dossier` names this dossier without a
// wildcard — a glob's or an unscoped waiver's use cannot be judged from one dossier). A waiver without a
// justification, an approver or a valid expiry, or naming an unknown id, is a waiver.invalid error and does not
// apply. Pure: the text, the parsed document, the edition and the sources come in; no fs.
import type { Document } from "yaml";
import type { Edition } from "../catalog/edition";
import { commentColumn } from "../parse/cursor-context";
import { keyRange, locatePath, pathAtOffset, rangeOf } from "../parse/locate";
import type { Finding, FindingWaiver, JsonPath, Localized, OffsetRange } from "../types";
import { isIsoDate } from "./calendar";
import { checkById } from "./checks";
import type { WaiverEntry, WaiverSource } from "./waiver-entry";
import { WAIVER_PROBLEMS, WAIVER_RULES } from "./waiver-checks";

export const INLINE_WAIVER_MARKER = "isv-dossier-waive";

/** An inline waiver read from a comment: the entry it says, and what it covers. */
export interface InlineWaiver {
  /** The comment's range (from `#` to the end of the line). */
  range: OffsetRange;
  entry: WaiverEntry;
  /** Why it cannot apply (a WAIVER_PROBLEMS key with its values), if it cannot. */
  problem?: WaiverProblem;
  /** What it covers: the next content line's node and everything under it (empty when no content follows). */
  covers: OffsetRange;
}

export interface WaiverProblem {
  key: string;
  values?: { [name: string]: string };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the inline form.

const DASHES = /\s*(?:--|\u2014\u2014|\u2014|\uff0d\uff0d)\s*/; // -- —— — －－
const FIELDS = /[(\uff08]([^()\uff08\uff09]*)[)\uff09]\s*$/; // the last (…) or （…） of the comment
const FIELD_SEPARATORS = /[,\uff0c;\uff1b\u3001]/; // , ， ; ； 、
const KEY_VALUE = /^\s*([^:\uff1a]+?)\s*[:\uff1a]\s*(.*?)\s*$/; // key: value or key：value
const APPROVER_KEYS = new Set(["approved", "approved-by", "approvedby", "approver", "by", "批准", "批准人", "审批人"]);
const EXPIRY_KEYS = new Set(["until", "expires", "expiry", "有效期至", "有效期", "到期", "至"]);

/** Whether an id is written as a clause id (4.1.5, 4.1.5.a, H, A.1) rather than a check id. */
function looksLikeClauseId(id: string): boolean {
  return /^(?:\d+(?:\.\d+)*(?:\.[a-z])?|[A-I](?:\.\d+)*)$/.test(id);
}

/** Sorts the ids a waiver names into a check id and a clause id; a problem when there are none or one is unknown. */
function readIds(ids: string[], edition: Edition): { rule?: string; clause?: string; problem?: WaiverProblem } {
  if (ids.length === 0) return { problem: { key: "no-id" } };
  const result: { rule?: string; clause?: string; problem?: WaiverProblem } = {};
  for (const id of ids) {
    if (looksLikeClauseId(id) && edition.clause(id) && result.clause === undefined) result.clause = id;
    else if (!looksLikeClauseId(id) && checkById(id) && result.rule === undefined) result.rule = id;
    else return { problem: { key: "unknown-id", values: { id } } };
  }
  return result;
}

/** Reads the text after `#` of a waiver comment (the marker included). Never throws. */
export function parseWaiverComment(comment: string, edition: Edition): { entry: WaiverEntry; problem?: WaiverProblem } {
  const body = comment.replace(/^#\s*/, "").slice(INLINE_WAIVER_MARKER.length).trim();
  const dash = DASHES.exec(body);
  const idsText = dash ? body.slice(0, dash.index) : body.split(/[(\uff08]/)[0];
  const rest = dash ? body.slice(dash.index + dash[0].length) : "";
  const ids = readIds(idsText.split(/[\s,\uff0c]+/).filter(Boolean), edition);
  const entry: WaiverEntry = {};
  if (ids.rule) entry.rule = ids.rule;
  if (ids.clause) entry.clause = ids.clause;
  if (ids.problem) return { entry, problem: ids.problem };
  if (!dash) return { entry, problem: { key: "syntax" } };
  const group = FIELDS.exec(rest);
  // a closing parenthesis of the justification's own ("见附件（第 3 页）") is not the fields
  const fields = group && /[:\uff1a]/.test(group[1]) ? group : null;
  const justification = (fields ? rest.slice(0, fields.index) : rest).trim();
  if (justification) entry.justification = justification;
  let unknownField: string | undefined;
  for (const part of fields ? fields[1].split(FIELD_SEPARATORS) : []) {
    if (!part.trim()) continue;
    const pair = KEY_VALUE.exec(part);
    const key = pair?.[1].toLowerCase();
    if (pair && key && APPROVER_KEYS.has(key)) entry.approvedBy = pair[2];
    else if (pair && key && EXPIRY_KEYS.has(key)) entry.expires = pair[2];
    else unknownField ??= pair?.[1] ?? part.trim();
  }
  if (unknownField !== undefined) return { entry, problem: { key: "unknown-field", values: { field: unknownField } } };
  return { entry, problem: entryProblem(entry) };
}

/** What a waiver entry lacks, or holds wrongly, for it to apply (the ids are checked by whoever reads them). */
export function entryProblem(entry: WaiverEntry): WaiverProblem | undefined {
  if (!entry.rule && !entry.clause) return { key: "no-id" };
  if (!entry.justification?.trim()) return { key: "no-justification" };
  if (!entry.approvedBy?.trim()) return { key: "no-approver" };
  if (!entry.expires?.trim()) return { key: "no-expiry" };
  if (!isIsoDate(entry.expires.trim())) return { key: "bad-date", values: { date: entry.expires } };
  if (entry.path !== undefined && parseDossierPath(entry.path) === undefined)
    return { key: "bad-path", values: { path: entry.path } };
  return undefined;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isCommentOrBlank(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === "" || trimmed.startsWith("#");
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesFrom(text: string, offset: number): Line[] {
  const lines: Line[] = [];
  let start = offset;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    lines.push({ start, end, text: text.slice(start, end).replace(/\r$/, "") });
    if (newline < 0) break;
    start = newline + 1;
  }
  return lines;
}

/**
 * What a comment ending at `afterComment` covers: the next line that is neither blank nor a comment, and every line
 * after it that is more indented (or, after a `key:` with nothing after it, a list item at the key's indentation),
 * up to the end of the last such line.
 */
export function coveredRange(text: string, afterComment: number): OffsetRange {
  const lines = linesFrom(text, afterComment);
  const first = lines.findIndex((line) => !isCommentOrBlank(line.text));
  if (first < 0) return { start: text.length, end: text.length };
  const head = lines[first];
  const indent = indentOf(head.text);
  const hash = commentColumn(head.text);
  const content = (hash < 0 ? head.text : head.text.slice(0, hash)).trimEnd();
  const opensBlock = content.endsWith(":");
  let end = head.start + content.length;
  for (const line of lines.slice(first + 1)) {
    if (isCommentOrBlank(line.text)) continue;
    const lineIndent = indentOf(line.text);
    const trimmed = line.text.trimStart();
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(line.text)) break;
    const belongs =
      lineIndent > indent ||
      (opensBlock && lineIndent === indent && /^-(?:\s|$)/.test(trimmed) && !/^-/.test(content.trimStart()));
    if (!belongs) break;
    end = line.end;
  }
  return { start: head.start + indent, end };
}

/** The inline waivers of a text: whole-line comments that start with the marker (not inside a block scalar). */
export function inlineWaivers(text: string, document: Document, edition: Edition): InlineWaiver[] {
  const waivers: InlineWaiver[] = [];
  let from = text.indexOf(INLINE_WAIVER_MARKER);
  while (from >= 0) {
    const lineStart = text.lastIndexOf("\n", from - 1) + 1;
    const newline = text.indexOf("\n", from);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, "");
    const hash = line.indexOf("#");
    const isWaiver =
      hash >= 0 &&
      line.slice(0, hash).trim() === "" &&
      /^#\s*isv-dossier-waive(?:\s|$)/.test(line.slice(hash)) &&
      pathAtOffset(document, lineStart + hash).on !== "value";
    if (isWaiver) {
      const parsed = parseWaiverComment(line.slice(hash), edition);
      waivers.push({
        range: { start: lineStart + hash, end: lineStart + line.length },
        entry: parsed.entry,
        ...(parsed.problem ? { problem: parsed.problem } : {}),
        covers: coveredRange(text, newline < 0 ? text.length : newline + 1),
      });
    }
    from = text.indexOf(INLINE_WAIVER_MARKER, lineEnd);
  }
  return waivers;
}

// ---------------------------------------------------------------------------------------------------------------
// The file form: paths and dossier globs.

/** `performance.projects[3]` → ["performance", "projects", 3]; undefined when it is not of that form. */
export function parseDossierPath(path: string): JsonPath | undefined {
  const segments: JsonPath = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]|(\.)/gy;
  let expectKey = true;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(path)) !== null) {
    consumed = pattern.lastIndex;
    if (match[1] !== undefined) {
      if (!expectKey) return undefined;
      segments.push(match[1].trim());
      expectKey = false;
    } else if (match[2] !== undefined) {
      if (expectKey && segments.length === 0) return undefined;
      segments.push(Number(match[2]));
      expectKey = false;
    } else {
      if (expectKey) return undefined;
      expectKey = true;
    }
  }
  if (consumed !== path.length || expectKey || segments.length === 0) return undefined;
  return segments;
}

/** The range of the node at a path, from its key (a mapping entry) to the end of its value; undefined when absent. */
function nodeRange(document: Document, path: JsonPath): OffsetRange | undefined {
  const { located, depth } = locatePath(document, path);
  if (depth !== path.length) return undefined;
  const key = rangeOf(located.pair?.key);
  const value = rangeOf(located.node);
  if (!key && !value) return undefined;
  return { start: key?.start ?? value?.start ?? 0, end: Math.max(key?.end ?? 0, value?.end ?? 0) };
}

function normalizePath(path: string): string {
  const slashed = path.replace(/\\/g, "/");
  const parts: string[] = [];
  for (const part of slashed.split("/")) {
    if (part === "." || (part === "" && parts.length > 0)) continue;
    if (part === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

function dirname(path: string): string {
  const normalized = normalizePath(path);
  const slash = normalized.lastIndexOf("/");
  return slash < 0 ? "" : normalized.slice(0, slash);
}

function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let index = 0; index < glob.length; index++) {
    const character = glob[index];
    if (character === "*" && glob[index + 1] === "*") {
      const slash = glob[index + 2] === "/";
      source += slash ? "(?:.*/)?" : ".*";
      index += slash ? 2 : 1;
    } else if (character === "*") source += "[^/]*";
    else if (character === "?") source += "[^/]";
    else source += character.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

function hasWildcard(glob: string): boolean {
  return /[*?]/.test(glob);
}

/**
 * Whether a file-form waiver is about this dossier: no `dossier` → every dossier; else the path or glob, relative to
 * the configuration file's folder, matches the dossier's path (both absolute, or both relative to one folder).
 */
export function appliesToDossier(source: WaiverSource, dossierPath: string | undefined): boolean {
  const glob = source.entry.dossier;
  if (glob === undefined || glob.trim() === "") return true;
  if (dossierPath === undefined || source.origin.kind !== "config") return false;
  const folder = dirname(source.origin.file);
  const pattern = normalizePath(glob.startsWith("/") ? glob : folder ? `${folder}/${glob}` : glob);
  const target = normalizePath(dossierPath);
  return hasWildcard(pattern) ? globToRegExp(pattern).test(target) : pattern === target;
}

// ---------------------------------------------------------------------------------------------------------------
// Applying them.

/** A waiver made ready to apply: where it is reported, what it covers, and whether it can apply at all. */
export interface Candidate {
  entry: WaiverEntry;
  origin: FindingWaiver["origin"];
  /** Where its own findings go in the dossier. */
  range: OffsetRange;
  /** What it covers in the dossier (undefined: the whole dossier); null: a path that is not there. */
  covers: OffsetRange | undefined | null;
  problem?: WaiverProblem;
  expired: boolean;
  /** Whether covering nothing is worth a waiver.unused finding. */
  judgeUse: boolean;
}

export interface WaiverInput {
  text: string;
  document: Document;
  edition: Edition;
  /** Today (YYYY-MM-DD): a waiver applies up to and including its expiry date. */
  today: string;
  /** File-form waivers (the configuration file's `waivers`). */
  sources: readonly WaiverSource[];
  /** The dossier's path, for the file form's `dossier` globs (absolute, or relative as the sources' files are). */
  dossierPath?: string;
  /** False when not every check ran (the time budget stopped them): a waiver covering nothing is then not unused. */
  complete?: boolean;
}

function problemText(problem: WaiverProblem): Localized {
  const template = WAIVER_PROBLEMS[problem.key] ?? WAIVER_PROBLEMS.syntax;
  const fill = (text: string): string =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => problem.values?.[name] ?? whole);
  return { zh: fill(template.zh), en: fill(template.en) };
}

function candidates(input: WaiverInput): Candidate[] {
  const { text, document, edition, today } = input;
  const list: Candidate[] = [];
  const expiredBy = (entry: WaiverEntry): boolean =>
    entry.expires !== undefined && isIsoDate(entry.expires.trim()) && entry.expires.trim() < today;
  for (const inline of inlineWaivers(text, document, edition)) {
    list.push({
      entry: inline.entry,
      origin: { kind: "inline", range: inline.range },
      range: inline.range,
      covers: inline.covers,
      ...(inline.problem ? { problem: inline.problem } : {}),
      expired: !inline.problem && expiredBy(inline.entry),
      judgeUse: true,
    });
  }
  for (const source of input.sources) {
    if (source.origin.kind !== "config" || !appliesToDossier(source, input.dossierPath)) continue;
    const { entry } = source;
    const ids = readIds(
      [entry.rule, entry.clause].filter((id): id is string => typeof id === "string"),
      edition,
    );
    const problem =
      ids.problem ??
      (entry.rule !== undefined && ids.rule !== entry.rule
        ? { key: "unknown-id", values: { id: entry.rule } }
        : entry.clause !== undefined && ids.clause !== entry.clause
          ? { key: "unknown-id", values: { id: entry.clause } }
          : entryProblem(entry));
    const path = entry.path !== undefined ? parseDossierPath(entry.path) : undefined;
    const covers = path ? (nodeRange(document, path) ?? null) : undefined;
    list.push({
      entry,
      origin: source.origin,
      range: covers ? keyRange(document, path ?? [], text) : keyRange(document, [], text),
      covers,
      ...(problem ? { problem } : {}),
      expired: !problem && expiredBy(entry),
      judgeUse: entry.dossier !== undefined && entry.dossier.trim() !== "" && !hasWildcard(entry.dossier),
    });
  }
  return list;
}

/** Whether a clause id is the waiver's clause or one under it (4.1.5 covers 4.1.5 and 4.1.5.a). */
function clauseCovers(waiverClause: string, clauseId: string): boolean {
  return clauseId === waiverClause || clauseId.startsWith(`${waiverClause}.`);
}

function covers(candidate: Candidate, finding: Finding): boolean {
  const { entry } = candidate;
  if (finding.ruleId.startsWith("waiver.")) return false;
  if (entry.rule !== undefined && finding.ruleId !== entry.rule) return false;
  if (entry.clause !== undefined && !finding.clauseIds.some((id) => clauseCovers(entry.clause as string, id)))
    return false;
  if (candidate.covers === null) return false;
  if (candidate.covers === undefined) return true;
  return finding.range.start >= candidate.covers.start && finding.range.start <= candidate.covers.end;
}

/** A path relative to a folder (both normalized, `/`-separated): how a message names the configuration file, so
 * that no absolute path of the machine is written into a report. */
function relativeTo(folder: string, file: string): string {
  const from = normalizePath(folder).split("/");
  const to = normalizePath(file).split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

function configArgs(candidate: Candidate, dossierPath: string | undefined): { [name: string]: string | number } {
  if (candidate.origin.kind !== "config") return {};
  const file = candidate.origin.file;
  const shown = dossierPath ? relativeTo(dirname(dossierPath), file) : (normalizePath(file).split("/").pop() ?? file);
  return { file: shown, index: candidate.origin.index + 1 };
}

function ownFinding(
  candidate: Candidate,
  ruleId: string,
  args: Finding["args"],
  dossierPath: string | undefined,
): Finding {
  const config = candidate.origin.kind === "config";
  return {
    ruleId,
    clauseIds: [],
    severity: ruleId === WAIVER_RULES.invalid ? "error" : "warning",
    messageId: config ? `${ruleId}.config` : ruleId,
    args: { ...args, ...configArgs(candidate, dossierPath) },
    range: candidate.range,
    related: [],
  };
}

/**
 * The finding waived by the first of `waivers` that covers it — with that waiver's justification, approver, expiry and
 * origin — every waiver covering it added to `used`; undefined when none covers it.
 */
function waived(finding: Finding, waivers: readonly Candidate[], used: Set<Candidate>): Finding | undefined {
  const waiver = waivers.find((candidate) => covers(candidate, finding));
  if (!waiver) return undefined;
  for (const candidate of waivers) if (covers(candidate, finding)) used.add(candidate);
  const { entry } = waiver;
  return {
    ...finding,
    waived: {
      justification: (entry.justification ?? "").trim(),
      approvedBy: (entry.approvedBy ?? "").trim(),
      expires: (entry.expires ?? "").trim(),
      origin: waiver.origin,
    },
  };
}

/** Whether a waiver names a cross-dossier check (core/check/cross/): it is applied after those checks have run. */
function waivesCrossFindings(candidate: Candidate): boolean {
  return candidate.entry.rule?.startsWith(CROSS_PREFIX) === true;
}

const CROSS_PREFIX = "cross.";

/**
 * The waivers of a dossier that name a cross-dossier check, kept from its validation: the cross-dossier checks run
 * later, over several dossiers (the CLI's run, the server's workspace), and waiveCrossFindings applies them then.
 */
export interface CrossWaivers {
  readonly candidates: readonly Candidate[];
  readonly dossierPath: string | undefined;
}

/**
 * The findings with the waivers applied: a covered finding gets `waived`; a finding an expired waiver would cover
 * gets a related note; the waivers' own findings (invalid, expired, unused) are added. A usable waiver naming a
 * cross-dossier check covers none of these findings and is not judged here: it is returned in `cross`, for
 * waiveCrossFindings.
 */
export function waiverPass(
  findings: readonly Finding[],
  input: WaiverInput,
): { findings: Finding[]; cross: CrossWaivers | undefined } {
  const all = candidates(input);
  const later = all.filter((candidate) => !candidate.problem && !candidate.expired && waivesCrossFindings(candidate));
  const cross = later.length > 0 ? { candidates: later, dossierPath: input.dossierPath } : undefined;
  const list = all.filter((candidate) => !later.includes(candidate));
  if (list.length === 0) return { findings: [...findings], cross };
  const usable = list.filter((candidate) => !candidate.problem && !candidate.expired);
  const expired = list.filter((candidate) => candidate.expired);
  const used = new Set<Candidate>();
  const result: Finding[] = findings.map((finding) => {
    const waivedFinding = waived(finding, usable, used);
    if (waivedFinding) return waivedFinding;
    const lapsed = expired.find((candidate) => covers(candidate, finding));
    if (!lapsed) return finding;
    return {
      ...finding,
      related: [
        ...finding.related,
        {
          range: lapsed.origin.kind === "inline" ? lapsed.range : finding.range,
          messageId: "waiver.expired-note",
          args: {
            expires: (lapsed.entry.expires ?? "").trim(),
            justification: (lapsed.entry.justification ?? "").trim(),
          },
        },
      ],
    };
  });
  for (const candidate of list) {
    if (candidate.problem)
      result.push(
        ownFinding(candidate, WAIVER_RULES.invalid, { problem: problemText(candidate.problem) }, input.dossierPath),
      );
    else if (candidate.expired)
      result.push(
        ownFinding(
          candidate,
          WAIVER_RULES.expired,
          { expires: (candidate.entry.expires ?? "").trim() },
          input.dossierPath,
        ),
      );
    else if (!used.has(candidate) && candidate.judgeUse && input.complete !== false)
      result.push(ownFinding(candidate, WAIVER_RULES.unused, {}, input.dossierPath));
  }
  return { findings: result, cross };
}

/**
 * A dossier's cross-dossier findings with its waivers of those checks applied (waived, as waiverPass marks them),
 * and a waiver.unused finding for each that covers none — only where the cross-dossier checks ran (`ran`): a dossier
 * linted alone is compared with nothing.
 */
export function waiveCrossFindings(
  findings: readonly Finding[],
  cross: CrossWaivers | undefined,
  ran: boolean,
): Finding[] {
  if (!cross) return [...findings];
  const used = new Set<Candidate>();
  const result = findings.map((finding) => waived(finding, cross.candidates, used) ?? finding);
  if (ran)
    for (const candidate of cross.candidates)
      if (!used.has(candidate) && candidate.judgeUse)
        result.push(ownFinding(candidate, WAIVER_RULES.unused, {}, cross.dossierPath));
  return result;
}
