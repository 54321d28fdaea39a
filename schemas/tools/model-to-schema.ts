// Turns the dossier model (schemas/<edition>/model.yaml) into JSON Schema 2020-12 for one level.
// Every constraint carries an x-clause annotation (clause ids resolved for that level).
// Pure: no file system; the generator (generate.ts) reads and writes files.
import { CategoriesFile, ModelNode, resolveClauseTemplate } from "../../server/src/core/catalog/model";

export type JsonSchema = { [keyword: string]: unknown };
export type { CategoriesFile, ModelNode };

/** The JSON pointer segments of a model path, e.g. "/application/category" → ["application", "category"]. */
function pointerSegments(pointer: string): string[] {
  return pointer.split("/").filter((segment) => segment.length > 0);
}

/** Finds the model node at a pointer of object keys from the root. */
export function modelNodeAt(root: ModelNode, pointer: string): ModelNode | undefined {
  let node: ModelNode | undefined = root;
  for (const segment of pointerSegments(pointer)) node = node?.properties?.[segment];
  return node;
}

/** Wraps a schema so that it applies at the object at `path` (object keys only) below the root. */
function wrapAtPath(path: string[], schema: JsonSchema): JsonSchema {
  let wrapped: JsonSchema = { type: "object", ...schema };
  for (let i = path.length - 1; i >= 0; i--) wrapped = { type: "object", properties: { [path[i]]: wrapped } };
  return wrapped;
}

/** A condition "the value at pointer is one of values" (present and matching). */
function pointerValueIn(pointer: string, values: Array<string | number>): JsonSchema {
  const path = pointerSegments(pointer);
  let condition: JsonSchema = { enum: values };
  for (let i = path.length - 1; i >= 0; i--) {
    condition = { type: "object", properties: { [path[i]]: condition }, required: [path[i]] };
  }
  return condition;
}

interface BuildContext {
  section: string;
  root: ModelNode;
  conditionals: JsonSchema[];
}

export class SchemaBuilder {
  constructor(
    private readonly model: ModelNode,
    private readonly categories: CategoriesFile,
    private readonly knownClauseIds: Set<string>,
  ) {}

  private readonly isKnownClause = (id: string): boolean => this.knownClauseIds.has(id);

  buildLevelSchema(level: number, schemaId: string, editionId: string): JsonSchema {
    const section = this.categories.levels[String(level)].section;
    const context: BuildContext = { section, root: this.model, conditionals: [] };
    const schema = this.nodeToSchema(this.model, [], context);
    (schema.properties as JsonSchema)["$schema"] = {
      type: "string",
      title: "JSON Schema",
      description: "Ignored by isv-dossier: the edition is chosen by `spec`.",
    };
    const stageConditionals = this.stageConditionals(section);
    const allOf = [...context.conditionals, ...stageConditionals];
    return {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: schemaId,
      ...schema,
      "x-edition": editionId,
      "x-level": level,
      ...(allOf.length > 0 ? { allOf } : {}),
    };
  }

  private clauses(node: { clauses?: string[] }, context: BuildContext): string[] {
    // Items that fall back to the same clause at a level (4.3.4 for every 4.x.4 item) are cited once.
    return [
      ...new Set((node.clauses ?? []).map((id) => resolveClauseTemplate(id, context.section, this.isKnownClause))),
    ];
  }

  private annotations(node: ModelNode, context: BuildContext): JsonSchema {
    const annotations: JsonSchema = {};
    if (node.title) {
      annotations.title = `${node.title.zh} · ${node.title.en}`;
      annotations["x-title"] = node.title;
    }
    if (node.description) {
      annotations.description = `${node.description.zh}\n\n${node.description.en}`;
      annotations["x-description"] = node.description;
    }
    annotations["x-clause"] = this.clauses(node, context);
    return annotations;
  }

  private nodeToSchema(node: ModelNode, path: string[], context: BuildContext): JsonSchema {
    const schema: JsonSchema = this.annotations(node, context);
    switch (node.type) {
      case "date":
        schema.type = "string";
        schema.format = "date";
        break;
      case "object":
        schema.type = "object";
        break;
      default:
        schema.type = node.type;
    }
    const enumSource = node.ref_enum ? modelNodeAt(context.root, node.ref_enum) : node;
    if (enumSource?.enum) {
      schema.enum = enumSource.enum;
      if (enumSource.labels) schema["x-labels"] = enumSource.labels;
    }
    for (const keyword of ["pattern", "minLength", "minItems", "minimum", "exclusiveMinimum", "uniqueItems"] as const) {
      if (node[keyword] !== undefined) schema[keyword] = node[keyword];
    }
    if (node.evidence) schema["x-evidence"] = true;
    if (node.personnel_ref) schema["x-personnel-ref"] = true;
    if (node.vocabulary) schema["x-vocabulary"] = node.vocabulary;
    if (node.type === "object") this.objectKeywords(node, schema, path, context);
    if (node.type === "array" && node.items) schema.items = this.nodeToSchema(node.items, [...path, "*"], context);
    return schema;
  }

