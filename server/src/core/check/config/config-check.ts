// Checks the text of a configuration file (isv-dossier.config.yaml): YAML (never throws; the yaml.* findings), then
// the generated validator of its JSON Schema (schemas/generated/validate-config.ts), whose errors become located
// findings (config.*) without JSON-Schema words; and reads what it sets, well-formed values only. A value with a
// finding has no effect; a waiver entry with a finding inside it is not a waiver. Pure: no fs, no LSP.
import type { ErrorObject } from "ajv";
import { validateConfig } from "../../../../../schemas/generated/validate-config";
import { keyRange, valueRange } from "../../parse/locate";
import { parseGuarded, ParsedDossier, parseYamlDossier, WHOLE_TEXT_CHECKS } from "../../parse/parse";
import type { Finding, JsonPath, Localized, MessageArgument, OffsetRange } from "../../types";
import { WAIVER_KEYS, WaiverEntry, WaiverSource } from "../waiver-entry";
import { decodePointer } from "../schema/check";
import { CONFIG_RULES } from "./config-checks";
import { CONFIG_KEYS, DossierSettings, INTEGER_SETTINGS, SeverityOverride } from "./config-model";

/** The generated validator's shape (ajv standalone code). */
export interface ConfigValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** What a configuration file sets: only the keys it sets, with well-formed values. */
export type ConfigSettings = Partial<DossierSettings>;

/** A configuration file, checked. */
export interface ConfigReport {
  /** The file's path, as the edge that read it gives it (an absolute path on disk). */
  file: string;
  parsed: ParsedDossier;
  /** Its findings (yaml.*, encoding.*, limits.*, config.*), in the order of the text. */
  findings: Finding[];
  settings: ConfigSettings;
  /** Its waiver entries that have no finding (each with its place in the file). */
  waivers: WaiverSource[];
}

/** A mapping's keys and values (a YAML mapping's plain value). */
type Mapping = { [key: string]: unknown };

function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const EXPECTED_TYPES: { [type: string]: Localized } = {
  object: { zh: "映射（`键: 值`）", en: "a mapping (key: value)" },
  array: { zh: "列表（以 - 开头的各项）", en: "a list (items starting with -)" },
  string: { zh: "文本", en: "text" },
  integer: { zh: "整数", en: "a whole number" },
  boolean: { zh: " true 或 false", en: "true or false" },
};

/** How a path is named in a message: `waivers[0].rule`, `severity.evidence.exists`, or the file itself. */
function pathName(path: JsonPath): MessageArgument {
  if (path.length === 0) return { zh: "配置文件", en: "The configuration file" };
  const name = path.map((segment, index) =>
    typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
  );
  return `\`${name.join("")}\``;
}

/** The ids most like an unknown one: those that share its first part (at most three), else one within two edits. */
function nearIds(id: string, known: readonly string[]): string[] {
  const prefix = id.split(".")[0] + ".";
  const sharing = id.includes(".") ? known.filter((candidate) => candidate.startsWith(prefix)) : [];
  if (sharing.length > 0 && sharing.length <= 3) return sharing;
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(id, candidate, bestDistance);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best ? [best] : [];
}

