// parseGuarded's checks for a document that is edited again and again. What the text checks look for (unusual
// characters, flow brackets, deep indentation, a yaml-language-server modeline) is tracked from version to version
// by looking at the changed span alone — exact, since the unchanged text was looked at before; what the document
// checks look for (deep nesting, `$schema`/`$ref` keys) is known per parsed piece. Whenever something is found the
// real whole-text check runs, so the results are always those of parseGuarded's own checks.
// Pure: imports only `yaml` and core modules; no vscode, no vscode-languageserver*, no fs.
import { Document } from "yaml";
import { TextEncodingCheck, textEncodingFindings } from "../encoding";
import { TextChange, textChange } from "./split";
import { excessiveNestingInDocument, excessiveNestingInText, LIMITS, remoteReferenceFindings } from "../limits";
import type { GuardChecks } from "../parse";
import type { Finding } from "../../types";

/** Every character textEncodingFindings reports (NUL, controls, lone surrogates, U+FFFD, U+FFFE/F), and more. */
const UNUSUAL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufffd-\uffff]/;
/** A line starting with more indentation characters than excessiveNestingInText allows columns (see limits.ts). */
const DEEP_INDENTATION_AT_START = new RegExp(`^[ \\t?:-]{${LIMITS.maxIndentColumns + 1}}`);
const DEEP_INDENTATION = new RegExp(`\\n[ \\t?:-]{${LIMITS.maxIndentColumns + 1}}`);
const MODELINE_NAME = "yaml-language-server";
const EMPTY_DOCUMENT = new Document();

interface TextFacts {
  text: string;
  unusualCharacters: boolean;
  /** `[` and `{`, counted exactly. */
  brackets: number;
  deepIndentation: boolean;
  modelineName: boolean;
}

function countBrackets(text: string): number {
  let count = 0;
  for (const bracket of ["[", "{"])
    for (let index = text.indexOf(bracket); index >= 0; index = text.indexOf(bracket, index + 1)) count++;
  return count;
}

function hasDeepIndentation(text: string, atTextStart: boolean): boolean {
  return (atTextStart && DEEP_INDENTATION_AT_START.test(text)) || DEEP_INDENTATION.test(text);
}

function factsOf(text: string): TextFacts {
  return {
    text,
    unusualCharacters: UNUSUAL_CHARACTER.test(text),
    brackets: countBrackets(text),
    deepIndentation: hasDeepIndentation(text, true),
    modelineName: text.includes(MODELINE_NAME),
  };
}

/** The facts of `text` from those of the previous version and the changed span. */
function updatedFacts(previous: TextFacts, text: string, change: TextChange): TextFacts {
  const removed = previous.text.slice(change.prefix, change.suffixStart - change.delta);
  const inserted = text.slice(change.prefix, change.suffixStart);
  // A line's leading run that touches the change lies within maxIndentColumns + 2 characters of it.
  const reach = LIMITS.maxIndentColumns + 3;
  const windowStart = Math.max(0, change.prefix - reach);
  const window = text.slice(windowStart, Math.min(text.length, change.suffixStart + reach));
  const nameWindow = text.slice(
    Math.max(0, change.prefix - MODELINE_NAME.length),
    Math.min(text.length, change.suffixStart + MODELINE_NAME.length),
  );
  return {
    text,
    unusualCharacters: previous.unusualCharacters ? UNUSUAL_CHARACTER.test(text) : UNUSUAL_CHARACTER.test(inserted),
    brackets: previous.brackets - countBrackets(removed) + countBrackets(inserted),
    deepIndentation: previous.deepIndentation
      ? hasDeepIndentation(text, true)
      : hasDeepIndentation(window, windowStart === 0),
    modelineName: previous.modelineName ? text.includes(MODELINE_NAME) : nameWindow.includes(MODELINE_NAME),
  };
}

/** What the pieces of the last composed parse say about the document checks (undefined after a full parse). */
export interface ComposedShape {
  depth: number;
  hasReferenceKey: boolean;
}

export class IncrementalGuards implements GuardChecks {
  private facts: TextFacts | undefined;
  private lastChange: { from: string; to: string; change: TextChange } | undefined;

  /** `shape` tells what the last parse's pieces hold; undefined when it was not composed of pieces. */
  constructor(private readonly shape: () => ComposedShape | undefined) {}

  /** How `text` differs from `previous` (remembered, as the parse asks for the same pair). */
  change(previous: string, text: string): TextChange {
    if (this.lastChange?.from !== previous || this.lastChange.to !== text)
      this.lastChange = { from: previous, to: text, change: textChange(previous, text) };
    return this.lastChange.change;
  }

  /** Drops what only the update in progress needed (the previous version of the text). */
  finishUpdate(): void {
    this.lastChange = undefined;
  }

  private factsFor(text: string): TextFacts {
    if (this.facts?.text !== text)
      this.facts = this.facts ? updatedFacts(this.facts, text, this.change(this.facts.text, text)) : factsOf(text);
    return this.facts;
  }

  textEncoding(text: string): TextEncodingCheck {
    // Without unusual characters the only possible finding is the BOM's, which depends on the first character alone.
    return this.factsFor(text).unusualCharacters
      ? textEncodingFindings(text)
      : textEncodingFindings(text.slice(0, 1) === "\ufeff" ? "\ufeff" : "");
  }

  excessiveNestingInText(text: string): number | undefined {
    const facts = this.factsFor(text);
    return facts.brackets <= LIMITS.maxNestingDepth && !facts.deepIndentation
      ? undefined
      : excessiveNestingInText(text);
  }

  excessiveNestingInDocument(document: Document): number | undefined {
    const shape = this.shape();
    return shape && shape.depth <= LIMITS.maxNestingDepth ? undefined : excessiveNestingInDocument(document);
  }

  remoteReferences(document: Document, text: string): Finding[] {
    const shape = this.shape();
    return remoteReferenceFindings(
      shape && !shape.hasReferenceKey ? EMPTY_DOCUMENT : document,
      this.factsFor(text).modelineName ? text : "",
    );
  }
}
