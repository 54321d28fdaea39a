// Go to definition: a clause mentioned in a comment → the clause in the read-only spec document; a personnel id
// (`lead: li-si`, an agreements entry) → that person's `id` in the personnel list.
import { isMap, isScalar, isSeq } from "yaml";
import { clauseMentionAt } from "./clause-mentions";
import { pathAtOffset, rangeOf } from "../parse/locate";
import type { DossierReport } from "../check/service";
import { renderSpecDocument, specUri } from "./spec-document";
import type { ClauseTextOptions } from "../catalog/clause-text";
import type { Locale, OffsetRange } from "../types";

export type DefinitionTarget =
  | { kind: "clause"; clauseId: string; uri: string; range: OffsetRange; originRange: OffsetRange }
  | { kind: "person"; personId: string; range: OffsetRange; originRange: OffsetRange };

/** The range of `id: <personId>`'s value in the personnel list, if listed. */
export function personIdRange(report: DossierReport, personId: string): OffsetRange | undefined {
  const contents = report.parsed.document.contents;
  if (!isMap(contents)) return undefined;
  const personnel = contents.items.find((pair) => isScalar(pair.key) && pair.key.value === "personnel")?.value;
  if (!isSeq(personnel)) return undefined;
  for (const item of personnel.items) {
    if (!isMap(item)) continue;
    const id = item.items.find((pair) => isScalar(pair.key) && pair.key.value === "id")?.value;
    if (isScalar(id) && String(id.value) === personId) return rangeOf(id);
  }
  return undefined;
}

export function definition(
  report: DossierReport,
  offset: number,
  locale: Locale,
  options?: ClauseTextOptions,
): DefinitionTarget | undefined {
  const { edition, parsed } = report;
  const mention = clauseMentionAt(parsed.text, edition, offset);
  if (mention) {
    const spec = renderSpecDocument(edition, locale, options);
    const range = spec.anchors[mention.clauseId];
    if (range)
      return { kind: "clause", clauseId: mention.clauseId, uri: specUri(edition), range, originRange: mention.range };
  }
  const at = pathAtOffset(parsed.document, offset);
  if (at.on !== "value" || !at.range) return undefined;
  const node = edition.modelAt(at.path);
  const value = (at.node as { value?: unknown } | undefined)?.value;
  if (!node?.personnel_ref || typeof value !== "string") return undefined;
  const range = personIdRange(report, value);
  return range ? { kind: "person", personId: value, range, originRange: at.range } : undefined;
}
