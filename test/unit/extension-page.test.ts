// The extension's page (what VS Code, the marketplace and Open VSX show): the README that `npm run package` gives
// vsce (`--readme-path`), Chinese first, every link and image in it either an absolute https URL or a file inside
// the .vsix — by the rules of .vscodeignore and the names vsce gives files (readme.md, changelog.md, LICENSE.txt) —
// and the developer README left out of the package.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  scripts: { [name: string]: string };
};

/** The page's file, as the package script names it. */
function readmePath(): string {
  const match = /--readme-path\s+(\S+)/.exec(manifest.scripts.package);
  assert.ok(match, "npm run package names the page with --readme-path");
  return match[1];
}

/** The .vscodeignore patterns that put a file back into the package (everything else is left out by `**`). */
function packagedPatterns(): RegExp[] {
  const lines = fs
    .readFileSync(path.join(ROOT, ".vscodeignore"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  assert.equal(lines[0], "**", ".vscodeignore leaves everything out first");
  return lines
    .filter((line) => line.startsWith("!"))
    .map((line) => {
      const source = line
        .slice(1)
        .split(/(\*\*\/|\*\*|\*)/)
        .map((part) =>
          part === "**/"
            ? "(?:.*/)?"
            : part === "**"
              ? ".*"
              : part === "*"
                ? "[^/]*"
                : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"),
        )
        .join("");
      return new RegExp(`^${source}$`);
    });
}

/** A repository file's path inside the .vsix's extension/ folder: vsce renames the page, the changelog and the licence. */
function packagedName(file: string, page: string): string {
  if (file === page) return "readme.md";
  if (file === "CHANGELOG.md") return "changelog.md";
  if (file === "LICENSE") return "LICENSE.txt";
  return file;
}

/** Every link and image target of a Markdown text: inline, reference definitions and HTML img/a. */
function targets(markdown: string): string[] {
  const found: string[] = [];
  for (const match of markdown.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) found.push(match[1]);
  for (const match of markdown.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) found.push(match[1]);
  for (const match of markdown.matchAll(/<(?:img|a|video)\b[^>]*\b(?:src|href)\s*=\s*["']([^"']+)["']/gi))
    found.push(match[1]);
  return found;
}

test("the page is packaged, the developer README is not, and each packaged file is named once", () => {
  const page = readmePath();
  assert.ok(fs.existsSync(path.join(ROOT, page)), `${page} exists`);
  const patterns = packagedPatterns();
  const packaged = (file: string): boolean => patterns.some((pattern) => pattern.test(file));
  assert.ok(packaged(page), `${page} is in the .vsix`);
  assert.ok(!packaged("README.md"), "the developer README stays in the repository");
  assert.ok(packaged("CHANGELOG.md"));
  for (const left of ["test/unit/package-tarball.test.ts", "bench/run-bench.ts", "dist/server/cli.js", "samples"])
    assert.ok(!packaged(left), `${left} is not packaged`);
  assert.ok(!patterns.some((pattern) => pattern.test("dist/server/language-server.js.map")), "no source maps");
});

test("every link and image of the page is an absolute https URL or a file inside the .vsix", () => {
  const page = readmePath();
  const text = fs.readFileSync(path.join(ROOT, page), "utf8");
  const patterns = packagedPatterns();
  const found = targets(text);
  const images = [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((match) => match[1]);
  assert.ok(images.length >= 1, "the page shows a screenshot");
  const packagedFiles = new Set<string>();
  for (const target of found) {
    if (target.startsWith("#")) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
      assert.match(target, /^https:\/\//, `${target}: only https links leave the package`);
      continue;
    }
    const file = path.posix.normalize(decodeURIComponent(target.split("#")[0]));
    assert.ok(!file.startsWith("../") && !path.posix.isAbsolute(file), `${target} stays inside the package`);
    assert.ok(fs.statSync(path.join(ROOT, file), { throwIfNoEntry: false })?.isFile(), `${target} exists`);
    assert.ok(
      patterns.some((pattern) => pattern.test(file)),
      `${target} is packaged (.vscodeignore)`,
    );
    // vsce renames some files: a link to the old name would be broken once installed
    assert.equal(packagedName(file, page), file, `${target} is renamed in the .vsix`);
    packagedFiles.add(file);
  }
  for (const image of images) {
    if (/^https:/.test(image)) continue;
    assert.match(image, /\.(png|jpe?g|gif)$/i, `${image}: vsce refuses SVG images in the page`);
    assert.ok(packagedFiles.has(path.posix.normalize(image)));
  }
});

test("the page is in Chinese first, with English below", () => {
  const text = fs.readFileSync(path.join(ROOT, readmePath()), "utf8");
  const firstHan = text.search(/\p{Script=Han}/u);
  const english = text.indexOf("\n# ", 1);
  assert.ok(firstHan >= 0 && english > firstHan, "a Chinese part, then an English heading");
  assert.match(text.slice(0, english), /隐私/);
  assert.match(text.slice(english), /Privacy/);
});
