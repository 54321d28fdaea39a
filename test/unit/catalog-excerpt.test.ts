// The clause catalog (schemas/ccrc-isv-c01-2025/clauses.yaml) against our text of the specification
// (schemas/ccrc-isv-c01-2025/excerpt.txt): every heading of the table of contents, every section and lettered item
// of the excerpt's body with its Chinese text character for character, and the provenance rules of the catalog.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

const SCHEMA_DIR = path.join("schemas", "ccrc-isv-c01-2025");

/** The repository root: the first directory above this file with a package.json and the schema folder; else cwd. */
function findRepoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, SCHEMA_DIR))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

const ROOT = findRepoRoot();
const EXCERPT_PATH = path.join(ROOT, SCHEMA_DIR, "excerpt.txt");
const SHARED_EXCERPT_PATH = path.join(ROOT, "..", "shared", "spec", "CCRC-ISV-C01-2025.excerpt.txt");
const CATALOG_PATH = path.join(ROOT, SCHEMA_DIR, "clauses.yaml");
const CATEGORIES_PATH = path.join(ROOT, SCHEMA_DIR, "categories.yaml");

// ---------------------------------------------------------------------------------------------------------------
// The excerpt

interface TocEntry {
  id: string; // "4.1.3", "A"
  number: string; // as printed: "4.1.3.", "附录 A"
  title: string;
  page: number;
  annexKind?: string; // "规范性附录"
}

interface ExcerptItem {
  letter: string;
  text: string;
}

interface ExcerptSection {
  id: string;
  title: string;
  paragraphs: string[];
  items: ExcerptItem[];
}

interface Excerpt {
  source: string;
  titleBlock: string[];
  toc: TocEntry[];
  sections: ExcerptSection[];
}

const TOC_SECTION = /^(\d+(?:\.\d+)*)\. (\S.*)\t(\d+)$/;
const TOC_ANNEX = /^附录 ([A-Z])(?:（([^）]+)）)?：\s*(\S.*)\t(\d+)$/;
const BODY_HEADING = /^(\d+(?:\.\d+)*)\. (\S.*)$/;
const BODY_ITEM = /^- ([a-z])\) (.*)$/;

function parseExcerpt(source: string): Excerpt {
  assert.ok(!source.includes("\r"), "excerpt: unexpected carriage return");
  const lines = source.split("\n");
  const tocStart = lines.indexOf("目录");
  assert.ok(tocStart > 0, "excerpt: no 目录 line");
  const titleBlock = lines.slice(0, tocStart).filter((l) => l !== "");

  const toc: TocEntry[] = [];
  let i = tocStart + 1;
  for (; i < lines.length && (lines[i] === "" || lines[i].includes("\t")); i++) {
    const line = lines[i];
    if (line === "") continue;
    const s = TOC_SECTION.exec(line);
    if (s) {
      toc.push({ id: s[1], number: `${s[1]}.`, title: s[2], page: Number(s[3]) });
      continue;
    }
    const a = TOC_ANNEX.exec(line);
    assert.ok(a, `excerpt: table of contents line ${i + 1} has an unknown form: ${JSON.stringify(line)}`);
    const entry: TocEntry = { id: a[1], number: `附录 ${a[1]}`, title: a[3], page: Number(a[4]) };
    if (a[2] !== undefined) entry.annexKind = a[2];
    toc.push(entry);
  }
  const tocIds = new Set(toc.map((e) => e.id));

  const sections: ExcerptSection[] = [];
  let current: ExcerptSection | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line === "") continue;
    const h = BODY_HEADING.exec(line);
    if (h) {
      assert.ok(tocIds.has(h[1]), `excerpt: body heading ${h[1]} (line ${i + 1}) is not in the table of contents`);
      current = { id: h[1], title: h[2], paragraphs: [], items: [] };
      sections.push(current);
      continue;
    }
    assert.ok(current, `excerpt: text before the first body heading (line ${i + 1})`);
    const it = BODY_ITEM.exec(line);
    if (it) {
      const expected = String.fromCharCode("a".charCodeAt(0) + current.items.length);
      assert.equal(it[1], expected, `excerpt: item ${it[1]}) of ${current.id} out of order (line ${i + 1})`);
      current.items.push({ letter: it[1], text: it[2] });
    } else {
      current.paragraphs.push(line);
    }
  }
  return { source, titleBlock, toc, sections };
}

