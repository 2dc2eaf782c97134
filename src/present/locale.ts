import type { Locale, OutlookCatalogue } from "./catalogue";
import { cyGB } from "./cy-GB";
import { enGB } from "./en-GB";

// Which language to speak: Outlook's display language (Office.context.displayLanguage, e.g.
// "cy-GB"), by its language part, falling back to British English.

/** What Outlook shows, per language (the event bundle's share; src/present/catalogues.ts has the rest). */
export const OUTLOOK_CATALOGUES: Readonly<Record<Locale, OutlookCatalogue>> = {
  "en-GB": enGB,
  "cy-GB": cyGB,
};

export const DEFAULT_LOCALE: Locale = "en-GB";

export function localeFor(displayLanguage: unknown): Locale {
  if (typeof displayLanguage !== "string") return DEFAULT_LOCALE;
  const language = displayLanguage.trim().toLowerCase().split(/[-_]/)[0];
  return language === "cy" ? "cy-GB" : DEFAULT_LOCALE;
}
