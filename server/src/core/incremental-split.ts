// Finds where a dossier's text can be cut into pieces that parse on their own exactly as they do inside the whole:
// the top-level sections (a plain `key:` at column 0 up to the next one) and, in a long section that ends with a
// block list, the list's items. Text only (no yaml); anything unusual at column 0 means "do not cut".
// Pure: imports nothing.

export interface SectionSlice {
  /** Offset of the section's first character (0 for the first section: it carries the leading comments). */
  start: number;
  /** Offset just after the section (the next section's start, or the text's end). */
  end: number;
  /** Offset of the key at column 0. */
  keyOffset: number;
  key: string;
}

/** A long section cut into its head (everything up to the list) and the list's items. */
export interface ListSlices {
  /** Offset (in the section) of the key line's key whose value is the list. */
  attachKeyOffset: number;
  /** Offsets (in the section) where each item's line starts; the head is [0, itemStarts[0]). */
  itemStarts: number[];
  /** Indentation of the items' dashes. */
  indent: number;
}

const KEY_LINE = /([A-Za-z_][A-Za-z0-9_-]*):(?=[ \t]|\r?\n|$)/y;
/** Keys that YAML reads as something other than that string, or that JavaScript objects treat specially. */
const RESERVED_KEYS = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "__proto__"]);
/** A line at column 0 that is neither indented, blank nor a comment. */
const COLUMN_ZERO_CONTENT = /\n(?=[^ \t\r\n#])/g;
/** Text that is only blank and comment lines. */
const BLANK_OR_COMMENT_LINES = /^(?:[ \t]*(?:#[^\n]*)?\n)*[ \t]*(?:#[^\n]*)?$/;
/** `&` or `*` before a name: an anchor or an alias when it starts a token (see mayHoldAnchorOrAlias). */
const ANCHOR_OR_ALIAS_NAME = /[&*][^\s[\]{},]/g;

/**
 * The top-level sections, or undefined when the text is not a block mapping whose keys are plain identifiers at
 * column 0, each once (directives, `---`, `...`, flow or list at the top level, duplicate keys).
 */
export function splitSections(text: string): SectionSlice[] | undefined {
  const keyOffsets: number[] = [];
  const firstLineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (firstLineStart < text.length && !/[ \t\r\n#]/.test(text[firstLineStart])) keyOffsets.push(firstLineStart);
  COLUMN_ZERO_CONTENT.lastIndex = 0;
  for (let match = COLUMN_ZERO_CONTENT.exec(text); match; match = COLUMN_ZERO_CONTENT.exec(text)) keyOffsets.push(match.index + 1);
  if (keyOffsets.length === 0) return undefined;
  if (!BLANK_OR_COMMENT_LINES.test(text.slice(firstLineStart, keyOffsets[0]))) return undefined;
  const sections: SectionSlice[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < keyOffsets.length; index++) {
    KEY_LINE.lastIndex = keyOffsets[index];
    const match = KEY_LINE.exec(text);
    if (!match || RESERVED_KEYS.has(match[1]) || seen.has(match[1])) return undefined;
    seen.add(match[1]);
    sections.push({
      start: index === 0 ? 0 : keyOffsets[index],
      end: index + 1 < keyOffsets.length ? keyOffsets[index + 1] : text.length,
      keyOffset: keyOffsets[index],
      key: match[1],
    });
  }
  return sections;
}

const BARE_KEY_LINE = /^( *)[A-Za-z_][A-Za-z0-9_-]*:[ \t]*(?:#.*)?\r?$/;
const ITEM_LINE = /^( *)-(?:[ \t]|\r?$)/;

/** The indentation of a content line, or -1 for a blank or comment line, or -2 when it is indented with a tab. */
function lineIndent(line: string): number {
  let indent = 0;
  while (line.charCodeAt(indent) === 32) indent++;
  const next = line.charCodeAt(indent);
  if (Number.isNaN(next) || next === 35 /* # */ || next === 13 /* \r */) return -1;
  if (next === 9 /* \t */) return /^[ \t]*(?:#.*)?\r?$/.test(line) ? -1 : -2;
  return indent;
}

/**
 * Cuts a section that ends with a block list of at least `minimumItems` items (the value of a bare `key:` line,
 * nothing after the list but deeper lines, blank lines and comments) into head and items; undefined otherwise.
 */
export function splitTrailingList(section: string, minimumItems: number): ListSlices | undefined {
  let lineStart = 0;
  let previousContent: { offset: number; line: string } | undefined;
  let current: ListSlices | undefined;
  while (lineStart < section.length) {
    const newline = section.indexOf("\n", lineStart);
    const lineEnd = newline < 0 ? section.length : newline;
    const line = section.slice(lineStart, lineEnd);
    const indent = lineIndent(line);
    if (indent === -2) return undefined;
    if (indent >= 0) {
      const isItem = ITEM_LINE.test(line);
      if (current && !(indent > current.indent || (indent === current.indent && isItem))) current = undefined;
      if (!current && isItem && previousContent) {
        const key = BARE_KEY_LINE.exec(previousContent.line);
        if (key && key[1].length <= indent) {
          current = { attachKeyOffset: previousContent.offset + key[1].length, itemStarts: [], indent };
        }
      }
      if (current && indent === current.indent && isItem) current.itemStarts.push(lineStart);
      previousContent = { offset: lineStart, line };
    }
    lineStart = lineEnd + 1;
  }
  return current && current.itemStarts.length >= minimumItems ? current : undefined;
}

/**
 * Whether a piece of text may hold an anchor or an alias: `&name` or `*name` at the start of the text or after a
 * space, a flow indicator, `:` or `-`. Conservative: a false alarm (in a plain scalar) only costs a full parse.
 */
export function mayHoldAnchorOrAlias(text: string): boolean {
  ANCHOR_OR_ALIAS_NAME.lastIndex = 0;
  for (let match = ANCHOR_OR_ALIAS_NAME.exec(text); match; match = ANCHOR_OR_ALIAS_NAME.exec(text)) {
    if (match.index === 0 || /[\s[\]{},:-]/.test(text[match.index - 1])) return true;
  }
  return false;
}
