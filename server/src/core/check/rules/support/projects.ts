// The projects list as the track-record rules read it: which entries repeat an earlier one. Two entries with the same
// contract — the same client, signing and completion dates, and an evidence file in common — are one project listed
// twice: it counts once (4.x.3 b) counts projects, not entries).
import type { JsonPath } from "../../../types";
import type { RuleContext } from "../rule";
import { dateOf, ListedObject, objectsAt, stringOf } from "./dossier-data";

export const PROJECTS_PATH = ["performance", "projects"];

function evidenceOf(project: ListedObject): string[] {
  const evidence = project.value.evidence;
  return Array.isArray(evidence)
    ? evidence
        .filter((item): item is string => typeof item === "string" && item.trim().length > 0)
        .map((item) => item.trim())
    : [];
}

/** Each entry that repeats an earlier one, with the first entry of that project (in list order). */
export function repeatedProjects(context: RuleContext): Map<ListedObject, ListedObject> {
  const repeats = new Map<ListedObject, ListedObject>();
  const byContract = new Map<string, ListedObject[]>();
  for (const project of objectsAt(context, PROJECTS_PATH)) {
    const client = stringOf(project.value, "client")?.trim();
    const signed = dateOf(project.value, "signed");
    const completed = dateOf(project.value, "completed");
    if (!client || !signed || !completed) continue;
    const key = `${client}\u0000${signed}\u0000${completed}`;
    const earlier = byContract.get(key);
    if (!earlier) {
      byContract.set(key, [project]);
      continue;
    }
    // the evidence files are read only where a contract is listed again: an entry without any shares none
    const evidence = evidenceOf(project);
    const first = earlier.find((candidate) => evidenceOf(candidate).some((file) => evidence.includes(file)));
    if (first) repeats.set(project, repeats.get(first) ?? first);
    else earlier.push(project);
  }
  return repeats;
}

/** Where a project is pointed at: its name when it has one, else the whole entry. */
export function projectNamePath(project: ListedObject): JsonPath {
  return typeof project.value.name === "string" ? [...project.path, "name"] : project.path;
}
