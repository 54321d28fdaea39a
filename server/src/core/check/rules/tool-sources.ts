// Tools (4.x.5): "secure, trustworthy" tools. The schema already requires at least one tool, each with a source
// (commercial, open source or in-house), and reports those itself. This rule adds a hint (info, not a requirement
// of the text) for a tool that gives no evidence of its source: a reviewer may ask where a tool came from.
import type { Finding } from "../../types";
import type { Rule, RuleContext } from "./rule";
import { displayName, enumLabel, objectsAt, stringOf } from "./support/dossier-data";

const CLAUSE = "4.x.5";
const TOOLS_PATH = ["tools"];

function checkToolSources(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const tool of objectsAt(context, TOOLS_PATH)) {
    const evidence = tool.value.evidence;
    if (Array.isArray(evidence) && evidence.length > 0) continue;
    const source = stringOf(tool.value, "source");
    // a source still to fill in is the schema's fill.empty finding; evidence of it can wait
    if (!source) continue;
    findings.push(
      context.finding({
        clauses: [context.clause(CLAUSE)],
        severity: "info",
        messageId: "tools.source-evidence.missing",
        args: {
          name: displayName(tool.value, ["name"], tool.index),
          source: enumLabel(context, [...tool.path, "source"], source),
        },
        range: context.keyRange(tool.path),
      }),
    );
  }
  return findings;
}

export const toolSourcesRule: Rule = {
  id: "tools.source-evidence",
  clauses: [CLAUSE],
  description: {
    en: "At least one tool, each with a source, is required by the schema (which reports it, citing 4.x.5). This rule adds an info hint for a tool without evidence of its source: the text asks for trustworthy tools, and a reviewer may ask where one came from.",
    zh: "至少一个工具及每个工具的来源由结构校验要求并报告（引用 4.x.5）。本规则对未提供来源证明材料的工具给出提示（info）：规范要求工具安全、可信，评审时可能询问其来源。",
  },
  messages: {
    "tools.source-evidence.missing": {
      en: "Tool “{name}” ({source}) gives no evidence of its source (purchase contract, licence, download record or in-house documentation); reviewers may ask for one.",
      zh: "工具“{name}”（{source}）未提供来源证明材料（采购合同、授权许可、下载及校验记录或自研说明），评审时可能被要求补充。",
    },
  },
  check: checkToolSources,
};
