// Incremental parsing for one open document: the text is cut into its top-level sections (and a long section's
// trailing list into its items, parse/incremental/split.ts); a piece whose text did not change is reused — its yaml
// nodes moved, its plain value kept — and only changed pieces are parsed again (parse/incremental/chunk.ts). The result
// is what parseDossier(text) returns: the same value, findings and node ranges. Whenever that cannot be
// guaranteed (anchors, aliases, directives, `---`, a flow or list root, unusual keys at column 0, duplicate
// top-level keys, YAML errors that may reach into the next piece) the whole text is parsed instead. Either way the
// parse runs behind parseGuarded's guards, whose document checks use what each piece knows of itself.
// Pure: imports only `yaml` and core modules; no vscode, no vscode-languageserver*, no fs.
import { Document, isMap, isScalar, Pair, ParsedNode, YAMLError, YAMLMap, YAMLSeq, YAMLWarning } from "yaml";
import { Chunk } from "./chunk";
import {
  DossierLayout,
  ListSlices,
  previousStart,
  SectionSlice,
  splitSections,
  splitTrailingList,
  TextChange,
} from "./split";
import { ComposedShape, IncrementalGuards } from "./guards";
import { PARSE_OPTIONS, ParsedDossier, parseGuarded, parseYamlDossier, yamlFindings } from "../parse";

/** A section at least this long whose value ends with a list of at least LIST_MINIMUM_ITEMS items is cut into items. */
const LIST_SECTION_MINIMUM_CHARS = 2048;
const LIST_MINIMUM_ITEMS = 8;

export interface UpdateStatistics {
  /** "incremental" when pieces were composed; "full" when the whole text was parsed (and why). */
  mode: "incremental" | "full";
  reason?: string;
  parsedPieces: number;
  reusedPieces: number;
}

/** Where a list goes in its head: the pair whose value it is, the maps that end with it, and the keys to it. */
interface Attachment {
  pair: Pair;
  maps: YAMLMap[];
  keys: string[];
}

interface Section {
  start: number;
  end: number;
  key: string;
  /** Offset of the key at column 0, from the section's start. */
  keyOffset: number;
  /** Where the list's items start, from the section's start (a list section only). */
  listSlices?: ListSlices;
  pair: Pair;
  value: unknown;
  /** Every piece, in text order: the section's one piece, or the list's head and then its items. */
  pieces: Chunk[];
  list?: { attachment: Attachment; seq: YAMLSeq };
}

function isEmptyScalar(node: unknown): boolean {
  return node === null || (isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1]);
}

/** The pair at the end of the head that holds the list (a bare `key:` at `keyOffset`), and the maps leading to it. */
function findAttachment(head: Chunk, keyOffset: number): Attachment | undefined {
  const maps: YAMLMap[] = [];
  const keys: string[] = [];
  let node: unknown = head.root;
  while (isMap(node) && !node.flow && node.items.length > 0) {
    maps.push(node);
    const pair = node.items[node.items.length - 1];
    if (!isScalar(pair.key) || typeof pair.key.value !== "string" || pair.key.value === "__proto__" || !pair.key.range)
      return undefined;
    keys.push(pair.key.value);
    if (pair.key.range[0] === keyOffset) {
      const value = pair.value;
      const empty = isEmptyScalar(value) && !(isScalar(value) && (value.tag || value.anchor));
      return empty ? { pair, maps, keys } : undefined;
    }
    node = pair.value;
  }
  return undefined;
}

/** The single pair of a section's own document, when it is the expected key at the expected offset. */
function sectionPair(chunk: Chunk, key: string, keyOffset: number): Pair | undefined {
  const root = chunk.root;
  if (!isMap(root) || root.flow || root.items.length !== 1) return undefined;
  const pair = root.items[0];
  if (!isScalar(pair.key) || pair.key.value !== key || pair.key.range?.[0] !== keyOffset) return undefined;
  return pair;
}

