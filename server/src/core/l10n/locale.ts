// The locale and picking a text in it: what every edge needs from its first line on. Imports only types, so the
// command line's main process reads it without loading the rules and messages (check/render.ts) until a command needs them.
import type { Locale, Localized, MessageArgument } from "../types";

/** "zh-cn" for any Chinese locale (zh, zh_CN.UTF-8, zh-TW…), "en" otherwise. */
export function normalizeLocale(locale: string | undefined): Locale {
  return locale && locale.toLowerCase().startsWith("zh") ? "zh-cn" : "en";
}

export function pick(text: Localized, locale: Locale): string {
  return locale === "zh-cn" ? text.zh : text.en;
}

export function renderArgument(argument: MessageArgument, locale: Locale): string {
  if (Array.isArray(argument))
    return argument.map((item) => renderArgument(item, locale)).join(locale === "zh-cn" ? "、" : ", ");
  if (typeof argument === "object") return pick(argument, locale);
  return String(argument);
}
