// `checklist --format docx`: the self-assessment table (自评估表) as a Word document the applicant prints, stamps
// and submits — A4 landscape, Chinese fonts named (宋体 body, 黑体 headings, set for East Asian text in every run),
// a header block of the dossier's facts, the table with its header row repeated on every page, and a signature
// block. Built with the `docx` package; the table's texts come from checklist-table.ts, as for md/html/csv/json.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  IRunOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { buildChecklist, ChecklistRow } from "../core/verdicts/checklist";
import { pick } from "../core/check/render";
import type { DossierReport } from "../core/check/service";
import type { Locale, Localized } from "../core/types";
import { buildChecklistTable, ChecklistTable, ChecklistTableRow, columnLabels } from "./checklist-table";
import { findingLine, remarkLine } from "./checklist-md";

/** Fonts by name, as Word and WPS know them on Chinese systems; Latin text in the same families' companions. */
const BODY_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体", cs: "Times New Roman" };
const HEADING_FONT = { ascii: "Arial", hAnsi: "Arial", eastAsia: "黑体", cs: "Arial" };

/** Half-points: 五号 (10.5 pt) body, 小五 (9 pt) in the table, 三号 (16 pt) title. */
const SIZE_BODY = 21;
const SIZE_TABLE = 18;
const SIZE_TITLE = 32;

/** A4 in twips (portrait; docx swaps them for landscape), margins 15 mm. */
const A4_SHORT = 11906;
const A4_LONG = 16838;
const MARGIN = 850;
const TEXT_WIDTH = A4_LONG - 2 * MARGIN;

/** Column shares of the table's width: 序号, 评价要点, 条款, 所需证明材料, 结论, 证明材料清单, 自评说明. */
const COLUMN_SHARES = [4, 24, 7, 13, 15, 20, 17];

const TEXT: { [key: string]: Localized } = {
  seal: { zh: "申请单位（盖章）：", en: "Applicant (seal): " },
  signature: { zh: "负责人签字：", en: "Signature of the person in charge: " },
  date: { zh: "日期：　　　　年　　月　　日", en: "Date: " },
  page: { zh: "第 {current} 页，共 {total} 页", en: "Page {current} of {total}" },
  none: { zh: "—", en: "—" },
};

function text(key: string, locale: Locale): string {
  return pick(TEXT[key], locale);
}

/** A run of body text: 宋体 for Chinese characters (w:eastAsia), zh-CN as their language. */
function run(content: string, options: IRunOptions = {}): TextRun {
  return new TextRun({ font: BODY_FONT, size: SIZE_TABLE, language: { eastAsia: "zh-CN" }, ...options, text: content });
}

function headingRun(content: string, size: number): TextRun {
  return new TextRun({ text: content, font: HEADING_FONT, size, bold: true, language: { eastAsia: "zh-CN" } });
}

/** Paragraphs of a text that may hold line breaks (one paragraph per line). */
function lines(content: string, options: IRunOptions = {}): Paragraph[] {
  return content.split("\n").map((line) => new Paragraph({ children: [run(line, options)] }));
}

/**
 * 结论 of one row. The clause-status model gives each row a `basis` (checked / partly-checked / text-unknown) and
 * core/verdicts/checklist.ts a `conclusionText(row, locale)`; this one function is where the table takes the conclusion
 * from, so it can call that instead. Until then: the status label, and what the verdict rests on when it is not
 * the whole clause (a structure-only clause's text is unknown: only its structure was checked).
 */
const STATUS_COLORS: { [status: string]: string } = {
  satisfied: "14622D",
  violated: "A4161A",
  unfilled: "8A5A00",
  "not-applicable": "555555",
  manual: "8A5A00",
};

function cell(children: Paragraph[], width: number, options: { header?: boolean } = {}): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph("")],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: options.header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: "E8E8E8" } } : {}),
  });
}

function listParagraphs(items: string[], locale: Locale): Paragraph[] {
  return items.length > 0 ? items.map((item) => new Paragraph({ children: [run(item)] })) : lines(text("none", locale));
}

function tableRow(entry: ChecklistTableRow, checklistRow: ChecklistRow, widths: number[], locale: Locale): TableRow {
  const conclusion = [
    new Paragraph({ children: [run(entry.conclusion, { bold: true, color: STATUS_COLORS[entry.status] })] }),
    ...entry.findings.map(
      (finding) => new Paragraph({ children: [run(findingLine(finding, locale), { color: "A4161A" })] }),
    ),
    ...entry.remarks.map((remark) => new Paragraph({ children: [run(remarkLine(remark, locale))] })),
  ];
  const cells = [
    [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(String(entry.number))] })],
    lines(entry.keyPoint),
    [new Paragraph({ children: [run(entry.clauseLabel)] })],
    listParagraphs(entry.evidenceRequired, locale),
    conclusion,
    listParagraphs(entry.evidence, locale),
    entry.selfAssessment ? lines(entry.selfAssessment) : lines(text("none", locale)),
  ];
  return new TableRow({ cantSplit: true, children: cells.map((children, index) => cell(children, widths[index])) });
}

