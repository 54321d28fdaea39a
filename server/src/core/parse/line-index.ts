// Offsets ⇄ zero-based line/character (UTF-16 code units, as LSP and JavaScript strings count them).
// The core speaks offsets; the LSP edge and the CLI use this to convert.

export interface LinePosition {
  line: number;
  character: number;
}

export class LineIndex {
  /** Where each line starts: counted first, then written into an array of exactly that length (a growing array of
   * a long document's line starts leaves its outgrown copies behind as garbage, each as large as the document has
   * lines). */
  private readonly lineStarts: Int32Array;

  constructor(private readonly text: string) {
    let count = 1;
    for (let index = text.indexOf("\n"); index >= 0; index = text.indexOf("\n", index + 1)) count++;
    // Offsets of a JavaScript string fit in 31 bits (strings are shorter than 2^30 characters in V8).
    this.lineStarts = new Int32Array(count);
    let line = 1;
    for (let index = text.indexOf("\n"); index >= 0; index = text.indexOf("\n", index + 1))
      this.lineStarts[line++] = index + 1;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): LinePosition {
    const starts = this.lineStarts;
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: clamped - starts[low] };
  }

  offsetAt(position: LinePosition): number {
    const starts = this.lineStarts;
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return this.text.length;
    const start = starts[position.line];
    const nextStart = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    let end = nextStart;
    if (position.line + 1 < starts.length) end = nextStart - 1; // the newline
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--; // CR of CRLF
    return Math.min(start + Math.max(0, position.character), end);
  }

  lineStart(line: number): number {
    const starts = this.lineStarts;
    return starts[Math.max(0, Math.min(line, starts.length - 1))];
  }
}
