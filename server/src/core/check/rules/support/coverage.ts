// "Does this list name every value of its vocabulary?" — shared by the procedure and process rules: one finding
// per missing value, on the list's key. The vocabulary comes from the dossier model's enum (or is given).
import type { Finding, JsonPath, Localized } from "../../../types";
import type { RuleContext } from "../rule";
import { enumLabel, listAt } from "./dossier-data";

/** The allowed values of the items of the list at a path, from the model. */
export function vocabularyOf(context: RuleContext, listPath: JsonPath): string[] {
  const itemNode = context.edition.modelAt([...listPath, 0]);
  const values = itemNode ? context.edition.enumOf(itemNode)?.values : undefined;
  return (values ?? []).map(String);
}

export interface CoverageCheck {
  listPath: JsonPath;
  clauses: string[];
  messageId: string;
  /** The required values; the model's enum when omitted. */
  vocabulary?: { [value: string]: Localized };
}

/** One finding per required value missing from the list (nothing when the list is absent: the schema's finding). */
export function missingFromList(context: RuleContext, check: CoverageCheck): Finding[] {
  const list = listAt(context, check.listPath);
  if (!list) return [];
  const required = check.vocabulary ? Object.keys(check.vocabulary) : vocabularyOf(context, check.listPath);
  // Vocabularies and lists are short: a scan is cheaper than a set; labels are looked up for what is missing only.
  return required
    .filter((value) => !list.includes(value))
    .map((value) =>
      context.finding({
        clauses: check.clauses,
        messageId: check.messageId,
        args: { value, label: check.vocabulary?.[value] ?? enumLabel(context, [...check.listPath, 0], value) },
        range: context.keyRange(check.listPath),
      }),
    );
}

/** A finding when the list at a path is present but empty (an absent list is the schema's finding). */
export function emptyList(context: RuleContext, listPath: JsonPath, clauses: string[], messageId: string): Finding[] {
  const list = listAt(context, listPath);
  if (!list || list.length > 0) return [];
  return [context.finding({ clauses, messageId, range: context.keyRange(listPath) })];
}
