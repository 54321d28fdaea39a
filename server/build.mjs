// Bundles the language server, the CLI and the VS Code extension with esbuild (one file each, Node 20, CommonJS).
import * as esbuild from "esbuild";
import * as fs from "node:fs";

const production = process.argv.includes("--production");

// yaml reads `process.env.LOG_TOKENS` for every token it parses (and LOG_STREAM for every document), a debugging
// switch of its own; each read is a call into the environment that costs about a tenth of a parse. The bundles
// read it once, at load, instead.
const yamlDebugSwitchesOnce = {
  name: "yaml-debug-switches-once",
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, "utf8");
      const replaced = source.replace(/node_process\.env\.(LOG_TOKENS|LOG_STREAM)/g, (_match, name) => `ISV_YAML_${name}`);
      if (replaced === source) throw new Error(`yaml's ${args.path} no longer reads LOG_TOKENS/LOG_STREAM as expected`);
      const names = [...new Set([...source.matchAll(/node_process\.env\.(LOG_TOKENS|LOG_STREAM)/g)].map((match) => match[1]))];
      const header = names.map((name) => `const ISV_YAML_${name} = require("process").env.${name};`).join("\n");
      return { contents: `${header}\n${replaced}`, loader: "js" };
    });
  },
};
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: !production,
  minify: production,
  legalComments: "none",
  logLevel: "warning",
  plugins: [yamlDebugSwitchesOnce],
};

const entries = [
  { entryPoints: ["server/src/main.ts"], outfile: "dist/server/main.js", banner: { js: "#!/usr/bin/env node" } },
  { entryPoints: ["server/src/cli.ts"], outfile: "dist/server/cli.js", banner: { js: "#!/usr/bin/env node" } },
  { entryPoints: ["server/src/cli/lint-worker.ts"], outfile: "dist/server/lint-worker.js" },
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/client/extension.js", external: ["vscode"] },
]
  .filter((entry) => fs.existsSync(entry.entryPoints[0]))
  // esbuild keeps a source file's own shebang; add one only where the source has none
  .map((entry) => (fs.readFileSync(entry.entryPoints[0], "utf8").startsWith("#!") ? { ...entry, banner: undefined, executable: true } : { ...entry, executable: Boolean(entry.banner) }));

await Promise.all(entries.map(({ executable: _executable, ...entry }) => esbuild.build({ ...common, ...entry })));
for (const entry of entries) if (entry.executable) fs.chmodSync(entry.outfile, 0o755);
