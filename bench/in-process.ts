// The in-process contenders, measured interleaved on the same files and the same edits: isv-dossier's core (a
// fresh document, a full re-validation, an incremental re-validation), the full re-parse floor (yaml.parseDocument
// + toJS + the compiled ajv validator) and yaml-language-server's language service with our combined schema.
// Every measured edit also checks that the incremental result equals a full validation of the same text.
import { parseDocument } from "yaml";
import { complete } from "../server/src/core/completion";
import { defaultEdition } from "../server/src/core/edition";
import { hover } from "../server/src/core/hover";
import { LineIndex } from "../server/src/core/line-index";
import { IncrementalParser } from "../server/src/core/incremental";
import { PARSE_OPTIONS } from "../server/src/core/parse";
import { createLanguageService, DossierReport } from "../server/src/core/service";
import type { Finding } from "../server/src/core/types";
import { collectGarbage, median, timeAsync, timeSync } from "./stats";
import type { YlsService } from "./yls-in-process";

export interface BenchFile {
  /** e.g. "10000-faults". */
  name: string;
  lines: number;
  variant: "valid" | "faults";
  text: string;
  /** Schema faults the generator put in (the expected number of schema findings). */
  faults: number;
  path: string;
  uri: string;
}

export type InProcessContender = "isv-incremental" | "isv-full" | "floor" | "yls";
export const IN_PROCESS_CONTENDERS: InProcessContender[] = ["isv-incremental", "isv-full", "floor", "yls"];

export interface InProcessResult {
  file: BenchFile;
  /** Median ms of the first validation of a document never seen before (warm process). */
  open: { [contender in "isv" | "yls" | "floor"]: number };
  /** Median ms of a re-validation after a one-character edit. */
  edit: { [contender in InProcessContender]: number };
  /** Schema findings each contender reported on the last edited text. */
  schemaFindings: { [contender in InProcessContender]: number };
  /** Median ms of hover and completion in the core and in yaml-language-server's service, near the middle. */
  requests: { isvHover: number; isvCompletion: number; ylsHover: number; ylsCompletion: number };
  /** Edits whose incremental result differed from a full validation (must be 0). */
  mismatches: number;
  edits: number;
}

const service = createLanguageService({ locale: "en", today: "2026-11-24" });
const edition = defaultEdition();

export function isSchemaFinding(ruleId: string): boolean {
  return ruleId.startsWith("schema.") || ruleId === "identifier.format";
}

function countSchemaFindings(report: DossierReport): number {
  return report.findings.filter((finding) => isSchemaFinding(finding.ruleId)).length;
}

/** yaml.parseDocument + toJS + the compiled validator: the least any full re-validation has to do. */
function floorValidation(text: string): number {
  const value = parseDocument(text, PARSE_OPTIONS).toJS();
  const validate = edition.validateShape;
  if (validate(value)) return 0;
  return (validate.errors ?? []).filter((error) => error.keyword !== "if").length;
}

/** Offsets spread over the text where one-character edits happen: inside values in the long lists and the head. */
export function editAnchors(text: string): number[] {
  const anchors: number[] = [];
  for (const fraction of [0.15, 0.35, 0.55, 0.75, 0.92]) {
    const at = text.indexOf("client: ", Math.floor(text.length * fraction));
    const fallback = text.indexOf("name: ", Math.floor(text.length * fraction));
    const offset = at >= 0 ? at + "client: ".length + 2 : fallback >= 0 ? fallback + "name: ".length + 1 : -1;
    if (offset >= 0) anchors.push(offset);
  }
  return anchors.length > 0 ? anchors : [Math.floor(text.length / 2)];
}

/** One typed or deleted character: where, what, and the whole text after it. */
export interface EditOperation {
  offset: number;
  removed: number;
  inserted: string;
  /** The text before the edit. */
  before: string;
  after: string;
}

/** `count` edits: a character typed at an anchor, then removed again, anchor after anchor. */
export function editOperations(text: string, count: number): EditOperation[] {
  const anchors = editAnchors(text).sort((a, b) => b - a);
  const operations: EditOperation[] = [];
  let current = text;
  for (let edit = 0; edit < count; edit++) {
    const anchor = anchors[Math.floor(edit / 2) % anchors.length];
    const typing = edit % 2 === 0;
    const after = typing ? current.slice(0, anchor) + "改" + current.slice(anchor) : current.slice(0, anchor) + current.slice(anchor + 1);
    operations.push({ offset: anchor, removed: typing ? 0 : 1, inserted: typing ? "改" : "", before: current, after });
    current = after;
  }
  return operations;
}

/** The texts after each of `count` edits (see editOperations). */
export function editSequence(text: string, count: number): string[] {
  return editOperations(text, count).map((operation) => operation.after);
}

