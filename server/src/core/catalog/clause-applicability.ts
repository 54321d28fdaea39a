// Which clauses a dossier of a level and category is judged on: the catalog alone decides (no rules, no findings),
// so that rules may ask it without depending on the verdicts built from their findings.
import type { Clause, Edition, Level } from "./edition";

function appliesToLevel(clause: Clause, level: Level): boolean {
  return !clause.levels || clause.levels.includes(level);
}

export function appliesToCategory(clause: Clause, category: string | undefined): boolean {
  return (
    !clause.categories ||
    clause.categories === "all" ||
    (category !== undefined && clause.categories.includes(category))
  );
}

function isCheckable(clause: Clause): boolean {
  return (clause.check ?? []).some((kind) => kind !== "informative");
}

/**
 * The clauses a dossier of this level and category is judged on, in catalog order: every clause of its level that
 * is not merely informative and applies to its category (or is a general requirement of §4, listed as not
 * applicable otherwise).
 */
export function verdictClauses(
  edition: Edition,
  level: Level,
  category: string | undefined,
): Array<{ clause: Clause; applicable: boolean }> {
  return edition.clauses
    .filter((clause) => appliesToLevel(clause, level) && isCheckable(clause))
    .filter((clause) => appliesToCategory(clause, category) || clause.id.startsWith("4."))
    .map((clause) => ({ clause, applicable: appliesToCategory(clause, category) }));
}
