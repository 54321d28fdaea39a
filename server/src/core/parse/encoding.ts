// Encodings and binary content. `decodeDossierBytes` turns a file's bytes into text (for the CLI: UTF-8 with or
// without BOM, UTF-16 LE/BE with or without BOM); `textEncodingFindings` looks at text as any editor sends it (NUL
// characters, control characters, U+FFFD replacement characters, a BOM). Pure: no vscode, no LSP, no fs, no Buffer.
import type { CheckDeclaration, Finding, Localized, OffsetRange } from "../types";

export type DossierEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

export const ENCODING_RULES = {
  binary: "encoding.binary",
  controlCharacter: "encoding.control-character",
  replacementCharacter: "encoding.replacement-character",
  bom: "encoding.bom",
  utf16: "encoding.utf16",
} as const;

export const ENCODING_MESSAGES: { [messageId: string]: Localized } = {
  "encoding.binary": {
    en: "NUL character: this looks like a binary file or text in another encoding; the dossier was not checked. Save it as UTF-8 text.",
    zh: "NUL 字符：这像是二进制文件或其他编码的文本；未检查本申请材料。请另存为 UTF-8 文本。",
  },
  "encoding.binary-utf16": {
    en: "NUL characters between the letters: this looks like UTF-16 text read as UTF-8; the dossier was not checked. Save it as UTF-8.",
    zh: "字母之间夹有 NUL 字符：这像是按 UTF-8 读取的 UTF-16 文本；未检查本申请材料。请另存为 UTF-8。",
  },
  "encoding.control-character": {
    en: "Control character {code} ({count} in the file): YAML does not allow it. Delete it.",
    zh: "控制字符 {code}（文件中共 {count} 个）：YAML 不允许出现，请删除。",
  },
  "encoding.replacement-character": {
    en: "Replacement character U+FFFD ({count} in the file): the file was probably not saved as UTF-8 (GBK or GB18030?). Save it as UTF-8.",
    zh: "替换字符 U+FFFD（文件中共 {count} 个）：文件可能不是以 UTF-8 保存的（GBK 或 GB18030？）。请另存为 UTF-8。",
  },
  "encoding.bom": {
    en: "The file starts with a byte-order mark (BOM). It is allowed, but some tools misread it; save as UTF-8 without BOM.",
    zh: "文件以字节顺序标记（BOM）开头。这是允许的，但有些工具会误读；建议另存为不带 BOM 的 UTF-8。",
  },
  "encoding.utf16": {
    en: "The file is {encoding}; it was decoded and checked. Dossiers are UTF-8: save it as UTF-8.",
    zh: "文件编码为 {encoding}；已解码并检查。申请材料应为 UTF-8：请另存为 UTF-8。",
  },
};

function encodingFinding(
  ruleId: string,
  messageId: string,
  severity: Finding["severity"],
  range: OffsetRange,
  args: Finding["args"],
): Finding {
  return { ruleId, clauseIds: [], severity, messageId, args, range, related: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// Text (what an editor sends)

/** Characters outside YAML's printable set, NUL aside: C0 controls but tab, LF and CR; DEL; C1 but NEL; U+FFFE/U+FFFF; lone surrogates. */
const NON_PRINTABLE =
  /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Every character NON_PRINTABLE or U+FFFD may match, and more: text without any (nearly all) needs no closer look. */
const MAY_BE_NON_PRINTABLE_OR_REPLACEMENT =
  /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufffd-\uffff]/;

function countMatches(text: string, pattern: RegExp): { first: number; count: number } {
  let first = -1;
  let count = 0;
  for (const match of text.matchAll(pattern)) {
    if (first < 0) first = match.index ?? 0;
    count++;
  }
  return { first, count };
}

/** Whether NULs sit between the other characters, as when UTF-16 text of mostly ASCII is read byte by byte. */
function looksLikeUtf16ReadAsBytes(text: string): boolean {
  const sample = text.slice(0, 4096);
  let nulCount = 0;
  for (let index = 0; index < sample.length; index++) if (sample.charCodeAt(index) === 0) nulCount++;
  return sample.length >= 4 && nulCount >= sample.length * 0.3;
}

export interface TextEncodingCheck {
  findings: Finding[];
  /** True when the text must not be parsed (binary): the findings say why. */
  declined: boolean;
}

/**
 * Findings about the characters of a text: a NUL declines it (binary, or UTF-16 read as bytes); other control
 * characters are errors and U+FFFD replacement characters warnings (the text is still checked); a leading BOM is
 * an info. Each finding is at the first occurrence and counts the others.
 */
export function textEncodingFindings(text: string): TextEncodingCheck {
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    const messageId = looksLikeUtf16ReadAsBytes(text) ? "encoding.binary-utf16" : ENCODING_RULES.binary;
    return {
      findings: [encodingFinding(ENCODING_RULES.binary, messageId, "error", { start: nul, end: nul + 1 }, {})],
      declined: true,
    };
  }
  const findings: Finding[] = [];
  if (text.charCodeAt(0) === 0xfeff)
    findings.push(encodingFinding(ENCODING_RULES.bom, ENCODING_RULES.bom, "info", { start: 0, end: 1 }, {}));
  if (!MAY_BE_NON_PRINTABLE_OR_REPLACEMENT.test(text)) return { findings, declined: false };
  const control = countMatches(text, NON_PRINTABLE);
  if (control.count > 0) {
    const code = "U+" + text.charCodeAt(control.first).toString(16).toUpperCase().padStart(4, "0");
    findings.push(
      encodingFinding(
        ENCODING_RULES.controlCharacter,
        ENCODING_RULES.controlCharacter,
        "error",
        { start: control.first, end: control.first + 1 },
        { code, count: control.count },
      ),
    );
  }
  const replacement = countMatches(text, /\ufffd/g);
  if (replacement.count > 0) {
    findings.push(
      encodingFinding(
        ENCODING_RULES.replacementCharacter,
        ENCODING_RULES.replacementCharacter,
        "warning",
        { start: replacement.first, end: replacement.first + 1 },
        { count: replacement.count },
      ),
    );
  }
  return { findings, declined: false };
}

