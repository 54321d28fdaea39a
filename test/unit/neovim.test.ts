// Another LSP client: Neovim's built-in one, configured exactly as the README says, opens a dossier headless
// and receives clause-coded diagnostics and a hover. Proves the server works outside VS Code.
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
  local ok = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(found, { code = d.code, lnum = d.lnum, col = d.col }) end
  local line = tonumber(os.getenv("HOVER_LINE"))
  local hover = vim.lsp.buf_request_sync(0, "textDocument/hover",
    { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = line, character = 3 } }, 5000)
  local hoverText = ""
  for _, response in pairs(hover or {}) do
    if response.result then hoverText = response.result.contents.value end
  end
  local out = io.open(os.getenv("NVIM_RESULT"), "w")
  out:write(vim.fn.json_encode({ ok = ok, diagnostics = found, hover = hoverText }))
  out:close()
  vim.cmd("qa!")
end })
`;

test(
  "Neovim, configured as in the README, shows clause-coded diagnostics and hovers",
  { skip: hasNeovim ? false : "nvim is not installed (.ci/run installs Debian's neovim)" },
  () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const lua = /```lua\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(lua, "the README has a Neovim configuration");
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-nvim-"));
    const init = path.join(folder, "init.lua");
    fs.writeFileSync(init, lua.replace("/path/to/isv-dossier", ROOT) + PROBE);
    const dossier = path.join(ROOT, "samples", "needs-work", "invalid-enum-tenure.dossier.yaml");
    const text = fs.readFileSync(dossier, "utf8");
    const tenureLine = text.split("\n").findIndex((line) => /^\s+tenure: rented/.test(line));
    const result = path.join(folder, "result.json");
    const run = spawnSync("nvim", ["--headless", "-n", "-i", "NONE", "-u", init, dossier], {
      env: {
        ...process.env,
        NVIM_RESULT: result,
        HOVER_LINE: String(tenureLine),
        XDG_STATE_HOME: folder,
        XDG_DATA_HOME: folder,
      },
      timeout: 30000,
      encoding: "utf8",
    });
    assert.equal(run.status, 0, run.stderr);
    const output = JSON.parse(fs.readFileSync(result, "utf8")) as {
      ok: boolean;
      diagnostics: Array<{ code: string; lnum: number; col: number }>;
      hover: string;
    };
    assert.equal(output.ok, true);
    assert.ok(
      output.diagnostics.some(
        (diagnostic) => diagnostic.code === "4.1.1" && diagnostic.lnum === tenureLine && diagnostic.col === 10,
      ),
    );
    assert.ok(output.hover.includes("拥有长期固定办公场所和相适应的办公条件"));
    fs.rmSync(folder, { recursive: true, force: true });
  },
);
