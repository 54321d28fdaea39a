#!/usr/bin/env node
// Writes the extension's keys of the root package.json (contributes, activation, capabilities, presentation and the
// extension's scripts) and leaves every other key as it is. Idempotent: run it again after changing this file.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const MANIFEST = path.join(ROOT, "package.json");

const SEVERITY = { type: "string", enum: ["error", "warning", "info", "off"] };

const contributes = {
  languages: [
    {
      id: "isv-dossier",
      aliases: ["ISV Dossier", "isv-dossier"],
      extensions: [".dossier.yaml", ".dossier.yml"],
      configuration: "./client/language-configuration.json",
    },
  ],
  grammars: [
    {
      language: "isv-dossier",
      scopeName: "source.isv-dossier",
      path: "./client/syntaxes/isv-dossier.tmLanguage.json",
      unbalancedBracketScopes: [
        "invalid.illegal",
        "meta.scalar.yaml",
        "storage.type.tag.shorthand.yaml",
        "keyword.control.flow",
      ],
    },
  ],
  configurationDefaults: {
    "[isv-dossier]": {
      "editor.insertSpaces": true,
      "editor.tabSize": 2,
      "editor.autoIndent": "advanced",
      "editor.quickSuggestions": { strings: "on" },
      "diffEditor.ignoreTrimWhitespace": false,
    },
  },
  configuration: {
    title: "%configuration.title%",
    properties: {
      "isvDossier.locale": {
        type: "string",
        enum: ["auto", "en", "zh-cn"],
        enumDescriptions: ["%configuration.locale.auto%", "%configuration.locale.en%", "%configuration.locale.zh-cn%"],
        default: "auto",
        scope: "resource",
        markdownDescription: "%configuration.locale%",
      },
      "isvDossier.leaseWarningMonths": {
        type: "integer",
        minimum: 0,
        maximum: 120,
        default: 6,
        scope: "resource",
        markdownDescription: "%configuration.leaseWarningMonths%",
      },
      "isvDossier.severity": {
        type: "object",
        additionalProperties: SEVERITY,
        default: {},
        scope: "resource",
        markdownDescription: "%configuration.severity%",
      },
      "isvDossier.checkEvidence": {
        type: "boolean",
        default: true,
        scope: "resource",
        markdownDescription: "%configuration.checkEvidence%",
      },
      "isvDossier.maxFileSizeBytes": {
        type: "integer",
        minimum: 1024,
        maximum: 268435456,
        default: 5242880,
        scope: "resource",
        markdownDescription: "%configuration.maxFileSizeBytes%",
      },
      "isvDossier.timeBudgetMs": {
        type: "integer",
        minimum: 100,
        maximum: 600000,
        default: 2000,
        scope: "resource",
        markdownDescription: "%configuration.timeBudgetMs%",
      },
      "isvDossier.trace.server": {
        type: "string",
        enum: ["off", "messages", "verbose"],
        default: "off",
        scope: "resource",
        markdownDescription: "%configuration.trace.server%",
      },
    },
  },
  commands: [
    {
      command: "isvDossier.newDossier",
      title: "%command.newDossier%",
      category: "%command.category%",
      icon: "$(new-file)",
    },
    {
      command: "isvDossier.goToClause",
      title: "%command.goToClause%",
      category: "%command.category%",
      icon: "$(go-to-file)",
    },
    {
      command: "isvDossier.showChecklist",
      title: "%command.showChecklist%",
      category: "%command.category%",
      icon: "$(checklist)",
    },
    { command: "isvDossier.showClauses", title: "%command.showClauses%", category: "%command.category%" },
    {
      command: "isvDossier.refreshClauses",
      title: "%command.refreshClauses%",
      category: "%command.category%",
      icon: "$(refresh)",
    },
    { command: "isvDossier.restartServer", title: "%command.restartServer%", category: "%command.category%" },
    { command: "isvDossier.openClause", title: "%command.openClause%", category: "%command.category%" },
    { command: "isvDossier.revealFinding", title: "%command.revealFinding%", category: "%command.category%" },
  ],
  menus: {
    commandPalette: [
      { command: "isvDossier.showChecklist", when: "editorLangId == isv-dossier" },
      { command: "isvDossier.refreshClauses", when: "false" },
      { command: "isvDossier.openClause", when: "false" },
      { command: "isvDossier.revealFinding", when: "false" },
    ],
    "view/title": [
      { command: "isvDossier.goToClause", when: "view == isvDossier.clauses", group: "navigation@1" },
      {
        command: "isvDossier.showChecklist",
        when: "view == isvDossier.clauses && isvDossier.hasActiveDossier",
        group: "navigation@2",
      },
      { command: "isvDossier.refreshClauses", when: "view == isvDossier.clauses", group: "navigation@3" },
      { command: "isvDossier.newDossier", when: "view == isvDossier.clauses", group: "1_create" },
    ],
    "view/item/context": [
      {
        command: "isvDossier.openClause",
        when: "view == isvDossier.clauses && viewItem =~ /^clause/",
        group: "navigation",
      },
    ],
    "editor/title": [{ command: "isvDossier.showChecklist", when: "editorLangId == isv-dossier", group: "navigation" }],
  },
  viewsContainers: {
    activitybar: [{ id: "isvDossier", title: "%viewsContainer.title%", icon: "client/media/clauses.svg" }],
  },
  views: {
    isvDossier: [
      {
        id: "isvDossier.clauses",
        name: "%view.clauses%",
        icon: "client/media/clauses.svg",
        contextualTitle: "%viewsContainer.title%",
      },
    ],
  },
  viewsWelcome: [{ view: "isvDossier.clauses", contents: "%view.clauses.welcome%" }],
};

const ownKeys = {
  publisher: "isv-dossier",
  displayName: "%displayName%",
  description: "%description%",
  icon: "client/media/icon.png",
  galleryBanner: { color: "#1d3557", theme: "dark" },
  categories: ["Programming Languages", "Linters"],
  keywords: ["CCRC", "CCRC-ISV-C01", "dossier", "YAML", "信息安全服务", "资质"],
  l10n: "./l10n",
  activationEvents: ["onLanguage:isv-dossier", "onView:isvDossier.clauses", "onFileSystem:isv-spec"],
  capabilities: {
    untrustedWorkspaces: { supported: true },
    virtualWorkspaces: { supported: "limited", description: "%capabilities.virtualWorkspaces%" },
  },
  contributes,
};

const ownScripts = {
  package:
    "npm run compile && node server/build.mjs --production && vsce package --no-dependencies --allow-missing-repository --no-rewrite-relative-links",
  "test:e2e": "node test/e2e/run-e2e.mjs",
  "test:electron": "npm run build && node test/e2e/electron.mjs",
  editor: "node test/e2e/run-e2e.mjs --editor",
};

const manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8"));
// Rebuild the object so that the extension's keys sit after "engines", in a stable order.
const result = {};
for (const [key, value] of Object.entries(manifest)) {
  if (key in ownKeys) continue;
  result[key] = value;
  if (key === "engines") Object.assign(result, ownKeys);
}
for (const [key, value] of Object.entries(ownKeys)) if (!(key in result)) result[key] = value;
result.scripts = { ...(manifest.scripts ?? {}), ...ownScripts };
fs.writeFileSync(MANIFEST, JSON.stringify(result, null, 2) + "\n");
console.log(`updated ${path.relative(process.cwd(), MANIFEST) || MANIFEST}`);
