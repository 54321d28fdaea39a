#!/usr/bin/env node
// Checks that every string the extension localizes exists in both languages: each vscode.l10n.t("…") literal in
// client/src has an entry in l10n/bundle.l10n.zh-cn.json, and package.nls.json and package.nls.zh-cn.json have
// the same keys and cover every %key% of package.json. Exits 1 and lists what is missing.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const read = (file) => fs.readFileSync(path.join(ROOT, file), "utf8");
const problems = [];

const bundle = JSON.parse(read("l10n/bundle.l10n.zh-cn.json"));
const used = new Set();
for (const file of fs.readdirSync(path.join(ROOT, "client/src")).filter((name) => name.endsWith(".ts"))) {
  for (const match of read(`client/src/${file}`).matchAll(/l10n\.t\(\s*("(?:[^"\\]|\\.)*")/g))
    used.add(JSON.parse(match[1]));
}
for (const key of used) if (!(key in bundle)) problems.push(`l10n/bundle.l10n.zh-cn.json lacks ${JSON.stringify(key)}`);
for (const key of Object.keys(bundle))
  if (!used.has(key)) problems.push(`l10n/bundle.l10n.zh-cn.json has unused ${JSON.stringify(key)}`);

const nls = JSON.parse(read("package.nls.json"));
const nlsZh = JSON.parse(read("package.nls.zh-cn.json"));
for (const key of Object.keys(nls)) if (!(key in nlsZh)) problems.push(`package.nls.zh-cn.json lacks ${key}`);
for (const key of Object.keys(nlsZh)) if (!(key in nls)) problems.push(`package.nls.json lacks ${key}`);
for (const match of read("package.json").matchAll(/"%([^%"]+)%"/g))
  if (!(match[1] in nls)) problems.push(`package.nls.json lacks ${match[1]}`);

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(
  `l10n: ${used.size} client strings and ${Object.keys(nls).length} manifest strings in English and Simplified Chinese`,
);
