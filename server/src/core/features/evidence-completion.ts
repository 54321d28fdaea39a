// Completion of evidence file paths: the files of the dossier's folder (listed by the edge, node/evidence-listing.ts,
// which stays inside the folder and bounds the listing) that `evidence.path` would accept (check/evidence-path.ts,
// the one test), ranked: those starting with what is typed first, then those containing it, files not yet cited
// before cited ones, shallow before deep. Other dossiers are not evidence. Pure.
import type { CursorContext } from "../parse/cursor-context";
import { checkEvidencePath } from "../check/evidence-path";
import type { CompletionEntry } from "./completion";

/** A value that YAML would read as something else, or cut (in a flow list too), unless quoted. */
const NEEDS_QUOTES = /^[\s\-?:#&*!|>'"%@`]|: | #|[\s:]$|[,[\]{}]/;

/** An evidence path as written unquoted in YAML: quoted when YAML would misread it otherwise. */
export function evidencePathText(path: string): string {
  return NEEDS_QUOTES.test(path) ? `"${path.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"` : path;
}

/** The evidence paths to offer at a cursor in an evidence field, best first. */
export function evidenceEntries(
  context: CursorContext,
  files: readonly string[],
  citedElsewhere: ReadonlySet<string>,
): CompletionEntry[] {
  const typed = context.prefix.toLowerCase();
  const taken = new Set(context.kind === "list-value" ? context.siblingValues : []);
  const ranked = files
    .filter((file) => checkEvidencePath(file) === "ok" && !/\.dossier\.ya?ml$/i.test(file) && !taken.has(file))
    .map((file) => {
      const lower = file.toLowerCase();
      const match = lower.startsWith(typed) ? 0 : lower.includes(typed) ? 1 : 2;
      return { file, match, cited: citedElsewhere.has(file) ? 1 : 0, depth: file.split("/").length };
    })
    .filter((entry) => entry.match < 2)
    .sort((a, b) => a.match - b.match || a.cited - b.cited || a.depth - b.depth || (a.file < b.file ? -1 : 1));
  return ranked.map((entry, order) => {
    const text = context.quote ? entry.file : evidencePathText(entry.file);
    return {
      label: entry.file,
      kind: "file",
      insertText: (context.valueNeedsSpace ? " " : "") + text,
      isSnippet: false,
      filterText: entry.file,
      sortText: String(order).padStart(5, "0"),
      replaceRange: context.replaceRange,
    };
  });
}