  private objectKeywords(node: ModelNode, schema: JsonSchema, path: string[], context: BuildContext): void {
    const properties: JsonSchema = {};
    const siblingConditionals: JsonSchema[] = [];
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      properties[key] = this.nodeToSchema(child, [...path, key], context);
      if (child.required_when) {
        const conditional = this.requiredWhen(key, child, path, context);
        if (child.required_when.field.startsWith("/")) context.conditionals.push(conditional);
        else siblingConditionals.push(conditional);
      }
    }
    schema.properties = properties;
    schema.patternProperties = { "^x-": { "x-clause": [], description: "Extension key, ignored by checks." } };
    schema.additionalProperties = false;
    if (node.required && node.required.length > 0) schema.required = node.required;
    if (siblingConditionals.length > 0) schema.allOf = siblingConditionals;
  }

  /** `required_when`: required when another field has one of the values (and, optionally, forbidden otherwise). */
  private requiredWhen(key: string, child: ModelNode, parentPath: string[], context: BuildContext): JsonSchema {
    const rule = child.required_when!;
    const clauses = rule.clauses.map((id) => resolveClauseTemplate(id, context.section, this.isKnownClause));
    const fromRoot = rule.field.startsWith("/");
    if (fromRoot && parentPath.includes("*")) throw new Error(`required_when from the root inside a list: ${key}`);
    const condition = fromRoot ? pointerValueIn(rule.field, rule.in) : pointerValueIn(`/${rule.field}`, rule.in);
    const wrap = (schema: JsonSchema): JsonSchema => (fromRoot ? wrapAtPath(parentPath, schema) : schema);
    const conditional: JsonSchema = {
      if: condition,
      then: wrap({ required: [key], "x-clause": clauses }),
    };
    if (rule.forbidden_otherwise) {
      conditional.else = wrap({
        properties: { [key]: { not: {}, "x-clause": clauses, "x-forbidden": true } },
      });
    }
    return conditional;
  }

  /** Process stages allowed per category (and DR class), from the §3 definitions. */
  private stageConditionals(section: string): JsonSchema[] {
    const conditionals: JsonSchema[] = [];
    const stagesAt = (enumValues: string[], clauses: string[]): JsonSchema =>
      wrapAtPath([], {
        properties: {
          processes: {
            type: "array",
            items: {
              type: "object",
              properties: { stages: { type: "array", items: { enum: enumValues, "x-clause": clauses } } },
            },
          },
        },
      });
    for (const [categoryId, category] of Object.entries(this.categories.categories)) {
      const clauses = [resolveClauseTemplate("4.x.6", section, this.isKnownClause), category.definition];
      const categoryCondition = pointerValueIn("/application/category", [categoryId]);
      if (category.stages) {
        conditionals.push({ if: categoryCondition, then: stagesAt(Object.keys(category.stages), clauses) });
        continue;
      }
      const classes = Object.entries(category.classes ?? {});
      const union = new Set<string>();
      for (const [drClass, entry] of classes) {
        Object.keys(entry.stages).forEach((stage) => union.add(stage));
        conditionals.push({
          if: { allOf: [categoryCondition, pointerValueIn("/application/dr_class", [drClass])] },
          then: stagesAt(Object.keys(entry.stages), clauses),
        });
      }
      conditionals.push({
        if: {
          allOf: [
            categoryCondition,
            {
              not: pointerValueIn(
                "/application/dr_class",
                classes.map(([drClass]) => drClass),
              ),
            },
          ],
        },
        then: stagesAt([...union], clauses),
      });
    }
    return conditionals;
  }
}

/** The combined schema: dispatches on application.level to the level schemas embedded under $defs. */
export function buildCombinedSchema(
  levelSchemas: Map<number, JsonSchema>,
  schemaId: string,
  editionId: string,
): JsonSchema {
  const defs: JsonSchema = {};
  for (const [level, schema] of levelSchemas) {
    const { $schema: _dialect, $id: _id, ...rest } = schema;
    defs[`level-${level}`] = rest;
  }
  const levelIs = (level: number): JsonSchema => ({
    type: "object",
    properties: { application: { type: "object", properties: { level: { const: level } }, required: ["level"] } },
    required: ["application"],
  });
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: schemaId,
    title: "CCRC-ISV-C01:2025 信息安全服务资质申请材料 · Information security service qualification dossier",
    description:
      "按 application.level 选择一级、二级或三级的要求（缺省按三级）。\n\nDispatches on application.level (level 3 when absent).",
    "x-edition": editionId,
    "x-clause": ["4"],
    if: levelIs(1),
    then: { $ref: "#/$defs/level-1" },
    else: { if: levelIs(2), then: { $ref: "#/$defs/level-2" }, else: { $ref: "#/$defs/level-3" } },
    $defs: defs,
  };
}

/** The annotation keywords the generated schemas use. Plain JSON Schema validators accept the files once these
 * are declared (e.g. ajv.addKeyword); they never change what validates. */
export const ANNOTATION_KEYWORDS = [
  "x-clause",
  "x-title",
  "x-description",
  "x-labels",
  "x-evidence",
  "x-personnel-ref",
  "x-vocabulary",
  "x-forbidden",
  "x-edition",
  "x-level",
] as const;
