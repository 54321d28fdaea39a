// isv-dossier: the command line. `lint FILE…` prints findings as text (a fuller CLI comes with formats).
import * as fs from "node:fs";
import * as path from "node:path";
import { createLanguageService } from "./core/service";
import { renderMessage } from "./core/l10n/render";
import { LineIndex } from "./core/line-index";
import { evidenceExistsIn } from "./node/evidence-files";
import { todayIso } from "./node/today";

function dossiersUnder(target: string): string[] {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return [target];
  return fs
    .readdirSync(target, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(target, entry.name);
      if (entry.isDirectory()) return dossiersUnder(full);
      return /\.dossier\.ya?ml$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

function lint(targets: string[]): number {
  const locale = (process.env.LANG ?? "").toLowerCase().startsWith("zh") ? "zh-cn" : "en";
  let errors = 0;
  for (const file of targets.flatMap(dossiersUnder)) {
    const text = fs.readFileSync(file, "utf8");
    const service = createLanguageService({ locale, today: todayIso(), evidenceExists: evidenceExistsIn(path.dirname(file)) });
    const report = service.validate(text);
    const lines = new LineIndex(text);
    for (const finding of report.findings) {
      const position = lines.positionAt(finding.range.start);
      const clause = finding.clauseIds[0] ?? "-";
      console.log(`${file}:${position.line + 1}:${position.character + 1}  ${finding.severity}  ${clause}  ${renderMessage(finding.messageId, finding.args, service.locale)}  ${finding.ruleId}`);
      if (finding.severity === "error") errors++;
    }
  }
  return errors > 0 ? 1 : 0;
}

const [command, ...rest] = process.argv.slice(2);
if (command === "lint") process.exitCode = lint(rest.length > 0 ? rest : ["."]);
else {
  console.error("usage: isv-dossier lint [PATH…]");
  process.exitCode = 2;
}
