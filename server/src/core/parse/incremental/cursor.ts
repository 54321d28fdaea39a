// The completion context of a cursor in a long dossier, read from the few lines that decide it: the list item
// (or top-level section) around the cursor, cut as the incremental parser cuts the text, instead of every line of
// the document. cursorContext reads lines top to bottom; a line starting a top-level key, or an item of a list at
// its indentation, leaves nothing open but that section or list, so reading from there gives the same answer for
// what lies inside it — paths are then put back under the list's own path and offsets moved. Anything else (the
// root mapping, the list level itself, a duplicated key, an unusual text) is read from the whole text.
// Pure: imports nothing but core modules; no vscode, no vscode-languageserver*, no fs.
import { CursorContext, cursorContext } from "../cursor-context";
import { DossierLayout, ListSlices, splitSections, splitTrailingList } from "./split";

/** Sections and lists shorter than this are read whole: windows only pay off on long texts. */
const WINDOW_MINIMUM_CHARS = 8192;

function moved(context: CursorContext, offset: number, path: CursorContext["path"]): CursorContext {
  return {
    ...context,
    path,
    replaceRange: { start: context.replaceRange.start + offset, end: context.replaceRange.end + offset },
  };
}

/** The list's own path, as cursorContext reads it from the head: a stand-in item typed right after the head. */
function listPath(head: string, indent: number): CursorContext["path"] | undefined {
  const probe = head + " ".repeat(indent) + "- x";
  const context = cursorContext(probe, probe.length);
  if (!context || context.kind !== "list-value" || context.path.length === 0) return undefined;
  return context.path.slice(0, -1);
}

/** The context from the item that holds the cursor, when that item alone decides it. */
function fromItem(
  sectionStart: number,
  section: string,
  list: ListSlices | undefined,
  cursor: number,
): CursorContext | undefined {
  if (!list) return undefined;
  const relative = cursor - sectionStart;
  let index = list.itemStarts.length - 1;
  while (index >= 0 && list.itemStarts[index] > relative) index--;
  if (index < 0) return undefined;
  const head = section.slice(0, list.itemStarts[0]);
  // The same key twice at the list key's indentation: cursorContext would number the items after the first list's.
  const key = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(section.slice(list.attachKeyOffset))?.[0];
  const keyIndent = list.attachKeyOffset - (section.lastIndexOf("\n", list.attachKeyOffset - 1) + 1);
  if (!key || (head.match(new RegExp(`^ {${keyIndent}}${key}\\s*:`, "gm")) ?? []).length !== 1) return undefined;
  const path = listPath(head, list.indent);
  if (!path) return undefined;
  const start = list.itemStarts[index];
  const end = index + 1 < list.itemStarts.length ? list.itemStarts[index + 1] : section.length;
  const context = cursorContext(section.slice(start, end), relative - start);
  if (!context || context.keyColumn <= list.indent || context.path[0] !== 0) return undefined;
  if (context.path.length < 2 && context.kind !== "key") return undefined;
  return moved(context, sectionStart + start, [...path, index, ...context.path.slice(1)]);
}

/**
 * cursorContext(text, offset), reading only the lines around the cursor when that gives the same answer. `layout`
 * (from the incremental parse of this very text) saves finding the sections and lists again.
 */
export function cursorContextNear(text: string, offset: number, layout?: DossierLayout): CursorContext | undefined {
  if (text.length < WINDOW_MINIMUM_CHARS) return cursorContext(text, offset);
  const cursor = Math.max(0, Math.min(offset, text.length));
  const sections: DossierLayout["sections"] | undefined = layout?.sections ?? splitSections(text);
  const section = sections?.find(
    (candidate) => candidate.start <= cursor && (cursor < candidate.end || candidate.end === text.length),
  );
  const lineStart = text.lastIndexOf("\n", cursor - 1) + 1;
  if (!section || lineStart <= section.keyOffset) return cursorContext(text, offset);
  const sectionText = text.slice(section.start, section.end);
  const list =
    sectionText.length < WINDOW_MINIMUM_CHARS ? undefined : layout ? section.list : splitTrailingList(sectionText, 1);
  const item = fromItem(section.start, sectionText, list, cursor);
  if (item) return item;
  const context = cursorContext(sectionText, cursor - section.start);
  if (!context || context.path.length === 0) return cursorContext(text, offset);
  return moved(context, section.start, context.path);
}
