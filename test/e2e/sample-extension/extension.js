"use strict";
// Minimal extension used only to prove the end-to-end harness (test/e2e/run-in-code-server.mjs).
const vscode = require("vscode");

function activate(context) {
  context.subscriptions.push(vscode.commands.registerCommand("e2eSample.hello", (name) => `hello ${name ?? "world"}`));
}

function deactivate() {}

module.exports = { activate, deactivate };
