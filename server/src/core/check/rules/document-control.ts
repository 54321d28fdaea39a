// Document control procedure (4.x.4 a): it covers organisation, service-process and quality management, and
// controls every stage of a project document's life (produce, publish, store, transmit, use for delivery and
// internally, dispose). Each missing item is its own finding, on its list's key; the values come from the model.
import type { Rule, RuleContext } from "./rule";
import { missingFromList } from "./support/coverage";

const CLAUSE = "4.x.4.a";
const PROCEDURE_PATH = ["management", "document_control"];

export const documentControlRule: Rule = {
  id: "management.document-control",
  clauses: [CLAUSE],
  description: {
    en: "The document control procedure covers organisation, service-process and quality management and every document lifecycle stage (produce, publish, store, transmit, use for delivery, internal use, dispose); each missing one is its own finding.",
    zh: "文档管理程序包括组织管理、服务过程管理、质量管理，并覆盖文档的每个环节（产生、发布、保存、传输、使用（交付）、使用（内部使用）、废弃）；每缺一项单独报告。",
  },
  messages: {
    "management.document-control.missing-cover": {
      en: "The document control procedure does not cover {label} (`{value}`).",
      zh: "文档管理程序未包括{label}（`{value}`）。",
    },
    "management.document-control.missing-stage": {
      en: "The document control procedure does not control the stage {label} (`{value}`).",
      zh: "文档管理程序未明确“{label}”环节（`{value}`）的文档控制。",
    },
  },
  check: (context: RuleContext) => {
    const clauses = [context.clause(CLAUSE)];
    return [
      ...missingFromList(context, {
        listPath: [...PROCEDURE_PATH, "covers"],
        clauses,
        messageId: "management.document-control.missing-cover",
      }),
      ...missingFromList(context, {
        listPath: [...PROCEDURE_PATH, "lifecycle"],
        clauses,
        messageId: "management.document-control.missing-stage",
      }),
    ];
  },
};
