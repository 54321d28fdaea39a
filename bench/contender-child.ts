// One in-process contender in a process of its own (as each tool runs in an editor), driven by run-bench over IPC:
// "setup" loads the dossier and prepares the edits, "open" times the first validation of a document never seen,
// "edit" times the re-validation of edit k, "requests" times hover and completion, "memory" reports the peak RSS.
// Setup ends with unmeasured edits (so that the code is compiled) and a garbage collection.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { complete } from "../server/src/core/features/completion";
import { defaultEdition } from "../server/src/core/catalog/edition";
import { hover } from "../server/src/core/features/hover";
import { IncrementalParser } from "../server/src/core/parse/incremental";
import { LineIndex } from "../server/src/core/parse/line-index";
import { PARSE_OPTIONS } from "../server/src/core/parse/parse";
import { createLanguageService, DossierLanguageService, DossierReport } from "../server/src/core/check/service";
import { EvidenceAnswers } from "../server/src/node/evidence-answers";
import { repositoryRootOf } from "./files";
import { ChildReply, ChildRequest, editSequence, InProcessContender, isSchemaFinding, requestOffsets } from "./shared";
import { collectGarbage, median, peakRssMiB } from "./stats";
import { createYlsService, YlsService } from "./yls-in-process";

const edition = defaultEdition();
const evidenceAnswers = new EvidenceAnswers();

/** A service as the server makes one for each validation: evidence files looked up through the open document's answers. */
function serviceFor(): DossierLanguageService {
  const folder = path.dirname(filePath);
  return createLanguageService({ locale: "en", today: "2026-11-24", evidenceExists: evidenceAnswers.for(uri, folder) });
}

let contender: InProcessContender;
let text = "";
let uri = "";
let filePath = "";
let texts: string[] = [];
const session = new IncrementalParser();
let lastReport: DossierReport | undefined;
let yls: YlsService | undefined;

function digestOf(report: DossierReport): string {
  return createHash("sha1").update(JSON.stringify(report.findings)).digest("hex");
}

function schemaFindingsOf(report: DossierReport): number {
  return report.findings.filter((finding) => isSchemaFinding(finding.ruleId)).length;
}

function floor(source: string): number {
  const value = parseDocument(source, PARSE_OPTIONS).toJS();
  const validate = edition.validateShape;
  return validate(value) ? 0 : (validate.errors ?? []).filter((error) => error.keyword !== "if").length;
}

async function timed(run: () => unknown): Promise<{ ms: number; result: unknown }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

async function open(round: number): Promise<ChildReply> {
  if (contender === "isv-incremental" || contender === "isv-full") {
    const service = createLanguageService({
      locale: "en",
      today: "2026-11-24",
      evidenceExists: new EvidenceAnswers().for(`${uri}?open=${round}`, path.dirname(filePath)),
    });
    return { ms: (await timed(() => service.validateParsed(new IncrementalParser().update(text)))).ms };
  }
  if (contender === "floor") return { ms: (await timed(() => floor(text))).ms };
  return { ms: (await timed(() => yls!.validate(`${uri}?open=${round}`, 1, text))).ms };
}

async function edit(index: number): Promise<ChildReply> {
  const source = texts[index];
  if (contender === "isv-incremental") {
    const { ms, result } = await timed(() => serviceFor().validateParsed(session.update(source)));
    lastReport = result as DossierReport;
    return { ms, schemaFindings: schemaFindingsOf(lastReport), digest: digestOf(lastReport) };
  }
  if (contender === "isv-full") {
    const { ms, result } = await timed(() => serviceFor().validate(source));
    return { ms, schemaFindings: schemaFindingsOf(result as DossierReport), digest: digestOf(result as DossierReport) };
  }
  if (contender === "floor") {
    const { ms, result } = await timed(() => floor(source));
    return { ms, schemaFindings: result as number };
  }
  const { ms, result } = await timed(() => yls!.validate(uri, index + 2, source));
  return { ms, schemaFindings: (result as unknown[]).length };
}

async function requests(count: number): Promise<ChildReply> {
  const version = texts.length + 1;
  const source = texts.at(-1) ?? text;
  const offsets = requestOffsets(source);
  const lines = new LineIndex(source);
  const hovers: number[] = [];
  const completions: number[] = [];
  for (let request = 0; request < count; request++) {
    if (contender === "isv-incremental") {
      const report = lastReport ?? serviceFor().validateParsed(session.update(source));
      hovers.push((await timed(() => hover(report, offsets.hover, "en"))).ms);
      completions.push((await timed(() => complete(report, offsets.completion, "en"))).ms);
    } else if (contender === "yls") {
      hovers.push((await timed(() => yls!.hover(uri, version, source, lines.positionAt(offsets.hover)))).ms);
      completions.push(
        (await timed(() => yls!.complete(uri, version, source, lines.positionAt(offsets.completion)))).ms,
      );
    }
  }
  return { hover: median(hovers), completion: median(completions) };
}

async function handle(request: ChildRequest): Promise<ChildReply> {
  switch (request.type) {
    case "setup": {
      contender = request.contender;
      text = fs.readFileSync(request.path, "utf8");
      filePath = request.path;
      uri = request.uri;
      texts = editSequence(text, request.warmUp + request.edits);
      if (contender === "yls") {
        yls = await createYlsService(repositoryRootOf(__dirname));
        await yls.validate(uri, 1, text);
      } else if (contender === "isv-incremental") {
        lastReport = serviceFor().validateParsed(session.update(text));
      }
      // Unmeasured edits first, so that every contender is measured with its code compiled.
      for (let index = 0; index < request.warmUp; index++) await edit(index);
      collectGarbage();
      return {};
    }
    case "open":
      return open(request.round);
    case "edit":
      return edit(request.index);
    case "requests":
      return requests(request.count);
    case "memory":
      return { peakRssMiB: peakRssMiB("self") };
  }
}

process.on("message", (request: ChildRequest) => {
  handle(request).then(
    (reply) => process.send!(reply),
    (error: unknown) => process.send!({ error: error instanceof Error ? error.message : String(error) }),
  );
});