// ---------------------------------------------------------------------------------------------------------------
// The catalog

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function nonEmptyString(v: unknown): v is string {
  return typeof v === "string" && v.trim() !== "";
}

interface Bilingual {
  zh: string;
  en: string;
}

/** A { zh, en } pair with both strings non-empty, or a failed assertion naming `where`. */
function bilingual(v: unknown, where: string): Bilingual {
  assert.ok(isObj(v), `${where}: expected { zh, en }`);
  const { zh, en } = v;
  assert.ok(nonEmptyString(zh), `${where}.zh: expected a non-empty string`);
  assert.ok(nonEmptyString(en), `${where}.en: expected a non-empty string`);
  return { zh, en };
}

interface Catalog {
  edition: Obj;
  clauses: Obj[];
  byId: Map<string, Obj>;
  duplicates: string[];
}

function loadCatalog(): Catalog {
  const doc: unknown = parse(readFileSync(CATALOG_PATH, "utf8"));
  assert.ok(isObj(doc), "clauses.yaml: expected a mapping at the top");
  assert.ok(isObj(doc.edition), "clauses.yaml: expected an edition mapping");
  const list = doc.clauses;
  assert.ok(Array.isArray(list), "clauses.yaml: expected a clauses list");
  const clauses: Obj[] = [];
  const byId = new Map<string, Obj>();
  const duplicates: string[] = [];
  list.forEach((c: unknown, n: number) => {
    assert.ok(isObj(c), `clauses[${n}]: expected a mapping`);
    assert.ok(nonEmptyString(c.id), `clauses[${n}]: expected a string id`);
    if (byId.has(c.id)) duplicates.push(c.id);
    byId.set(c.id, c);
    clauses.push(c);
  });
  return { edition: doc.edition, clauses, byId, duplicates };
}

function idOf(c: Obj): string {
  return String(c.id);
}

/** The parent an id implies: "4.1.3.a" → "4.1.3", "4.1" → "4", "4" → null, "A" → null. */
function impliedParent(id: string): string | null {
  if (/^[A-Z]$/.test(id)) return null;
  const cut = id.lastIndexOf(".");
  return cut < 0 ? null : id.slice(0, cut);
}

const PROVENANCES = new Set(["excerpt", "public-summary", "structure-only"]);
const CHECKS = new Set(["schema", "rule", "manual", "informative"]);
const ITEM_NUMBER = /^[a-z]\)$/;

const excerpt = parseExcerpt(readFileSync(EXCERPT_PATH, "utf8"));
const catalog = loadCatalog();

// ---------------------------------------------------------------------------------------------------------------

test("the excerpt parses into a table of contents and body sections", () => {
  const tocIds = excerpt.toc.map((e) => e.id);
  for (const id of ["1", "3.8", "4.3.6", "5.7", "A", "G", "H", "I"]) {
    assert.ok(tocIds.includes(id), `table of contents lacks ${id}`);
  }
  assert.equal(new Set(tocIds).size, tocIds.length, "table of contents repeats a heading");
  assert.ok(excerpt.sections.length > 0, "no body sections");
  const tocById = new Map(excerpt.toc.map((e) => [e.id, e]));
  for (const s of excerpt.sections) {
    assert.equal(s.title, tocById.get(s.id)?.title, `body heading ${s.id} differs from its table of contents title`);
  }
});

