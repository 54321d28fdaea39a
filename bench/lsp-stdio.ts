// Language servers as an editor drives them, over stdio (as other editors start a server) or Node IPC (as VS Code's
// extension host forks one, in its own Node): start the process, initialize, open a dossier, wait for its first
// diagnostics (process start included), then type one character at a time (incremental didChange) and wait for
// each version's diagnostics; hover and completion round trips; the process's peak RSS from /proc.
import { ChildProcess, fork, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-jsonrpc/node";
import { BENCH_ENVIRONMENT, ProcessEnvironment } from "./child-environment";
import { COMBINED_SCHEMA } from "./yls-in-process";
import { peakRssMiB } from "./stats";

export type ServerName = "isv" | "yls";

/** The Node a server runs in, with which flags, and how it is spoken to. */
export interface Runtime {
  /** e.g. "Node 20, stdio". */
  name: string;
  execPath: string;
  /** The flags given to `execPath`; with `command`, none: the command's first line gives its own. */
  execArgv: readonly string[];
  /** Started as its package's command (`isv-dossier-server`, `yaml-language-server`: the script itself, its
   * `#!/usr/bin/env …` line choosing the flags), with `execPath`'s folder first on PATH so that `node` is that Node. */
  command?: boolean;
  transport: "stdio" | "ipc";
  /** Variables added to the environment (VS Code forks with ELECTRON_RUN_AS_NODE=1). */
  environment?: ProcessEnvironment;
}

/** This Node, over stdio, each server started as its package's command: as another editor starts a server. */
export const THIS_NODE: Runtime = {
  name: `Node ${process.versions.node.split(".")[0]}, stdio`,
  execPath: process.execPath,
  execArgv: [],
  transport: "stdio",
  command: true,
};

/** The flags our server runs with in a runtime: its own first line's when started as a command. */
export function isvFlags(runtime: Runtime, root: string): readonly string[] {
  return runtime.command ? shebangFlags(serverScript("isv", root)) : runtime.execArgv;
}

/** The flags a script's `#!/usr/bin/env -S node …` line gives (none for `#!/usr/bin/env node`). */
export function shebangFlags(script: string): string[] {
  const first = fs.readFileSync(script, "utf8").split("\n", 1)[0];
  const match = /^#!\/usr\/bin\/env\s+(?:-S\s+)?node((?:\s+\S+)*)\s*$/.exec(first);
  return match ? match[1].trim().split(/\s+/).filter(Boolean) : [];
}

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  source?: string;
  data?: { ruleId?: string };
}

interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export function serverScript(server: ServerName, root: string): string {
  return server === "isv"
    ? path.join(root, "dist", "server", "main.js")
    : path.join(root, "node_modules", "yaml-language-server", "bin", "yaml-language-server");
}

/** What each server is told by workspace/configuration (yaml-language-server: our schema, no schema store). */
function configuration(server: ServerName, root: string, section: string | undefined): unknown {
  if (server === "isv") return section === "isvDossier" ? {} : null;
  if (section !== "yaml") return section === undefined ? null : {};
  return {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    schemas: { ["file://" + path.join(root, COMBINED_SCHEMA)]: "*.dossier.yaml" },
  };
}

export class StdioServer {
  private readonly child: ChildProcess;
  private readonly connection: MessageConnection;
  private readonly waiting: Array<{
    uri: string;
    accept: (published: Published) => boolean;
    resolve: (published: Published) => void;
  }> = [];
  private publishedCount = 0;

