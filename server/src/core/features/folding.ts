// Folding ranges as offsets: each multi-line mapping value (from its key), list and list item, and each run of two
// or more comment lines. The offsets lie on the first and the last line of the range; the LSP edge turns them
// into lines. Pure: imports only `yaml`; no vscode, no vscode-languageserver*, no fs.
import { isMap, isNode, isPair, isScalar, isSeq } from "yaml";
import type { DossierReport } from "../check/service";

export interface FoldingOffsets {
  /** An offset on the range's first line. */
  start: number;
  /** An offset on the range's last line (the end of its content). */
  end: number;
}

export function foldingRanges(report: DossierReport): FoldingOffsets[] {
  const text = report.parsed.text;
  const ranges: FoldingOffsets[] = [];
  collectNodeRanges(report.parsed.document.contents, text, ranges);
  ranges.push(...commentRuns(text));
  const seen = new Set<string>();
  return ranges
    .filter((range) => {
      const key = `${range.start}:${range.end}`;
      if (seen.has(key) || !spansLines(text, range)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The end of a node's content: its range end with trailing whitespace (and line breaks) left out. */
function contentEnd(text: string, start: number, end: number): number {
  let last = Math.min(end, text.length);
  while (last > start && /\s/.test(text[last - 1])) last--;
  return last;
}

function spansLines(text: string, range: FoldingOffsets): boolean {
  return range.end > range.start && text.slice(range.start, range.end).includes("\n");
}

/** Ranges of a node and all below it; a list that is a mapping value folds from its key (not a second time). */
function collectNodeRanges(node: unknown, text: string, ranges: FoldingOffsets[], isMappingValue = false): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const value = pair.value;
      if (isNode(pair.key) && pair.key.range && isNode(value) && value.range) {
        const isBlockScalar = isScalar(value) && (value.type === "BLOCK_LITERAL" || value.type === "BLOCK_FOLDED");
        if (isMap(value) || isSeq(value) || isBlockScalar) {
          ranges.push({ start: pair.key.range[0], end: contentEnd(text, pair.key.range[0], value.range[1]) });
        }
      }
      collectNodeRanges(value, text, ranges, true);
    }
  } else if (isSeq(node)) {
    if (node.range && !isMappingValue)
      ranges.push({ start: node.range[0], end: contentEnd(text, node.range[0], node.range[1]) });
    for (const item of node.items) {
      if (isNode(item) && item.range && (isMap(item) || isSeq(item))) {
        ranges.push({ start: item.range[0], end: contentEnd(text, item.range[0], item.range[1]) });
      }
      collectNodeRanges(item, text, ranges);
    }
  }
}

/** Runs of two or more lines that hold only a comment: from the first `#` to the end of the last comment. */
function commentRuns(text: string): FoldingOffsets[] {
  const runs: FoldingOffsets[] = [];
  let run: { start: number; end: number; lines: number } | undefined;
  let lineStart = 0;
  for (;;) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const hash = /^\s*#/.test(line) ? line.indexOf("#") : -1;
    if (hash >= 0) {
      const end = lineStart + line.trimEnd().length;
      run = run ? { ...run, end, lines: run.lines + 1 } : { start: lineStart + hash, end, lines: 1 };
    } else {
      if (run && run.lines >= 2) runs.push({ start: run.start, end: run.end });
      run = undefined;
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  if (run && run.lines >= 2) runs.push({ start: run.start, end: run.end });
  return runs;
}