function checklistTable(table: ChecklistTable, rows: ChecklistRow[]): Table {
  const total = COLUMN_SHARES.reduce((sum, share) => sum + share, 0);
  const widths = COLUMN_SHARES.map((share) => Math.floor((TEXT_WIDTH * share) / total));
  const headerTexts = columnLabels(table);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headerTexts.map((label, index) =>
      cell(
        [new Paragraph({ alignment: AlignmentType.CENTER, children: [headingRun(label, SIZE_TABLE)] })],
        widths[index],
        { header: true },
      ),
    ),
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...table.rows.map((entry, index) => tableRow(entry, rows[index], widths, table.locale))],
  });
}

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
};

/** The dossier's facts, two to a line: 申请单位, 统一社会信用代码, 申报类别, 申报级别, 灾备服务分类, 依据规范, 评估基准日. */
function factsBlock(table: ChecklistTable): Table {
  const separator = table.locale === "zh-cn" ? "：" : ": ";
  const half = Math.floor(TEXT_WIDTH / 2);
  const rows: TableRow[] = [];
  for (let index = 0; index < table.facts.length; index += 2) {
    const pair = table.facts.slice(index, index + 2);
    rows.push(
      new TableRow({
        children: [0, 1].map(
          (offset) =>
            new TableCell({
              width: { size: half, type: WidthType.DXA },
              borders: NO_BORDERS,
              children: [
                new Paragraph({
                  spacing: { after: 60 },
                  children: pair[offset]
                    ? [
                        headingRun(pair[offset].label + separator, SIZE_BODY),
                        run(pair[offset].value, { size: SIZE_BODY }),
                      ]
                    : [],
                }),
              ],
            }),
        ),
      }),
    );
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, half],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows,
  });
}

/** 申请单位（盖章）, 负责人签字, 日期 — with room for a seal. */
function signatureBlock(locale: Locale): Table {
  const third = Math.floor(TEXT_WIDTH / 3);
  const blank = locale === "zh-cn" ? "" : "____________________";
  const labels = [text("seal", locale), text("signature", locale), text("date", locale)];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [third, third, third],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: labels.map(
          (label) =>
            new TableCell({
              width: { size: third, type: WidthType.DXA },
              borders: NO_BORDERS,
              children: [
                new Paragraph({
                  spacing: { before: 480, after: 960 },
                  children: [headingRun(label, SIZE_BODY), run(blank, { size: SIZE_BODY })],
                }),
              ],
            }),
        ),
      }),
    ],
  });
}

function pageFooter(locale: Locale): Footer {
  const [before, middle, after] = text("page", locale).split(/\{current\}|\{total\}/);
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          run(before),
          new TextRun({ children: [PageNumber.CURRENT], font: BODY_FONT, size: SIZE_TABLE }),
          run(middle),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], font: BODY_FONT, size: SIZE_TABLE }),
          run(after),
        ],
      }),
    ],
  });
}

/** The .docx bytes. `rows` are the checklist's rows, in the table's order (the conclusion is taken from them). */
export async function renderChecklistDocx(table: ChecklistTable, rows: ChecklistRow[]): Promise<Uint8Array> {
  const locale = table.locale;
  const document = new Document({
    creator: "isv-dossier",
    title: table.title,
    description: table.facts.map((fact) => `${fact.label}: ${fact.value}`).join("; "),
    styles: {
      default: {
        document: {
          run: {
            font: BODY_FONT,
            size: SIZE_BODY,
            language: { value: locale === "zh-cn" ? "zh-CN" : "en-GB", eastAsia: "zh-CN" },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 425, footer: 425 },
          },
        },
        footers: { default: pageFooter(locale) },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [headingRun(table.title, SIZE_TITLE)],
          }),
          factsBlock(table),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          checklistTable(table, rows),
          new Paragraph({ spacing: { before: 120 }, children: [run(table.countsLine, { size: SIZE_BODY })] }),
          signatureBlock(locale),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The .docx bytes of a validated dossier (the CLI's `--format docx` and the editor's *Export as Word…*). */
export function checklistDocxBytes(report: DossierReport, locale: Locale): Promise<Uint8Array> {
  const checklist = buildChecklist(report);
  return renderChecklistDocx(buildChecklistTable(report, checklist, locale), checklist.rows);
}
