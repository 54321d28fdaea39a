// Binary files and wrong encodings: UTF-16 with and without BOM, a UTF-8 BOM, NUL bytes, GBK bytes, control
// characters. The CLI's bytes are decoded by decodeDossierBytes; the server's text (already decoded by the
// editor) is looked at by the parse guards. Always a finding, never a crash.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { decodeDossierBytes, textEncodingFindings } from "../../server/src/core/parse/encoding";
import { createLanguageService } from "../../server/src/core/check/service";
import type { Finding } from "../../server/src/core/types";
import { PublishedDiagnostics, TestLspClient } from "../support/lsp-client";
import { repositoryRoot } from "../support/repository";

const SAMPLE = fs.readFileSync(
  path.join(repositoryRoot(), "samples", "hangzhou-chengyan", "hangzhou-chengyan.dossier.yaml"),
  "utf8",
);
const service = createLanguageService({ locale: "zh-cn", today: "2026-03-18" });

function utf16(text: string, endianness: "le" | "be", withBom: boolean): Uint8Array {
  const littleEndian = Buffer.from((withBom ? "\ufeff" : "") + text, "utf16le");
  if (endianness === "be") littleEndian.swap16();
  return new Uint8Array(littleEndian);
}

/** Seeded pseudo-random bytes (a binary file). */
function binaryBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

function ids(findings: Finding[]): string[] {
  return findings.map((finding) => finding.ruleId);
}

function withoutEncoding(findings: Finding[]): string[] {
  return ids(findings).filter((id) => !id.startsWith("encoding."));
}

test("bytes: UTF-8 is read as is; a UTF-8 BOM is kept for the text check to report", () => {
  const plain = decodeDossierBytes(new Uint8Array(Buffer.from(SAMPLE, "utf8")));
  assert.equal(plain.encoding, "utf-8");
  assert.equal(plain.text, SAMPLE);
  assert.deepEqual(plain.findings, []);

  const bom = decodeDossierBytes(
    new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, "utf8")])),
  );
  assert.equal(bom.encoding, "utf-8-bom");
  assert.equal(bom.text, "\ufeff" + SAMPLE);
  const report = service.validate(bom.text);
  const bomFinding = report.findings.find((finding) => finding.ruleId === "encoding.bom");
  assert.deepEqual(bomFinding && { severity: bomFinding.severity, range: bomFinding.range }, {
    severity: "info",
    range: { start: 0, end: 1 },
  });
  assert.deepEqual(withoutEncoding(report.findings), ids(service.validate(SAMPLE).findings));
});

test("bytes: UTF-16 LE and BE, with and without BOM, are decoded and checked, with an encoding.utf16 warning", () => {
  for (const endianness of ["le", "be"] as const) {
    for (const withBom of [true, false]) {
      const decoded = decodeDossierBytes(utf16(SAMPLE, endianness, withBom));
      const what = `UTF-16${endianness.toUpperCase()} ${withBom ? "with" : "without"} BOM`;
      assert.equal(decoded.encoding, endianness === "le" ? "utf-16le" : "utf-16be", what);
      assert.equal(decoded.text, SAMPLE, what);
      assert.deepEqual(ids(decoded.findings), ["encoding.utf16"], what);
      assert.equal(decoded.findings[0].severity, "warning");
      assert.deepEqual(ids(service.validate(decoded.text).findings), ids(service.validate(SAMPLE).findings), what);
    }
  }
});

test("bytes: GBK text is not UTF-8: U+FFFD replacement characters get a warning and the rest is still checked", () => {
  // 杭州 in GBK is BA BC D6 DD: not valid UTF-8.
  const gbk = Buffer.concat([
    Buffer.from("spec: CCRC-ISV-C01:2025\napplicant:\n  name: ", "utf8"),
    Buffer.from([0xba, 0xbc, 0xd6, 0xdd]),
    Buffer.from("\n", "utf8"),
  ]);
  const decoded = decodeDossierBytes(new Uint8Array(gbk));
  assert.equal(decoded.encoding, "utf-8");
  const report = service.validate(decoded.text);
  const replacement = report.findings.find((finding) => finding.ruleId === "encoding.replacement-character");
  assert.ok(replacement, ids(report.findings).join(", "));
  assert.equal(replacement.severity, "warning");
  assert.equal(decoded.text[replacement.range.start], "\ufffd");
  assert.ok(
    ids(report.findings).some((id) => id.startsWith("schema.")),
    "the dossier is still checked",
  );
});

