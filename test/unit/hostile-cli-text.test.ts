// What a dossier holds cannot act on what reads the CLI's output: control characters, DEL, C1 controls and
// bidirectional overrides in values (quoted by messages) and in file names reach the terminal only as visible
// escapes, colour or not, while Chinese text stays as it is; JUnit XML (and the HTML checklist) stay well-formed
// with U+FFFE, lone surrogates and C0 controls in the input (checked against XML 1.0's Char production, with tag
// balance, and with the strict `sax` parser when it is installed); a CSV cell never starts a spreadsheet formula.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import { AS_OF, assertBuilt, CliRun, ROOT, runCli } from "../support/cli-harness";
import { csvRecords } from "../support/csv";

const SAMPLE = path.join(ROOT, "samples", "jinan-luoqiao", "jinan-luoqiao.dossier.yaml");
const TIMEOUT_MS = 60_000;
/** What must never reach a terminal from a dossier: C0 and C1 controls, DEL, bidi overrides and isolates. */
const TERMINAL_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** A file name with an OSC sequence (retitles the window) and a BEL. */
const HOSTILE_NAME = "e\u001b]0;owned\u0007.dossier.yaml";
let folder = "";

/** The sample with hostile evidence paths: YAML double-quoted escapes put the raw characters in the values. */
function hostileDossier(): string {
  const text = fs.readFileSync(SAMPLE, "utf8");
  const controls = '"evidence/营业执照\\e[2J\\a\\x9b31m\\x7f\\u202e\\u2066\\uFFFE\\uFFFF\\x01\\x0c\\uD800.pdf"';
  const premises = [
    '"=HYPERLINK(\\"http://example.invalid\\",\\"x\\")"',
    controls,
    '"@SUM(1+1)"',
    '"-2+3"',
    '"\\tTAB"',
    '"\\rCR"',
  ];
  const person = ["\"+cmd|' /C calc'!A0\""];
  const list = (entries: string[], indent: string): string => entries.map((entry) => `${indent}- ${entry}`).join("\n");
  return text
    .replace("    - evidence/营业执照.pdf", list([controls], "    "))
    .replace("    - evidence/场所/房屋租赁合同.pdf", list(premises, "    "))
    .replace(/^( +)- evidence\/人员\/刘承泽-服务管理能力证书\.pdf$/m, (_line: string, indent: string) =>
      list(person, indent),
    );
}

function run(args: string[], env: { [name: string]: string } = {}): Promise<CliRun> {
  return runCli(args, { cwd: folder, timeoutMs: TIMEOUT_MS, env: { LANG: "zh_CN.UTF-8", ...env } });
}

before(() => {
  assertBuilt();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-text-"));
  fs.writeFileSync(path.join(folder, "h.dossier.yaml"), hostileDossier());
  fs.writeFileSync(path.join(folder, HOSTILE_NAME), hostileDossier());
});

