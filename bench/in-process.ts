// The in-process contenders, measured interleaved on the same files and the same edits: isv-dossier's core (a
// fresh document, a full re-validation, an incremental re-validation), the full re-parse floor (yaml.parseDocument
// + toJS + the compiled ajv validator) and yaml-language-server's language service with our combined schema, each
// in a process of its own (contender-child.ts). Every measured edit also checks that the incremental result equals
// a full validation of the same text.
import { ChildProcess, fork } from "node:child_process";
import * as path from "node:path";
import { BenchFile, ChildReply, ChildRequest, IN_PROCESS_CONTENDERS, InProcessContender } from "./shared";
import { median } from "./stats";

export interface InProcessResult {
  file: BenchFile;
  /** Median ms of the first validation of a document never seen before (warm process). */
  open: { [contender in "isv" | "yls" | "floor"]: number };
  /** Median ms of a re-validation after a one-character edit. */
  edit: { [contender in InProcessContender]: number };
  /** Schema findings each contender reported on the last edited text. */
  schemaFindings: { [contender in InProcessContender]: number };
  /** Median ms of hover and completion in the core and in yaml-language-server's service, near the middle. */
  requests: { isvHover: number; isvCompletion: number; ylsHover: number; ylsCompletion: number };
  /** Edits whose incremental result differed from a full validation (must be 0). */
  mismatches: number;
  edits: number;
}

/** A contender's own process (bench/contender-child.ts), asked one thing at a time. */
class ContenderProcess {
  private readonly child: ChildProcess;
  private pending: ((reply: ChildReply & { error?: string }) => void) | undefined;

  constructor(
    readonly contender: InProcessContender,
    root: string,
  ) {
    this.child = fork(path.join(root, "out", "bench", "contender-child.js"), [], {
      execArgv: ["--expose-gc"],
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    this.child.on("message", (reply: ChildReply & { error?: string }) => {
      const resolve = this.pending;
      this.pending = undefined;
      resolve?.(reply);
    });
  }

  ask(request: ChildRequest): Promise<ChildReply> {
    return new Promise((resolve, reject) => {
      this.pending = (reply) => (reply.error ? reject(new Error(`${this.contender}: ${reply.error}`)) : resolve(reply));
      this.child.send(request);
    });
  }

  stop(): void {
    this.child.kill();
  }
}

/**
 * Each contender runs in a process of its own (as in an editor, where every tool is its own server), and the
 * parent asks them in turn — the order rotating from edit to edit — so that load on the machine hits all alike.
 */
export async function measureInProcess(
  root: string,
  file: BenchFile,
  rounds: number,
  openRounds: number,
  requestCount: number,
): Promise<InProcessResult> {
  const processes = IN_PROCESS_CONTENDERS.map((contender) => new ContenderProcess(contender, root));
  const byName = (name: InProcessContender) => processes[IN_PROCESS_CONTENDERS.indexOf(name)];
  try {
    // Warm: compiled code, as after a while of typing (small dossiers need more edits to get there).
    const warmUp = file.lines <= 2000 ? 60 : file.lines <= 20000 ? 20 : 5;
    for (const process of processes)
      await process.ask({
        type: "setup",
        contender: process.contender,
        path: file.path,
        uri: file.uri,
        warmUp,
        edits: rounds,
      });
    const opens = { isv: [] as number[], yls: [] as number[], floor: [] as number[] };
    for (let round = 0; round < openRounds; round++) {
      opens.isv.push((await byName("isv-incremental").ask({ type: "open", round })).ms ?? NaN);
      opens.floor.push((await byName("floor").ask({ type: "open", round })).ms ?? NaN);
      opens.yls.push((await byName("yls").ask({ type: "open", round })).ms ?? NaN);
    }
    const times: { [contender in InProcessContender]: number[] } = {
      "isv-incremental": [],
      "isv-full": [],
      floor: [],
      yls: [],
    };
    const counts: { [contender in InProcessContender]: number } = {
      "isv-incremental": -1,
      "isv-full": -1,
      floor: -1,
      yls: -1,
    };
    let mismatches = 0;
    for (let round = 0; round < rounds; round++) {
      const digests: { [contender: string]: string | undefined } = {};
      for (let turn = 0; turn < processes.length; turn++) {
        const process = processes[(round + turn) % processes.length];
        const reply = await process.ask({ type: "edit", index: warmUp + round });
        times[process.contender].push(reply.ms ?? NaN);
        counts[process.contender] = reply.schemaFindings ?? -1;
        digests[process.contender] = reply.digest;
      }
      if (!digests["isv-incremental"] || digests["isv-incremental"] !== digests["isv-full"]) mismatches++;
    }
    const isvRequests = await byName("isv-incremental").ask({ type: "requests", count: requestCount });
    const ylsRequests = await byName("yls").ask({ type: "requests", count: requestCount });
    return {
      file,
      open: { isv: median(opens.isv), yls: median(opens.yls), floor: median(opens.floor) },
      edit: {
        "isv-incremental": median(times["isv-incremental"]),
        "isv-full": median(times["isv-full"]),
        floor: median(times.floor),
        yls: median(times.yls),
      },
      schemaFindings: counts,
      requests: {
        isvHover: isvRequests.hover ?? NaN,
        isvCompletion: isvRequests.completion ?? NaN,
        ylsHover: ylsRequests.hover ?? NaN,
        ylsCompletion: ylsRequests.completion ?? NaN,
      },
      mismatches,
      edits: rounds,
    };
  } finally {
    for (const process of processes) process.stop();
  }
}
