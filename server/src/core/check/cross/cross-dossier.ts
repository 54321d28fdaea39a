// Cross-dossier checks: facts that several dossiers claim (facts.ts). Over the dossiers of one workspace or of one CLI
// run: the same person (the same competence certificate number) listed as staff by two different applicants (4.x.2),
// the same project (an evidence file with the same content, or the same client, name and dates) claimed by two
// applicants (4.x.3 b)), and the same evidence file (by content) used for different facts. Each finding is a warning
// on each dossier concerned, naming the other(s) with a related location in the other file (RelatedFinding.document):
// the tool's reading, since a reviewer decides (a subcontracted project, a person who changed employer, a shared
// document can be legitimate). Pure: given the facts, returns the findings per dossier id.
import type { CheckDeclaration, Finding, Localized, MessageArgument, RelatedFinding } from "../../types";
import { DossierFacts, EvidenceContent, EvidenceFact, FactPlace, sameApplicant } from "./facts";

export const CROSS_RULES = {
  samePerson: "cross.same-person",
  sameProject: "cross.same-project",
  sameEvidence: "cross.same-evidence",
} as const;

/** A finding names at most this many other places (the rest are counted). */
export const MAX_RELATED = 10;

export const CROSS_CHECKS: CheckDeclaration[] = [
  {
    id: CROSS_RULES.samePerson,
    kind: "cross",
    clauses: ["4.x.2"],
    severities: ["warning"],
    description: {
      en: "Warning: the same person (the same competence certificate number) is listed as staff by another applicant (another credit code and another name) in a dossier checked together with this one (a workspace, one `lint` run). The tool's reading: a reviewer decides.",
      zh: "警告：同一人员（能力证书编号相同）也列在一同检查的另一申请单位（统一社会信用代码和名称均不同）的申请材料中（同一工作区，或同一次 `lint`）。本工具的理解，由评审判断。",
    },
  },
  {
    id: CROSS_RULES.sameProject,
    kind: "cross",
    clauses: ["4.x.3.b"],
    severities: ["warning"],
    description: {
      en: "Warning: the same project (an evidence file with the same content, or the same client, name, signing and completion dates) is claimed by another applicant in a dossier checked together with this one. The tool's reading: a subcontracted project can be legitimate; a reviewer decides.",
      zh: "警告：同一项目（证明材料文件内容相同，或客户、项目名称、签订和完成日期均相同）也由一同检查的另一申请单位列为业绩。本工具的理解：分包项目等情形可能合理，由评审判断。",
    },
  },
  {
    id: CROSS_RULES.sameEvidence,
    kind: "cross",
    clauses: [],
    severities: ["warning"],
    description: {
      en: "Warning: the same evidence file (by content) supports different facts, in this dossier or in another checked together with it (a person's certificate and a project, two projects, two applicants' documents). Cites the clause of the field holding the path. The tool's reading: a reviewer decides.",
      zh: "警告：同一证明材料文件（内容相同）用于证明不同的事项，在本申请材料内或在一同检查的其他申请材料中（如人员证书与项目、两个项目、两家申请单位的文件）。引用该字段的条款。本工具的理解，由评审判断。",
    },
  },
];

export const CROSS_MESSAGES: { [messageId: string]: Localized } = {
  "cross.same-person": {
    en: "{name} (competence certificate {certificate}) is also listed as staff by another applicant: {others}. The same person on two applicants' staff: a reviewer will ask (the tool's reading).",
    zh: "{name}（能力证书编号 {certificate}）也列在其他申请单位的人员名单中：{others}。同一人员出现在两家申请单位，评审时可能询问（本工具的理解）。",
  },
  "cross.same-project": {
    en: "Project “{name}” is also claimed by another applicant: {others}. A project claimed by two applicants (a subcontract can explain it): a reviewer will ask (the tool's reading).",
    zh: "项目“{name}”也被其他申请单位列为业绩：{others}。同一项目由两家申请单位申报（分包等情形可能合理），评审时可能询问（本工具的理解）。",
  },
  "cross.same-evidence": {
    en: "Evidence file {path} has the same content as a file used for something else: {others}. One document supporting different facts: a reviewer will ask (the tool's reading).",
    zh: "证明材料 {path} 与用于其他事项的文件内容相同：{others}。同一份材料用于证明不同事项，评审时可能询问（本工具的理解）。",
  },
  "cross.other-place": {
    en: "The same in {file} ({applicant}).",
    zh: "相同内容见 {file}（{applicant}）。",
  },
};