test("every excerpt section and item is in the catalog with its exact text", () => {
  const fromExcerpt = new Set<string>();
  for (const s of excerpt.sections) {
    fromExcerpt.add(s.id);
    const c = catalog.byId.get(s.id);
    assert.ok(c, `catalog lacks excerpt section ${s.id}`);
    assert.equal(c.provenance, "excerpt", `${s.id}: provenance`);
    assert.equal(c.number, `${s.id}.`, `${s.id}: number`);
    if (s.paragraphs.length > 0) {
      const text = bilingual(c.text, `${s.id}.text`);
      assert.equal(text.zh, s.paragraphs.join("\n"), `${s.id}: text.zh differs from the excerpt`);
    } else {
      assert.equal(c.text, undefined, `${s.id}: the excerpt has no text of its own for this section`);
    }
    for (const item of s.items) {
      const id = `${s.id}.${item.letter}`;
      fromExcerpt.add(id);
      const ci = catalog.byId.get(id);
      assert.ok(ci, `catalog lacks excerpt item ${id}`);
      assert.equal(ci.provenance, "excerpt", `${id}: provenance`);
      assert.equal(ci.parent, s.id, `${id}: parent`);
      assert.equal(ci.number, `${item.letter})`, `${id}: number`);
      const text = bilingual(ci.text, `${id}.text`);
      assert.equal(text.zh, item.text, `${id}: text.zh differs from the excerpt`);
    }
  }
  for (const c of catalog.clauses) {
    if (c.provenance === "excerpt") {
      assert.ok(fromExcerpt.has(idOf(c)), `${idOf(c)}: provenance excerpt, but the excerpt's body has no such clause`);
    }
  }
});

test("every table of contents heading is in the catalog with its title and page", () => {
  const inBody = new Set(excerpt.sections.map((s) => s.id));
  const tocIds = new Set<string>();
  for (const e of excerpt.toc) {
    tocIds.add(e.id);
    const c = catalog.byId.get(e.id);
    assert.ok(c, `catalog lacks heading ${e.number} ${e.title}`);
    const title = bilingual(c.title, `${e.id}.title`);
    assert.equal(title.zh, e.title, `${e.id}: title differs from the table of contents`);
    assert.equal(c.number, e.number, `${e.id}: number`);
    assert.equal(c.page, e.page, `${e.id}: page`);
    if (e.annexKind === undefined) {
      assert.equal(c.annex_kind, undefined, `${e.id}: the table of contents gives no annex kind`);
    } else {
      assert.equal(bilingual(c.annex_kind, `${e.id}.annex_kind`).zh, e.annexKind, `${e.id}: annex_kind`);
    }
    if (!inBody.has(e.id)) {
      assert.notEqual(
        c.provenance,
        "excerpt",
        `${e.id}: not in the excerpt's body, so it cannot be provenance excerpt`,
      );
    }
  }
  // Anything else in the catalog is a lettered item under a heading, without title or page of its own.
  for (const c of catalog.clauses) {
    const id = idOf(c);
    if (tocIds.has(id)) continue;
    assert.ok(typeof c.number === "string" && ITEM_NUMBER.test(c.number), `${id}: neither a heading nor an item`);
    assert.ok(typeof c.parent === "string" && tocIds.has(c.parent), `${id}: an item's parent must be a heading`);
    assert.equal(c.page, undefined, `${id}: items have no page`);
  }
});

test("provenance decides between text, summary and neither", () => {
  for (const c of catalog.clauses) {
    const id = idOf(c);
    assert.ok(typeof c.provenance === "string" && PROVENANCES.has(c.provenance), `${id}: unknown provenance`);
    switch (c.provenance) {
      case "excerpt":
        assert.equal(c.summary, undefined, `${id}: an excerpt clause has no summary`);
        if (c.text !== undefined) bilingual(c.text, `${id}.text`);
        break;
      case "public-summary": {
        assert.equal(c.text, undefined, `${id}: a public-summary clause must not carry text`);
        const summary = bilingual(c.summary, `${id}.summary`);
        assert.ok(!excerpt.source.includes(summary.zh), `${id}: a summary must not read as a quote of the excerpt`);
        break;
      }
      default:
        assert.equal(c.text, undefined, `${id}: a structure-only clause has no text`);
        assert.equal(c.summary, undefined, `${id}: a structure-only clause has no summary`);
    }
  }
});

