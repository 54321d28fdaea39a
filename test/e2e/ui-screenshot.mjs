#!/usr/bin/env node
// UI test in code-server's page (playwright-core + headless Chromium): opens a needs-work sample with Quick Open,
// checks YAML highlighting, the Problems panel (clause codes) and a hover (the clause's text), saves a screenshot
// of the dossier with the hover and the Problems panel to client/media/screenshot.png, then follows the
// diagnostic's code link into the isv-spec document. Every step waits for a selector or a condition, never a sleep.
// The editor runs in Chinese (code-server --locale zh-cn, isvDossier.locale zh-cn: the extension's strings and the
// findings in Chinese, as the README's screenshot shows them); UI_LOCALE=en runs it in English.
//
//   node test/e2e/ui-screenshot.mjs [--vsix <file>] [--workspace <abs dir>] [--screenshot <file>] [--verbose]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { HarnessError, installSignalHandlers, openBrowser, REPO_ROOT, startCodeServer } from "./run-in-code-server.mjs";

const SAMPLE = "l3-service-too-short.dossier.yaml";
const CLAUSE = "4.1.3.a";
// The README's screenshot is updated only on request (UPDATE_SCREENSHOT=1), so that test runs leave the tree clean.
const DEFAULT_SCREENSHOT = process.env.UPDATE_SCREENSHOT
  ? path.join(REPO_ROOT, "client", "media", "screenshot.png")
  : path.join(REPO_ROOT, "test-results", "screenshot.png");
const STEP_TIMEOUT_MS = 60_000;
const LOCALE = process.env.UI_LOCALE === "en" ? "en" : "zh-cn";

function readJson(...segments) {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, ...segments), "utf8"));
}
const BUNDLE = LOCALE === "en" ? {} : readJson("l10n", `bundle.l10n.${LOCALE}.json`);
const NLS = readJson(LOCALE === "en" ? "package.nls.json" : `package.nls.${LOCALE}.json`);
/** An extension string (vscode.l10n.t) in the UI's language, `{0}`… filled in. */
function t(message, ...args) {
  return (BUNDLE[message] ?? message).replace(/\{(\d+)\}/g, (whole, index) => String(args[Number(index)] ?? whole));
}

const UI_SETTINGS = {
  // the Problems panel and the screenshot show the open dossier's findings, not the whole samples folder's
  "isvDossier.workspaceDiagnostics": "openFiles",
  "editor.minimap.enabled": false,
  "editor.stickyScroll.enabled": false,
  "editor.hover.delay": 100,
  "editor.hover.sticky": true,
  "workbench.colorTheme": "Default Light Modern",
  "breadcrumbs.enabled": true,
  "window.commandCenter": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.panel.defaultLocation": "bottom",
  "isvDossier.locale": LOCALE,
};

