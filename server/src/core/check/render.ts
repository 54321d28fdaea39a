// Renders a message id with its arguments in a locale. Message texts live in l10n/messages.ts (both languages), the
// limits' and encodings' modules and the rules; the locale helpers in l10n/locale.ts (re-exported here).
import type { Locale, Localized, MessageArguments } from "../types";
import { ENCODING_MESSAGES } from "../parse/encoding";
import { LIMIT_MESSAGES } from "../parse/limits";
import { RULES } from "./rules";
import { CROSS_MESSAGES } from "./cross/cross-dossier";
import { pick, renderArgument } from "../l10n/locale";
import { MESSAGES } from "../l10n/messages";
import { WAIVER_MESSAGES } from "./waiver-checks";
import { CONFIG_MESSAGES } from "./config/config-checks";

export { normalizeLocale, pick, renderArgument } from "../l10n/locale";

const ALL_MESSAGES: { [messageId: string]: Localized } = Object.assign(
  {},
  MESSAGES,
  LIMIT_MESSAGES,
  ENCODING_MESSAGES,
  WAIVER_MESSAGES,
  CONFIG_MESSAGES,
  CROSS_MESSAGES,
  ...RULES.map((rule) => rule.messages),
);

/** Every message id with its texts (the vocabulary and punctuation tests read them all). */
export function allMessages(): { readonly [messageId: string]: Localized } {
  return ALL_MESSAGES;
}

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
