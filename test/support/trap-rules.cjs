// TEST ONLY: rules the language server adds when the environment variable ISV_DOSSIER_TEST_RULES names this file
// (see testOnlyRules in server/src/lsp/server.ts). Each acts only on text carrying its marker comment, so one server
// process can serve several tests, and the samples are unaffected:
//   `# test: throw`        test.throws throws an Error
//   `# test: slow <ms>`    each of the SLOW_RULE_COUNT rules test.slow-<n> busy-waits <ms> milliseconds, then writes
//                          "test-rule ran: slow" to stderr
//   `# test: mark <word>`  test.mark writes "test-rule ran: <word>" to stderr (a test's own word, never dossier data)
"use strict";

const SLOW_RULE_COUNT = 20;

function rule(id, check) {
  return {
    id,
    clauses: ["4.x.1"],
    description: { en: "Test-only rule.", zh: "仅供测试的规则。" },
    messages: {},
    check,
    // Each reads the text for its marker comment.
    readsWholeText: true,
  };
}

function busyWait(milliseconds) {
  const until = Date.now() + milliseconds;
  while (Date.now() < until) {
    // burn the CPU like a slow rule would
  }
}

const mark = rule("test.mark", (context) => {
  const match = /^# test: mark (\w+)/m.exec(context.text);
  if (match) process.stderr.write(`test-rule ran: ${match[1]}\n`);
  return [];
});

const throws = rule("test.throws", (context) => {
  if (context.text.includes("# test: throw")) throw new Error("injected failure");
  return [];
});

const slow = Array.from({ length: SLOW_RULE_COUNT }, (_, index) =>
  rule(`test.slow-${index + 1}`, (context) => {
    const match = /^# test: slow (\d+)/m.exec(context.text);
    if (match) {
      busyWait(Number(match[1]));
      process.stderr.write("test-rule ran: slow\n");
    }
    return [];
  }),
);

module.exports = { rules: [mark, throws, ...slow], SLOW_RULE_COUNT };