function sameFindings(a: Finding[], b: Finding[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function measureInProcess(file: BenchFile, yls: YlsService, rounds: number, openRounds: number): Promise<InProcessResult> {
  const opens = { isv: [] as number[], yls: [] as number[], floor: [] as number[] };
  for (let round = 0; round < openRounds; round++) {
    collectGarbage();
    opens.isv.push(timeSync(() => service.validateParsed(new IncrementalParser().update(file.text))).ms);
    opens.floor.push(timeSync(() => floorValidation(file.text)).ms);
    opens.yls.push((await timeAsync(() => yls.validate(`${file.uri}?open=${round}`, 1, file.text))).ms);
  }
  const session = new IncrementalParser();
  service.validateParsed(session.update(file.text));
  await yls.validate(file.uri, 1, file.text);
  const texts = editSequence(file.text, rounds);
  const times: { [contender in InProcessContender]: number[] } = { "isv-incremental": [], "isv-full": [], floor: [], yls: [] };
  const counts: { [contender in InProcessContender]: number } = { "isv-incremental": -1, "isv-full": -1, floor: -1, yls: -1 };
  let mismatches = 0;
  for (let round = 0; round < texts.length; round++) {
    const text = texts[round];
    collectGarbage();
    let incremental: DossierReport | undefined;
    let full: DossierReport | undefined;
    // The order rotates from round to round, so that no contender always runs right after another.
    for (let turn = 0; turn < IN_PROCESS_CONTENDERS.length; turn++) {
      const contender = IN_PROCESS_CONTENDERS[(round + turn) % IN_PROCESS_CONTENDERS.length];
      if (contender === "isv-incremental") {
        const timed = timeSync(() => service.validateParsed(session.update(text)));
        incremental = timed.result;
        times[contender].push(timed.ms);
        counts[contender] = countSchemaFindings(timed.result);
      } else if (contender === "isv-full") {
        const timed = timeSync(() => service.validate(text));
        full = timed.result;
        times[contender].push(timed.ms);
        counts[contender] = countSchemaFindings(timed.result);
      } else if (contender === "floor") {
        const timed = timeSync(() => floorValidation(text));
        times[contender].push(timed.ms);
        counts[contender] = timed.result;
      } else {
        const timed = await timeAsync(() => yls.validate(file.uri, round + 2, text));
        times[contender].push(timed.ms);
        counts[contender] = timed.result.length;
      }
    }
    if (!incremental || !full || !sameFindings(incremental.findings, full.findings)) mismatches++;
  }
  const requests = await measureRequests(file, texts.at(-1) ?? file.text, texts.length + 1, session, yls, rounds);
  return {
    file,
    open: { isv: median(opens.isv), yls: median(opens.yls), floor: median(opens.floor) },
    edit: {
      "isv-incremental": median(times["isv-incremental"]),
      "isv-full": median(times["isv-full"]),
      floor: median(times.floor),
      yls: median(times.yls),
    },
    schemaFindings: counts,
    requests,
    mismatches,
    edits: texts.length,
  };
}

async function measureRequests(file: BenchFile, text: string, version: number, session: IncrementalParser, yls: YlsService, count: number): Promise<InProcessResult["requests"]> {
  const report = service.validateParsed(session.update(text));
  await yls.validate(file.uri, version, text);
  const offsets = requestOffsets(text);
  const lines = new LineIndex(text);
  const times = { isvHover: [] as number[], isvCompletion: [] as number[], ylsHover: [] as number[], ylsCompletion: [] as number[] };
  for (let request = 0; request < count; request++) {
    times.isvHover.push(timeSync(() => hover(report, offsets.hover, "en")).ms);
    times.isvCompletion.push(timeSync(() => complete(report, offsets.completion, "en")).ms);
    times.ylsHover.push((await timeAsync(() => yls.hover(file.uri, version, text, lines.positionAt(offsets.hover)))).ms);
    times.ylsCompletion.push((await timeAsync(() => yls.complete(file.uri, version, text, lines.positionAt(offsets.completion)))).ms);
  }
  return { isvHover: median(times.isvHover), isvCompletion: median(times.isvCompletion), ylsHover: median(times.ylsHover), ylsCompletion: median(times.ylsCompletion) };
}

/** Where hover and completion are asked: a project's `client` key and a `category` value, near the middle. */
export function requestOffsets(text: string): { hover: number; completion: number } {
  const key = text.indexOf("client:", Math.floor(text.length / 2));
  const value = text.indexOf("category: ", Math.floor(text.length / 2));
  return { hover: (key >= 0 ? key : 0) + 2, completion: (value >= 0 ? value + "category: ".length : 0) + 3 };
}