test("ids are unique; parents, counterparts, checks, levels and categories are valid", () => {
  assert.deepEqual(catalog.duplicates, [], "duplicate clause ids");
  const categoriesDoc: unknown = parse(readFileSync(CATEGORIES_PATH, "utf8"));
  assert.ok(isObj(categoriesDoc) && isObj(categoriesDoc.categories), "categories.yaml: expected a categories mapping");
  const categoryIds = new Set(Object.keys(categoriesDoc.categories));
  for (const c of catalog.clauses) {
    const id = idOf(c);
    assert.equal(c.parent, impliedParent(id), `${id}: parent`);
    if (c.parent !== null) assert.ok(catalog.byId.has(String(c.parent)), `${id}: parent ${String(c.parent)} not found`);
    if (c.counterpart !== undefined) {
      assert.ok(typeof c.counterpart === "string" && c.counterpart !== id, `${id}: counterpart must be another id`);
      const target = catalog.byId.get(c.counterpart);
      assert.ok(target, `${id}: counterpart ${c.counterpart} not found`);
      assert.equal(target.provenance, "excerpt", `${id}: counterpart ${c.counterpart} must be known from the excerpt`);
    }
    assert.ok(Array.isArray(c.check) && c.check.length > 0, `${id}: check must be a non-empty list`);
    for (const k of c.check as unknown[])
      assert.ok(typeof k === "string" && CHECKS.has(k), `${id}: unknown check ${String(k)}`);
    if (c.levels !== undefined) {
      assert.ok(Array.isArray(c.levels) && c.levels.length > 0, `${id}: levels must be a non-empty list`);
      for (const l of c.levels as unknown[])
        assert.ok(l === 1 || l === 2 || l === 3, `${id}: unknown level ${String(l)}`);
    }
    if (c.categories !== "all") {
      assert.ok(Array.isArray(c.categories) && c.categories.length > 0, `${id}: categories must be "all" or a list`);
      for (const k of c.categories as unknown[]) {
        assert.ok(typeof k === "string" && categoryIds.has(k), `${id}: unknown category ${String(k)}`);
      }
    }
  }
});

test("the edition matches the excerpt's title block", () => {
  const block = excerpt.titleBlock;
  const code = block.map((l) => /^文件编码：(.+)$/.exec(l)).find((m) => m !== null);
  assert.ok(code, "title block: no 文件编码 line");
  assert.equal(catalog.edition.id, code[1], "edition.id");
  const date = (word: string): string => {
    const m = block.map((l) => new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2}) ${word}$`).exec(l)).find((x) => x !== null);
    assert.ok(m, `title block: no ${word} date`);
    return `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  };
  assert.equal(catalog.edition.published, date("发布"), "edition.published");
  assert.equal(catalog.edition.effective, date("实施"), "edition.effective");
  const issuer = bilingual(catalog.edition.issuer, "edition.issuer");
  assert.ok(block.includes(`${issuer.zh}发布`), "edition.issuer.zh differs from the title block");
  const title = bilingual(catalog.edition.title, "edition.title");
  assert.ok(block.includes(title.zh), "edition.title.zh differs from the title block");
  bilingual(catalog.edition.coverage, "edition.coverage");
});

const sharedPresent = existsSync(SHARED_EXCERPT_PATH);
test(
  "the committed excerpt is a byte-identical copy of the shared specification text",
  { skip: sharedPresent ? false : `no shared copy at ${SHARED_EXCERPT_PATH} to compare with` },
  () => {
    const committed = readFileSync(EXCERPT_PATH);
    const shared = readFileSync(SHARED_EXCERPT_PATH);
    assert.ok(committed.equals(shared), `${EXCERPT_PATH} differs from ${SHARED_EXCERPT_PATH}`);
  },
);
