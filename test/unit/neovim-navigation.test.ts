// Neovim's built-in LSP client (0.7, configured as in the README) asks for what it supports of navigation:
// references and document highlight of a person id, prepareRename and rename (the edit applied to the buffer), and
// code lenses. Inlay hints need Neovim 0.10: the stdio tests cover them. Asserts lines, columns and clause ids.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const hasNeovim = spawnSync("nvim", ["--version"], { encoding: "utf8" }).status === 0;

const PROBE = `
vim.api.nvim_create_autocmd("VimEnter", { callback = function()
  local ok = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 or #vim.lsp.buf_get_clients(0) > 0 and vim.lsp.buf_get_clients(0)[next(vim.lsp.buf_get_clients(0))].initialized end, 50)
  vim.wait(1000)
  local uri = vim.uri_from_bufnr(0)
  local line = tonumber(os.getenv("LEAD_LINE"))
  local character = tonumber(os.getenv("LEAD_CHARACTER"))
  local position = { line = line, character = character }
  local function first(method, params)
    local responses = vim.lsp.buf_request_sync(0, method, params, 10000) or {}
    for _, response in pairs(responses) do return response.result, response.error end
  end
  local out = { ok = ok, references = {}, highlights = {}, lenses = {} }
  for _, client in pairs(vim.lsp.buf_get_clients(0)) do
    local caps = client.resolved_capabilities
    out.capabilities = { references = caps.find_references, rename = caps.rename, highlight = caps.document_highlight, codeLens = caps.code_lens }
  end
  local references = first("textDocument/references", { textDocument = { uri = uri }, position = position, context = { includeDeclaration = true } })
  for _, location in ipairs(references or {}) do table.insert(out.references, { location.range.start.line, location.range.start.character }) end
  local highlights = first("textDocument/documentHighlight", { textDocument = { uri = uri }, position = position })
  for _, highlight in ipairs(highlights or {}) do table.insert(out.highlights, { highlight.range.start.line, highlight.kind }) end
  local prepared = first("textDocument/prepareRename", { textDocument = { uri = uri }, position = position })
  out.prepared = prepared and { prepared.range.start.line, prepared.range.start.character, prepared.placeholder }
  local _, refusal = first("textDocument/prepareRename", { textDocument = { uri = uri }, position = { line = 0, character = 0 } })
  out.refused = refusal ~= nil
  local edit = first("textDocument/rename", { textDocument = { uri = uri }, position = position, newName = "zhou-ruoxi-2" })
  if edit then vim.lsp.util.apply_workspace_edit(edit, "utf-16") end
  out.renamed = {}
  for index, text in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    if text:find("zhou%-ruoxi%-2") then table.insert(out.renamed, index - 1) end
  end
  local lenses = first("textDocument/codeLens", { textDocument = { uri = uri } })
  for _, lens in ipairs(lenses or {}) do table.insert(out.lenses, { lens.range.start.line, lens.command.command, lens.command.arguments[1] }) end
  local file = io.open(os.getenv("NVIM_RESULT"), "w")
  file:write(vim.fn.json_encode(out))
  file:close()
  vim.cmd("qa!")
end })
`;

test(
  "Neovim, configured as in the README: references, highlight, rename and code lenses of the server",
  { skip: hasNeovim ? false : "nvim is not installed (.ci/run installs Debian's neovim)" },
  () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const lua = /```lua\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(lua, "the README has a Neovim configuration");
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-nvim-nav-"));
    const init = path.join(folder, "init.lua");
    fs.writeFileSync(init, lua.replace("/path/to/isv-dossier", ROOT) + PROBE);
    const text = fs.readFileSync(
      path.join(ROOT, "samples", "hangzhou-chengyan", "hangzhou-chengyan.dossier.yaml"),
      "utf8",
    );
    const dossier = path.join(folder, "copy.dossier.yaml");
    fs.writeFileSync(dossier, text);
    const lines = text.split("\n");
    const linesWith = (pattern: RegExp) => lines.flatMap((line, index) => (pattern.test(line) ? [index] : []));
    const leadLine = linesWith(/^\s+lead: zhou-ruoxi$/)[0];
    const idLine = linesWith(/^\s+- id: zhou-ruoxi$/)[0];
    const all = linesWith(/\bzhou-ruoxi\b/).filter((index) => !lines[index].trimStart().startsWith("#"));
    const result = path.join(folder, "result.json");
    const run = spawnSync("nvim", ["--headless", "-n", "-i", "NONE", "-u", init, dossier], {
      env: {
        ...process.env,
        NVIM_RESULT: result,
        LEAD_LINE: String(leadLine),
        LEAD_CHARACTER: String(lines[leadLine].indexOf("zhou-ruoxi") + 2),
        XDG_STATE_HOME: folder,
        XDG_DATA_HOME: folder,
      },
      timeout: 40000,
      encoding: "utf8",
    });
    assert.equal(run.status, 0, run.stderr);
    const output = JSON.parse(fs.readFileSync(result, "utf8")) as {
      capabilities: { [name: string]: boolean };
      references: Array<[number, number]>;
      highlights: Array<[number, number]>;
      prepared: [number, number, string];
      refused: boolean;
      renamed: number[];
      lenses: Array<[number, string, string]>;
    };
    assert.deepEqual(output.capabilities, { references: true, rename: true, highlight: true, codeLens: true });
    assert.deepEqual(
      output.references.map(([line]) => line),
      [idLine, ...all.filter((line) => line !== idLine)],
    );
    assert.deepEqual(
      output.highlights,
      [idLine, ...all.filter((line) => line !== idLine)].map((line) => [line, line === idLine ? 3 : 2]),
    );
    assert.deepEqual(output.prepared, [leadLine, lines[leadLine].indexOf("zhou-ruoxi"), "zhou-ruoxi"]);
    assert.equal(output.refused, true);
    assert.deepEqual(output.renamed, all);
    const performanceLine = linesWith(/^performance:/)[0];
    assert.deepEqual(
      output.lenses.filter(([line]) => line === performanceLine).map(([, command, clauseId]) => [command, clauseId]),
      [
        ["isvDossier.revealClause", "4.1.2"],
        ["isvDossier.revealClause", "4.1.3.a"],
        ["isvDossier.revealClause", "4.1.3.b"],
      ],
    );
    fs.rmSync(folder, { recursive: true, force: true });
  },
);
