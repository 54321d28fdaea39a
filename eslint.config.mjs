// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules over the sources, tests, tools and
// scripts. Not type-aware: the rules that need the type checker would build the whole program again (tsc already
// checks types in `npm run build`) and take several times as long.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

/** Node's globals, read from the Node that runs ESLint, and CommonJS's module variables. */
const nodeGlobals = {
  ...Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, "readonly"])),
  require: "readonly",
  module: "writable",
  exports: "writable",
  __dirname: "readonly",
  __filename: "readonly",
};

export default defineConfig(
  globalIgnores([
    "node_modules/",
    "out/",
    "dist/",
    ".tools/",
    ".bench/",
    "test-results/",
    // generated (npm run generate): ajv's standalone code
    "schemas/generated/",
    // due to be removed with the V8 code cache
    "server/src/node/code-cache.ts",
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: nodeGlobals },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A name that starts with `_` is left unused on purpose: a key taken out of an object by destructuring
      // (`const { $id: _id, ...rest } = schema`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // The house defers loading with require(): the command line's main process loads a command's modules (and
      // the language service) only when the command runs; `typeof import(...)` keeps those requires typed. Any
      // other require() in TypeScript is a finding.
      "@typescript-eslint/no-require-imports": ["error", { allow: ["^\\.\\.?/"] }],
      // Control characters are what the tool looks for on purpose: hostile input (encodings, evidence paths, YAML
      // scalars), characters XML cannot hold, terminal colours in the tests.
      "no-control-regex": "off",
      // The tests match YAML and table layouts as they appear, indentation written out (/^  level: 2/m).
      "no-regex-spaces": "off",
    },
  },
  {
    // CommonJS scripts and test-only modules load with require(); these entries load a bundle, or the server's
    // test-only rules, found at run time by path.
    files: [
      "**/*.cjs",
      "**/*.js",
      "server/src/lsp/main.ts",
      "server/src/cli/lint-worker-start.ts",
      "server/src/lsp/server.ts",
    ],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Functions that run in the browser page (page.evaluate, page.waitForFunction).
    files: ["test/e2e/**/*.mjs"],
    languageOptions: { globals: { document: "readonly", window: "readonly" } },
  },
  {
    // The mocha suite that runs inside the editor.
    files: ["test/e2e/sample-extension/test/**/*.js"],
    languageOptions: {
      globals: {
        describe: "readonly",
        it: "readonly",
        before: "readonly",
        after: "readonly",
        suite: "readonly",
        test: "readonly",
      },
    },
  },
);
