// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers. The specification is a taxonomy
// (run.taxonomies) whose taxa are its clauses — Chinese text and provenance included; each rule is related to
// the clauses it enforces, each result names its clauses, and artifact locations are relative to SRCROOT (the
// folder the CLI ran in), so the log holds no absolute path of the machine that produced it. Each artifact carries
// the dossier's clause verdicts (core/verdicts/clause-status.ts: status, basis, conclusion) in its properties, and each
// result's clause references the status of that clause in that dossier. Every taxon and rule carries its help as
// text and Markdown (the clause's text with its provenance; the rule's description), so that a viewer shows it
// without following a link; helpUri only points where `--help-base-url` says the specification is published.
// result's clause references the status of that clause in that dossier. A waived finding is a result with a
// `suppressions` entry (kind inSource for a comment in the dossier, external for a configuration file's entry; status
// accepted; the justification), which viewers show as suppressed.
import { pathToFileURL } from "node:url";
import * as path from "node:path";
import type * as Sarif from "sarif";
import { checkById } from "../core/check/checks";
import { ClauseVerdict, conclusionText } from "../core/verdicts/clause-status";
import { clauseLabel, clauseMarkdown, clauseTitle, requirementText } from "../core/catalog/clause-text";
import { Clause, Edition, LEVELS } from "../core/catalog/edition";
import { pick } from "../core/check/render";
import { RULES } from "../core/check/rules";
import type { Locale, Severity } from "../core/types";
import { fileVerdicts, SarifFinding } from "./file-verdicts";
import type { CliFinding, CliRange, CliWaiver, LintedFile } from "./lint-file";
import type { FormatContext } from "./lint-results";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
const SRCROOT = "SRCROOT";
/** GitHub code scanning accepts at most 20 tags per rule. */
const MAX_TAGS = 20;
const FINGERPRINT_KEY = "isvDossierFinding/v1";
const LEVEL: { [severity in Severity]: Sarif.Result.level } = { error: "error", warning: "warning", info: "note" };

const PROVENANCE_TEXT: { [provenance: string]: { zh: string; en: string } } = {
  excerpt: { zh: "规范原文，摘自本项目所存副本", en: "The specification's own words, quoted from our copy" },
  "public-summary": { zh: "非本规范原文：公开资料概述", en: "Not the specification's words: public summary" },
  "structure-only": { zh: "条文未知：仅见于目录", en: "Text unknown: table of contents only" },
};

function taxonDescription(edition: Edition, clause: Clause, locale: Locale): string {
  const provenance = pick(
    PROVENANCE_TEXT[clause.provenance] ?? { zh: clause.provenance, en: clause.provenance },
    locale,
  );
  // A heading's requirement is its items' (4.1.3: a), b)), each marked by its own provenance.
  const requirement = requirementText(edition, clause);
  if (requirement) return `${requirement.zh}\n\n${requirement.en}\n\n(${provenance})`;
  return provenance;
}

const ENGLISH_RENDERING = { zh: "英文译文（非官方）", en: "English rendering (unofficial)" };

/**
 * A clause's help as plain text: its heading, then the text verbatim followed by where it comes from — or, for a
 * public summary, first that it is not the specification's words and then the summary (never read as a quote).
 */
function clauseHelpText(edition: Edition, clause: Clause, locale: Locale): string {
  const title = clauseTitle(edition, clause.id);
  const heading = `${edition.id} ${clauseLabel(clause.id, locale)}${title ? ` ${title.zh} · ${title.en}` : ""}`;
  const provenance = pick(
    PROVENANCE_TEXT[clause.provenance] ?? { zh: clause.provenance, en: clause.provenance },
    locale,
  );
  const [open, close, colon] = locale === "zh-cn" ? ["（", "）", "："] : ["(", ")", ": "];
  const requirement = requirementText(edition, clause);
  if (!requirement) return `${heading}\n\n${provenance}`;
  if (clause.provenance === "excerpt")
    return `${heading}\n\n${requirement.zh}\n\n${pick(ENGLISH_RENDERING, locale)}${colon}${requirement.en}\n\n${open}${provenance}${close}`;
  return `${heading}\n\n${open}${provenance}${close}\n\n${requirement.zh}\n\n${requirement.en}`;
}

