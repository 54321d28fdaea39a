// The list of requirement rules. A new rule: add its module and list it here (see README, "How to add a rule").
import type { Rule } from "./rule";

export const RULES: Rule[] = [];
