// A real LSP client over stdio for tests: starts `isv-dossier-server --stdio` (the bundled dist/server/main.js)
// as a child process and talks JSON-RPC to it with vscode-jsonrpc.
import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import {
  createMessageConnection,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-jsonrpc/node";
import { repositoryRoot } from "./repository";

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Array<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity?: number;
    code?: string | number;
    codeDescription?: { href: string };
    source?: string;
    message: string;
    relatedInformation?: unknown[];
  }>;
}

export class TestLspClient {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  readonly stderr: string[] = [];
  private readonly waiters: Array<{
    uri: string;
    predicate: (published: PublishedDiagnostics) => boolean;
    resolve: (published: PublishedDiagnostics) => void;
  }> = [];
  readonly published: PublishedDiagnostics[] = [];
  configuration: unknown = {};
  /** How the client answers workspace/configuration: at once (0), after so many milliseconds, or never. */
  configurationDelay: number | "never" = 0;

  constructor(extraArguments: string[] = [], environment: NodeJS.ProcessEnv = process.env) {
    const main = path.join(repositoryRoot(), "dist", "server", "main.js");
    this.child = spawn(process.execPath, [main, "--stdio", ...extraArguments], {
      stdio: ["pipe", "pipe", "pipe"],
      env: environment,
    });
    this.child.stderr!.on("data", (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = createMessageConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onNotification("textDocument/publishDiagnostics", (published: PublishedDiagnostics) => {
      this.published.push(published);
      for (let index = this.waiters.length - 1; index >= 0; index--) {
        const waiter = this.waiters[index];
        if (waiter.uri === published.uri && waiter.predicate(published)) {
          this.waiters.splice(index, 1);
          waiter.resolve(published);
        }
      }
    });
    this.connection.onRequest("workspace/configuration", (params: { items: unknown[] }) => {
      const answer = () => params.items.map(() => this.configuration);
      if (this.configurationDelay === "never") return new Promise<never>(() => undefined);
      if (this.configurationDelay === 0) return answer();
      const delay = this.configurationDelay;
      return new Promise((resolve) => setTimeout(() => resolve(answer()), delay));
    });
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onNotification("window/logMessage", () => undefined);
    this.connection.listen();
  }

  async initialize(
    locale: string,
    rootUri: string | null = null,
  ): Promise<{ capabilities: { [name: string]: unknown } }> {
    const result = await this.connection.sendRequest<{ capabilities: { [name: string]: unknown } }>("initialize", {
      processId: process.pid,
      rootUri,
      locale,
      capabilities: {
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    });
    await this.connection.sendNotification("initialized", {});
    return result;
  }

  /** Resolves with the next diagnostics published for `uri` that satisfy the predicate. */
  diagnostics(
    uri: string,
    predicate: (published: PublishedDiagnostics) => boolean = () => true,
    timeoutMs = 15000,
  ): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        uri,
        predicate,
        resolve: (published) => {
          clearTimeout(timer);
          resolve(published);
        },
      });
    });
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "isv-dossier", version, text },
    });
  }

  change(uri: string, version: number, contentChanges: unknown[]): Promise<void> {
    return this.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges,
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  /** shutdown + exit; resolves with the process exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once("exit", (code) => resolve(code)));
    await this.connection.sendRequest("shutdown");
    await this.connection.sendNotification("exit");
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.child.kill("SIGKILL");
    this.connection.dispose();
  }
}
