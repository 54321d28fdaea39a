// What the README and .pre-commit-hooks.yaml tell users to put in their CI: the YAML examples parse, the commands
// they run are the package's own, with formats the CLI has, and the pre-commit hook runs on dossiers only.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { LINT_FORMATS } from "../../server/src/cli/lint-command";
import { repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  bin: { [name: string]: string };
};

function codeBlocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp("^```" + language + "\\n([\\s\\S]*?)^```", "gm"))].map((match) => match[1]);
}

/** Every `isv-dossier …` command line in a text. */
function commands(text: string): string[][] {
  return [...text.matchAll(/(?:^|[\s"'])(isv-dossier(?:-server)? [^\n#]*)/gm)].map((match) =>
    match[1].trim().split(/\s+/),
  );
}

test("the pre-commit hook runs the installed CLI's lint on dossiers only", () => {
  const hooks = parse(fs.readFileSync(path.join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Array<{
    id: string;
    entry: string;
    language: string;
    files: string;
  }>;
  assert.equal(hooks.length, 1);
  const [hook] = hooks;
  const [command, subcommand] = hook.entry.split(/\s+/);
  assert.ok(Object.keys(manifest.bin).includes(command), `${command} is a command of the package`);
  assert.equal(subcommand, "lint");
  assert.equal(hook.language, "system", "the installed CLI, not a copy pre-commit would build");
  const files = new RegExp(hook.files);
  for (const name of ["a.dossier.yaml", "clients/acme/b.dossier.yml"]) assert.match(name, files);
  for (const name of ["a.yaml", "dossier.yaml", "a.dossier.yaml.bak", "a.dossier.json"])
    assert.doesNotMatch(name, files);
});

test("the README's CI examples parse, and run the package's commands with formats the CLI has", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const yamlBlocks = codeBlocks(readme, "yaml").filter((block) => /isv-dossier/.test(block));
  const workflows = yamlBlocks.filter((block) => /^(jobs|isv-dossier|repos):/m.test(block));
  assert.ok(workflows.length >= 3, "GitHub Actions, GitLab CI and pre-commit examples");
  for (const block of workflows) assert.doesNotThrow(() => parse(block, { strict: true }), block.split("\n")[0]);
  const github = workflows.find((block) => /^jobs:/m.test(block)) ?? "";
  assert.match(github, /github\/codeql-action\/upload-sarif@/);
  assert.match(github, /--format sarif/);
  const gitlab = workflows.find((block) => /^isv-dossier:/m.test(block)) ?? "";
  assert.match(gitlab, /reports:\s+junit:/);
  assert.match(gitlab, /--format junit/);
  const lines = [...workflows, ...codeBlocks(readme, "sh")].flatMap(commands);
  assert.ok(lines.some((line) => line[1] === "lint"));
  for (const line of lines) {
    assert.ok(Object.keys(manifest.bin).includes(line[0]), line.join(" "));
    const format = line.indexOf("--format");
    if (line[1] === "lint" && format > 0)
      assert.ok((LINT_FORMATS as readonly string[]).includes(line[format + 1]), line.join(" "));
  }
});
