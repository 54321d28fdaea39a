// Documents are measured in UTF-8 bytes (server/src/node/text-size.ts); a limit is compared without counting when
// the text's length decides. The answers equal counting on ASCII, Chinese, four-byte characters and lone
// surrogates, at and around every limit that matters. Not timed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { byteLength, exceedsBytes } from "../../server/src/node/text-size";

test("exceedsBytes answers as counting the UTF-8 bytes does", () => {
  const pieces = ["a", "中", "😀", "é", "\ud800", "\n"];
  let checked = 0;
  for (let length = 0; length <= 40; length++) {
    for (const piece of pieces) {
      for (const mixed of [false, true]) {
        const text = Array.from({ length }, (_, index) => (mixed && index % 2 ? "a" : piece)).join("");
        const bytes = byteLength(text);
        assert.equal(bytes, Buffer.byteLength(text, "utf8"));
        for (let limit = Math.max(0, text.length - 2); limit <= text.length * 3 + 2; limit++) {
          assert.equal(exceedsBytes(text, limit), bytes > limit, `${JSON.stringify(text)} against ${limit}`);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 10000);
});
