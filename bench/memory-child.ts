// Peak memory of one in-process contender with one large dossier open and edited, in a process of its own:
// `node out/bench/memory-child.js isv|yls FILE EDITS` prints {"peakRssMiB": …} (VmHWM) on stdout.
import * as fs from "node:fs";
import { pathToFileURL } from "node:url";
import { IncrementalParser } from "../server/src/core/parse/incremental";
import { createLanguageService } from "../server/src/core/check/service";
import { editSequence } from "./shared";
import { peakRssMiB } from "./stats";
import { createYlsService } from "./yls-in-process";
import { repositoryRootOf } from "./files";

async function main(): Promise<void> {
  const [contender, file, editCount] = process.argv.slice(2);
  const text = fs.readFileSync(file, "utf8");
  const texts = [text, ...editSequence(text, Number(editCount))];
  if (contender === "isv") {
    const service = createLanguageService({ locale: "en", today: "2026-11-24" });
    const session = new IncrementalParser();
    for (const version of texts) service.validateParsed(session.update(version));
  } else {
    const yls = await createYlsService(repositoryRootOf(__dirname));
    const uri = pathToFileURL(file).toString();
    for (let index = 0; index < texts.length; index++) await yls.validate(uri, index + 1, texts[index]);
  }
  process.stdout.write(JSON.stringify({ peakRssMiB: peakRssMiB("self") }) + "\n");
}

void main();
