// `isv-dossier mcp`: a Model Context Protocol server over stdio (the official SDK's McpServer and
// StdioServerTransport) for AI assistants, with read-only tools over the same core as the editor and the CLI:
// lint a dossier, its checklist, a clause's text with its provenance, the dossier model's fields with their clauses,
// and a new dossier's text. A bundle of its own (dist/server/mcp.js, server/build.mjs), required only by this
// command: the SDK and zod never slow `isv-dossier lint`'s start.
//
// Files: only `*.dossier.yaml|yml` files inside the roots the client gives (MCP roots, asked after initialization
// and again when the client says they changed). A client that gives none (no roots capability, an empty list, or
// no answer within ROOTS_TIMEOUT_MS) gets the server's working folder as its one root. A path is resolved against
// the first root; it must stay inside a root both as written and once symbolic links are resolved. The file is
// read as the CLI reads a dossier (read-dossier.ts: regular files only — not a FIFO, a device or a folder — never
// more than the size limit, never waiting). Nothing is written, nothing is fetched; stdout carries only the
// protocol. Ranges are 1-based lines and columns (columns in UTF-16 code units, the end exclusive).
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { RootsListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { clauseLabel, clauseMarkdown, clauseTitle } from "../core/catalog/clause-text";
import { defaultEdition, Edition, Level, ModelNode } from "../core/catalog/edition";
import { isIsoDate } from "../core/check/calendar";
import { renderMessage } from "../core/check/render";
import { createLanguageService, DossierReport } from "../core/check/service";
import { newDossierText } from "../core/features/skeleton";
import { decodeDossierBytes } from "../core/parse/encoding";
import { LineIndex } from "../core/parse/line-index";
import { fileSizeFinding } from "../core/parse/limits";
import type { Finding, Localized } from "../core/types";
import { buildChecklist } from "../core/verdicts/checklist";
import { conclusionText, countStatuses } from "../core/verdicts/clause-status";
import { evidenceExistsIn } from "../node/evidence-files";
import { byteLength, exceedsBytes } from "../node/text-size";
import { todayIso } from "../node/today";
import { DEFAULT_SETTINGS } from "../lsp/settings";
import { normalizeClauseId } from "./clauses-command";
import { DOSSIER_NAME } from "./discover";
import { CliUsageError, EXIT_OK } from "./errors";
import { packageVersion } from "./environment";
import { checkInitOptions } from "./init-command";
import { cliTimeBudget } from "./lint-file";
import { readDossierBytes } from "./read-dossier";

/** How long the server waits for the client's roots before it falls back to its working folder. */
const ROOTS_TIMEOUT_MS = 5000;
const MAX_BYTES = DEFAULT_SETTINGS.maxFileSizeBytes;

export const RANGES_NOTE = "1-based line and column; columns count UTF-16 code units; the end is exclusive";

/** A refusal the assistant sees as a tool error (isError), in both languages. */
class ToolError extends Error {
  constructor(readonly text: Localized) {
    super(`${text.zh} / ${text.en}`);
  }
}

function refusal(zh: string, en: string): ToolError {
  return new ToolError({ zh, en });
}

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

function realOrResolved(folder: string): string {
  try {
    return fs.realpathSync(folder);
  } catch {
    return path.resolve(folder);
  }
}

export interface McpServerOptions {
  cwd: string;
  version: string;
}

interface Roots {
  folders: string[];
  source: "client" | "working-folder";
}

/** The dossier at `input` inside the roots, read and decoded, or a ToolError saying why not. */
function readConfined(input: string, roots: Roots): { text: string; file: string; shown: string } {
  const candidate = path.resolve(roots.folders[0], input);
  if (!roots.folders.some((root) => isInside(candidate, path.resolve(root))))
    throw roots.source === "client"
      ? refusal(
          `路径不在客户端给出的根目录内：${input}（根目录：${roots.folders.join("、")}）`,
          `the path is outside the roots the client gave: ${input} (roots: ${roots.folders.join(", ")})`,
        )
      : refusal(
          `路径不在服务器的工作文件夹内（客户端未给出根目录）：${input}（工作文件夹：${roots.folders[0]}）`,
          `the path is outside the server's working folder (the client gave no roots): ${input} (folder: ${roots.folders[0]})`,
        );
  let real: string;
  try {
    real = fs.realpathSync(candidate);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw refusal(
      `无法读取 ${input}：文件不存在或无法访问（${code}）`,
      `cannot read ${input}: no such file or no access (${code})`,
    );
  }
  if (!roots.folders.some((root) => isInside(real, realOrResolved(root))))
    throw refusal(
      `${input} 经符号链接指向根目录之外，不予读取`,
      `${input} leads outside the roots through a symbolic link; not read`,
    );
  if (!DOSSIER_NAME.test(path.basename(real)))
    throw refusal(
      `只读取申请材料（*.dossier.yaml 或 *.dossier.yml）：${input}`,
      `only dossier files (*.dossier.yaml or *.dossier.yml) are read: ${input}`,
    );
  const zh = readDossierBytes(real, MAX_BYTES, "zh-cn");
  if (zh.kind === "unreadable") {
    const en = readDossierBytes(real, MAX_BYTES, "en");
    throw refusal(
      `无法读取 ${input}：${zh.reason}`,
      `cannot read ${input}: ${en.kind === "unreadable" ? en.reason : zh.reason}`,
    );
  }
  if (zh.kind === "too-large") {
    const finding = fileSizeFinding(zh.size, MAX_BYTES);
    throw refusal(
      `${input}：${renderMessage(finding.messageId, finding.args, "zh-cn")}`,
      `${input}: ${renderMessage(finding.messageId, finding.args, "en")}`,
    );
  }
  const root = roots.folders.find((folder) => isInside(real, realOrResolved(folder)));
  const shown = root ? path.relative(realOrResolved(root), real) || path.basename(real) : real;
  return { text: decodeDossierBytes(zh.bytes).text, file: real, shown };
}

interface Checked {
  report: DossierReport;
  text: string;
  file: string | null;
}

const SOURCE = {
  path: z
    .string()
    .min(1)
    .optional()
    .describe("A *.dossier.yaml file inside the client's roots (relative to the first root, or absolute)."),
  text: z
    .string()
    .optional()
    .describe("The dossier's text, instead of a path (evidence files are then not looked for)."),
  asOf: z
    .string()
    .optional()
    .describe(
      "YYYY-MM-DD: the date time windows are measured to when the dossier has no application.date (default: today).",
    ),
};

function json(value: unknown): CallToolResult {
  return {
    content: [{ type: "text", text: JSON.stringify(value, null, 2) }],
    structuredContent: value as { [key: string]: unknown },
  };
}

function errorResult(error: unknown): CallToolResult {
  const text =
    error instanceof ToolError
      ? `${error.text.zh}\n${error.text.en}`
      : error instanceof CliUsageError
        ? error.message
        : `internal error: ${error instanceof Error ? error.message : String(error)}`;
  return { content: [{ type: "text", text }], isError: true };
}

function both(messageId: string, args: Finding["args"]): Localized {
  return { zh: renderMessage(messageId, args, "zh-cn"), en: renderMessage(messageId, args, "en") };
}

function position(lines: LineIndex, offset: number): { line: number; column: number } {
  const at = lines.positionAt(offset);
  return { line: at.line + 1, column: at.character + 1 };
}

/** The fields of the dossier model, flattened: `personnel[].competence[].valid_until` with type, title, clauses. */
function modelFields(edition: Edition, level: Level | undefined, under: string | undefined): unknown[] {
  const fields: unknown[] = [];
  const walk = (node: ModelNode, at: string, required: boolean): void => {
    if (at !== "" && (under === undefined || at === under || at.startsWith(`${under}.`) || at.startsWith(`${under}[]`)))
      fields.push({
        path: at,
        type: node.type,
        title: node.title ?? null,
        description: node.description ?? null,
        required,
        clauses: node.clauses ?? [],
        ...(level
          ? { clausesAtLevel: (node.clauses ?? []).map((template) => edition.resolveClause(template, level)) }
          : {}),
        // a list of plain values says what its items are: evidence paths, person ids, allowed values
        ...(node.evidence || node.items?.evidence ? { evidence: true } : {}),
        ...(node.personnel_ref || node.items?.personnel_ref ? { personnelId: true } : {}),
        ...((node.enum ?? node.items?.enum) ? { values: node.enum ?? node.items?.enum } : {}),
        ...(node.required_when ? { requiredWhen: node.required_when } : {}),
      });
    for (const [key, child] of Object.entries(node.properties ?? {}))
      walk(child, at === "" ? key : `${at}.${key}`, (node.required ?? []).includes(key));
    if (node.items && (node.items.properties || node.items.items)) walk(node.items, `${at}[]`, false);
  };
  walk(edition.model, "", true);
  return fields;
}

/** How a clause's text may be presented, by its provenance (the catalog decides; a summary is never a quote). */
const PROVENANCE_WORDING: { [provenance: string]: Localized } = {
  excerpt: {
    zh: "text.zh 为规范原文，可作引文；text.en 为本项目的英文译述，不是官方译文。",
    en: "text.zh is the specification's own words and may be quoted; text.en is this project's English rendering, not an official translation.",
  },
  "public-summary": {
    zh: "本条款的原文未知；summary 为公开资料的概述，不是规范原文，不得作为引文呈现。",
    en: "The clause's text is unknown; summary is a summary from public sources, NOT the specification's words, and must never be presented as a quote.",
  },
  "structure-only": {
    zh: "本条款的原文未知，仅见于目录；不得编造或转述其内容。",
    en: "The clause's text is unknown (table of contents only); do not invent or paraphrase its content.",
  },
};

function clauseAnswer(edition: Edition, input: string): unknown {
  const clauseId = normalizeClauseId(input);
  const clause = edition.clause(clauseId);
  if (!clause) throw refusal(`未知条款：${input}`, `unknown clause: ${input}`);
  const excerpt = clause.provenance === "excerpt";
  return {
    clauseId,
    label: { zh: clauseLabel(clauseId, "zh-cn"), en: clauseLabel(clauseId, "en") },
    title: clauseTitle(edition, clauseId) ?? null,
    provenance: clause.provenance,
    howToPresent: PROVENANCE_WORDING[clause.provenance],
    text: excerpt && clause.text ? clause.text : null,
    summary: clause.provenance === "public-summary" ? (clause.summary ?? null) : null,
    levels: clause.levels ?? null,
    categories: clause.categories ?? null,
    stillToCheck: clause.still_to_check ?? null,
    items: edition.children(clauseId).map((child) => child.id),
    markdown: { zh: clauseMarkdown(edition, clauseId, "zh-cn"), en: clauseMarkdown(edition, clauseId, "en") },
  };
}

export function createIsvMcpServer(options: McpServerOptions): McpServer {
  const edition = defaultEdition();
  const mcp = new McpServer(
    { name: "isv-dossier", version: options.version },
    {
      capabilities: { tools: {} },
      instructions:
        "Checks CCRC-ISV-C01:2025 qualification dossiers (*.dossier.yaml). Read-only. Every finding names its clause " +
        "ids. Ranges are 1-based. A clause whose provenance is public-summary has no known text: never quote it.",
    },
  );

  let roots: Promise<Roots> | undefined;
  mcp.server.setNotificationHandler(RootsListChangedNotificationSchema, () => {
    roots = undefined;
  });
  const fallback: Roots = { folders: [options.cwd], source: "working-folder" };
  const currentRoots = (): Promise<Roots> => {
    roots ??= (async (): Promise<Roots> => {
      if (!mcp.server.getClientCapabilities()?.roots) return fallback;
      try {
        const answer = await mcp.server.listRoots(undefined, { timeout: ROOTS_TIMEOUT_MS });
        const folders = answer.roots
          .filter((root) => root.uri.startsWith("file:"))
          .map((root) => fileURLToPath(root.uri));
        return folders.length > 0 ? { folders, source: "client" } : fallback;
      } catch {
        roots = undefined; // asked again next time
        return fallback;
      }
    })();
    return roots;
  };

  const check = async (args: { path?: string; text?: string; asOf?: string }): Promise<Checked> => {
    if ((args.path === undefined) === (args.text === undefined))
      throw refusal("请给出 path 或 text 之一", "give exactly one of path or text");
    if (args.asOf !== undefined && !isIsoDate(args.asOf))
      throw refusal(`asOf 应为 YYYY-MM-DD：${args.asOf}`, `asOf must be YYYY-MM-DD: ${args.asOf}`);
    let text: string;
    let file: string | null = null;
    let folder: string | undefined;
    if (args.path !== undefined) {
      const read = readConfined(args.path, await currentRoots());
      text = read.text;
      file = read.shown;
      folder = path.dirname(read.file);
    } else {
      text = args.text ?? "";
      if (exceedsBytes(text, MAX_BYTES)) {
        const finding = fileSizeFinding(byteLength(text), MAX_BYTES);
        const message = both(finding.messageId, finding.args);
        throw refusal(message.zh, message.en);
      }
    }
    const report = createLanguageService({
      locale: "en",
      today: args.asOf ?? todayIso(),
      evidenceExists: folder ? evidenceExistsIn(folder) : undefined,
      timeBudget: cliTimeBudget(),
    }).validate(text);
    return { report, text, file };
  };

  const guarded =
    <A>(work: (args: A) => Promise<unknown> | unknown) =>
    async (args: A): Promise<CallToolResult> => {
      try {
        return json(await work(args));
      } catch (error) {
        return errorResult(error);
      }
    };

  mcp.registerTool(
    "lint_dossier",
    {
      title: "Lint a dossier",
      description:
        "Checks a CCRC-ISV-C01:2025 dossier (a *.dossier.yaml path inside the client's roots, or its text) and " +
        `returns every finding with its check id, clause ids, severity, range (${RANGES_NOTE}) and message in ` +
        "Chinese and English. Read-only.",
      inputSchema: SOURCE,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(async (args: { path?: string; text?: string; asOf?: string }) => {
      const { report, text, file } = await check(args);
      const lines = new LineIndex(text);
      return {
        file,
        edition: report.edition.id,
        category: report.category ?? null,
        level: report.level,
        ranges: RANGES_NOTE,
        evidenceChecked: file !== null,
        counts: {
          error: report.findings.filter((finding) => finding.severity === "error").length,
          warning: report.findings.filter((finding) => finding.severity === "warning").length,
          info: report.findings.filter((finding) => finding.severity === "info").length,
        },
        findings: report.findings.map((finding) => ({
          ruleId: finding.ruleId,
          clauseIds: finding.clauseIds,
          severity: finding.severity,
          start: position(lines, finding.range.start),
          end: position(lines, finding.range.end),
          message: both(finding.messageId, finding.args),
        })),
      };
    }),
  );

  mcp.registerTool(
    "dossier_checklist",
    {
      title: "Checklist (self-assessment table)",
      description:
        "The per-clause picture of a dossier: for every clause that applies to its category and level, the status " +
        "(violated, satisfied, not-applicable, manual = a reviewer must judge, waived), the basis (checked, " +
        "partly-checked, text-unknown), the conclusion in Chinese and English, the errors behind it, the remarks " +
        "and the evidence the dossier gives. Read-only.",
      inputSchema: SOURCE,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(async (args: { path?: string; text?: string; asOf?: string }) => {
      const { report, text, file } = await check(args);
      const lines = new LineIndex(text);
      const checklist = buildChecklist(report);
      const brief = (finding: Finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        line: position(lines, finding.range.start).line,
        message: both(finding.messageId, finding.args),
      });
      return {
        file,
        edition: checklist.editionId,
        category: checklist.category ?? null,
        level: checklist.level,
        asOf: checklist.asOf,
        counts: countStatuses(checklist.rows),
        rows: checklist.rows.map((row) => ({
          number: row.number,
          clauseId: row.clauseId,
          title: clauseTitle(report.edition, row.clauseId) ?? null,
          provenance: row.clause.provenance,
          status: row.status,
          basis: row.basis,
          conclusion: { zh: conclusionText(row, "zh-cn"), en: conclusionText(row, "en") },
          checkedBy: row.checkedBy,
          stillToCheck: row.stillToCheck ?? null,
          findings: row.findings.map(brief),
          remarks: row.remarks.map(brief),
          evidence: row.evidence,
        })),
        unattributed: checklist.unattributed.map(brief),
      };
    }),
  );

  mcp.registerTool(
    "clause_text",
    {
      title: "A clause of CCRC-ISV-C01:2025",
      description:
        'A clause by id (4.2.3.b, "4.2.3 b)", H): its title, provenance and what is known of its text. Only a ' +
        "clause of provenance 'excerpt' has the specification's own words (text.zh); 'public-summary' has a summary " +
        "that must never be presented as a quote; 'structure-only' has no text. howToPresent says how to word it.",
      inputSchema: { clauseId: z.string().min(1).max(40).describe('e.g. 4.1.3.a, "4.1.3 a)", H') },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded((args: { clauseId: string }) => clauseAnswer(edition, args.clauseId)),
  );

  mcp.registerTool(
    "dossier_model",
    {
      title: "The dossier model",
      description:
        "The fields of a *.dossier.yaml (paths like personnel[].competence[].valid_until), each with its type, " +
        "title and description in Chinese and English, whether it is required, and the clauses it rests on " +
        "('4.x.' stands for the level's section: 4.1 level 3, 4.2 level 2, 4.3 level 1; give level to resolve them).",
      inputSchema: {
        level: z.number().int().min(1).max(3).optional().describe("1, 2 or 3: resolves 4.x. clause ids"),
        under: z.string().optional().describe("only the fields at or under this path, e.g. performance.projects"),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded((args: { level?: number; under?: string }) => ({
      edition: edition.id,
      fields: modelFields(edition, args.level as Level | undefined, args.under),
    })),
  );

  mcp.registerTool(
    "new_dossier",
    {
      title: "A new dossier",
      description:
        "The text of a new dossier for a category and level (the same as `isv-dossier init` and the editor's New " +
        'dossier…): every required section, "" placeholders to fill and comments citing the clause behind each ' +
        "key. Returned as text; nothing is written.",
      inputSchema: {
        category: z.enum(Object.keys(edition.categories) as [string, ...string[]]),
        level: z.number().int().min(1).max(3).describe("1 (highest), 2 or 3"),
        drClass: z.enum(["A", "B"]).optional().describe("disaster-recovery only: A or B"),
        lang: z.enum(["zh-CN", "en"]).optional().describe("language of the comments (default zh-CN)"),
        date: z.string().optional().describe("application.date, YYYY-MM-DD (default: today)"),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded((args: { category: string; level: number; drClass?: string; lang?: string; date?: string }) => {
      const locale = args.lang === "en" ? "en" : "zh-cn";
      if (args.date !== undefined && !isIsoDate(args.date))
        throw refusal(`date 应为 YYYY-MM-DD：${args.date}`, `date must be YYYY-MM-DD: ${args.date}`);
      const checked = checkInitOptions({
        edition,
        category: args.category,
        level: String(args.level),
        drClass: args.drClass,
        locale,
        date: args.date ?? todayIso(),
        file: undefined,
        cwd: options.cwd,
      });
      const text = newDossierText({ edition, ...checked, locale, date: args.date ?? todayIso() });
      return { fileName: `${args.category}-level${args.level}.dossier.yaml`, text };
    }),
  );

  return mcp;
}

/** Serves MCP over stdin/stdout until stdin ends. */
export async function runMcpServer(options: McpServerOptions): Promise<number> {
  const mcp = createIsvMcpServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
    process.stdin.once("end", resolve);
    process.stdin.once("close", resolve);
  });
  await mcp.connect(transport);
  await closed;
  await mcp.close().catch(() => undefined);
  return EXIT_OK;
}

// `node dist/server/mcp.js`: the same server without the CLI in front (what the VS Code extension registers).
if (require.main === module) {
  void runMcpServer({ cwd: process.cwd(), version: packageVersion() }).then((code) => {
    process.exitCode = code;
  });
}