/** Where the published specification shows a clause: URL with `{clause}` replaced, else URL#<clause id>. */
export function clauseHelpUri(baseUrl: string, clauseId: string): string {
  if (baseUrl.includes("{clause}")) return baseUrl.split("{clause}").join(encodeURIComponent(clauseId));
  return `${baseUrl.split("#")[0]}#${encodeURIComponent(clauseId)}`;
}

function taxon(
  edition: Edition,
  clause: Clause,
  locale: Locale,
  helpBaseUrl: string | undefined,
): Sarif.ReportingDescriptor {
  const title = clauseTitle(edition, clause.id);
  const label = clauseLabel(clause.id, locale);
  const markdown = clauseMarkdown(edition, clause.id, locale);
  return {
    id: clause.id,
    name: title ? `${label} ${title.zh}` : label,
    shortDescription: { text: title ? `${label} ${pick(title, locale)}` : label },
    fullDescription: {
      text: taxonDescription(edition, clause, locale),
      markdown,
    },
    help: { text: clauseHelpText(edition, clause, locale), markdown },
    ...(helpBaseUrl ? { helpUri: clauseHelpUri(helpBaseUrl, clause.id) } : {}),
    properties: {
      provenance: clause.provenance,
      ...(clause.text ? { text: clause.text } : {}),
      ...(clause.summary ? { summary: clause.summary } : {}),
      ...(clause.parent ? { parent: clause.parent } : {}),
      ...(clause.levels ? { levels: clause.levels } : {}),
      ...(clause.categories ? { categories: clause.categories } : {}),
      ...(clause.check ? { check: clause.check } : {}),
    },
  };
}

function taxonomy(edition: Edition, locale: Locale, helpBaseUrl: string | undefined): Sarif.ToolComponent {
  const meta = edition.bundle.edition;
  return {
    name: edition.id,
    fullName: `${edition.id}《${edition.title.zh}》`,
    ...(meta.published ? { version: meta.published } : {}),
    ...(meta.issuer ? { organization: pick(meta.issuer, locale) } : {}),
    shortDescription: { text: pick(edition.title, locale) },
    ...(meta.coverage ? { fullDescription: { text: pick(meta.coverage, locale) } } : {}),
    language: "zh-CN",
    taxa: edition.clauses.map((clause) => taxon(edition, clause, locale, helpBaseUrl)),
  };
}

interface RuleInfo {
  id: string;
  description: { zh: string; en: string } | undefined;
  clauses: string[];
}

