// The diff between two submissions laid out for people: stylish (a terminal; colour only when asked for),
// Markdown (also the editor's *Compare with previous submission…* document) and HTML (a standalone page, escaped as
// the checklist's is). Text from a dossier goes through safe-text.ts: terminalText on a terminal, xmlCharacters
// in HTML; in Markdown it is kept inside code spans or escaped.
import { htmlPageStart } from "./checklist-html";
import { DiffView, DiffViewGroup, DiffViewItem, itemLine } from "./diff-view";
import { ColorName, painter } from "./format-stylish";
import { escapeHtml, terminalText, xmlCharacters } from "./safe-text";

const ITEM_COLOR: { [kind in DiffViewItem["kind"]]: ColorName } = {
  fixed: "green",
  new: "red",
  added: "green",
  removed: "red",
  changed: "yellow",
};

function transition(group: DiffViewGroup): string {
  if (group.clauseId === undefined) return "";
  return group.before === group.after ? group.after : `${group.before} → ${group.after}`;
}

export function renderDiffStylish(view: DiffView, color: boolean): string {
  const paint = painter(color);
  const separator = view.locale === "zh-cn" ? "：" : ": ";
  const lines = [
    paint("bold", view.title),
    ...view.facts.map((fact) => `  ${fact.label}${separator}${terminalText(fact.value)}`),
    "",
  ];
  for (const group of view.groups) {
    const status = transition(group);
    const mark = group.regression ? paint("red", "!! ") : "";
    lines.push(`${mark}${paint("bold", terminalText(group.heading))}${status ? `  ${status}` : ""}`);
    for (const entry of group.items)
      lines.push(
        `  ${paint(ITEM_COLOR[entry.kind], `${entry.mark} ${entry.label}`)}  ${itemLine(entry, view.locale, terminalText, terminalText)}`,
      );
    lines.push("");
  }
  if (view.regressionNote) lines.push(paint("red", view.regressionNote));
  lines.push(view.summary, "");
  return lines.join("\n");
}

/** Text in Markdown: characters that would start markup escaped, line breaks kept out. */
function markdownText(text: string): string {
  return xmlCharacters(text)
    .replace(/[\\`*_[\]<>|~]/g, (character) => `\\${character}`)
    .replace(/\r?\n/g, " ");
}

/** A code span: a backtick inside becomes ', as the checklist's Markdown does; no line breaks. */
function codeSpan(text: string): string {
  return `\`${xmlCharacters(text).replace(/`/g, "'").replace(/\r?\n/g, " ")}\``;
}

export function renderDiffMarkdown(view: DiffView): string {
  const separator = view.locale === "zh-cn" ? "：" : ": ";
  const lines = [
    `# ${markdownText(view.title)}`,
    "",
    view.facts.map((fact) => `**${markdownText(fact.label)}**${separator}${markdownText(fact.value)}`).join("  \n"),
    "",
  ];
  if (view.regressionNote) lines.push(`> **${markdownText(view.regressionNote)}**`, "");
  for (const group of view.groups) {
    const status = transition(group);
    lines.push(
      `## ${group.regression ? "❗ " : ""}${markdownText(group.heading)}${status ? ` — ${markdownText(status)}` : ""}`,
      "",
    );
    for (const entry of group.items)
      lines.push(
        `- **${entry.mark} ${markdownText(entry.label)}** ${itemLine(entry, view.locale, codeSpan, markdownText)}`,
      );
    if (group.items.length > 0) lines.push("");
  }
  lines.push(`*${markdownText(view.summary)}*`, "");
  return lines.join("\n");
}

const STYLE = `
  :root { color-scheme: light; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
         font-size: 10.5pt; line-height: 1.45; color: #111; margin: 2em; }
  h1 { font-size: 16pt; margin: 0 0 0.8em; }
  h2 { font-size: 12pt; margin: 1.2em 0 0.4em; }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; margin: 0 0 1.2em; }
  dl.facts dt { font-weight: bold; }
  dl.facts dd { margin: 0; }
  ul { margin: 0; padding-left: 1.2em; }
  .regression h2, p.regressions { color: #a4161a; }
  .item-fixed .label, .item-added .label { color: #14622d; }
  .item-new .label, .item-removed .label { color: #a4161a; }
  .item-changed .label { color: #8a5a00; }
  .label { font-weight: bold; }
  code { font-family: "Noto Sans Mono CJK SC", monospace; font-size: 9pt; }
`;

export function renderDiffHtml(view: DiffView): string {
  const lang = view.locale === "zh-cn" ? "zh-CN" : "en";
  const group = (entry: DiffViewGroup): string => {
    const status = transition(entry);
    return [
      `<section class="clause${entry.regression ? " regression" : ""}" data-clause="${escapeHtml(entry.clauseId ?? "")}" data-before="${escapeHtml(entry.statusBefore ?? "")}" data-after="${escapeHtml(entry.statusAfter ?? "")}">`,
      `<h2>${escapeHtml(entry.heading)}${status ? ` — ${escapeHtml(status)}` : ""}</h2>`,
      entry.items.length > 0
        ? `<ul>${entry.items
            .map(
              (item) =>
                `<li class="item-${item.kind}" data-code="${escapeHtml(item.code)}"><span class="label">${escapeHtml(`${item.mark} ${item.label}`)}</span> ${itemLine(item, view.locale, (text) => `<code>${escapeHtml(text)}</code>`, escapeHtml)}</li>`,
            )
            .join("")}</ul>`
        : "",
      "</section>",
    ].join("");
  };
  return [
    ...htmlPageStart(lang, view.title, STYLE, view.facts),
    ...(view.regressionNote ? [`<p class="regressions">${escapeHtml(view.regressionNote)}</p>`] : []),
    ...view.groups.map(group),
    `<p class="summary">${escapeHtml(view.summary)}</p>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
