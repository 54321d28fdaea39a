// The read-only specification document (the `isv-spec:` scheme): the catalog rendered as Markdown, with the
// offset of each clause's heading so that links and go-to-definition can open it at a clause.
import type { Clause, Edition } from "../catalog/edition";
import { bilingual, clauseLabel, ClauseTextOptions } from "../catalog/clause-text";
import type { Locale, OffsetRange } from "../types";
import { pick } from "../l10n/locale";

export const SPEC_SCHEME = "isv-spec";

export interface SpecDocument {
  text: string;
  /** clause id → the range of its heading line. */
  anchors: { [clauseId: string]: OffsetRange };
}

/** `isv-spec:/ccrc-isv-c01-2025.md#4.2.3.b` */
export function specUri(edition: Edition, clauseId?: string): string {
  return `${SPEC_SCHEME}:/${edition.slug}.md${clauseId ? `#${clauseId}` : ""}`;
}

const PROVENANCE_NOTE: { [provenance: string]: { zh: string; en: string } } = {
  "public-summary": { zh: "（非规范原文：公开资料概述）", en: " (not the specification's words: public summary)" },
  "structure-only": { zh: "（条文暂缺：仅见于目录）", en: " (text unknown: table of contents only)" },
};

function headingLevel(clause: Clause): number {
  if (/^[A-Z]$/.test(clause.id)) return 2;
  return Math.min(6, clause.id.split(".").length + 1);
}

const cache = new Map<string, SpecDocument>();

/** The document in a locale; English renderings go with the Chinese in English, and in Chinese when asked for. */
export function renderSpecDocument(edition: Edition, locale: Locale, options?: ClauseTextOptions): SpecDocument {
  const english = locale === "en" || options?.english === true;
  const key = `${edition.id}|${locale}|${english}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let text = `# ${edition.id} ${bilingual(edition.title, locale, options)}\n\n`;
  const coverage = edition.bundle.edition.coverage;
  if (coverage) text += english ? `${coverage.zh}\n\n${coverage.en}\n\n` : `${coverage.zh}\n\n`;
  const anchors: { [clauseId: string]: OffsetRange } = {};
  const visit = (clause: Clause): void => {
    const label = clauseLabel(clause.id, locale);
    const title = clause.title ? ` ${bilingual(clause.title, locale, options)}` : "";
    const note = PROVENANCE_NOTE[clause.provenance] ? pick(PROVENANCE_NOTE[clause.provenance], locale) : "";
    const heading = `${"#".repeat(headingLevel(clause))} ${label}${title}${note}`;
    anchors[clause.id] = { start: text.length, end: text.length + heading.length };
    text += heading + "\n\n";
    if (clause.text) text += `${clause.text.zh}\n\n${english ? `*${clause.text.en.replace(/\n/g, " ")}*\n\n` : ""}`;
    if (clause.summary) text += `${clause.summary.zh}\n\n${english ? `*${clause.summary.en}*\n\n` : ""}`;
    if (clause.counterpart && clause.provenance !== "excerpt")
      text += `→ ${clauseLabel(clause.counterpart, locale)}\n\n`;
    for (const child of edition.children(clause.id)) visit(child);
  };
  for (const root of edition.children(null)) visit(root);
  const document = { text, anchors };
  cache.set(key, document);
  return document;
}
