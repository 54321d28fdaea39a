// Document links for evidence paths: every string value whose model node says `evidence: true`, found by walking
// the document alongside the model. A link never points outside the dossier's folder: a path that
// checkEvidencePath refuses (absolute, climbing out with `..`, backslashes, drive letters, URL schemes…) gets none.
// Pure: imports only `yaml`; no vscode, no fs.
import { isMap, isScalar, isSeq } from "yaml";
import { checkEvidencePath } from "../check/evidence-path";
import type { DossierReport } from "../check/service";
import type { JsonPath, OffsetRange } from "../types";

export interface EvidenceLink {
  /** The path's characters in the document, quotes excluded. */
  range: OffsetRange;
  /** The evidence path as written, relative to the dossier's folder, `/`-separated. */
  path: string;
}

export function evidenceLinks(report: DossierReport): EvidenceLink[] {
  const links: EvidenceLink[] = [];
  collectLinks(report, report.parsed.document.contents, [], links);
  return links;
}

function collectLinks(report: DossierReport, node: unknown, path: JsonPath, links: EvidenceLink[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.value !== null)
        collectLinks(report, pair.value, [...path, String(pair.key.value)], links);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => collectLinks(report, item, [...path, index], links));
  } else if (isScalar(node) && typeof node.value === "string" && node.range) {
    if (!report.edition.modelAt(path)?.evidence) return;
    const range = pathRange(node.type, node.range[0], node.range[1]);
    if (range && isLinkablePath(node.value)) links.push({ range, path: node.value });
  }
}

/** The range of a plain or quoted scalar's characters, without its quotes; none for block scalars. */
function pathRange(type: string | undefined, start: number, end: number): OffsetRange | undefined {
  if (type === "QUOTE_DOUBLE" || type === "QUOTE_SINGLE")
    return end - start >= 2 ? { start: start + 1, end: end - 1 } : undefined;
  if (type === "PLAIN") return { start, end };
  return undefined;
}

/** A relative path that stays inside the dossier's folder (see evidence-path.ts). */
export function isLinkablePath(path: string): boolean {
  return checkEvidencePath(path) === "ok";
}