after(() => {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

describe("terminal", () => {
  test("stylish --no-color: no control or bidi character from a value or a file name; Chinese kept", async () => {
    const result = await run(["lint", ".", "--no-color", "--as-of", AS_OF]);
    assert.equal(result.timedOut, false);
    assert.equal(result.code, 1, result.stderr);
    const bad = TERMINAL_UNSAFE.exec(result.stdout);
    assert.equal(bad, null, `U+${(bad?.[0].codePointAt(0) ?? 0).toString(16)} reached the terminal`);
    assert.ok(result.stdout.includes("营业执照"), "Chinese text is kept");
    assert.ok(result.stdout.includes("\\x1B"), "the escape character is shown, not sent");
    assert.ok(result.stdout.includes("\\u202E"), "the bidi override is shown, not applied");
  });

  test("with colour: the only escape sequences are the CLI's own colours", async () => {
    const result = await run(["lint", ".", "--as-of", AS_OF], { FORCE_COLOR: "1" });
    assert.equal(result.code, 1, result.stderr);
    const withoutColours = result.stdout.replace(/\u001b\[\d+m/g, "");
    assert.ok(withoutColours.length < result.stdout.length, "colours were written");
    assert.equal(TERMINAL_UNSAFE.exec(withoutColours), null);
  });

  test("GitHub workflow commands (printed in the CI log) carry no control or bidi character either", async () => {
    const result = await run(["lint", ".", "--format", "github", "--as-of", AS_OF]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /^::error /m);
    assert.equal(TERMINAL_UNSAFE.exec(result.stdout), null);
  });

  test("an error line naming a hostile path escapes it too", async () => {
    const result = await run(["lint", "missing\u001b[2J\u202e.dossier.yaml"]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^isv-dossier: [^\n]+\n$/);
    assert.equal(TERMINAL_UNSAFE.exec(result.stderr), null);
  });
});

/** XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
function assertXmlChars(text: string, what: string): void {
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    assert.ok(allowed, `${what}: U+${code.toString(16).toUpperCase()} is not an XML character`);
  }
}

/** Tags balance, attributes are quoted, and every & starts a known entity or a character reference. */
function assertBalancedXml(text: string): void {
  const body = text.replace(/^<\?xml[^?]*\?>\s*/, "");
  const stack: string[] = [];
  const tag =
    /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  for (const match of body.matchAll(tag)) {
    assert.ok(
      match[2] !== undefined,
      `malformed markup at ${match.index}: ${JSON.stringify(body.slice(match.index, (match.index ?? 0) + 40))}`,
    );
    if (match[4] === "/") continue;
    if (match[1] === "/") assert.equal(stack.pop(), match[2], `closing </${match[2]}> at ${match.index}`);
    else stack.push(match[2]);
  }
  assert.deepEqual(stack, [], "every element is closed");
}

interface SaxParser {
  onerror: (error: Error) => void;
  write(text: string): SaxParser;
  close(): void;
}

/** The strict `sax` parser, when it is installed (it is a dependency of a dependency). */
function saxErrors(text: string): string[] | undefined {
  let sax: { parser: (strict: boolean) => SaxParser };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional: used when installed, else the Char check alone
    sax = require("sax") as typeof sax;
  } catch {
    return undefined;
  }
  const errors: string[] = [];
  const parser = sax.parser(true);
  parser.onerror = (error) => {
    errors.push(error.message.split("\n")[0]);
    throw error;
  };
  try {
    parser.write(text).close();
  } catch {
    // recorded
  }
  return errors;
}

describe("XML", () => {
  test("JUnit is well-formed XML whatever the dossier and its file name hold", async () => {
    const result = await run(["lint", ".", "--format", "junit", "--as-of", AS_OF]);
    assert.equal(result.code, 1, result.stderr);
    assertXmlChars(result.stdout, "junit");
    assertBalancedXml(result.stdout);
    const errors = saxErrors(result.stdout);
    if (errors) assert.deepEqual(errors, []);
    assert.ok(result.stdout.includes("营业执照"));
    assert.ok(result.stdout.includes("\\uFFFE"), "the non-character is shown as an escape");
  });

  test("the HTML checklist holds only characters XML allows", async () => {
    const result = await run(["checklist", "h.dossier.yaml", "--format", "html", "--as-of", AS_OF]);
    assert.equal(result.code, 0, result.stderr);
    assertXmlChars(result.stdout, "html");
  });
});

describe("CSV", () => {
  test("no cell starts a formula: = + - @ tab and CR get a leading '", async () => {
    const result = await run(["checklist", "h.dossier.yaml", "--format", "csv", "--as-of", AS_OF]);
    assert.equal(result.code, 0, result.stderr);
    const cells = csvRecords(result.stdout.replace(/^\ufeff/, "")).flat();
    const formulas = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell));
    assert.deepEqual(formulas, []);
    for (const start of ["'=HYPERLINK(", "'+cmd|"])
      assert.ok(
        cells.some((cell) => cell.startsWith(start)),
        `a cell starts with ${start}`,
      );
    assert.ok(cells.some((cell) => cell.includes("营业执照")));
  });
});
