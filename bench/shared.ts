// What the benchmark's modules share: the generated files, the in-process contenders and what they are asked, and
// the edits every contender is measured on (a character typed, then deleted, at places spread over the dossier).

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

export type ChildRequest =
  | { type: "setup"; contender: InProcessContender; path: string; uri: string; warmUp: number; edits: number }
  | { type: "open"; round: number }
  | { type: "edit"; index: number }
  | { type: "requests"; count: number }
  | { type: "memory" };

export interface ChildReply {
  ms?: number;
  schemaFindings?: number;
  /** A digest of every finding (isv only), to compare the incremental and the full validation. */
  digest?: string;
  hover?: number;
  completion?: number;
  peakRssMiB?: number;
}

export function isSchemaFinding(ruleId: string): boolean {
  return ruleId.startsWith("schema.") || ruleId === "identifier.format";
}

/** Offsets spread over the text where one-character edits happen: inside `name` values (of people, of projects). */
export function editAnchors(text: string): number[] {
  const anchors = new Set<number>();
  for (const fraction of [0.15, 0.35, 0.55, 0.75, 0.92]) {
    const at = text.indexOf("name: ", Math.floor(text.length * fraction));
    if (at >= 0) anchors.add(at + "name: ".length + 1);
  }
  return anchors.size > 0 ? [...anchors] : [Math.floor(text.length / 2)];
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
    const after = typing
      ? current.slice(0, anchor) + "改" + current.slice(anchor)
      : current.slice(0, anchor) + current.slice(anchor + 1);
    operations.push({ offset: anchor, removed: typing ? 0 : 1, inserted: typing ? "改" : "", before: current, after });
    current = after;
  }
  return operations;
}

/** The texts after each of `count` edits (see editOperations). */
export function editSequence(text: string, count: number): string[] {
  return editOperations(text, count).map((operation) => operation.after);
}

/** Where hover and completion are asked: a project's `client` key and a `category` value, near the middle. */
export function requestOffsets(text: string): { hover: number; completion: number } {
  const key = text.indexOf("client:", Math.floor(text.length / 2));
  const value = text.indexOf("category: ", Math.floor(text.length / 2));
  return { hover: (key >= 0 ? key : 0) + 2, completion: (value >= 0 ? value + "category: ".length : 0) + 3 };
}
