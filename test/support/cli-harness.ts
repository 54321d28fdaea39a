// Runs the real bundled CLI (dist/server/cli.js) as a child process, and compares outputs with golden files
// under test/golden/ (UPDATE_GOLDEN=1 rewrites them), message wording replaced by message ids. Used by
// test/unit/cli-*.test.ts.
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pick } from "../../server/src/core/check/render";
import { RULES } from "../../server/src/core/check/rules";
import type { Locale } from "../../server/src/core/types";
import { repositoryRoot } from "./repository";

export const ROOT = repositoryRoot();
export const CLI = path.join(ROOT, "dist", "server", "cli.js");
export const GOLDEN = path.join(ROOT, "test", "golden");
/** Every golden run uses this date, so time windows never depend on the day the tests run. */
export const AS_OF = "2026-11-24";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The signal that ended the child (SIGKILL when the timeout killed it). */
  signal?: NodeJS.Signals | null;
  /** Set when the child was still running after `timeoutMs` and was killed. */
  timedOut?: boolean;
}

export interface CliRunOptions {
  cwd?: string;
  env?: { [name: string]: string | undefined };
  uid?: number;
  gid?: number;
  /** Kill the child (SIGKILL) when it runs longer than this; the run then says `timedOut`. */
  timeoutMs?: number;
}

/** The environment without locale or colour settings (tests add what they mean to test). */
export function neutralEnvironment(): { [name: string]: string } {
  const environment: { [name: string]: string } = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || /^(LC_ALL|LC_MESSAGES|LANG|LANGUAGE|FORCE_COLOR|NO_COLOR|NODE_OPTIONS)$/.test(name))
      continue;
    environment[name] = value;
  }
  return environment;
}

export function runCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const environment = { ...neutralEnvironment(), ...(options.env ?? {}) };
    for (const [name, value] of Object.entries(environment)) if (value === undefined) delete environment[name];
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: environment,
      stdio: ["ignore", "pipe", "pipe"],
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
          }, options.timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        signal,
        timedOut,
      });
    });
  });
}

export function assertBuilt(): void {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run \`npm run build\` first`);
}

/** The package version, replaced by a marker in goldens so that a version bump does not invalidate them. */
export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
}

export function withoutVersion(text: string): string {
  const version = packageVersion().replace(/[.]/g, "\\.");
  return text.replace(new RegExp(`"(version|semanticVersion)": "${version}"`, "g"), '"$1": "<version>"');
}

/** Compares with test/golden/<name>, or writes it when UPDATE_GOLDEN=1. */
export function assertGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual, "utf8");
    return;
  }
  assert.ok(fs.existsSync(file), `golden file test/golden/${name} is missing: run UPDATE_GOLDEN=1 npm test`);
  const expected = fs.readFileSync(file, "utf8");
  if (actual === expected) return;
  const actualLines = actual.split("\n");
  const expectedLines = expected.split("\n");
  let line = 0;
  while (line < actualLines.length && actualLines[line] === expectedLines[line]) line++;
  const shorten = (text: string | undefined): string =>
    text === undefined ? "(end of output)" : JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text);
  assert.fail(
    `output differs from test/golden/${name} at line ${line + 1}:\n  expected ${shorten(expectedLines[line])}\n  actual   ${shorten(actualLines[line])}\n` +
      "(if the change is intended: UPDATE_GOLDEN=1 npm test)",
  );
}

/** The valid sample folders (every samples/* except needs-work), relative to the repository, sorted. */
export function validSampleFolders(): string[] {
  return fs
    .readdirSync(path.join(ROOT, "samples"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "needs-work")
    .map((entry) => `samples/${entry.name}`)
    .sort();
}

/**
 * Goldens hold the layout, positions, rule and clause ids of the output, not the wording of messages (messages
 * are for people, are translated, and belong to the rules): each rendered message and rule description is
 * replaced by a token such as ‹premises.lease-expired› in every escaping the formats use.
 */
export interface TextReplacement {
  text: string;
  token: string;
}

interface MessageCarrier {
  message: string;
  messageId: string;
  related?: Array<{ message: string; messageId: string }>;
}

export function messageReplacements(findings: MessageCarrier[]): TextReplacement[] {
  const replacements: TextReplacement[] = [];
  for (const finding of findings) {
    replacements.push({ text: finding.message, token: `‹${finding.messageId}›` });
    for (const related of finding.related ?? [])
      replacements.push({ text: related.message, token: `‹${related.messageId}›` });
  }
  return replacements;
}

export function ruleDescriptionReplacements(locale: Locale): TextReplacement[] {
  return RULES.map((rule) => ({ text: pick(rule.description, locale), token: `‹description of ${rule.id}›` }));
}

function escapings(text: string): string[] {
  const xml = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return [
    text,
    JSON.stringify(text).slice(1, -1),
    xml,
    text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|"),
    text.replace(/"/g, '""'),
    text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"),
  ];
}

export function normalizeTexts(output: string, replacements: TextReplacement[]): string {
  const ordered = [...replacements]
    .filter((entry) => entry.text.length > 0)
    .sort((a, b) => b.text.length - a.text.length);
  let result = output;
  for (const { text, token } of ordered)
    for (const variant of new Set(escapings(text))) result = result.split(variant).join(token);
  return result;
}
