// Fuzzing the real server over stdio with incremental sync: thousands of short random edit sequences over the
// samples (characters and lines inserted and deleted, YAML pasted, random bytes, unbalanced quotes, tabs), with
// hover, completion, outline, code action, folding, link and definition requests in between. No crash, every
// request answered, and the diagnostics published for each sequence's last version equal a fresh validation of
// the same text by the core, converted the same way. Deterministic: sequence n is generated from seed n alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { TextDocument } from "vscode-languageserver-textdocument";
import { LineIndex } from "../../server/src/core/parse/line-index";
import { createLanguageService } from "../../server/src/core/check/service";
import { toDiagnostic } from "../../server/src/lsp/convert";
import { evidenceExistsIn } from "../../server/src/node/evidence-files";
import { todayIso } from "../../server/src/node/today";
import { DEFAULT_SETTINGS } from "../../server/src/lsp/settings";
import { PublishedDiagnostics, TestLspClient } from "../support/lsp-client";
import { filesUnder, repositoryRoot } from "../support/repository";
import { Prng } from "../support/prng";

const SEQUENCES = 10_000;
const SERVERS = 2;
const LANES_PER_SERVER = 24;
const REQUEST_PROBABILITY = 0.35;
const ANSWER_TIMEOUT_MS = 30_000;
/** The LSP error codes a request may legitimately end with while edits keep coming. */
const CONTENT_MODIFIED = -32801;
const REQUEST_CANCELLED = -32800;

interface Sample {
  file: string;
  text: string;
  lines: string[];
}

const SAMPLES: Sample[] = filesUnder(path.join(repositoryRoot(), "samples"), [".dossier.yaml"]).map((file) => {
  const text = fs.readFileSync(file, "utf8");
  return { file, text, lines: text.split("\n") };
});

type Random = () => number;

/** The project's seeded generator (mulberry32, test/support/prng.ts), so that every run sees the same inputs. */
function randomGenerator(seed: number): Random {
  const prng = new Prng(seed);
  return () => prng.next();
}
const integer = (random: Random, below: number): number => Math.floor(random() * below);
const pick = <T>(random: Random, items: readonly T[]): T => items[integer(random, items.length)];

const YAML_PIECES = [
  "- ",
  ": ",
  "? ",
  "[",
  "]",
  "{",
  "}",
  ", ",
  "&a ",
  "*a",
  "!!str ",
  "|\n",
  ">-\n",
  "---\n",
  "# x\n",
  "\n",
  "  ",
  "'",
  '"',
  "spec: CCRC-ISV-C01:2025\n",
  "level: 2",
  "category: security-audit",
  "- id: x\n    name: y\n",
  "evidence:\n  - ../up.pdf\n",
  "date: 2026-02-30",
  "credit_code: 91330106MA2J7K3R09",
  "lead: nobody",
  "role: technical-lead",
  "$schema: https://example.com/s.json\n",
  "{a: [b, {c: d}]}",
  "[1, 2",
  "key: 'unterminated",
  "&anchor {x: *anchor}",
  "杭州示例",
  "\t- tab",
];

interface Change {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

function change(document: TextDocument, start: number, end: number, text: string): Change {
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, text };
}

function randomBytesText(random: Random): string {
  let text = "";
  const length = 1 + integer(random, 24);
  const lowest = random() < 0.5 ? 1 : 0; // half the time without NUL, so that the text is still parsed
  for (let index = 0; index < length; index++) text += String.fromCharCode(lowest + integer(random, 256 - lowest));
  return text;
}

/** One random edit of the document's current text, as an LSP content change with a range. */
function randomChange(random: Random, document: TextDocument): Change {
  const text = document.getText();
  const at = integer(random, text.length + 1);
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const newline = text.indexOf("\n", at);
  const lineEnd = newline < 0 ? text.length : newline + 1;
  const roll = random();
  if (roll < 0.18)
    return change(
      document,
      at,
      at,
      pick(random, ["a", "1", " ", ":", "-", "#", "中", "\n", "x: ", "  "]).repeat(1 + integer(random, 3)),
    );
  if (roll < 0.32) return change(document, at, Math.min(text.length, at + 1 + integer(random, 20)), "");
  if (roll < 0.42) return change(document, lineStart, lineEnd, "");
  if (roll < 0.52) {
    const donor = pick(random, SAMPLES).lines;
    return change(document, lineStart, lineStart, donor[integer(random, donor.length)] + "\n");
  }
  if (roll < 0.67) {
    let paste = "";
    for (let count = 1 + integer(random, 6); count > 0; count--) paste += pick(random, YAML_PIECES);
    return change(document, at, at, paste);
  }
  if (roll < 0.7) return change(document, at, at, randomBytesText(random));
  if (roll < 0.8) return change(document, at, at, pick(random, ['"', "'", '"abc', "'x: y", '"\\', '"\n']));
  if (roll < 0.87) return change(document, lineStart, lineStart, pick(random, ["\t", "\t\t", " \t"]));
  // replace what follows a key's colon on this line
  const line = text.slice(lineStart, lineEnd);
  const colon = line.indexOf(": ");
  const valueStart = colon >= 0 ? lineStart + colon + 2 : at;
  const valueEnd = Math.max(valueStart, lineEnd - (line.endsWith("\n") ? 1 : 0));
  return change(
    document,
    valueStart,
    valueEnd,
    pick(random, ["", "~", "[]", "{}", "0", "-1", "2026-13-01", "risk-assessment", "yes", "'q'"]),
  );
}

