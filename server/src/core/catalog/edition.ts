// The specification editions as data: clauses, categories, levels, the dossier model and the level schemas.
// Everything comes from the generated bundle (schemas/generated/); no file system access.
import { generatedEditions } from "../../../../schemas/generated/editions";
import { Category, GlossaryTerm, ModelNode, resolveClauseTemplate } from "./model";
import type { ErrorObject } from "ajv";
import type { JsonPath, Localized } from "../types";

export type { Category, GlossaryTerm, ModelNode };

/** An edition's generated validator of the dossier's shape (ajv standalone code, every level). */
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export type Provenance = "excerpt" | "public-summary" | "structure-only";
export type CheckKind = "schema" | "rule" | "manual" | "informative";
export type Level = 1 | 2 | 3;
export const LEVELS: Level[] = [3, 2, 1];

export interface Clause {
  id: string;
  parent: string | null;
  number?: string;
  title?: Localized;
  page?: number;
  provenance: Provenance;
  text?: Localized;
  summary?: Localized;
  check?: CheckKind[];
  levels?: number[];
  categories?: "all" | string[];
  counterpart?: string;
  annex_kind?: Localized;
  /** What a reviewer must still look at where the tool checks only part of the clause's text. */
  still_to_check?: Localized;
}

export type SchemaObject = { [keyword: string]: unknown };

interface CatalogBundle {
  slug: string;
  edition: {
    id: string;
    title: Localized;
    issuer?: Localized;
    published?: string;
    effective?: string;
    coverage?: Localized;
  };
  levels: { [level: string]: { section: string; label: Localized } };
  categories: { [id: string]: Category };
  clauses: Clause[];
  model: ModelNode;
  glossary: GlossaryTerm[];
}

export class Edition {
  readonly id: string;
  readonly slug: string;
  readonly title: Localized;
  readonly clauses: Clause[];
  readonly categories: { [id: string]: Category };
  readonly model: ModelNode;
  /** The edition's vocabulary (glossary.yaml). */
  readonly glossary: GlossaryTerm[];
  private readonly clauseById = new Map<string, Clause>();
  private readonly childrenById = new Map<string, Clause[]>();
  private readonly readSchemas: { [level: number]: SchemaObject } = {};
  constructor(
    readonly bundle: CatalogBundle,
    /** Each level's schema, read when first asked for (schemas/generated/editions.ts). */
    private readonly levelSchemas: { [level: number]: () => unknown },
    /** The generated validator of the dossier's shape (every level); a finding's clause comes from the level's schema. */
    readonly validateShape: GeneratedValidator,
  ) {
    this.id = bundle.edition.id;
    this.slug = bundle.slug;
    this.title = bundle.edition.title;
    this.clauses = bundle.clauses;
    this.categories = bundle.categories;
    this.model = bundle.model;
    this.glossary = bundle.glossary ?? [];
    for (const clause of this.clauses) {
      this.clauseById.set(clause.id, clause);
      const siblings = this.childrenById.get(clause.parent ?? "") ?? [];
      siblings.push(clause);
      this.childrenById.set(clause.parent ?? "", siblings);
    }
  }

  clause(id: string): Clause | undefined {
    return this.clauseById.get(id);
  }

  children(id: string | null): Clause[] {
    return this.childrenById.get(id ?? "") ?? [];
  }

  levelSection(level: Level): string {
    return this.bundle.levels[String(level)].section;
  }

  levelLabel(level: Level): Localized {
    return this.bundle.levels[String(level)].label;
  }

  /**
   * "4.x.3.a" → the clause id for that level ("4.2.3.a" at level 2); other ids unchanged. When the catalog has no
   * such clause (items of a structure-only clause), the nearest ancestor that exists ("4.3.4.a" → "4.3.4").
   */
  resolveClause(template: string, level: Level): string {
    return resolveClauseTemplate(template, this.levelSection(level), (id) => this.clauseById.has(id));
  }

  /** The same requirement at every level, when `clauseId` is a per-level general requirement. */
  levelVariants(clauseId: string): Array<{ level: Level; clauseId: string }> | undefined {
    const template = this.templateOf(clauseId);
    if (!template) return undefined;
    return LEVELS.map((level) => ({ level, clauseId: this.resolveClause(template, level) }));
  }

  /** "4.2.3.a" → "4.x.3.a" when the id is a per-level general requirement. */
  templateOf(clauseId: string): string | undefined {
    for (const level of LEVELS) {
      const section = this.levelSection(level);
      if (clauseId === section) return undefined;
      if (clauseId.startsWith(section + ".")) return "4.x" + clauseId.slice(section.length);
    }
    return undefined;
  }

  levelSchema(level: Level): SchemaObject {
    return (this.readSchemas[level] ??= this.levelSchemas[level]() as SchemaObject);
  }

  /** The model node at a dossier path (list indexes step into `items`). */
  modelAt(path: JsonPath): ModelNode | undefined {
    let node: ModelNode | undefined = this.model;
    for (const segment of path) {
      if (!node) return undefined;
      node = typeof segment === "number" ? node.items : node.properties?.[segment];
    }
    return node;
  }

  /** The title of the field at a path, or of its nearest titled ancestor (a list item takes its list's title). */
  titleAt(path: JsonPath): Localized | undefined {
    for (let depth = path.length; depth >= 0; depth--) {
      const title = this.modelAt(path.slice(0, depth))?.title;
      if (title) return title;
    }
    return undefined;
  }

  /** Allowed values and their labels for an enum field (following ref_enum). */
  enumOf(node: ModelNode): { values: Array<string | number>; labels: { [value: string]: Localized } } | undefined {
    const source = node.ref_enum ? this.modelAt(node.ref_enum.split("/").filter(Boolean)) : node;
    if (!source?.enum) return undefined;
    return { values: source.enum, labels: source.labels ?? {} };
  }

  /** The process stages defined for a category (and DR class; both classes' stages when the class is unknown). */
  stagesFor(categoryId: string | undefined, drClass: string | undefined): { [stage: string]: Localized } | undefined {
    const category = categoryId ? this.categories[categoryId] : undefined;
    if (!category) return undefined;
    if (category.stages) return category.stages;
    const classes = category.classes ?? {};
    if (drClass && classes[drClass]) return classes[drClass].stages;
    return Object.assign({}, ...Object.values(classes).map((entry) => entry.stages));
  }
}

const editions: Edition[] = generatedEditions.map(
  (entry) =>
    new Edition(
      entry.catalog as unknown as CatalogBundle, // JSON import: its type is checked by the catalog tests
      entry.schemas,
      entry.validateShape as GeneratedValidator, // generated code, not type-checked (@ts-nocheck)
    ),
);

export function allEditions(): Edition[] {
  return editions;
}

export const DEFAULT_EDITION_ID = "CCRC-ISV-C01:2025";

/** The edition a dossier names in `spec`, or undefined when it is unknown. */
export function findEdition(specId: unknown): Edition | undefined {
  return editions.find((edition) => edition.id === specId);
}

export function defaultEdition(): Edition {
  return findEdition(DEFAULT_EDITION_ID) ?? editions[0];
}