/** The largest index below `count` whose start (`startAt`, rising with the index) is at or before `offset`; -1 if none. */
function lastAtOrBefore(count: number, startAt: (index: number) => number, offset: number): number {
  let low = 0;
  let high = count - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (startAt(middle) <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** The index in `section.pieces` of the last piece that starts at or before `offset` (0: the head, or the section's
 * one piece). */
function pieceIndexAt(section: Section, offset: number): number {
  const itemStarts = section.list ? section.listSlices!.itemStarts : [];
  return 1 + lastAtOrBefore(itemStarts.length, (index) => itemStarts[index], offset - section.start);
}

/** Puts a list section together: the items' nodes into one sequence attached to the head, and the plain value. */
function composeList(section: Section, withValue: boolean): void {
  const list = section.list!;
  const pieces = section.pieces;
  const head = pieces[0];
  const first = pieces[1].listRange;
  const last = pieces[pieces.length - 1].listRange;
  list.seq.range = [first[0], last[1], last[2]];
  head.attach(list.attachment.pair, list.seq);
  for (const map of list.attachment.maps) {
    map.range![1] = list.seq.range[1];
    map.range![2] = list.seq.range[2];
  }
  if (!withValue) return;
  const keys = list.attachment.keys;
  const root: { [key: string]: unknown } = { ...(head.value as { [key: string]: unknown }) };
  let target = root;
  for (let index = 0; index < keys.length - 1; index++) {
    const copy = { ...(target[keys[index]] as { [key: string]: unknown }) };
    target[keys[index]] = copy;
    target = copy;
  }
  target[keys[keys.length - 1]] = pieces.slice(1).map((item) => item.value);
  section.value = root[section.key];
}

export class IncrementalParser {
  /** The text the kept sections' ranges refer to. */
  private keptText = "";
  /** The sections of the last composed parse, in text order (their pieces are found through them). */
  private keptSections: Section[] = [];
  private statistics: UpdateStatistics = { mode: "full", parsedPieces: 0, reusedPieces: 0 };

  /** How the last update was done (for tests and the benchmark). */
  get lastUpdate(): UpdateStatistics {
    return this.statistics;
  }

  /** What the pieces of the last parse hold, for the guards (undefined after a full parse). */
  private composedShape: ComposedShape | undefined;
  private readonly guards = new IncrementalGuards(() => this.composedShape);

  /** Parses the new text of the document, reusing what did not change since the last update. */
  update(text: string): ParsedDossier {
    try {
      return parseGuarded(text, (guarded) => this.parse(guarded), this.guards);
    } finally {
      this.guards.finishUpdate();
    }
  }

  private parse(text: string): ParsedDossier {
    const change = this.guards.change(this.keptText, text);
    const slices = splitSections(text);
    if (!slices) return this.fullParse(text, "not cut into sections");
    // Nothing in common with the kept text: nothing can be reused, so let it go before parsing the new one.
    if (change.prefix === 0 && change.suffixStart === text.length) this.keep("", []);
    const counts = { parsed: 0, reused: 0 };
    const plans: Array<Section | { slice: SectionSlice; build: () => Section | undefined }> = [];
    for (const slice of slices) {
      const old = this.reusableSection(change, slice);
      if (old) {
        plans.push(old);
        counts.reused += old.pieces.length;
      } else {
        plans.push({ slice, build: () => this.buildSection(text, slice, change, counts) });
      }
    }
    // Parse the changed sections first: reused ones are moved only when the result will be composed.
    const built = new Map<number, Section>();
    for (const plan of plans) {
      if ("build" in plan) {
        const section = plan.build();
        if (!section) return this.fullParse(text, "a piece does not parse on its own as in the whole");
        built.set(plan.slice.start, section);
      }
    }
    const sections = plans.map((plan, index) =>
      "build" in plan ? built.get(plan.slice.start)! : this.moveSection(plan, slices[index].start),
    );
    this.keep(text, sections);
    this.statistics = { mode: "incremental", parsedPieces: counts.parsed, reusedPieces: counts.reused };
    return this.compose(text, sections);
  }

  private fullParse(text: string, reason: string): ParsedDossier {
    this.statistics = { mode: "full", reason, parsedPieces: 1, reusedPieces: 0 };
    this.composedShape = undefined;
    return parseYamlDossier(text);
  }

  private keep(text: string, sections: Section[]): void {
    this.keptText = text;
    this.keptSections = sections;
  }

  /** The index of the last kept section that starts at or before `offset` of the kept text (-1 when none does). */
  private keptSectionIndexAt(offset: number): number {
    return lastAtOrBefore(this.keptSections.length, (index) => this.keptSections[index].start, offset);
  }

  /** The kept section that starts at `start` of the kept text, or else the one that holds it. */
  private keptSectionAt(start: number): Section | undefined {
    const section = this.keptSections[this.keptSectionIndexAt(start)];
    return section && start < section.end ? section : undefined;
  }

  /** The kept piece that starts at `start` of the kept text (pieces start where the kept layout says). */
  private keptPieceAt(start: number): Chunk | undefined {
    const section = this.keptSectionAt(start);
    if (!section) return undefined;
    const index = pieceIndexAt(section, start);
    const pieceStart = index === 0 ? section.start : section.start + section.listSlices!.itemStarts[index - 1];
    return pieceStart === start ? section.pieces[index] : undefined;
  }

  private reusableSection(change: TextChange, slice: SectionSlice): Section | undefined {
    const start = previousStart(change, slice.start, slice.end);
    if (start === undefined) return undefined;
    const old = this.keptSectionAt(start);
    return old && old.start === start && old.end - old.start === slice.end - slice.start && old.key === slice.key
      ? old
      : undefined;
  }

  /**
   * A piece of the new text [start, end): the kept one when that text is unchanged (and it was kept as the same
   * kind of piece), else a new parse.
   */
  private piece(
    text: string,
    start: number,
    end: number,
    change: TextChange,
    counts: { parsed: number; reused: number },
    listItem: boolean,
  ): Chunk {
    const previous = previousStart(change, start, end);
    const old = previous === undefined ? undefined : this.keptPieceAt(previous);
    if (old && old.length === end - start && old.isListItem === listItem) {
      counts.reused++;
      old.detach();
      return old;
    }
    counts.parsed++;
    // With nothing kept, every piece is new: they all keep the one text, as good as a copy each (and cheaper).
    return new Chunk(text.slice(start, end), start, this.keptSections.length > 0);
  }

  private buildSection(
    text: string,
    slice: SectionSlice,
    change: TextChange,
    counts: { parsed: number; reused: number },
  ): Section | undefined {
    const sectionText = text.slice(slice.start, slice.end);
    const list =
      sectionText.length >= LIST_SECTION_MINIMUM_CHARS ? splitTrailingList(sectionText, LIST_MINIMUM_ITEMS) : undefined;
    if (list) {
      const section = this.buildListSection(text, slice, list, change, counts);
      if (section) return section;
    }
    const chunk = this.piece(text, slice.start, slice.end, change, counts, false);
    chunk.moveTo(slice.start);
    const last = slice.end === text.length;
    const composable = last ? chunk.composableAtEnd : chunk.composableBefore({ kind: "section" });
    const pair = composable ? sectionPair(chunk, slice.key, slice.keyOffset) : undefined;
    if (!pair) return undefined;
    // An empty top-level value followed by comments ends, in the whole, where the next key's lookahead says.
    if (
      !last &&
      isEmptyScalar(pair.value) &&
      sectionText.includes("#", slice.keyOffset - slice.start + slice.key.length)
    )
      return undefined;
    const value = (chunk.value as { [key: string]: unknown })[slice.key];
    return {
      start: slice.start,
      end: slice.end,
      key: slice.key,
      keyOffset: slice.keyOffset - slice.start,
      pair,
      value,
      pieces: [chunk],
    };
  }

  private buildListSection(
    text: string,
    slice: SectionSlice,
    list: ListSlices,
    change: TextChange,
    counts: { parsed: number; reused: number },
  ): Section | undefined {
    const head = this.piece(text, slice.start, slice.start + list.itemStarts[0], change, counts, false);
    head.moveTo(slice.start);
    const attachment =
      head.composableAtEnd && head.errors.length === 0
        ? findAttachment(head, slice.start + list.attachKeyOffset)
        : undefined;
    const pair = attachment ? sectionPair(head, slice.key, slice.keyOffset) : undefined;
    if (!attachment || !pair) return undefined;
    const pieces: Chunk[] = [head];
    const nodes: unknown[] = [];
    for (let index = 0; index < list.itemStarts.length; index++) {
      const start = slice.start + list.itemStarts[index];
      // An item ends where the next one's dash is: yaml ends the last node of an item there, past the indentation.
      const end =
        index + 1 < list.itemStarts.length ? slice.start + list.itemStarts[index + 1] + list.indent : slice.end;
      const item = this.piece(text, start, end, change, counts, true);
      item.moveTo(start);
      const atEnd = end === text.length;
      const composable = atEnd ? item.composableAtEnd : item.composableBefore({ kind: "item", indent: list.indent });
      if (!composable || !item.listItem(list.indent, atEnd ? "at end" : "inside")) return undefined;
      pieces.push(item);
      nodes.push(item.root);
    }
    const seq = new YAMLSeq((head.root as YAMLMap).schema);
    seq.items = nodes;
    const section: Section = {
      start: slice.start,
      end: slice.end,
      key: slice.key,
      keyOffset: slice.keyOffset - slice.start,
      listSlices: list,
      pair,
      value: undefined,
      pieces,
      list: { attachment, seq },
    };
    composeList(section, true);
    return section;
  }

  /** A kept section moved to its new start. */
  private moveSection(section: Section, start: number): Section {
    // Each piece goes where the layout puts it (a failed update may have moved a piece it was going to reuse).
    const pieces = section.pieces;
    pieces[0].moveTo(start);
    const itemStarts = section.list ? section.listSlices!.itemStarts : [];
    for (let index = 1; index < pieces.length; index++) pieces[index].moveTo(start + itemStarts[index - 1]);
    // Composed again even when not moved: a failed update may have taken the list off its head.
    if (section.list) composeList(section, false);
    section.end += start - section.start;
    section.start = start;
    return section;
  }

  private compose(text: string, sections: Section[]): ParsedDossier {
    const firstPiece = sections[0].pieces[0];
    const lastSection = sections[sections.length - 1];
    const lastPiece = lastSection.pieces[lastSection.pieces.length - 1];
    const firstRoot = firstPiece.root as YAMLMap;
    const lastRoot = lastSection.pieces[0].root as YAMLMap;
    const root = new YAMLMap<ParsedNode, ParsedNode | null>(firstRoot.schema) as YAMLMap.Parsed;
    root.items = sections.map((section) => section.pair as Pair<ParsedNode, ParsedNode | null>);
    root.range = [firstRoot.range![0], lastRoot.range![1], lastRoot.range![2]];
    const errors: YAMLError[] = [];
    const warnings: YAMLWarning[] = [];
    const value: { [key: string]: unknown } = {};
    const shape = { depth: 1, hasReferenceKey: false };
    for (const section of sections) {
      // An item's own root stands for the list, which lies as deep as the maps above it plus one.
      const itemDepthOffset = section.list ? section.list.attachment.maps.length : 0;
      for (const piece of section.pieces) {
        errors.push(...piece.errors);
        warnings.push(...piece.warnings);
        const offset = section.list && piece !== section.pieces[0] ? itemDepthOffset : 0;
        shape.depth = Math.max(shape.depth, piece.depth + offset);
        shape.hasReferenceKey ||= piece.hasReferenceKey;
      }
      value[section.key] = section.value;
    }
    this.composedShape = shape;
    const document = new Document(undefined, PARSE_OPTIONS) as Document.Parsed;
    document.contents = root;
    document.errors = errors;
    document.warnings = warnings;
    document.range = [firstPiece.documentStart, root.range[2], lastPiece.documentEnd];
    const layout: DossierLayout = {
      sections: sections.map((section) => ({
        start: section.start,
        end: section.end,
        keyOffset: section.start + section.keyOffset,
        key: section.key,
        list: section.listSlices,
      })),
    };
    return { text, document, value, findings: yamlFindings(text, errors, warnings), layout };
  }
}
