// V8's young generation stops growing once the server is given a large document (1 MiB of text, about 20,000 lines
// of a dossier). Parsing such a document makes a great many objects that all live on (the parse kept for the next
// edit), and V8 answers a high survival rate by growing its young generation to its largest (2 × 16 MiB on 64-bit
// Node), which stays resident for the life of the process: with a 50,000-line dossier open and edited, the server
// measured 145–157 MiB at its peak with growth, 123–129 MiB without, and opened the document no slower.
//
// The switch is V8's --semi-space-growth-factor flag, set once at run time (v8.setFlagsFromString) before such a
// document's first validation; a server that only ever sees ordinary dossiers keeps V8's defaults. It is left alone
// when the process was started with flags about the young generation (--max-semi-space-size…).
import * as v8 from "node:v8";

/** Text from which a document is large (1 MiB). */
export const LARGE_DOCUMENT_BYTES = 1024 * 1024;

const YOUNG_GENERATION_FLAGS = /(^|\s)--(min-semi-space-size|max-semi-space-size|semi-space-growth-factor|max-young-generation-size)\b/;

/** Whether this process was started with flags about the young generation (command line or NODE_OPTIONS). */
export function youngGenerationFlagsGiven(execArgv: readonly string[] = process.execArgv, nodeOptions: string | undefined = process.env.NODE_OPTIONS): boolean {
  return YOUNG_GENERATION_FLAGS.test(execArgv.join(" ")) || YOUNG_GENERATION_FLAGS.test(nodeOptions ?? "");
}

export class YoungGeneration {
  private held = false;

  constructor(
    private readonly setFlags: (flags: string) => void = v8.setFlagsFromString,
    private readonly enabled: boolean = !youngGenerationFlagsGiven(),
  ) {}

  /** Called before a document of `bytes` is validated: from the first large one on, the young generation stays as it is. */
  before(bytes: number): void {
    if (this.held || !this.enabled || bytes < LARGE_DOCUMENT_BYTES) return;
    this.held = true;
    this.setFlags("--semi-space-growth-factor=1");
  }

  /** Whether sizes no longer matter: the young generation is held, or the switch is off. */
  get settled(): boolean {
    return this.held || !this.enabled;
  }

  /** Whether the young generation has been held at its size. */
  get isHeld(): boolean {
    return this.held;
  }
}