// ---------------------------------------------------------------------------------------------------------------
// Bytes (what the CLI reads)

export interface DecodedDossier {
  /** The text to validate. A UTF-8 BOM is kept (textEncodingFindings reports it); invalid UTF-8 becomes U+FFFD. */
  text: string;
  encoding: DossierEncoding;
  /** Findings the text alone cannot show (the file was UTF-16); merge them with the validation's. */
  findings: Finding[];
}

/** UTF-16 without a BOM: in the first 4 KB, most bytes at one parity are 0 and few at the other. */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenZeros++;
    if (bytes[index + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.05) return "utf-16le";
  if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.05) return "utf-16be";
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): string {
  let littleEndian = bytes;
  if (encoding === "utf-16be") {
    littleEndian = new Uint8Array(bytes.length & ~1);
    for (let index = 0; index + 1 < bytes.length; index += 2) {
      littleEndian[index] = bytes[index + 1];
      littleEndian[index + 1] = bytes[index];
    }
  }
  // TextDecoder drops a leading BOM (FF FE once swapped).
  return new TextDecoder("utf-16le").decode(littleEndian);
}

/** Decodes a dossier file's bytes: UTF-16 (with or without BOM) is decoded with a warning; everything else is read as UTF-8. */
export function decodeDossierBytes(bytes: Uint8Array): DecodedDossier {
  const hasUtf8Bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf16 =
    bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : hasUtf8Bom
          ? undefined
          : utf16WithoutBom(bytes);
  if (utf16) {
    const text = decodeUtf16(bytes, utf16);
    const label = utf16 === "utf-16le" ? "UTF-16LE" : "UTF-16BE";
    const end = text.indexOf("\n");
    const range = { start: 0, end: end >= 0 ? end : text.length };
    return {
      text,
      encoding: utf16,
      findings: [encodingFinding(ENCODING_RULES.utf16, ENCODING_RULES.utf16, "warning", range, { encoding: label })],
    };
  }
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { text, encoding: hasUtf8Bom ? "utf-8-bom" : "utf-8", findings: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// Check declarations (checks.ts puts every check id in one table; a test fails when an id is emitted undeclared)

export const ENCODING_CHECKS: CheckDeclaration[] = [
  {
    id: ENCODING_RULES.binary,
    kind: "encoding",
    clauses: [],
    severities: ["error"],
    description: {
      en: "A dossier is text: a NUL character (a binary file, or UTF-16 read as UTF-8) means it is not checked.",
      zh: "申请材料是文本：含 NUL 字符（二进制文件，或按 UTF-8 读取的 UTF-16 文本）时不检查。",
    },
  },
  {
    id: ENCODING_RULES.controlCharacter,
    kind: "encoding",
    clauses: [],
    severities: ["error"],
    description: {
      en: "No control characters YAML does not allow (the first is marked, the others counted).",
      zh: "不含 YAML 不允许的控制字符（标出第一个，并统计其余个数）。",
    },
  },
  {
    id: ENCODING_RULES.replacementCharacter,
    kind: "encoding",
    clauses: [],
    severities: ["warning"],
    description: {
      en: "No U+FFFD replacement characters, which stand for bytes that were not valid UTF-8 (the text is still checked).",
      zh: "不含 U+FFFD 替换字符（代表不是有效 UTF-8 的字节；文本仍会检查）。",
    },
  },
  {
    id: ENCODING_RULES.bom,
    kind: "encoding",
    clauses: [],
    severities: ["info"],
    description: {
      en: "A byte order mark at the start of the file is noted (UTF-8 needs none).",
      zh: "提示文件开头的字节顺序标记（UTF-8 不需要）。",
    },
  },
  {
    id: ENCODING_RULES.utf16,
    kind: "encoding",
    clauses: [],
    severities: ["warning"],
    description: {
      en: "A UTF-16 file is read, with a warning: dossiers are saved as UTF-8 (command line only; an editor decodes the file itself).",
      zh: "UTF-16 文件可以读取，但给出警告：申请材料应保存为 UTF-8（仅命令行；编辑器自行解码文件）。",
    },
  },
];
