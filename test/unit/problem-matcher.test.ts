// The problem matcher the extension contributes for `isv-dossier lint` in tasks (package.json
// contributes.problemMatchers): its patterns, applied as VS Code applies them (a file line, then a loop of finding
// lines), to the real CLI's stylish output in both languages, find every finding of the JSON output — same file,
// line, column, severity word and clause — and nothing else.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { before, test } from "node:test";
import { assertBuilt, ROOT, runCli } from "../support/cli-harness";

interface Pattern {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  code?: number;
  message?: number;
  loop?: boolean;
}

interface Matcher {
  name: string;
  owner: string;
  severity?: string;
  fileLocation: string[];
  pattern: Pattern[];
}

interface Match {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
}

const MATCHER = (
  JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    contributes: { problemMatchers: Matcher[] };
  }
).contributes.problemMatchers.find((matcher) => matcher.name === "isv-dossier");

/** What VS Code's multi-line matcher finds: the first pattern on one line, the looping second on the following. */
function matchAll(output: string, matcher: Matcher): Match[] {
  const [filePattern, findingPattern] = matcher.pattern.map((pattern) => ({
    ...pattern,
    compiled: new RegExp(pattern.regexp),
  }));
  const matches: Match[] = [];
  const lines = output.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const fileMatch = filePattern.compiled.exec(lines[index]);
    if (!fileMatch) continue;
    let next = index + 1;
    for (; next < lines.length; next++) {
      const finding = findingPattern.compiled.exec(lines[next]);
      if (!finding) break;
      matches.push({
        file: fileMatch[filePattern.file!],
        line: Number(finding[findingPattern.line!]),
        column: Number(finding[findingPattern.column!]),
        severity: finding[findingPattern.severity!],
        code: finding[findingPattern.code!],
      });
    }
    if (next > index + 1) index = next - 1;
  }
  return matches;
}

const SEVERITY_WORDS: { [language: string]: { [severity: string]: string } } = {
  en: { error: "error", warning: "warning", info: "info" },
  "zh-CN": { error: "错误", warning: "警告", info: "提示" },
};

before(() => assertBuilt());

test("the problem matcher is contributed, one file line then a loop of finding lines, paths relative", () => {
  assert.ok(MATCHER, "contributes.problemMatchers has isv-dossier");
  assert.equal(MATCHER.pattern.length, 2);
  assert.equal(MATCHER.pattern[1].loop, true);
  assert.deepEqual(MATCHER.fileLocation, ["relative", "${workspaceFolder}"]);
});

for (const language of ["en", "zh-CN"]) {
  test(`the problem matcher finds every finding of lint's stylish output (${language})`, async () => {
    const targets = ["samples/needs-work", "test/fixtures/schema/fill-empty.dossier.yaml"];
    const stylish = await runCli(["lint", ...targets, "--lang", language, "--as-of", "2026-11-24"], { cwd: ROOT });
    const json = await runCli(["lint", ...targets, "--lang", language, "--format", "json", "--as-of", "2026-11-24"], {
      cwd: ROOT,
    });
    const report = JSON.parse(json.stdout) as {
      files: Array<{
        path: string;
        findings: Array<{
          severity: string;
          clauses: string[];
          range: { start: { line: number; character: number } };
        }>;
      }>;
    };
    const expected = report.files.flatMap((file) =>
      file.findings.map((finding) => ({
        file: file.path,
        line: finding.range.start.line + 1,
        column: finding.range.start.character + 1,
        severity: SEVERITY_WORDS[language][finding.severity],
        code: finding.clauses.length > 0 ? finding.clauses.join(",") : "-",
      })),
    );
    assert.ok(expected.length > 20, `${expected.length} findings`);
    const found = matchAll(stylish.stdout, MATCHER!);
    const key = (match: Match): string => JSON.stringify(match);
    assert.deepEqual(found.map(key).sort(), expected.map(key).sort());
  });
}

test("with --show-waived, the problem matcher still finds every finding that is not waived (waived rows come last)", async () => {
  // a sample whose first finding (the credit code, line 15) is waived and whose later one (a tool, line 161) is not
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-matcher-"));
  const lines = fs.readFileSync(path.join(ROOT, "samples", "needs-work", "bad-credit-code-check.dossier.yaml"), "utf8");
  const text = lines.replace(
    '  credit_code: "91320505MA1Y9C4B7L"',
    '  # isv-dossier-waive identifier.credit-code -- 营业执照换发中 (approved: 周敏, until: 2099-12-31)\n  credit_code: "91320505MA1Y9C4B7L"',
  );
  assert.notEqual(text, lines);
  fs.writeFileSync(path.join(folder, "waived.dossier.yaml"), text);
  try {
    const run = (format: string[]): Promise<{ stdout: string }> =>
      runCli(["lint", "waived.dossier.yaml", "--lang", "en", "--as-of", "2026-11-24", "--show-waived", ...format], {
        cwd: folder,
      });
    const report = JSON.parse((await run(["--format", "json"])).stdout) as {
      files: Array<{
        path: string;
        findings: Array<{ severity: string; waived?: unknown; range: { start: { line: number } } }>;
      }>;
    };
    const findings = report.files[0].findings;
    assert.ok(findings.some((finding) => finding.waived) && findings.some((finding) => !finding.waived));
    const expected = findings
      .filter((finding) => !finding.waived)
      .map((finding) => [finding.range.start.line + 1, finding.severity]);
    const found = matchAll((await run([])).stdout, MATCHER!).map((match) => [match.line, match.severity]);
    assert.deepEqual(found, expected);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
