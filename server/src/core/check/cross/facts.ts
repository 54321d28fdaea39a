// What the cross-dossier checks compare, read from one checked dossier: who applies (credit code), the people it
// lists with their competence certificate numbers, its projects, and every evidence file it names with that file's
// content — its size at once, the hashes of its start and of its whole only when asked (cross-dossier.ts asks only
// where another file is still alike: most evidence files are never read). Pure: the contents come from a function the
// caller gives (server/src/node/evidence-hashes.ts reads the files), and nothing of the parsed document is kept —
// only offsets and short strings, so that a workspace of many dossiers keeps its facts without their parses.
import { valueRange } from "../../parse/locate";
import type { JsonPath, OffsetRange } from "../../types";
import type { DossierReport } from "../service";
import { asArray, asDate, asObject, asString, PlainObject } from "../values";
import { evidenceValuesOf } from "../rules/support/evidence-fields";

/** A fact's place in its dossier: where it is written and the clauses it supports there. */
export interface FactPlace {
  range: OffsetRange;
  clauses: string[];
}

export interface PersonFact extends FactPlace {
  /** A competence certificate number (one fact per certificate of the person). */
  certificate: string;
  name: string;
}

export interface ProjectFact extends FactPlace {
  /** What identifies the project: its contract ("contract:<client, name, dates>"), when it has one… */
  keys: string[];
  /** …and the content of each of its evidence files. */
  contents: EvidenceContent[];
  name: string;
}

export interface EvidenceFact extends FactPlace {
  content: EvidenceContent;
  /** The path as written. */
  path: string;
  /** Which fact the file supports: two uses of one file for the same fact are not a finding. */
  fact: string;
  /** In a project's evidence (between applicants, a shared project file is reported as the same project). */
  inProject: boolean;
}

export interface DossierFacts {
  /** The caller's name for the dossier (a URI, a path): related locations name it. */
  id: string;
  /** How messages name the dossier's file (a relative path, a file name). */
  label: string;
  /** Who applies: the unified social credit code and the name (sameApplicant). */
  creditCode: string;
  applicantName: string;
  persons: PersonFact[];
  projects: ProjectFact[];
  evidence: EvidenceFact[];
}

/** An evidence file's content: two files are the same when their sizes and then their hashes are. */
export interface EvidenceContent {
  /** Names the file: places with one name share its content without reading it (one file under two names is told
   * by its hash). */
  readonly file: string;
  /** In bytes, more than zero. */
  readonly size: number;
  /** The hash of its first bytes, read when first asked (and kept): two files of one size whose starts differ are
   * told apart without reading them whole. Undefined when the file cannot be read. */
  start(): string | undefined;
  /** Its content hash, read when first asked (and kept); undefined when the file cannot be read. */
  hash(): string | undefined;
}

/**
 * The content of an evidence file the dossier names (its path as written, already checked to stay inside the
 * dossier's folder); undefined when the file does not exist, is empty or is not looked at.
 */
export type EvidenceContentOf = (relativePath: string) => EvidenceContent | undefined;

function trimmed(value: unknown): string | undefined {
  const text = asString(value)?.trim();
  return text ? text : undefined;
}

/** A list item's name in a fact key: its id, certificate or number, else its index. */
function itemKey(item: unknown, index: number): string {
  const object = asObject(item);
  return (
    trimmed(object?.id) ??
    trimmed(object?.certificate) ??
    trimmed(object?.number) ??
    trimmed(object?.name) ??
    `${index}`
  );
}

function contractKey(project: PlainObject): string | undefined {
  const client = trimmed(project.client);
  const name = trimmed(project.name);
  const signed = asDate(project.signed);
  const completed = asDate(project.completed);
  return client && name && signed && completed ? `${client}\u0000${name}\u0000${signed}\u0000${completed}` : undefined;
}

