// Renders a message id with its arguments in a locale. Message texts live in messages.ts (both languages).
import type { Locale, Localized, MessageArgument, MessageArguments } from "../types";
import { ENCODING_MESSAGES } from "../encoding";
import { LIMIT_MESSAGES } from "../limits";
import { RULES } from "../rules";
import { MESSAGES } from "./messages";

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

export function normalizeLocale(locale: string | undefined): Locale {
  return locale && locale.toLowerCase().startsWith("zh") ? "zh-cn" : "en";
}

export function pick(text: Localized, locale: Locale): string {
  return locale === "zh-cn" ? text.zh : text.en;
}

export function renderArgument(argument: MessageArgument, locale: Locale): string {
  if (Array.isArray(argument)) return argument.map((item) => renderArgument(item, locale)).join(locale === "zh-cn" ? "、" : ", ");
  if (typeof argument === "object") return pick(argument, locale);
  return String(argument);
}

export function renderMessage(messageId: string, args: MessageArguments, locale: Locale): string {
  const template = ALL_MESSAGES[messageId];
  if (!template) return `${messageId} ${JSON.stringify(args)}`;
  return pick(template, locale).replace(/\{(\w+)\}/g, (match, name: string) =>
    args[name] === undefined ? match : renderArgument(args[name], locale),
  );
}
