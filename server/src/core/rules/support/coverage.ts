// "Does this list name every value of its vocabulary?" — shared by the procedure and process rules: one finding
// per missing value, on the list's key. The vocabulary comes from the dossier model's enum (or is given).
import type { Finding, JsonPath, Localized, MessageArgument } from "../../types";
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
  const present = new Set(list.filter((item) => typeof item === "string"));
  const required: Array<[string, MessageArgument]> = check.vocabulary
    ? Object.entries(check.vocabulary)
    : vocabularyOf(context, check.listPath).map((value) => [value, enumLabel(context, [...check.listPath, 0], value)]);
  return required
    .filter(([value]) => !present.has(value))
    .map(([value, label]) =>
      context.finding({
        clauses: check.clauses,
        messageId: check.messageId,
        args: { value, label },
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