/** Levenshtein distance, or `limit` once it is at least that. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...current) >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[b.length], limit);
}

function hint(near: string[]): Localized {
  if (near.length === 0) return { zh: "", en: "" };
  const ids = near.map((id) => `\`${id}\``);
  return { zh: `是否指 ${ids.join("、")}？`, en: ` Did you mean ${ids.join(" or ")}?` };
}

interface Located {
  path: JsonPath;
  range: OffsetRange;
}

/** Turns the validator's errors into findings: one per place, the most telling first. */
function findingsOf(errors: ErrorObject[], parsed: ParsedDossier): { findings: Finding[]; bad: JsonPath[] } {
  const { document, text } = parsed;
  const findings: Finding[] = [];
  const bad: JsonPath[] = [];
  const seen = new Set<string>();
  const add = (ruleId: string, messageId: string, at: Located, args: Finding["args"]): void => {
    const identity = JSON.stringify(at.path);
    if (seen.has(identity)) return;
    seen.add(identity);
    bad.push(at.path);
    findings.push({ ruleId, clauseIds: [], severity: "error", messageId, args, range: at.range, related: [] });
  };
  const atKey = (path: JsonPath): Located => ({ path, range: keyRange(document, path, text) });
  const atValue = (path: JsonPath): Located => ({ path, range: valueRange(document, path, text) });
  // types first: a value of the wrong kind says nothing more
  const order = (error: ErrorObject): number => (error.keyword === "type" ? 0 : 1);
  for (const error of [...errors].sort((a, b) => order(a) - order(b))) {
    if (error.propertyName !== undefined) continue; // told by its propertyNames error
    const path = decodePointer(error.instancePath);
    const params = error.params as { [name: string]: unknown };
    const schema = error.parentSchema as { enum?: unknown[]; properties?: Mapping } | undefined;
    switch (error.keyword) {
      case "additionalProperties": {
        const key = String(params.additionalProperty);
        const allowed = Object.keys(schema?.properties ?? {}).join(", ");
        add(CONFIG_RULES.unknownKey, "config.unknown-key", atKey([...path, key]), { key, allowed });
        break;
      }
      case "propertyNames": {
        const id = String(params.propertyName);
        const known = ((schema as { propertyNames?: { enum?: string[] } })?.propertyNames?.enum ?? []).map(String);
        add(CONFIG_RULES.unknownId, "config.unknown-check-or-clause", atKey([...path, id]), {
          id,
          hint: hint(nearIds(id, known)),
        });
        break;
      }
      case "type":
        add(CONFIG_RULES.type, "config.type", atValue(path), {
          key: pathName(path),
          expected: EXPECTED_TYPES[String(params.type)] ?? String(params.type),
        });
        break;
      case "enum": {
        const allowed = (schema?.enum ?? []).map(String);
        const last = path.at(-1);
        if (path[0] === "waivers" && (last === "rule" || last === "clause")) {
          const id = String(valueAt(parsed.value, path));
          add(
            CONFIG_RULES.unknownId,
            last === "rule" ? "config.unknown-check" : "config.unknown-clause",
            atValue(path),
            {
              id,
              hint: hint(nearIds(id, allowed)),
            },
          );
        } else {
          add(CONFIG_RULES.value, "config.enum", atValue(path), { key: pathName(path), allowed: allowed.join(", ") });
        }
        break;
      }
      case "minimum":
      case "maximum": {
        const bounds = INTEGER_SETTINGS[path[0] as keyof typeof INTEGER_SETTINGS];
        add(CONFIG_RULES.value, "config.range", atValue(path), {
          key: pathName(path),
          minimum: bounds?.minimum ?? "",
          maximum: bounds?.maximum ?? "",
        });
        break;
      }
      default: // no other keyword is in the schema (schemas/tools/config-schema.ts); said without its name if one comes
        add(CONFIG_RULES.value, "config.invalid", atValue(path), { key: pathName(path) });
    }
  }
  return { findings, bad };
}

function valueAt(value: unknown, path: JsonPath): unknown {
  let node = value;
  for (const segment of path) node = (node as { [key: string | number]: unknown } | undefined)?.[segment];
  return node;
}

function startsWith(path: JsonPath, prefix: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => segment === path[index]);
}

/** Whether a path lies inside one with a finding (the value, or what holds it, is wrong). */
function hasFinding(bad: JsonPath[], path: JsonPath): boolean {
  return bad.some((place) => startsWith(path, place));
}

/** Whether a path, or anything inside it, has a finding (a waiver entry with a problem anywhere in it). */
function hasFindingWithin(bad: JsonPath[], path: JsonPath): boolean {
  return bad.some((place) => startsWith(path, place) || startsWith(place, path));
}

/** What the file sets: its well-formed values, and its waiver entries without findings. */
function readSettings(
  root: Mapping,
  bad: JsonPath[],
  parsed: ParsedDossier,
  file: string,
): Omit<ConfigReport, "file" | "parsed" | "findings"> {
  const settings: ConfigSettings = {};
  const waivers: WaiverSource[] = [];
  for (const key of CONFIG_KEYS) {
    if (root[key] === undefined || hasFinding(bad, [key])) continue;
    if (key === "severity") {
      const severity: { [id: string]: SeverityOverride } = {};
      for (const [id, value] of Object.entries(root.severity as Mapping))
        if (!hasFindingWithin(bad, ["severity", id])) severity[id] = value as SeverityOverride;
      settings.severity = severity;
    } else if (key === "waivers") {
      (root.waivers as unknown[]).forEach((item, index) => {
        if (hasFindingWithin(bad, ["waivers", index]) || !isMapping(item)) return;
        const entry: WaiverEntry = {};
        for (const name of WAIVER_KEYS) if (typeof item[name] === "string") entry[name] = item[name];
        const range = valueRange(parsed.document, ["waivers", index], parsed.text);
        waivers.push({ entry, origin: { kind: "config", file, range, index } });
      });
    } else {
      (settings as Mapping)[key] = root[key];
    }
  }
  return { settings, waivers };
}

/** Parses and checks a configuration file's text. Never throws; an empty file sets nothing. */
export function checkConfigText(text: string, file: string, validator: ConfigValidator = validateConfig): ConfigReport {
  // a configuration names no remote schema to fetch: a `$schema` key is an unknown key like any other
  const parsed = parseGuarded(text, parseYamlDossier, { ...WHOLE_TEXT_CHECKS, remoteReferences: () => [] });
  const findings = [...parsed.findings];
  const empty = { file, parsed, findings, settings: {}, waivers: [] };
  const value = parsed.value;
  if (parsed.declined !== undefined || value === undefined || value === null) return empty;
  if (validator(value)) return { ...empty, ...readSettings(value as Mapping, [], parsed, file) };
  const checked = findingsOf(validator.errors ?? [], parsed);
  findings.push(...checked.findings);
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  if (!isMapping(value)) return empty;
  return { ...empty, ...readSettings(value, checked.bad, parsed, file) };
}
