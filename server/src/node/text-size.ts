// Documents are measured in UTF-8 bytes, as on disk (a Chinese character is three). Counting reads the whole text
// (a few milliseconds at 50,000 lines, on every edit), so a comparison with a limit counts only when the text's
// length leaves the answer open: a UTF-16 code unit takes one to three bytes.

export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** Whether `text` is over `limit` UTF-8 bytes. */
export function exceedsBytes(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return byteLength(text) > limit;
}
