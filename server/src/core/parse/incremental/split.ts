// Finds where a dossier's text can be cut into pieces that parse on their own exactly as they do inside the whole:
// the top-level sections (a plain `key:` at column 0 up to the next one) and, in a long section that ends with a
// block list, the list's items; and where a new version of a text differs from the previous one. Text only (no
// yaml); anything unusual at column 0 means "do not cut". Pure: imports nothing.

export interface SectionSlice {
  /** Offset of the section's first character (0 for the first section: it carries the leading comments). */
  start: number;
  /** Offset just after the section (the next section's start, or the text's end). */
  end: number;
  /** Offset of the key at column 0. */
  keyOffset: number;
  key: string;
}

/** Where a text was cut, in its own offsets: what completion needs to read only the lines around a cursor. */
export interface DossierLayout {
  sections: Array<SectionSlice & { list?: ListSlices }>;
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
  for (let match = COLUMN_ZERO_CONTENT.exec(text); match; match = COLUMN_ZERO_CONTENT.exec(text))
    keyOffsets.push(match.index + 1);
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
  const list = scanLines(section, true);
  return list && list.itemStarts.length >= minimumItems ? list : undefined;
}

/**
 * The line-by-line scan of splitTrailingList. With `skipDeepLines`, once a list has started only the lines
 * indented no deeper than its items are looked at (found natively; the others cannot end it), and anything but
 * another item there starts the scan again line by line.
 */
function scanLines(section: string, skipDeepLines: boolean): ListSlices | undefined {
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
      if (current && indent === current.indent && isItem) {
        current.itemStarts.push(lineStart);
        if (skipDeepLines && current.itemStarts.length === 1) return itemsFrom(section, lineEnd, current);
      }
      previousContent = { offset: lineStart, line };
    }
    lineStart = lineEnd + 1;
  }
  return current;
}

/**
 * The rest of a list whose first item ends its line at `from`: only lines indented up to the items' are read (a
 * deeper line indented with a tab stays inside its item, whose own parse reports it).
 */
function itemsFrom(section: string, from: number, list: ListSlices): ListSlices | undefined {
  const shallow = new RegExp(`\\n {0,${list.indent}}(?=[^ \\r\\n])`, "g");
  shallow.lastIndex = from;
  for (let match = shallow.exec(section); match; match = shallow.exec(section)) {
    const lineStart = match.index + 1;
    const newline = section.indexOf("\n", lineStart);
    const line = section.slice(lineStart, newline < 0 ? section.length : newline);
    const indent = lineIndent(line);
    if (indent === -1) continue;
    if (indent !== list.indent || !ITEM_LINE.test(line)) return scanLines(section, false);
    list.itemStarts.push(lineStart);
  }
  return list;
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

/** Where the text changed: the common prefix and suffix of the previous and the new text. */
export interface TextChange {
  prefix: number;
  /** Offset in the new text where the unchanged suffix begins. */
  suffixStart: number;
  /** New length minus old length. */
  delta: number;
}

/** Steps of the comparison: long slices first (compared natively), single characters last. */
const COMPARISON_STEPS = [4096, 512, 64, 8, 1];

function commonPrefixLength(a: string, b: string, limit: number): number {
  let length = 0;
  for (const step of COMPARISON_STEPS) {
    while (length + step <= limit && a.slice(length, length + step) === b.slice(length, length + step)) length += step;
  }
  return length;
}

function commonSuffixLength(a: string, b: string, limit: number): number {
  let length = 0;
  for (const step of COMPARISON_STEPS) {
    while (
      length + step <= limit &&
      a.slice(a.length - length - step, a.length - length) === b.slice(b.length - length - step, b.length - length)
    )
      length += step;
  }
  return length;
}

export function textChange(previous: string, text: string): TextChange {
  const prefix = commonPrefixLength(previous, text, Math.min(previous.length, text.length));
  const suffix = commonSuffixLength(previous, text, Math.min(previous.length, text.length) - prefix);
  return { prefix, suffixStart: text.length - suffix, delta: text.length - previous.length };
}

/** Where the span [start, end) of the new text was in the previous text, when it lies in unchanged text. */
export function previousStart(change: TextChange, start: number, end: number): number | undefined {
  if (end <= change.prefix) return start;
  if (start >= change.suffixStart) return start - change.delta;
  return undefined;
}