/** Every requirement rule, plus every other check seen in the results; clauses resolved at every level. */
function collectRules(files: LintedFile[], edition: Edition): RuleInfo[] {
  const byId = new Map<string, RuleInfo>();
  const add = (id: string, description: RuleInfo["description"], clauses: string[]): void => {
    const entry = byId.get(id) ?? { id, description, clauses: [] };
    for (const clause of clauses) if (!entry.clauses.includes(clause)) entry.clauses.push(clause);
    byId.set(id, entry);
  };
  for (const rule of RULES) {
    add(
      rule.id,
      rule.description,
      rule.clauses.flatMap((template) => LEVELS.map((level) => edition.resolveClause(template, level))),
    );
  }
  for (const file of files)
    for (const finding of file.findings) add(finding.rule, checkById(finding.rule)?.description, finding.clauses);
  const order = new Map(edition.clauses.map((clause, index) => [clause.id, index]));
  return [...byId.values()]
    .map((rule) => ({
      ...rule,
      clauses: [...rule.clauses].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9)),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function ruleDescriptor(
  rule: RuleInfo,
  edition: Edition,
  taxonIndex: Map<string, number>,
  firstClauseSeen: string | undefined,
  locale: Locale,
  helpBaseUrl: string | undefined,
): Sarif.ReportingDescriptor {
  const description = rule.description ? pick(rule.description, locale) : rule.id;
  const helpClause = firstClauseSeen ?? rule.clauses[0];
  const clauseList = rule.clauses.map((clause) => clauseLabel(clause, locale)).join(locale === "zh-cn" ? "、" : ", ");
  const helpText = clauseList
    ? locale === "zh-cn"
      ? `${description}（${edition.id} ${clauseList}）`
      : `${description} (${edition.id} ${clauseList})`
    : description;
  return {
    id: rule.id,
    shortDescription: { text: description },
    fullDescription: { text: helpText },
    ...(helpBaseUrl && helpClause ? { helpUri: clauseHelpUri(helpBaseUrl, helpClause) } : {}),
    help: {
      text: helpText,
      markdown: helpClause ? `${description}\n\n${clauseMarkdown(edition, helpClause, locale)}` : description,
    },
    defaultConfiguration: { level: LEVEL[checkById(rule.id)?.defaultSeverity ?? "error"] },
    relationships: rule.clauses
      .filter((clause) => taxonIndex.has(clause))
      .map((clause) => ({
        target: { id: clause, index: taxonIndex.get(clause), toolComponent: { name: edition.id, index: 0 } },
        kinds: ["relevant"],
      })),
    properties: { tags: [edition.id, ...rule.clauses].slice(0, MAX_TAGS) },
  };
}

function artifactLocation(file: LintedFile, index?: number): Sarif.ArtifactLocation {
  const at = index === undefined ? {} : { index };
  if (path.isAbsolute(file.path)) return { uri: pathToFileURL(file.path).href, ...at };
  return { uri: file.path.split("/").map(encodeURIComponent).join("/"), uriBaseId: SRCROOT, ...at };
}

function region(range: CliRange): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function verdictProperties(verdicts: Array<ClauseVerdict<SarifFinding>>, locale: Locale): Sarif.PropertyBag {
  return {
    clauseVerdicts: verdicts.map((verdict) => ({
      clauseId: verdict.clauseId,
      status: verdict.status,
      basis: verdict.basis,
      conclusion: conclusionText(verdict, locale),
      checkedBy: verdict.checkedBy,
      ...(verdict.stillToCheck ? { stillToCheck: pick(verdict.stillToCheck, locale) } : {}),
    })),
  };
}

/**
 * A waived finding's suppression: `inSource` for a comment in the dossier (located at the comment), `external` for
 * an entry of a configuration file; accepted, with the justification, and who approved it until when as properties.
 */
function suppression(waiver: CliWaiver, location: Sarif.ArtifactLocation): Sarif.Suppression {
  return {
    kind: waiver.origin.kind === "inline" ? "inSource" : "external",
    status: "accepted",
    justification: waiver.justification,
    ...(waiver.origin.kind === "inline"
      ? { location: { physicalLocation: { artifactLocation: location, region: region(waiver.origin.range) } } }
      : {}),
    properties: {
      approvedBy: waiver.approvedBy,
      expires: waiver.expires,
      ...(waiver.origin.kind === "config"
        ? {
            // relative to the folder the CLI ran in, as the artifacts are: no absolute path of this machine
            configurationFile: path.relative(process.cwd(), waiver.origin.file).split(path.sep).join("/"),
            entry: waiver.origin.index,
          }
        : {}),
    },
  };
}

function result(
  file: LintedFile,
  fileIndex: number,
  finding: CliFinding,
  ruleIndex: Map<string, number>,
  taxonIndex: Map<string, number>,
  edition: Edition,
  statusOf: Map<string, ClauseVerdict<SarifFinding>>,
  fileIndexOf: Map<string, number>,
): Sarif.Result {
  const location = artifactLocation(file, fileIndex);
  // a related location in another dossier of the run (the cross-dossier checks) is that dossier's artifact
  const relatedLocation = (other: string | undefined): Sarif.ArtifactLocation => {
    const index = other === undefined ? undefined : fileIndexOf.get(other);
    return other === undefined ? location : artifactLocation({ ...file, path: other }, index);
  };
  return {
    ruleId: finding.rule,
    ruleIndex: ruleIndex.get(finding.rule),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(finding.range) } }],
    ...(finding.related.length > 0
      ? {
          relatedLocations: finding.related.map((related, index) => ({
            id: index,
            message: { text: related.message },
            physicalLocation: { artifactLocation: relatedLocation(related.path), region: region(related.range) },
          })),
        }
      : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(finding.waived ? { suppressions: [suppression(finding.waived, location)] } : {}),
    ...(finding.clauses.some((clause) => taxonIndex.has(clause))
      ? {
          taxa: finding.clauses
            .filter((clause) => taxonIndex.has(clause))
            .map((clause) => {
              const verdict = statusOf.get(clause);
              return {
                id: clause,
                index: taxonIndex.get(clause),
                toolComponent: { name: edition.id, index: 0 },
                ...(verdict ? { properties: { status: verdict.status, basis: verdict.basis } } : {}),
              };
            }),
        }
      : {}),
    properties: { clauses: finding.clauses, messageId: finding.messageId },
  };
}

