// Rule results remembered across the versions of one open document. A rule reads the dossier's top-level sections
// through a proxy that notes which it read (and what they were); when every section it read is the very same value
// again (an incremental parse keeps the values of unchanged sections), in the same circumstances (the same rule,
// edition, level, category, DR class, as-of date and lease warning), its findings are the same — only their ranges are looked up again, by the paths
// they were located with, as text before them may have moved. A rule that asked whether an evidence file exists,
// says it reads the text or the yaml document itself (Rule.readsWholeText), or whose findings' ranges were not located
// by path, is run every time.
// Pure: imports only core modules.
import type { Edition } from "./edition";
import type { Rule } from "./rules/rule";
import type { Finding, JsonPath, OffsetRange } from "./types";

/** How a range was found: the key or the value at a path. */
export interface Locator {
  kind: "key" | "value";
  path: JsonPath;
}

interface Remembered {
  rule: Rule;
  edition: Edition;
  circumstances: string;
  /** The top-level keys read, with the value each had (undefined when absent). */
  reads: Map<string, unknown>;
  /** The top-level keys, when the rule listed them. */
  keys: string[] | undefined;
  findings: Array<{ finding: Finding; range: Locator; related: Locator[] }>;
}

/** What one run of a rule read, asked and located. */
export class RuleRun {
  readonly reads = new Map<string, unknown>();
  keys: string[] | undefined;
  askedExistence = false;
  readonly located = new WeakMap<OffsetRange, Locator>();
}

/**
 * The dossier's root, seen through a proxy that notes the top-level reads of the rule running (`run`). Nested
 * values are handed out as they are: sections are compared by identity.
 */
export class ReadTracker {
  run: RuleRun | undefined;
  readonly dossier: { [key: string]: unknown };

  constructor(readonly root: { [key: string]: unknown }) {
    const note = (key: string | symbol) => {
      if (typeof key === "string" && this.run && !this.run.reads.has(key)) this.run.reads.set(key, Object.prototype.hasOwnProperty.call(root, key) ? root[key] : undefined);
    };
    this.dossier = new Proxy(root, {
      get: (target, key, receiver) => {
        note(key);
        return Reflect.get(target, key, receiver);
      },
      has: (target, key) => {
        note(key);
        return Reflect.has(target, key);
      },
      getOwnPropertyDescriptor: (target, key) => {
        note(key);
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
      ownKeys: (target) => {
        if (this.run) this.run.keys = Object.keys(target);
        return Reflect.ownKeys(target);
      },
    });
  }
}

function sameKeys(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

/** The remembered results of every rule for one document. */
export class RuleMemo {
  private readonly byRule = new Map<string, Remembered>();

  /**
   * The findings of the rule's last run, their ranges located again with `locate`, when nothing it read or depends
   * on changed; undefined otherwise.
   */
  recall(rule: Rule, root: { [key: string]: unknown }, edition: Edition, circumstances: string, locate: (locator: Locator) => OffsetRange): Finding[] | undefined {
    const remembered = this.byRule.get(rule.id);
    if (!remembered || remembered.rule !== rule || remembered.edition !== edition || remembered.circumstances !== circumstances) return undefined;
    for (const [key, value] of remembered.reads) {
      if ((Object.prototype.hasOwnProperty.call(root, key) ? root[key] : undefined) !== value) return undefined;
    }
    if (remembered.keys && !sameKeys(remembered.keys, Object.keys(root))) return undefined;
    return remembered.findings.map(({ finding, range, related }) => ({
      ...finding,
      range: locate(range),
      related: finding.related.map((entry, index) => ({ ...entry, range: locate(related[index]) })),
    }));
  }

  /** Remembers a run's findings when they can be recalled (see the module comment); forgets the rule otherwise. */
  remember(rule: Rule, run: RuleRun, edition: Edition, circumstances: string, findings: Finding[], locate: (locator: Locator) => OffsetRange): void {
    this.byRule.delete(rule.id);
    if (run.askedExistence) return;
    const located: Remembered["findings"] = [];
    // Each range must be the one its path gives (a rule might have changed or made one of its own).
    const relocatable = (range: OffsetRange): Locator | undefined => {
      const locator = run.located.get(range);
      if (!locator) return undefined;
      const again = locate(locator);
      return again.start === range.start && again.end === range.end ? locator : undefined;
    };
    for (const finding of findings) {
      const range = relocatable(finding.range);
      const related = finding.related.map((entry) => relocatable(entry.range));
      if (!range || related.some((locator) => !locator)) return;
      located.push({ finding, range, related: related as Locator[] });
    }
    this.byRule.set(rule.id, { rule, edition, circumstances, reads: run.reads, keys: run.keys, findings: located });
  }

  forget(rule: Rule): void {
    this.byRule.delete(rule.id);
  }
}
