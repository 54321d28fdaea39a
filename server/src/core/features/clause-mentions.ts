// Finds clause ids that reviewers write in comments — "# 不满足 4.2.3 b)", "# see 4.1.4.a", "# 附录 H" — and
// resolves them to catalog clause ids.
import { commentColumn } from "../parse/cursor-context";
import type { Edition } from "../catalog/edition";
import type { OffsetRange } from "../types";

export interface ClauseMention {
  clauseId: string;
  range: OffsetRange;
}

// 4.2.3 b)  4.2.3b)  4.2.3.b  4.2.3（b）  §4.1.4  附录 H  附录H  Annex H
// Written with \u escapes (§ U+00A7, （ U+FF08, ） U+FF09, 附录 U+9644 U+5F55) so that the bundle is plain ASCII,
// which V8 loads faster.
const MENTION =
  /(\u00a7\s*)?(\d+(?:\.\d+)+)(?:\s*[\uff08(]?([a-z])[\uff09)]|\.([a-z])\b)?|(?:\u9644\u5f55\s*|Annex\s+)([A-I])\b/g;

/** Clause mentions inside the comments of a text (only ids that exist in the edition's catalog). */
export function clauseMentionsInComments(text: string, edition: Edition, from = 0, to = text.length): ClauseMention[] {
  const mentions: ClauseMention[] = [];
  let lineStart = text.lastIndexOf("\n", Math.max(0, from - 1)) + 1;
  while (lineStart <= to && lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const hash = commentColumn(line);
    if (hash >= 0) {
      const comment = line.slice(hash);
      for (const match of comment.matchAll(MENTION)) {
        const clauseId = resolveMention(match, edition);
        if (!clauseId) continue;
        const start = lineStart + hash + (match.index ?? 0);
        mentions.push({ clauseId, range: { start, end: start + match[0].length } });
      }
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return mentions;
}

function resolveMention(match: RegExpMatchArray, edition: Edition): string | undefined {
  if (match[5]) return edition.clause(match[5]) ? match[5] : undefined;
  const number = match[2];
  const item = match[3] ?? match[4];
  const withItem = item ? `${number}.${item}` : number;
  if (edition.clause(withItem)) return withItem;
  return edition.clause(number) ? number : undefined;
}

/** The clause mention under an offset, if the offset is inside a comment that mentions one. */
export function clauseMentionAt(text: string, edition: Edition, offset: number): ClauseMention | undefined {
  return clauseMentionsInComments(text, edition, offset, offset).find(
    (mention) => offset >= mention.range.start && offset <= mention.range.end,
  );
}