export function buildSarifLog(files: LintedFile[], context: FormatContext): Sarif.Log {
  const { edition, locale } = context;
  const taxonIndex = new Map(edition.clauses.map((clause, index) => [clause.id, index]));
  const rules = collectRules(files, edition);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const verdicts = files.map((file) => fileVerdicts(file, edition));
  const fileIndexOf = new Map(files.map((file, index) => [file.path, index]));
  const firstClauseSeen = new Map<string, string>();
  for (const file of files)
    for (const finding of file.findings)
      if (finding.clauses[0] && !firstClauseSeen.has(finding.rule))
        firstClauseSeen.set(finding.rule, finding.clauses[0]);
  const driver: Sarif.ToolComponent = {
    name: "isv-dossier",
    fullName: `isv-dossier (${edition.id})`,
    version: context.toolVersion,
    semanticVersion: context.toolVersion,
    ...(context.informationUri ? { informationUri: context.informationUri } : {}),
    language: locale === "zh-cn" ? "zh-CN" : "en-US",
    rules: rules.map((rule) =>
      ruleDescriptor(rule, edition, taxonIndex, firstClauseSeen.get(rule.id), locale, context.helpBaseUrl),
    ),
    supportedTaxonomies: [{ name: edition.id, index: 0 }],
  };
  const run: Sarif.Run = {
    tool: { driver },
    taxonomies: [taxonomy(edition, locale, context.helpBaseUrl)],
    invocations: [{ executionSuccessful: true }],
    originalUriBaseIds: {
      [SRCROOT]: {
        description: {
          text:
            locale === "zh-cn"
              ? "运行 isv-dossier 时所在的文件夹（路径均相对于它）。"
              : "The folder isv-dossier ran in (paths are relative to it).",
        },
      },
    },
    artifacts: files.map((file, fileIndex) => ({
      location: artifactLocation(file),
      roles: ["analysisTarget"],
      mimeType: "application/yaml",
      ...(file.readError === undefined ? { properties: verdictProperties(verdicts[fileIndex], locale) } : {}),
    })),
    results: files.flatMap((file, fileIndex) => {
      const statusOf = new Map(verdicts[fileIndex].map((verdict) => [verdict.clauseId, verdict]));
      return file.findings.map((finding) =>
        result(file, fileIndex, finding, ruleIndex, taxonIndex, edition, statusOf, fileIndexOf),
      );
    }),
    columnKind: "utf16CodeUnits",
  };
  return { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: [run] };
}

export function formatSarif(files: LintedFile[], context: FormatContext): string {
  return JSON.stringify(buildSarifLog(files, context), null, 2) + "\n";
}