interface Place {
  dossier: DossierFacts;
  place: FactPlace;
}

function otherNames(others: Place[]): MessageArgument[] {
  const unique: MessageArgument[] = [];
  const seen = new Set<string>();
  for (const { dossier } of others.slice(0, MAX_RELATED)) {
    if (seen.has(dossier.id)) continue;
    seen.add(dossier.id);
    const applicant = dossier.applicantName || "—";
    unique.push({ en: `${dossier.label} (${applicant})`, zh: `${dossier.label}（${applicant}）` });
  }
  if (others.length > MAX_RELATED)
    unique.push({
      en: `and ${others.length - MAX_RELATED} more`,
      zh: `另有 ${others.length - MAX_RELATED} 处`,
    });
  return unique;
}

function related(others: Place[]): RelatedFinding[] {
  return others.slice(0, MAX_RELATED).map(({ dossier, place }) => ({
    document: dossier.id,
    range: place.range,
    messageId: "cross.other-place",
    args: { file: dossier.label, applicant: dossier.applicantName || "—" },
  }));
}

function finding(ruleId: string, at: Place, others: Place[], args: { [name: string]: MessageArgument }): Finding {
  return {
    ruleId,
    clauseIds: at.place.clauses,
    severity: "warning",
    messageId: ruleId,
    args: { ...args, others: otherNames(others) },
    range: at.place.range,
    related: related(others),
  };
}

/** Places grouped by key, each group in dossier order. */
function groups<T extends FactPlace>(
  dossiers: DossierFacts[],
  factsOf: (dossier: DossierFacts) => T[],
  keysOf: (fact: T) => string[],
): Map<string, Array<{ dossier: DossierFacts; place: T }>> {
  const byKey = new Map<string, Array<{ dossier: DossierFacts; place: T }>>();
  for (const dossier of dossiers)
    for (const place of factsOf(dossier))
      for (const key of new Set(keysOf(place))) {
        const group = byKey.get(key);
        if (group) group.push({ dossier, place });
        else byKey.set(key, [{ dossier, place }]);
      }
  return byKey;
}

type ContentEntry<T> = { dossier: DossierFacts; place: T; content: EvidenceContent };

/** Places grouped by the content of their evidence files, each group in dossier order. Files are told apart as cheaply
 * as they can be (a duplicate finder's order): by size, then — where two files have one size — by the hash of their
 * first bytes, then by the hash of the whole file; where one file alone is left, its places share it unread. */
function contentGroups<T extends FactPlace>(
  dossiers: DossierFacts[],
  factsOf: (dossier: DossierFacts) => T[],
  contentsOf: (fact: T) => EvidenceContent[],
): Map<string, Array<{ dossier: DossierFacts; place: T }>> {
  // by size first: most sizes are one file's alone, and go no further
  const bySize = new Map<number, Array<ContentEntry<T>>>();
  for (const dossier of dossiers)
    for (const place of factsOf(dossier))
      for (const content of contentsOf(place)) {
        const same = bySize.get(content.size);
        if (same) same.push({ dossier, place, content });
        else bySize.set(content.size, [{ dossier, place, content }]);
      }
  const byContent = new Map<string, Array<{ dossier: DossierFacts; place: T }>>();
  const stages: Array<(content: EvidenceContent) => string | undefined> = [
    (content) => content.start(),
    (content) => content.hash(),
  ];
  const refine = (same: Array<ContentEntry<T>>, stage: number, key: string): void => {
    if (same.length < 2) return;
    const oneFile = same.every((entry) => entry.content.file === same[0].content.file);
    if (oneFile || stage === stages.length) {
      const group: Array<{ dossier: DossierFacts; place: T }> = [];
      for (const { dossier, place } of same)
        if (!group.some((known) => known.place === place)) group.push({ dossier, place });
      byContent.set(oneFile ? `file:${same[0].content.file}` : `evidence:${key}`, group);
      return;
    }
    const split = new Map<string, Array<ContentEntry<T>>>();
    for (const entry of same) {
      const next = stages[stage](entry.content);
      if (next === undefined) continue;
      const part = split.get(next);
      if (part) part.push(entry);
      else split.set(next, [entry]);
    }
    for (const [next, part] of split) refine(part, stage + 1, next);
  };
  for (const same of bySize.values()) if (same.length > 1) refine(same, 0, "");
  return byContent;
}

