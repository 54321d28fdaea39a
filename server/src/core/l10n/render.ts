// Renders a message id with its arguments in a locale. Message texts live in messages.ts (both languages), the
// limits' and encodings' modules and the rules; the locale helpers in locale.ts (re-exported here).
import type { Locale, Localized, MessageArguments } from "../types";
import { ENCODING_MESSAGES } from "../encoding";
import { LIMIT_MESSAGES } from "../limits";
import { RULES } from "../rules";
import { pick, renderArgument } from "./locale";
import { MESSAGES } from "./messages";

export { normalizeLocale, pick, renderArgument } from "./locale";

const ALL_MESSAGES: { [messageId: string]: Localized } = Object.assign(
  {},
  MESSAGES,
  LIMIT_MESSAGES,
  ENCODING_MESSAGES,
  ...RULES.map((rule) => rule.messages),
);

/** Whether a message id has texts (in both languages). */
export function hasMessage(messageId: string): boolean {
  return ALL_MESSAGES[messageId] !== undefined;
}

export function renderMessage(messageId: string, args: MessageArguments, locale: Locale): string {
  const template = ALL_MESSAGES[messageId];
  if (!template) return `${messageId} ${JSON.stringify(args)}`;
  return pick(template, locale).replace(/\{(\w+)\}/g, (match, name: string) =>
    args[name] === undefined ? match : renderArgument(args[name], locale),
  );
}