function startingText(random: Random, sample: Sample): string {
  if (random() < 0.15) return sample.text;
  const start = integer(random, sample.lines.length);
  return sample.lines.slice(start, start + 3 + integer(random, 40)).join("\n");
}

const REQUEST_METHODS = [
  "textDocument/hover",
  "textDocument/completion",
  "textDocument/documentSymbol",
  "textDocument/codeAction",
  "textDocument/foldingRange",
  "textDocument/documentLink",
  "textDocument/definition",
  "textDocument/references",
  "textDocument/documentHighlight",
  "textDocument/prepareRename",
  "textDocument/rename",
  "textDocument/inlayHint",
  "textDocument/codeLens",
];

/** A refused rename (not on a person id, or a new id taken or not valid) answers InvalidRequest with the reason. */
const INVALID_REQUEST = -32600;

function withTimeout<T>(promise: Promise<T>, milliseconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${milliseconds} ms`)), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A random request at a random position; resolves when answered (ContentModified and RequestCancelled count as answers). */
function randomRequest(client: TestLspClient, random: Random, document: TextDocument): Promise<void> {
  const method = pick(random, REQUEST_METHODS);
  const position = document.positionAt(integer(random, document.getText().length + 1));
  const textDocument = { uri: document.uri };
  const params =
    method === "textDocument/codeAction"
      ? {
          textDocument,
          range: { start: position, end: document.positionAt(document.offsetAt(position) + integer(random, 80)) },
          context: { diagnostics: [] },
        }
      : method === "textDocument/documentSymbol" ||
          method === "textDocument/foldingRange" ||
          method === "textDocument/documentLink" ||
          method === "textDocument/codeLens"
        ? { textDocument }
        : method === "textDocument/inlayHint"
          ? { textDocument, range: { start: { line: 0, character: 0 }, end: position } }
          : method === "textDocument/references"
            ? { textDocument, position, context: { includeDeclaration: true } }
            : method === "textDocument/rename"
              ? { textDocument, position, newName: "renamed-id" }
              : { textDocument, position };
  const answered = client.request<unknown>(method, params).then(
    () => undefined,
    (error: { code?: number; message?: string }) => {
      if (error.code === CONTENT_MODIFIED || error.code === REQUEST_CANCELLED) return;
      if (error.code === INVALID_REQUEST && method.endsWith("ename")) return;
      throw new Error(`${method} failed: ${error.code} ${error.message}`);
    },
  );
  return withTimeout(answered, ANSWER_TIMEOUT_MS, method);
}

/** What a fresh validation by the core publishes for this text (the server's default settings). */
function expectedDiagnostics(uri: string, text: string, locale: "en" | "zh-cn"): object[] {
  const folder = path.dirname(new URL(uri).pathname);
  const service = createLanguageService({
    locale,
    today: todayIso(),
    evidenceExists: evidenceExistsIn(folder),
    leaseWarningMonths: DEFAULT_SETTINGS.leaseWarningMonths,
    severityOverrides: {},
  });
  const report = service.validate(text);
  const lines = new LineIndex(text);
  return report.findings.map((finding) => toDiagnostic(finding, lines, uri, report.edition, locale));
}

interface Outcome {
  sequences: number;
  edits: number;
  requests: number;
  mismatches: string[];
}

async function runSequence(
  client: TestLspClient,
  serverIndex: number,
  sequence: number,
  locale: "en" | "zh-cn",
  outcome: Outcome,
): Promise<void> {
  const random = randomGenerator(0x15d0 + sequence);
  const sample = pick(random, SAMPLES);
  const uri = pathToFileURL(
    path.join(path.dirname(sample.file), `fuzz-${serverIndex}-${sequence}.dossier.yaml`),
  ).toString();
  const document = TextDocument.create(uri, "isv-dossier", 1, startingText(random, sample));
  const editCount = 1 + integer(random, 4);
  // every step is decided before anything is sent, so that the sequence depends on its seed alone
  const steps: Array<{ version: number; changes: Change[]; request: boolean; requestSeed: number }> = [];
  const replay = TextDocument.create(uri, "isv-dossier", 1, document.getText());
  for (let edit = 0; edit < editCount; edit++) {
    const changes = [randomChange(random, replay)];
    if (random() < 0.2) {
      TextDocument.update(replay, changes, replay.version); // a second change in the same notification applies after the first
      changes.push(randomChange(random, replay));
      TextDocument.update(replay, changes.slice(1), replay.version + 1);
    } else {
      TextDocument.update(replay, changes, replay.version + 1);
    }
    steps.push({
      version: replay.version,
      changes,
      request: random() < REQUEST_PROBABILITY,
      requestSeed: integer(random, 2 ** 31),
    });
  }
  const finalVersion = replay.version;
  const finalText = replay.getText();
  const requests: Array<Promise<void>> = [];
  await client.open(uri, document.getText(), 1);
  if (random() < REQUEST_PROBABILITY) requests.push(randomRequest(client, randomGenerator(sequence), document));
  let published: Promise<PublishedDiagnostics> | undefined;
  for (const [index, step] of steps.entries()) {
    TextDocument.update(document, step.changes, step.version);
    if (index === steps.length - 1)
      published = client.diagnostics(uri, (next) => next.version === finalVersion, ANSWER_TIMEOUT_MS);
    await client.change(uri, step.version, step.changes);
    if (step.request) requests.push(randomRequest(client, randomGenerator(step.requestSeed), document));
  }
  assert.equal(document.getText(), finalText);
  // the cross-dossier findings depend on the other documents open in the same server, not on this text alone
  const diagnostics = (await published!).diagnostics.filter(
    (diagnostic) => !(diagnostic as { data?: { ruleId?: string } }).data?.ruleId?.startsWith("cross."),
  );
  await Promise.all(requests);
  const expected = JSON.stringify(expectedDiagnostics(uri, finalText, locale));
  try {
    // both sides are built by toDiagnostic, so equal diagnostics serialize identically (keys in the same order)
    if (JSON.stringify(diagnostics) !== expected) assert.deepEqual(diagnostics, JSON.parse(expected));
  } catch (error) {
    outcome.mismatches.push(
      `sequence ${sequence} (${path.basename(sample.file)}): ${String(error).slice(0, 1500)}\nfinal text: ${JSON.stringify(finalText).slice(0, 1500)}`,
    );
  }
  await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  outcome.sequences++;
  outcome.edits += editCount;
  outcome.requests += requests.length;
}

async function fuzzOneServer(serverIndex: number, sequences: number[], locale: "en" | "zh-cn"): Promise<Outcome> {
  const client = new TestLspClient();
  client.configuration = { timeBudgetMs: 600_000 }; // timing must not change what is published
  let exit: string | undefined;
  client.child.once("exit", (code, signal) => (exit = `server exited (code ${code}, signal ${signal})`));
  const outcome: Outcome = { sequences: 0, edits: 0, requests: 0, mismatches: [] };
  try {
    await client.initialize(locale);
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < sequences.length && outcome.mismatches.length < 5 && exit === undefined) {
        const sequence = sequences[next++];
        await runSequence(client, serverIndex, sequence, locale, outcome);
        if (client.published.length > 1000) client.published.length = 0; // keep memory flat
      }
    };
    await Promise.all(Array.from({ length: LANES_PER_SERVER }, lane));
    assert.equal(exit, undefined);
    assert.equal(await client.stop(), 0);
    assert.equal(client.stderr.join(""), "", "the server wrote to stderr");
    return outcome;
  } finally {
    if (client.child.exitCode === null) client.kill();
  }
}

test(
  `server fuzz: ${SEQUENCES} random edit sequences over the samples, incremental sync, requests in between`,
  { timeout: 300_000 },
  async () => {
    const started = Date.now();
    const byServer = Array.from({ length: SERVERS }, (_, server) =>
      Array.from({ length: SEQUENCES }, (_, sequence) => sequence).filter((sequence) => sequence % SERVERS === server),
    );
    const outcomes = await Promise.all(
      byServer.map((sequences, server) => fuzzOneServer(server, sequences, server % 2 === 0 ? "zh-cn" : "en")),
    );
    const total = outcomes.reduce(
      (sum, outcome) => ({
        sequences: sum.sequences + outcome.sequences,
        edits: sum.edits + outcome.edits,
        requests: sum.requests + outcome.requests,
        mismatches: [...sum.mismatches, ...outcome.mismatches],
      }),
      { sequences: 0, edits: 0, requests: 0, mismatches: [] as string[] },
    );
    assert.deepEqual(total.mismatches, []);
    assert.equal(total.sequences, SEQUENCES);
    process.stdout.write(
      `# fuzz: ${total.sequences} sequences, ${total.edits} edits, ${total.requests} requests in ${Date.now() - started} ms\n`,
    );
  },
);
