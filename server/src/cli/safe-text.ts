// Text from a dossier (values quoted in messages, evidence paths) and from the file system (file names) goes into
// the CLI's outputs unchanged in meaning but never able to act on what reads them:
// - on a terminal, C0 and C1 control characters and DEL (escape sequences that move the cursor, clear the screen,
//   retitle the window, or hide text) and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069,
//   which reorder what is shown) are written as visible escapes (\x1B, \u202E); other text, Chinese included, as is;
// - in XML, anything outside XML 1.0's Char production (C0 controls but tab, CR and LF; U+FFFE, U+FFFF; lone
//   surrogates) is written as a visible escape too, so the document is well-formed for any input;
// - in CSV, a cell starting with = + - @, a tab or a carriage return is prefixed with ' (OWASP's advice against
//   formula injection), so a spreadsheet shows it as text instead of evaluating it.

const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visibleEscape(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return code <= 0xff
    ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Text safe to print on a terminal: control and bidirectional-override characters shown as escapes. */
export function terminalText(text: string): string {
  return text.replace(TERMINAL_UNSAFE, visibleEscape);
}

/** Code points that XML 1.0 does not allow (its Char production), lone surrogates included. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text that may appear in an XML (or HTML) document: characters XML does not allow shown as escapes. */
export function xmlCharacters(text: string): string {
  return text.replace(NOT_XML_CHAR, visibleEscape);
}

/** Escaped for HTML text and attributes; control characters and non-characters shown as escapes (xmlCharacters). */
export function escapeHtml(text: string): string {
  return xmlCharacters(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A cell a spreadsheet would read as a formula (or that some strip to one): starts with = + - @, tab or CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180): a formula-like start neutralised with ', quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
