// The command line's own locale helpers (server/src/cli/locale.ts, kept apart so that the main process need not load
// the language service) answer as the core's (server/src/core/l10n/render.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as cli from "../../server/src/cli/locale";
import * as core from "../../server/src/core/l10n/render";
import type { Localized } from "../../server/src/core/types";

test("normalizeLocale and pick agree with the core's", () => {
  const locales = [undefined, "", "zh", "ZH", "zh-CN", "zh_CN.UTF-8", "zh-TW", "zh-Hant", "en", "en-US", "en_GB.UTF-8", "C", "C.UTF-8", "POSIX", "fr_FR", "de", "x-zh", " zh"];
  for (const locale of locales) assert.equal(cli.normalizeLocale(locale), core.normalizeLocale(locale), JSON.stringify(locale));
  const text: Localized = { en: "English", zh: "中文" };
  for (const locale of ["en", "zh-cn"] as const) assert.equal(cli.pick(text, locale), core.pick(text, locale), locale);
});
