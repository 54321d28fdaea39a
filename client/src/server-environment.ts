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
 * The flags the server's process is started with (vscode-languageclient's `execArgv`), in force from its first line,
 * each for the benchmark's memory target in VS Code's own runtime (code-server 1.139's Node 24: a 50,000-line dossier
 * opened and edited, peak RSS ≤ 150 MiB; bench/README.md):
 * - `--max-semi-space-size=4` caps V8's young generation at 4 MiB per semi-space: it otherwise grows to its largest
 *   while a 50,000-line dossier is parsed and stays resident, and the server peaked at 186–218 MiB; with the cap,
 *   129–136 MiB.
 * - `--v8-pool-size=1` gives V8 one background thread (for concurrent marking and compiling) instead of four: each
 *   thread that allocates keeps memory of its own, and the peak was 147–154 MiB with four threads, 142–145 MiB with
 *   one. It is no slower: the open → first diagnostics of a 1,000-line dossier took 120 ms against 125 ms.
 * A flag is left out when NODE_OPTIONS already says something about what it sets: the command line would override
 * the user's choice.
 */
export function serverExecArgv(nodeOptions: string | undefined = process.env.NODE_OPTIONS): string[] {
  const given = (nodeOptions ?? "").replace(/_/g, "-");
  const says = (names: string): boolean => new RegExp(`(^|\\s)--(${names})([\\s=]|$)`).test(given);
  return [
    ...(says("min-semi-space-size|max-semi-space-size|semi-space-growth-factor|max-young-generation-size")
      ? []
      : ["--max-semi-space-size=4"]),
    ...(says("v8-pool-size") ? [] : ["--v8-pool-size=1"]),
  ];
}
