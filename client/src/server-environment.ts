// What the language server's process is started with besides the extension host's own environment.
//
// NODE_EXTRA_CA_CERTS names extra certificates for TLS, which Node reads and parses when the process starts, before
// any script runs: set to a system bundle (as machines behind a TLS-inspecting proxy often have it), it took about
// 40 ms of each server start on the benchmark's machine (Node's own start: 21 ms without, 60 ms with). The server
// makes no network connection, so it is started without it. Nothing else is removed.

/** Variables the server's process is started without. */
export const NOT_FOR_THE_SERVER: readonly string[] = ["NODE_EXTRA_CA_CERTS"];

/**
 * The `env` to give vscode-languageclient's server options: merged over the extension host's environment, a name
 * set to undefined is left out of the child's environment (Node skips undefined values).
 */
export function serverEnvironment(): Record<string, string | undefined> {
  return Object.fromEntries(NOT_FOR_THE_SERVER.map((name) => [name, undefined]));
}

/** The environment a process started with `base` merged with serverEnvironment() receives (as Node passes it on). */
export function environmentOfServer(base: NodeJS.ProcessEnv): Record<string, string> {
  const merged: Record<string, string | undefined> = { ...base, ...serverEnvironment() };
  return Object.fromEntries(
    Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/**
 * The V8 flags the server's process is started with (vscode-languageclient's `execArgv`), in force from its first
 * line. `--max-semi-space-size=4` caps V8's young generation at 4 MiB per semi-space: in VS Code's own runtime
 * (code-server 1.139's Node 24) the young generation otherwise grows to its largest while a 50,000-line dossier is
 * parsed and stays resident, and the server peaked at 186–218 MiB; with the cap, 129–136 MiB (target: ≤ 150 MiB;
 * bench/README.md). None is given when NODE_OPTIONS already says something about the young generation: the
 * command line would override it.
 */
export function serverExecArgv(nodeOptions: string | undefined = process.env.NODE_OPTIONS): string[] {
  const given =
    /(^|\s)--(min-semi-space-size|max-semi-space-size|semi-space-growth-factor|max-young-generation-size)([\s=]|$)/.test(
      (nodeOptions ?? "").replace(/_/g, "-"),
    );
  return given ? [] : ["--max-semi-space-size=4"];
}
