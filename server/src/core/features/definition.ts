// Go to definition: a clause mentioned in a comment → the clause in the read-only spec document; a personnel id
// (`lead: li-si`, an agreements entry) → that person's `id` in the personnel list.
import { clauseMentionAt } from "./clause-mentions";
import { personIndex } from "./person-index";
import type { DossierReport } from "../check/service";
import { renderSpecDocument, specUri } from "./spec-document";
import type { ClauseTextOptions } from "../catalog/clause-text";
import type { Locale, OffsetRange } from "../types";

export type DefinitionTarget =
  | { kind: "clause"; clauseId: string; uri: string; range: OffsetRange; originRange: OffsetRange }
  | { kind: "person"; personId: string; range: OffsetRange; originRange: OffsetRange };

/** The range of `id: <personId>`'s value in the personnel list, if listed (the person index, person-index.ts). */
export function personIdRange(report: DossierReport, personId: string): OffsetRange | undefined {
  return personIndex(report).definitionOf(personId)?.range;
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
  const occurrence = personIndex(report).at(offset);
  if (!occurrence || occurrence.kind !== "reference") return undefined;
  const range = personIdRange(report, occurrence.personId);
  return range ? { kind: "person", personId: occurrence.personId, range, originRange: occurrence.range } : undefined;
}
