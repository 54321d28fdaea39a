// "Waive this finding…" in the configuration file (the file form of check/waivers.ts): the entry a finding's waiver
// is, and the configuration text with that entry appended to its `waivers` list — edited through the `yaml`
// package's Document API, so that the user's comments and the other entries survive — or a new file's text. Pure:
// the client (client/src/waive-finding.ts) reads the file and applies the result as an undoable WorkspaceEdit.
import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import { CONFIG_FILE_NAME } from "../check/config/config-model";
import type { JsonPath } from "../types";
import { textChange } from "../parse/incremental/split";

export { CONFIG_FILE_NAME };

/** One entry of a configuration file's `waivers` list, in the order its keys are written. */
export interface ConfigWaiverEntry {
  rule: string;
  clause?: string;
  /** The dossier, relative to the configuration file's folder, with forward slashes. */
  dossier: string;
  /** The node the finding is in, in the dossier's own words (`tools[3].name`); none when it cannot be written so. */
  path?: string;
  justification: string;
  approvedBy: string;
  expires: string;
}

/** The header of a configuration file the quick fix creates. */
const NEW_FILE_HEADER =
  "# isv-dossier 配置文件：本文件夹及其下各级文件夹中的申请材料都按此配置检查（编辑器与命令行相同）。\n" +
  "# The isv-dossier configuration file: every dossier in this folder and below is checked with it (editor and CLI alike).\n\n";

/** A JSON path as the file form's `path` reads it (`performance.projects[3]`); undefined when a key cannot be written
 * so (a key with a dot, a bracket or spaces at its ends) or the path is empty. */
export function dossierPathText(path: JsonPath): string | undefined {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") {
      if (text === "") return undefined;
      text += `[${segment}]`;
    } else {
      if (segment === "" || /[.[\]]/.test(segment) || segment.trim() !== segment) return undefined;
      text += text === "" ? segment : `.${segment}`;
    }
  }
  return text === "" ? undefined : text;
}

/** The entry as plain data, its keys in order, the optional ones only when set. */
function entryData(entry: ConfigWaiverEntry): { [key: string]: string } {
  const data: { [key: string]: string } = { rule: entry.rule };
  if (entry.clause) data.clause = entry.clause;
  data.dossier = entry.dossier;
  if (entry.path) data.path = entry.path;
  data.justification = entry.justification.replace(/[\r\n]+/g, " ").trim();
  data.approvedBy = entry.approvedBy.replace(/[\r\n]+/g, " ").trim();
  data.expires = entry.expires;
  return data;
}

/**
 * The configuration text with the entry appended to its `waivers` list (created when absent), or a new file's text
 * when there is none (`undefined` or blank). Undefined when the file cannot be edited safely — it does not parse,
 * its top level is not a mapping, or `waivers` is something other than a list — so that nothing of the user's is
 * overwritten; and undefined too when anything but the new entry would change in what the file says.
 */
export function appendConfigWaiver(configText: string | undefined, entry: ConfigWaiverEntry): string | undefined {
  const data = entryData(entry);
  if (configText === undefined || configText.trim() === "") {
    const created = parseDocument(NEW_FILE_HEADER + "waivers: []\n");
    created.set("waivers", created.createNode([data]));
    return created.toString({ lineWidth: 0 });
  }
  const document = parseDocument(configText);
  if (document.errors.length > 0) return undefined;
  const before: unknown = document.toJS();
  if (document.contents === null) {
    // a file of comments only: its comments stay where the document keeps them
    (document as { contents: unknown }).contents = document.createNode({ waivers: [data] });
  } else {
    if (!isMap(document.contents)) return undefined;
    const waivers = document.get("waivers", true);
    if (waivers === undefined || waivers === null || (isScalar(waivers) && waivers.value === null)) {
      const list = document.createNode([data]);
      // `waivers:` with nothing after it but a comment: the comment stays, above the list
      if (isScalar(waivers) && waivers.comment) list.commentBefore = waivers.comment;
      document.set("waivers", list);
    } else if (isSeq(waivers)) waivers.items.push(document.createNode(data));
    else return undefined;
  }
  const text = document.toString({ lineWidth: 0 });
  // what the file says after the edit: what it said, and the one entry more
  const after = parseDocument(text);
  if (after.errors.length > 0) return undefined;
  const expected =
    before !== null && typeof before === "object" ? { ...(before as object) } : ({} as { [key: string]: unknown });
  const previous = (expected as { waivers?: unknown }).waivers;
  (expected as { waivers: unknown[] }).waivers = [...(Array.isArray(previous) ? previous : []), data];
  // (key order included: the list stays where it was, a new one goes last)
  return JSON.stringify(after.toJS()) === JSON.stringify(expected) ? text : undefined;
}

/** The smallest replacement that turns `before` into `after`: offsets into `before`, and the text put there. */
export function minimalReplacement(before: string, after: string): { start: number; end: number; text: string } {
  const change = textChange(before, after);
  return {
    start: change.prefix,
    end: change.suffixStart - change.delta,
    text: after.slice(change.prefix, change.suffixStart),
  };
}
