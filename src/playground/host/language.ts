import { DEFAULT_LOCALE, LOCALES, localeFor, type Locale } from "../../present/catalogue";
// Outlook's display language, as the playground plays it: what Office.context.displayLanguage says
// in each of the add-in's runtimes. Outlook gives a language tag ("en-GB", "cy-GB"); changing it
// means restarting Outlook (or reloading Outlook on the web), so every runtime starts again with it.

/** The languages the add-in speaks are the ones the playground can play. */
export const DISPLAY_LANGUAGES = LOCALES;
export type DisplayLanguage = Locale;
export const DEFAULT_DISPLAY_LANGUAGE: DisplayLanguage = DEFAULT_LOCALE;

export function isDisplayLanguage(value: unknown): value is DisplayLanguage {
  return typeof value === "string" && (DISPLAY_LANGUAGES as readonly string[]).includes(value);
}

/** The page address's `lang`: "cy" (or "cy-GB", any case) is Welsh; anything else, or none, English. */
export function displayLanguageFromAddress(value: string | null): DisplayLanguage {
  return localeFor(value);
}

/** What the page address says for `language`: its language part, or nothing for the default. */
export function displayLanguageForAddress(language: DisplayLanguage): string | null {
  return language === DEFAULT_DISPLAY_LANGUAGE ? null : (language.split("-")[0] ?? language);
}
