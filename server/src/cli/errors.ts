// Errors the CLI reports as one line on stderr with exit code 2 (usage mistakes, unreadable paths).
// Anything else thrown is an internal error: also exit 2, with a stack trace only under --debug.

/** A mistake the user can fix: a bad option, a missing file, an unreadable path. Exit code 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliUsageError";
  }
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