/** Two uses of one file that are not a finding: the same fact, one file named twice by one applicant (one manual
 * for several procedures is the applicant's choice), or a project file of two applicants (the same project, above). */
function sameUse(
  a: { dossier: DossierFacts; place: EvidenceFact },
  b: { dossier: DossierFacts; place: EvidenceFact },
): boolean {
  const applicant = sameApplicant(a.dossier, b.dossier);
  if (a.place.fact === b.place.fact && (applicant || a.place.fact.startsWith("certificate:"))) return true;
  if (applicant) return a.place.path.trim() === b.place.path.trim();
  return a.place.inProject && b.place.inProject;
}

/**
 * The cross-dossier findings of each dossier (by its id), in the order of `dossiers`, with their default severities
 * (each dossier's own severity overrides and waivers are applied by service.ts finishCrossFindings). Dossiers of the
 * same applicant (the same credit
 * code) are never compared for the same person or project: two submissions of one applicant share them by nature.
 */
export function crossDossierFindings(dossiers: DossierFacts[]): Map<string, Finding[]> {
  const found = new Map<string, Finding[]>(dossiers.map((dossier) => [dossier.id, []]));
  const add = (dossier: DossierFacts, item: Finding): void => void found.get(dossier.id)?.push(item);

  // the same person: one finding per certificate entry that another applicant lists too
  for (const group of groups(
    dossiers,
    (dossier) => dossier.persons,
    (person) => [person.certificate],
  ).values()) {
    if (group.length < 2) continue;
    for (const at of group) {
      const others = group.filter((other) => !sameApplicant(other.dossier, at.dossier));
      if (others.length > 0)
        add(
          at.dossier,
          finding(CROSS_RULES.samePerson, at, others, { name: at.place.name, certificate: at.place.certificate }),
        );
    }
  }

  // the same project: projects sharing a key, between applicants
  const projectOthers = new Map<object, Place[]>();
  for (const group of [
    ...groups(
      dossiers,
      (dossier) => dossier.projects,
      (project) => project.keys,
    ).values(),
    ...contentGroups(
      dossiers,
      (dossier) => dossier.projects,
      (project) => project.contents,
    ).values(),
  ]) {
    if (group.length < 2) continue;
    for (const at of group) {
      const others = projectOthers.get(at.place) ?? [];
      for (const other of group)
        if (!sameApplicant(other.dossier, at.dossier) && !others.some((known) => known.place === other.place))
          others.push(other);
      projectOthers.set(at.place, others);
    }
  }
  for (const dossier of dossiers)
    for (const project of dossier.projects) {
      const others = projectOthers.get(project);
      if (others && others.length > 0)
        add(dossier, finding(CROSS_RULES.sameProject, { dossier, place: project }, others, { name: project.name }));
    }

  // the same evidence file for different facts (a shared project file between applicants is the same project above)
  for (const group of contentGroups(
    dossiers,
    (dossier) => dossier.evidence,
    (evidence) => [evidence.content],
  ).values()) {
    if (group.length < 2) continue;
    for (const at of group) {
      const others = group.filter((other) => !sameUse(at, other));
      if (others.length > 0) add(at.dossier, finding(CROSS_RULES.sameEvidence, at, others, { path: at.place.path }));
    }
  }
  return found;
}
