// The language server process, bundled as dist/server/language-server.js and loaded by dist/server/main.js (main.ts):
// the transport from the command line, `--stdio` when none is named, then the server.
//
// The connection's console is silent and guards the stream (quietConsole): the JSON-RPC library logs what it could
// not handle (window/logMessage, quoting what it received: dossier text), and the server sends nothing but answers;
// and a stream it cannot read (a malformed header such as `Content-Length: abc`, a body that is not JSON) ends the
// process with exit code 1, so that the editor restarts it, instead of leaving it alive and deaf.
import {
  combineFeatures,
  createConnection,
  Features,
  MessageConnection,
  ProposedFeatures,
  RemoteConsole,
  _,
} from "vscode-languageserver/node";
import { startServer } from "./server";

/** Exit code of a server whose connection failed (not 0: the client restarts a server that ends so). */
export const EXIT_CONNECTION_ERROR = 1;

/** What vscode-languageserver's console has besides RemoteConsole: it is attached to the raw connection. */
type RawConsole = RemoteConsole & { rawAttach(connection: MessageConnection): void };

function quietConsole(Base: new () => RemoteConsole): new () => RemoteConsole {
  return class QuietConsole extends (Base as new () => RawConsole) {
    override rawAttach(connection: MessageConnection): void {
      super.rawAttach(connection);
      // A read error leaves the stream out of step (or a message unread, its sender waiting): nothing after it can
      // be trusted. A write error means the client no longer reads. Either way the process ends; stderr gets the
      // kind only (an error's message may quote what was received).
      connection.onError(() => {
        process.stderr.write("isv-dossier-server: ConnectionError exit\n");
        process.exit(EXIT_CONNECTION_ERROR);
      });
    }
    override error(): void {}
    override warn(): void {}
    override info(): void {}
    override log(): void {}
    override debug(): void {}
  };
}

const QUIET: Features<_> = { __brand: "features", console: quietConsole };

if (process.argv.includes("--version")) {
  process.stdout.write("isv-dossier-server\n");
  process.exit(0);
}
if (
  !process.argv.some(
    (argument) =>
      argument === "--stdio" ||
      argument === "--node-ipc" ||
      argument.startsWith("--socket") ||
      argument.startsWith("--pipe"),
  )
) {
  process.argv.push("--stdio");
}
startServer(createConnection(combineFeatures(ProposedFeatures.all, QUIET)));
