// Hovers and completion in a configuration file (isv-dossier.config.yaml), from what its JSON Schema is made of
// (check/config/config-model.ts, the check table, the clause catalog): a key's description, a check id's or clause
// id's description, and the keys, ids and values allowed where the cursor is. Completion reads the text's lines, so
// that it works while the YAML is broken. Pure.
import { allEditions, Edition } from "../catalog/edition";
import { clauseMarkdown } from "../catalog/clause-text";
import { pick } from "../l10n/locale";
import { pathAtOffset } from "../parse/locate";
import { checkById, configurableCheckIds } from "../check/checks";
import type { ConfigReport } from "../check/config/config-check";
import {
  CONFIG_KEY_DESCRIPTIONS,
  CONFIG_KEYS,
  ConfigKey,
  LOCALES,
  SEVERITIES,
  WAIVER_KEY_DESCRIPTIONS,
} from "../check/config/config-model";
import { WAIVER_KEYS } from "../check/waiver-entry";
import type { Locale, OffsetRange } from "../types";
import type { HoverResult } from "./hover";
import type { CompletionEntry } from "./completion";

function editionOfClause(id: string): Edition | undefined {
  return allEditions().find((edition) => edition.clause(id) !== undefined);
}

/** A check id's or clause id's description, as Markdown; undefined for an id that is neither. */
export function describeConfigurableId(id: string, locale: Locale): string | undefined {
  const check = checkById(id);
  if (check && check.kind !== "config") return `\`${id}\`\n\n${pick(check.description, locale)}`;
  const edition = editionOfClause(id);
  return edition ? clauseMarkdown(edition, id, locale) : undefined;
}

function isConfigKey(key: unknown): key is ConfigKey {
  return (CONFIG_KEYS as readonly unknown[]).includes(key);
}

/** The hover at an offset of a configuration file: a key's meaning, or an id's. */
export function configHover(report: ConfigReport, offset: number, locale: Locale): HoverResult | undefined {
  const at = pathAtOffset(report.parsed.document, offset);
  if (!at.range) return undefined;
  const [first, second, third] = at.path;
  let markdown: string | undefined;
  if (at.path.length === 1 && at.on === "key" && isConfigKey(first))
    markdown = `**${first}**\n\n${pick(CONFIG_KEY_DESCRIPTIONS[first], locale)}`;
  else if (first === "severity" && typeof second === "string" && at.path.length === 2)
    markdown = describeConfigurableId(second, locale);
  else if (first === "waivers" && typeof third === "string" && at.path.length === 3) {
    const value = at.on === "value" ? String((at.node as { value?: unknown } | undefined)?.value ?? "") : undefined;
    if (value !== undefined && (third === "rule" || third === "clause"))
      markdown = describeConfigurableId(value, locale);
    else if (at.on === "key" && WAIVER_KEY_DESCRIPTIONS[third])
      markdown = `**${third}**\n\n${pick(WAIVER_KEY_DESCRIPTIONS[third], locale)}`;
  }
  return markdown ? { markdown, range: at.range } : undefined;
}

interface LineFacts {
  indent: number;
  /** The column of its content: after `- ` for a list item. */
  content: number;
  dash: boolean;
  key?: string;
}

function lineFacts(line: string): LineFacts | undefined {
  const match = /^( *)(- +)?([^\s#:][^:#]*?)?\s*(:|$)/.exec(line);
  if (!match || /^\s*(#|$)/.test(line)) return undefined;
  const indent = match[1].length;
  const dash = match[2] !== undefined;
  return { indent, content: indent + (match[2]?.length ?? 0), dash, key: match[4] === ":" ? match[3] : undefined };
}

/**
 * What a line's content at `column` sits under: the key of the nearest line above that is less indented, and whether
 * it sits inside a list item (a line above starting `- ` at the same column is a key of the same item).
 */
function parentOf(
  lines: string[],
  lineNumber: number,
  column: number,
  inItem: boolean,
): { parent?: string; inItem: boolean } {
  let limit = column;
  for (let index = lineNumber - 1; index >= 0; index--) {
    const facts = lineFacts(lines[index]);
    if (!facts) continue;
    if (!inItem && facts.dash && facts.content === limit) {
      inItem = true;
      limit = facts.indent;
    } else if (facts.indent < limit) {
      return { parent: facts.key, inItem };
    }
  }
  return { inItem };
}

function entry(
  label: string,
  kind: CompletionEntry["kind"],
  insertText: string,
  range: OffsetRange,
  documentation?: string,
): CompletionEntry {
  return {
    label,
    kind,
    insertText,
    isSnippet: false,
    replaceRange: range,
    ...(documentation ? { documentation } : {}),
  };
}

function idEntries(ids: string[], suffix: string, range: OffsetRange, locale: Locale): CompletionEntry[] {
  return ids.map((id, index) => ({
    ...entry(id, suffix ? "key" : "value", id + suffix, range),
    detail: describeConfigurableId(id, locale)
      ?.split("\n")
      .find((line) => line.trim() && !line.startsWith("`"))
      ?.slice(0, 80),
    sortText: String(index).padStart(5, "0"),
  }));
}

function clauseIds(): string[] {
  return [...new Set(allEditions().flatMap((edition) => edition.clauses.map((clause) => clause.id)))];
}

/** The completion at an offset of a configuration file: keys, check ids, clause ids and values allowed there. */
export function configCompletion(text: string, offset: number, locale: Locale): CompletionEntry[] {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const lines = text.slice(0, lineStart).split("\n");
  const lineNumber = lines.length - 1;
  const value = /^( *)(- +)?([\w.-]+):\s+([^\s#]*)$/.exec(before);
  if (value) {
    const partial = value[4];
    const range = { start: offset - partial.length, end: offset };
    const key = value[3];
    const dash = value[2] !== undefined;
    const { parent, inItem } = dash
      ? parentOf(lines, lineNumber, value[1].length, true)
      : parentOf(lines, lineNumber, value[1].length, false);
    if (inItem && parent === "waivers" && key === "rule") return idEntries(configurableCheckIds(), "", range, locale);
    if (inItem && parent === "waivers" && key === "clause") return idEntries(clauseIds(), "", range, locale);
    if (parent === undefined && key === "locale") return LOCALES.map((locale) => entry(locale, "value", locale, range));
    if (parent === undefined && key === "checkEvidence")
      return ["true", "false"].map((word) => entry(word, "value", word, range));
    if (parent === "severity") return SEVERITIES.map((severity) => entry(severity, "value", severity, range));
    return [];
  }
  const key = /^( *)(- +)?([\w.-]*)$/.exec(before);
  if (!key) return [];
  const range = { start: offset - key[3].length, end: offset };
  const dash = key[2] !== undefined;
  const column = key[1].length + (key[2]?.length ?? 0);
  const { parent, inItem } = parentOf(lines, lineNumber, dash ? key[1].length : column, dash);
  if (parent === undefined && !inItem && column === 0)
    return CONFIG_KEYS.map((name) =>
      entry(name, "key", `${name}: `, range, pick(CONFIG_KEY_DESCRIPTIONS[name], locale)),
    );
  if (parent === "severity" && !inItem)
    return idEntries([...configurableCheckIds(), ...clauseIds()], ": ", range, locale);
  if (parent === "waivers" && inItem)
    return WAIVER_KEYS.map((name) =>
      entry(name, "key", `${name}: `, range, pick(WAIVER_KEY_DESCRIPTIONS[name], locale)),
    );
  return [];
}
