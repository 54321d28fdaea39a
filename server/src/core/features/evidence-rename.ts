// When an evidence file or folder is renamed in the editor's explorer, the evidence paths of a dossier that name it
// are rewritten (LSP workspace/willRenameFiles), so that the rename leaves no finding behind. Paths come relative to
// the dossier's folder, `/`-separated (the edge computes them); a path that would leave the folder is not written
// (evidence.path would refuse it: the finding then says so). Pure.
import { checkEvidencePath } from "../check/evidence-path";
import type { DossierReport } from "../check/service";
import type { OffsetRange } from "../types";
import { evidencePathText } from "./evidence-completion";
import { evidenceLinks } from "./links";

/** "./a/b.pdf" and "a/b.pdf" name the same file. */
function plain(path: string): string {
  return path.replace(/^(\.\/)+/, "");
}

/** The edits that follow a rename of `from` to `to` (file or folder, both relative to the dossier's folder). */
export function evidenceRenameEdits(
  report: DossierReport,
  from: string,
  to: string,
): Array<{ range: OffsetRange; newText: string }> {
  const edits: Array<{ range: OffsetRange; newText: string }> = [];
  const old = plain(from);
  const text = report.parsed.text;
  for (const link of evidenceLinks(report)) {
    const written = plain(link.path);
    const rest = written === old ? "" : written.startsWith(`${old}/`) ? written.slice(old.length) : undefined;
    if (rest === undefined) continue;
    const renamed = plain(to) + rest;
    if (checkEvidencePath(renamed) !== "ok") continue;
    const quoted = text[link.range.start - 1] === '"' || text[link.range.start - 1] === "'";
    edits.push({ range: link.range, newText: quoted ? renamed : evidencePathText(renamed) });
  }
  return edits;
}