/** The facts of a checked dossier. */
export function dossierFacts(
  id: string,
  label: string,
  report: DossierReport,
  contentOf: EvidenceContentOf | undefined,
): DossierFacts {
  const root = asObject(report.parsed.value);
  const applicantObject = asObject(root?.applicant);
  const creditCode = trimmed(applicantObject?.credit_code)?.toUpperCase();
  const applicantName = trimmed(applicantObject?.name) ?? "";
  const facts: DossierFacts = {
    id,
    label,
    creditCode: creditCode ?? "",
    applicantName,
    persons: [],
    projects: [],
    evidence: [],
  };
  if (!root || report.parsed.declined !== undefined) return facts;
  const { document, text } = report.parsed;
  const rangeOf = (path: JsonPath): OffsetRange => valueRange(document, path, text);
  const clause = (template: string): string => report.edition.resolveClause(template, report.level);

  asArray(root.personnel).forEach((person, personIndex) => {
    const personObject = asObject(person);
    asArray(personObject?.competence).forEach((competence, competenceIndex) => {
      const certificate = trimmed(asObject(competence)?.certificate);
      if (!certificate) return;
      facts.persons.push({
        certificate,
        name: trimmed(personObject?.name) ?? trimmed(personObject?.id) ?? "",
        range: rangeOf(["personnel", personIndex, "competence", competenceIndex, "certificate"]),
        clauses: [clause("4.x.2")],
      });
    });
  });

  const projects = asArray(asObject(root.performance)?.projects);
  const projectKeys: string[] = [];
  const contents = new Map<string, EvidenceContent | undefined>();
  const contentAt = (relativePath: string): EvidenceContent | undefined => {
    if (!contentOf) return undefined;
    if (!contents.has(relativePath)) contents.set(relativePath, contentOf(relativePath));
    return contents.get(relativePath);
  };
  projects.forEach((project, index) => {
    const object = asObject(project);
    if (!object) {
      projectKeys.push(`${index}`);
      return;
    }
    const contract = contractKey(object);
    const keys = contract ? [`contract:${contract}`] : [];
    const projectContents: EvidenceContent[] = [];
    for (const item of asArray(object.evidence)) {
      const path = trimmed(item);
      const content = path ? contentAt(path) : undefined;
      if (content) projectContents.push(content);
    }
    projectKeys.push(contract ?? `${index}`);
    if (keys.length === 0 && projectContents.length === 0) return;
    facts.projects.push({
      keys,
      contents: projectContents,
      name: trimmed(object.name) ?? `${index + 1}`,
      range: rangeOf(
        typeof object.name === "string"
          ? ["performance", "projects", index, "name"]
          : ["performance", "projects", index],
      ),
      clauses: [clause("4.x.3.b")],
    });
  });

  for (const evidence of evidenceValuesOf(report.edition.model, root)) {
    if (evidence.problem !== "ok") continue;
    const content = contentAt(evidence.value.trim());
    if (!content) continue;
    const path = evidence.path;
    facts.evidence.push({
      content,
      path: evidence.value,
      fact: factOf(root, path, projectKeys),
      inProject: path[0] === "performance" && path[1] === "projects",
      range: rangeOf(path),
      clauses: [...new Set(evidence.clauseTemplates.map(clause))],
    });
  }
  return facts;
}

/** Two dossiers of the same applicant: the same credit code or the same name (a mistyped credit code does not make
 * another applicant), or the same dossier. A dossier that names its applicant neither way (one being written) is
 * not taken for another applicant. */
export function sameApplicant(a: DossierFacts, b: DossierFacts): boolean {
  const unknown = (facts: DossierFacts): boolean => facts.creditCode === "" && facts.applicantName === "";
  return (
    a.id === b.id ||
    unknown(a) ||
    unknown(b) ||
    (a.creditCode !== "" && a.creditCode === b.creditCode) ||
    (a.applicantName !== "" && a.applicantName === b.applicantName)
  );
}

/** Which fact an evidence path supports: a competence certificate (whoever lists it: "certificate:…"), a project (by
 * its contract), or the field holding it (list items by their id or number) — the last two of its applicant. */
function factOf(root: PlainObject, path: JsonPath, projectKeys: string[]): string {
  if (
    path[0] === "personnel" &&
    path[2] === "competence" &&
    typeof path[1] === "number" &&
    typeof path[3] === "number"
  ) {
    const competence = asObject(asArray(asObject(asArray(root.personnel)[path[1]])?.competence)[path[3]]);
    const certificate = trimmed(competence?.certificate);
    if (certificate) return `certificate:${certificate}`;
  }
  if (path[0] === "performance" && path[1] === "projects" && typeof path[2] === "number")
    return `project\u0000${projectKeys[path[2]] ?? path[2]}`;
  const parts: string[] = [];
  let value: unknown = root;
  // the path up to the evidence field (its own index dropped): list items named by their id, certificate or number
  const fieldPath = typeof path[path.length - 1] === "number" ? path.slice(0, -1) : path;
  for (const segment of fieldPath) {
    if (typeof segment === "number") {
      const list = asArray(value);
      parts.push(itemKey(list[segment], segment));
      value = list[segment];
    } else {
      parts.push(segment);
      value = asObject(value)?.[segment];
    }
  }
  return parts.join("\u0000");
}