test("bytes: binary files (random bytes, a PDF, a PNG) are declined with encoding.binary", () => {
  const pdf = Buffer.concat([
    Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 42 >>\nstream\n", "latin1"),
    Buffer.from(binaryBytes(2048, 7)),
    Buffer.from("\nendstream\n"),
  ]);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    Buffer.from(binaryBytes(1024, 8)),
  ]);
  for (const [name, bytes] of [
    ["random", binaryBytes(4096, 42)],
    ["pdf", new Uint8Array(pdf)],
    ["png", new Uint8Array(png)],
  ] as const) {
    const decoded = decodeDossierBytes(bytes);
    const report = service.validate(decoded.text);
    assert.deepEqual(ids(report.findings), ["encoding.binary"], name);
    assert.equal(report.parsed.declined, "encoding.binary", name);
  }
});

test("text: NUL declines (and names UTF-16 when NULs alternate); control characters, U+FFFD and a BOM are findings at the first one", () => {
  const nul = textEncodingFindings("spec: a\u0000b\n");
  assert.equal(nul.declined, true);
  assert.deepEqual(
    nul.findings.map((finding) => [finding.ruleId, finding.messageId, finding.range.start]),
    [["encoding.binary", "encoding.binary", 7]],
  );

  const utf16AsBytes = Buffer.from(SAMPLE, "utf16le").toString("latin1");
  const misread = textEncodingFindings(utf16AsBytes);
  assert.equal(misread.declined, true);
  assert.equal(misread.findings[0].messageId, "encoding.binary-utf16");

  const control = textEncodingFindings("spec: a\u0007b\nname: \u007f\n");
  assert.equal(control.declined, false);
  assert.deepEqual(
    control.findings.map((finding) => [finding.ruleId, finding.range.start, finding.args.code, finding.args.count]),
    [["encoding.control-character", 7, "U+0007", 2]],
  );

  const surrogate = textEncodingFindings("name: \ud800x\n");
  assert.deepEqual(ids(surrogate.findings), ["encoding.control-character"]);
  assert.deepEqual(ids(textEncodingFindings("name: 😀\n").findings), [], "a surrogate pair is fine");

  const replacement = textEncodingFindings("name: \ufffd\ufffd\n");
  assert.deepEqual(
    replacement.findings.map((finding) => [finding.ruleId, finding.severity, finding.args.count]),
    [["encoding.replacement-character", "warning", 2]],
  );

  assert.deepEqual(ids(textEncodingFindings("\ufeffspec: x\n").findings), ["encoding.bom"]);
  assert.deepEqual(ids(textEncodingFindings(SAMPLE).findings), []);
  assert.deepEqual(
    ids(textEncodingFindings("tab\there\r\nnel\u0085 nbsp\u00a0\n").findings),
    [],
    "tab, CR, NEL and NBSP are printable",
  );
});

function ruleIdsOf(published: PublishedDiagnostics): string[] {
  return published.diagnostics.map(
    (diagnostic) => (diagnostic as { data?: { ruleId?: string } }).data?.ruleId ?? String(diagnostic.code),
  );
}

test(
  "server: binary and misdecoded text is answered with a finding; requests are answered; no crash",
  { timeout: 60_000 },
  async () => {
    const client = new TestLspClient();
    try {
      await client.initialize("zh-cn");
      const cases: Array<[string, string, string]> = [
        ["UTF-8 BOM", "\ufeff" + SAMPLE, "encoding.bom"],
        ["NUL in a value", SAMPLE.replace("leased", "lea\u0000sed"), "encoding.binary"],
        ["UTF-16LE read as Latin-1", Buffer.from(SAMPLE, "utf16le").toString("latin1"), "encoding.binary"],
        ["UTF-16BE with BOM read as UTF-8", Buffer.from(utf16(SAMPLE, "be", true)).toString("utf8"), "encoding.binary"],
        [
          "GBK read as UTF-8",
          Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xba, 0xbc, 0xd6, 0xdd, 0x0a]).toString("utf8"),
          "encoding.replacement-character",
        ],
        ["random bytes read as UTF-8", Buffer.from(binaryBytes(8192, 3)).toString("utf8"), "encoding.binary"],
        ["control characters", SAMPLE.replace("leased", "lea\u001bsed"), "encoding.control-character"],
      ];
      for (const [index, [name, text, ruleId]] of cases.entries()) {
        const uri = `untitled:encoding-${index}.dossier.yaml`;
        const published = client.diagnostics(uri, (next) => next.version === 1);
        await client.open(uri, text);
        assert.ok(ruleIdsOf(await published).includes(ruleId), `${name}: ${ruleIdsOf(await published).join(", ")}`);
        const textDocument = { uri };
        const position = { line: 0, character: 1 };
        await Promise.all([
          client.request("textDocument/hover", { textDocument, position }),
          client.request("textDocument/completion", { textDocument, position }),
          client.request("textDocument/documentSymbol", { textDocument }),
          client.request("textDocument/foldingRange", { textDocument }),
        ]);
      }
      assert.equal(client.stderr.join(""), "");
      assert.equal(await client.stop(), 0);
    } finally {
      if (client.child.exitCode === null) client.kill();
    }
  },
);
