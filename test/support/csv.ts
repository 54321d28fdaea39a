// RFC 4180 records as the tests read the CLI's CSV: CRLF between records, quoted fields (which may hold newlines)
// with "" for a quote, a quote opening a field only at its start. The text must end with CRLF.
import * as assert from "node:assert/strict";

export function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"' && field === "") quoted = true;
    else if (character === ",") {
      record.push(field);
      field = "";
    } else if (character === "\r" && text[index + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      index++;
    } else field += character;
  }
  assert.equal(field + record.join(""), "", "the text ends with CRLF");
  return records;
}