/** The checks, in order; each gets the page and the shared context and throws on failure. */
const CHECKS = [
  {
    title: "opens a dossier with Quick Open",
    async run(page) {
      await page.locator(".monaco-workbench .part.statusbar").waitFor({ timeout: STEP_TIMEOUT_MS });
      await page
        .locator(".monaco-workbench")
        .click({ position: { x: 700, y: 400 } })
        .catch(() => undefined);
      // Right after start-up Quick Open may not index the folder yet: reopen until the file is offered.
      const deadline = Date.now() + STEP_TIMEOUT_MS;
      for (;;) {
        await page.keyboard.press("Control+P");
        const input = page.locator(".quick-input-widget input");
        await input.waitFor({ state: "visible", timeout: 10_000 });
        await input.fill(SAMPLE);
        const row = page.locator(".quick-input-list .monaco-list-row", { hasText: SAMPLE }).first();
        try {
          await row.waitFor({ state: "visible", timeout: 5_000 });
          await row.click();
          break;
        } catch (error) {
          await page.keyboard.press("Escape");
          if (Date.now() > deadline) throw error;
        }
      }
      await page.locator(".tabs-container .tab.active", { hasText: SAMPLE }).waitFor({ timeout: STEP_TIMEOUT_MS });
    },
  },
  {
    title: "highlights the dossier as YAML (several token colours)",
    async run(page) {
      const editor = page.locator(".editor-instance .monaco-editor").first();
      await editor.locator(".view-lines .view-line").first().waitFor({ timeout: STEP_TIMEOUT_MS });
      await page.waitForFunction(
        () => {
          const spans = document.querySelectorAll(".editor-instance .monaco-editor .view-lines span[class^='mtk']");
          return new Set([...spans].map((span) => span.className)).size >= 3;
        },
        undefined,
        { timeout: STEP_TIMEOUT_MS },
      );
      const language = page.locator(".statusbar-item[id='status.editor.mode']");
      await page.waitForFunction(
        () =>
          (document.querySelector(".statusbar-item[id='status.editor.mode']")?.textContent ?? "").includes(
            "ISV Dossier",
          ),
        undefined,
        { timeout: STEP_TIMEOUT_MS },
      );
      await language.waitFor();
    },
  },
  {
    title: `lists the finding with its clause code ${CLAUSE} in the Problems panel`,
    async run(page) {
      await page.locator(".statusbar-item[id='status.problems']").click();
      const row = page.locator(".markers-panel .monaco-list-row", { hasText: CLAUSE }).first();
      await row.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
    },
  },
  {
    title: "opens the Clauses view from the language status item (category · level) with the violated clause",
    async run(page) {
      await page.locator(".statusbar-item[id='status.languageStatus']").first().click();
      // the item's hover: its text (category · level) and its command link
      await page
        .getByText(" · ", { exact: false })
        .filter({ hasText: "3" })
        .first()
        .waitFor({ timeout: STEP_TIMEOUT_MS });
      await page
        .locator("a:visible", { hasText: new RegExp(`^${t("Clauses")}$`) })
        .last()
        .click();
      const view = page
        .locator(".pane", { has: page.locator(".pane-header", { hasText: NLS["view.clauses"] }) })
        .first();
      const row = view.locator(".monaco-list-row", { hasText: "4.1.3 a)" }).first();
      await row.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
      const text = await row.innerText();
      if (!text.includes(t("Violated"))) throw new Error(`4.1.3 a) is not shown as violated: ${text}`);
      await view
        .locator(".monaco-list-row", { hasText: t("Reviewer must check") })
        .first()
        .waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
    },
  },
  {
    title: "shows the clause's text in a hover on the finding",
    async run(page, context) {
      const hover = await hoverFinding(page, context);
      const text = await hover.innerText();
      if (!text.includes(CLAUSE) && !text.includes("4.1.3 a)"))
        throw new Error(`the hover does not name the clause: ${text}`);
      await page.screenshot({ path: context.screenshot });
      context.saved = fs.statSync(context.screenshot).size;
    },
  },
  {
    title: "follows the code link in the hover to the clause in the isv-spec document",
    async run(page, context) {
      // the editor closes a hover when it draws the document again (a late diagnostics or inlay-hint update): hover
      // the finding again if the one shown before is gone
      const link = page.locator(".monaco-hover:not(.hidden) a", { hasText: CLAUSE }).first();
      if (!(await link.isVisible())) await hoverFinding(page, context);
      await link.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
      await link.click();
      await page
        .locator(".tabs-container .tab.active", { hasText: "ccrc-isv-c01-2025.md" })
        .waitFor({ timeout: STEP_TIMEOUT_MS });
      // The cursor is on the clause's heading: the line the status bar names shows the "4.1.3 a)" heading.
      const headingAtCursor = () => {
        const selection = document.querySelector(".statusbar-item[id='status.editor.selection']")?.textContent ?? "";
        const line = /(\d+)/.exec(selection)?.[1];
        const editor = [...document.querySelectorAll(".editor-instance .monaco-editor")].find(
          (candidate) => candidate.getBoundingClientRect().width > 0,
        );
        if (!line || !editor) return { ok: false, selection };
        const number = [...editor.querySelectorAll(".margin-view-overlays .line-numbers")].find(
          (element) => element.textContent?.trim() === line,
        );
        const top = number?.parentElement?.style.top;
        const text =
          [...editor.querySelectorAll(".view-lines .view-line")].find((element) => element.style.top === top)
            ?.textContent ?? "";
        return { ok: /4\.1\.3\sa\)/.test(text), selection, top, text }; // Monaco renders spaces as U+00A0
      };
      try {
        await page.waitForFunction(`(${headingAtCursor.toString()})().ok`, undefined, { timeout: STEP_TIMEOUT_MS });
      } catch (error) {
        throw new Error(
          `the cursor is not on the clause's heading: ${JSON.stringify(await page.evaluate(headingAtCursor))}`,
          { cause: error },
        );
      }
    },
  },
  {
    title: "New Dossier… asks for category, level and DR class, and opens the scaffold",
    async run(page) {
      const input = page.locator(".quick-input-widget input");
      const choose = async (text, rowText) => {
        await input.fill(text);
        const row = page.locator(".quick-input-list .monaco-list-row", { hasText: rowText }).first();
        await row.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
        await row.click();
      };
      await page.keyboard.press("F1");
      await input.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
      await choose(`>${NLS["command.newDossier"].replace(/…$/, "")}`, NLS["command.newDossier"].replace(/…$/, ""));
      await page.locator(".quick-input-title", { hasText: "1/3" }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await choose("disaster-recovery", "disaster-recovery");
      await page.locator(".quick-input-title", { hasText: "2/3" }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await choose(t("Level 1"), t("Level 1"));
      await page.locator(".quick-input-title", { hasText: "3/3" }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await choose(t("Class {0}", "B"), t("Class {0}", "B"));
      await page
        .locator(".tabs-container .tab.active", { hasText: "disaster-recovery-level1-b.dossier.yaml" })
        .waitFor({ timeout: STEP_TIMEOUT_MS });
      // the snippet is in: the cursor waits in the first value to fill in
      await page
        .locator(".editor-instance .monaco-editor .view-line", { hasText: "dr_class" })
        .first()
        .waitFor({ timeout: STEP_TIMEOUT_MS });
    },
  },
];

/**
 * A display-language pack for zh-cn without translations (test/e2e/locale-pack): with it installed, the editor's
 * display language is zh-cn, so the extension shows its Chinese strings (package.nls.zh-cn.json, l10n/); VS Code's
 * own stay English. Packaged into a temporary folder.
 */
function localePackVsix() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-locale-pack-"));
  fs.cpSync(path.join(REPO_ROOT, "test", "e2e", "locale-pack"), path.join(folder, "pack"), { recursive: true });
  const vsix = path.join(folder, "locale-pack.vsix");
  const vsce = path.join(REPO_ROOT, "node_modules", ".bin", "vsce");
  const run = spawnSync(vsce, ["package", "--allow-missing-repository", "--skip-license", "-o", vsix], {
    cwd: path.join(folder, "pack"),
    encoding: "utf8",
    timeout: 120_000,
  });
  if (run.status !== 0) throw new HarnessError(`packaging the locale pack failed: ${run.stderr || run.stdout}`);
  return vsix;
}

/** Puts the cursor on the finding (Problems panel), hovers its squiggle and returns the hover naming the clause. */
async function hoverFinding(page, context) {
  await page.locator(".markers-panel .monaco-list-row", { hasText: CLAUSE }).first().click();
  // the squiggles of every editor on the page (the first editor instance in the DOM is not always the one shown)
  const squiggles = page.locator(".editor-instance .monaco-editor .squiggly-error");
  await squiggles.first().waitFor({ state: "attached", timeout: STEP_TIMEOUT_MS });
  const viewport = page.viewportSize() ?? { width: Infinity, height: Infinity };
  /** The first squiggle drawn on the page now (an error's decoration may also sit in a line or an editor not shown). */
  const drawn = async () => {
    for (const squiggle of await squiggles.all()) {
      const box = await squiggle.boundingBox();
      if (box && box.width > 0 && box.y > 0 && box.y < viewport.height) return box;
    }
    return null;
  };
  const hover = page.locator(".monaco-hover:not(.hidden)", { hasText: context.clauseText }).first();
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (let attempt = 0; ; attempt++) {
    // measured at each attempt: the lines move when code lenses and inlay hints arrive
    const box = await drawn();
    if (!box) {
      if (Date.now() > deadline) throw new Error("no squiggle is drawn");
      await page.waitForTimeout(250);
      continue;
    }
    await page.mouse.move(box.x + Math.min(box.width / 2, 20) + (attempt % 3), box.y + box.height / 2 - 4);
    try {
      await hover.waitFor({ state: "visible", timeout: 5_000 });
      return hover;
    } catch (error) {
      await page.mouse.move(5, 5);
      if (Date.now() > deadline) throw error;
    }
  }
}

/** The catalog's Chinese text of the clause (the hover must quote it). */
function clauseText() {
  const catalog = fs.readFileSync(path.join(REPO_ROOT, "schemas", "ccrc-isv-c01-2025", "clauses.yaml"), "utf8");
  const start = catalog.indexOf(`- id: "${CLAUSE}"`);
  const zh = /zh: \|-\n\s+(.+)\n/.exec(catalog.slice(start));
  if (start < 0 || !zh) throw new HarnessError(`clause ${CLAUSE} has no text in the catalog`);
  return zh[1].trim();
}

/**
 * Runs the checks in a code-server with the .vsix installed. Returns { passed, failed, lines }.
 * options: { vsix, workspace (abs dir holding samples/), screenshot, verbose }
 */
export async function runUiTest(options) {
  const screenshot = path.resolve(options.screenshot || DEFAULT_SCREENSHOT);
  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  const lines = ["UI test (code-server page)"];
  let passed = 0;
  let failed = 0;
  const server = await startCodeServer({
    vsix: options.vsix,
    extraVsix: LOCALE === "en" ? [] : [localePackVsix()],
    languagePack:
      LOCALE === "en"
        ? undefined
        : { locale: LOCALE, id: "isv-dossier-test.isv-e2e-display-language-zh-cn", version: "0.0.1" },
    settings: UI_SETTINGS,
    verbose: options.verbose,
    locale: LOCALE,
  });
  let browser;
  try {
    const opened = await openBrowser({ viewport: { width: 1400, height: 860 } });
    browser = opened.browser;
    const { page } = opened;
    const folder = fs.existsSync(path.join(options.workspace, "samples"))
      ? path.join(options.workspace, "samples")
      : options.workspace;
    await page.goto(server.workbenchUrl(folder), { waitUntil: "domcontentloaded", timeout: STEP_TIMEOUT_MS });
    const context = { screenshot, clauseText: clauseText() };
    for (const check of CHECKS) {
      const started = Date.now();
      try {
        await check.run(page, context);
        passed++;
        lines.push(`  ok   ${check.title} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        lines.push(
          `  FAIL ${check.title}`,
          `         ${String(error && error.message ? error.message : error).split("\n")[0]}`,
        );
        const failure = path.join(os.tmpdir(), `isv-ui-failure-${Date.now()}.png`);
        await page.screenshot({ path: failure }).catch(() => undefined);
        lines.push(`         screenshot of the failure: ${failure}`);
        break; // the later checks build on this one
      }
    }
    failed += CHECKS.length - passed - failed; // checks not reached count as failed
    if (context.saved)
      lines.push(`  saved ${path.relative(REPO_ROOT, screenshot)} (${(context.saved / 1024).toFixed(0)} KB)`);
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    await server.stop();
  }
  lines.push(`${passed} passed, ${failed} failed`);
  return { passed, failed, lines };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  installSignalHandlers();
  const args = process.argv.slice(2);
  const value = (name) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const version = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).version;
  const vsix = value("--vsix") || path.join(REPO_ROOT, `isv-dossier-${version}.vsix`);
  const workspace = value("--workspace") || path.join(REPO_ROOT, "samples");
  runUiTest({ vsix, workspace, screenshot: value("--screenshot"), verbose: args.includes("--verbose") }).then(
    (result) => {
      process.stdout.write(result.lines.join("\n") + "\n");
      process.exit(result.failed === 0 ? 0 : 1);
    },
    (error) => {
      process.stderr.write(`[ui] FAILED: ${error instanceof HarnessError ? error.message : error.stack || error}\n`);
      process.exit(1);
    },
  );
}
