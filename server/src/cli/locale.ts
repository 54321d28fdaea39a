// The two locale helpers the command line needs from its first line on, the same as core/l10n/render.ts's. That
// module brings in every rule and message with it; importing these from here keeps the language service out of
// the main process until a command needs it (with worker threads, lint never does). test/unit/cli-locale.test.ts
// checks that both agree with the core's.
import type { Locale, Localized } from "../core/types";

/** "zh-cn" for any Chinese locale (zh, zh_CN.UTF-8, zh-TW…), "en" otherwise. */
export function normalizeLocale(locale: string | undefined): Locale {
  return locale && locale.toLowerCase().startsWith("zh") ? "zh-cn" : "en";
}

export function pick(text: Localized, locale: Locale): string {
  return locale === "zh-cn" ? text.zh : text.en;
}