  constructor(
    readonly server: ServerName,
    private readonly root: string,
    environment: ProcessEnvironment = BENCH_ENVIRONMENT,
    runtime: Runtime = THIS_NODE,
  ) {
    const script = serverScript(server, root);
    const env = { ...environment, ...runtime.environment };
    if (runtime.transport === "ipc") {
      // as vscode-languageclient forks a server module (TransportKind.ipc)
      this.child = fork(script, ["--node-ipc", `--clientProcessId=${process.pid}`], {
        execPath: runtime.execPath,
        execArgv: [...runtime.execArgv],
        cwd: root,
        env,
        silent: true,
      });
      this.child.stdout!.resume();
      this.connection = createMessageConnection(new IPCMessageReader(this.child), new IPCMessageWriter(this.child));
    } else {
      const command = runtime.command
        ? { file: script, args: ["--stdio"] }
        : { file: runtime.execPath, args: [...runtime.execArgv, script, "--stdio"] };
      const pathFirst = runtime.command
        ? { PATH: [path.dirname(runtime.execPath), env.PATH].filter(Boolean).join(path.delimiter) }
        : {};
      this.child = spawn(command.file, command.args, {
        stdio: ["pipe", "pipe", "pipe"],
        cwd: root,
        env: { ...env, ...pathFirst },
      });
      this.connection = createMessageConnection(
        new StreamMessageReader(this.child.stdout!),
        new StreamMessageWriter(this.child.stdin!),
      );
    }
    this.child.stderr!.resume();
    this.connection.onNotification("textDocument/publishDiagnostics", (published: Published) => {
      this.publishedCount++;
      for (let index = 0; index < this.waiting.length; index++) {
        const waiter = this.waiting[index];
        if (waiter.uri === published.uri && waiter.accept(published)) {
          this.waiting.splice(index, 1);
          waiter.resolve(published);
          break;
        }
      }
    });
    this.connection.onRequest("workspace/configuration", (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) => configuration(server, root, item.section)),
    );
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onRequest("window/workDoneProgress/create", () => null);
    this.connection.onRequest("workspace/diagnostic/refresh", () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** `workspace`: a workspace folder, and the client pulls diagnostics (as VS Code does; bench/workspace-measure.ts). */
  async initialize(workspace?: { folderUri: string }): Promise<void> {
    await this.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: workspace?.folderUri ?? null,
      ...(workspace ? { workspaceFolders: [{ uri: workspace.folderUri, name: "workspace" }] } : {}),
      locale: "en",
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: false },
          ...(workspace
            ? { diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } }
            : {}),
        },
        textDocument: {
          ...(workspace ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
          publishDiagnostics: { versionSupport: true },
          hover: { contentFormat: ["markdown"] },
          completion: { completionItem: { snippetSupport: true } },
        },
      },
    });
    await this.connection.sendNotification("initialized", {});
    await this.connection.sendNotification("workspace/didChangeConfiguration", {
      settings: { yaml: configuration(this.server, this.root, "yaml") },
    });
  }

  /** The next diagnostics published for `uri` that `accept` takes. */
  diagnostics(uri: string, accept: (published: Published) => boolean, timeoutMs = 120000): Promise<Published> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.server}: no diagnostics for ${uri} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiting.push({
        uri,
        accept,
        resolve: (published) => {
          clearTimeout(timer);
          resolve(published);
        },
      });
    });
  }

  async open(uri: string, text: string): Promise<Published> {
    const published = this.diagnostics(uri, () => true);
    await this.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: this.server === "isv" ? "isv-dossier" : "yaml", version: 1, text },
    });
    return published;
  }

  /** Sends one incremental change and waits for the diagnostics of that version (yaml-language-server's carry no version: the next ones). */
  async change(uri: string, version: number, range: Diagnostic["range"], newText: string): Promise<Published> {
    const published = this.diagnostics(
      uri,
      (candidate) => candidate.version === undefined || candidate.version === version,
    );
    await this.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ range, text: newText }],
    });
    return published;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  peakRssMiB(): number {
    return peakRssMiB(this.pid);
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5000);
    try {
      await Promise.race([
        this.connection.sendRequest("shutdown"),
        new Promise((resolve) => setTimeout(resolve, 3000)),
      ]);
      await this.connection.sendNotification("exit");
    } catch {
      this.child.kill("SIGKILL");
    }
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
