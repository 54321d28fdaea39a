// A raw stdio connection to the bundled server (dist/server/main.js) for tests that send what a JSON-RPC library
// would never send: malformed headers, bodies that are not JSON, messages of no kind. Frames are written as given;
// what the server writes is split into messages. A kill timer bounds every run.
import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import { repositoryRoot } from "./repository";

export interface RawMessage {
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: unknown;
}

export class RawLspConnection {
  readonly child: ChildProcess;
  readonly messages: RawMessage[] = [];
  readonly stderr: string[] = [];
  /** Resolves with the exit code (null when killed by a signal) and whether the kill timer fired. */
  readonly exited: Promise<{ code: number | null; killed: boolean }>;
  private buffer = Buffer.alloc(0);
  private readonly waiters: Array<{
    predicate: (message: RawMessage) => boolean;
    resolve: (message: RawMessage) => void;
  }> = [];

  constructor(killAfterMs: number) {
    const main = path.join(repositoryRoot(), "dist", "server", "main.js");
    this.child = spawn(process.execPath, [main, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdin!.on("error", () => undefined); // the server may be gone before a write
    this.child.stderr!.on("data", (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.child.stdout!.on("data", (chunk: Buffer) => this.read(chunk));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      this.child.kill("SIGKILL");
    }, killAfterMs);
    this.exited = new Promise((resolve) =>
      this.child.once("exit", (code) => {
        clearTimeout(timer);
        resolve({ code, killed });
      }),
    );
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString("ascii"))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(
        this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8"),
      ) as RawMessage;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.messages.push(message);
      for (let index = this.waiters.length - 1; index >= 0; index--) {
        if (this.waiters[index].predicate(message)) this.waiters.splice(index, 1)[0].resolve(message);
      }
    }
  }

  /** Writes bytes as they are. */
  writeRaw(data: string | Buffer): void {
    this.child.stdin!.write(data);
  }

  /** Writes one well-formed frame around `body` (an object is serialized; a string is sent as it is). */
  send(body: object | string): void {
    const bytes = Buffer.from(typeof body === "string" ? body : JSON.stringify({ jsonrpc: "2.0", ...body }), "utf8");
    this.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, "ascii"), bytes]));
  }

  /** The answer to request `id`, or undefined when none came within `timeoutMs`. */
  answer(id: number, timeoutMs: number): Promise<RawMessage | undefined> {
    const found = this.messages.find((message) => message.id === id && message.method === undefined);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      this.waiters.push({
        predicate: (message) => message.id === id && message.method === undefined,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
      });
    });
  }

  async initialize(timeoutMs: number): Promise<void> {
    this.send({ id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } });
    if (!(await this.answer(1, timeoutMs))) throw new Error("initialize not answered");
    this.send({ method: "initialized", params: {} });
  }

  /** Every message the server sent that is not an answer (notifications and requests of its own). */
  notSolicited(): RawMessage[] {
    return this.messages.filter((message) => message.method !== undefined);
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
  }
}
