import type { Locale, OutlookCatalogue } from "./catalogue";
import { cyGB } from "./cy-GB";
import { enGB } from "./en-GB";

// What Outlook shows, in every language: the event bundle carries these halves, and nothing else of
// the catalogues (src/present/catalogues.ts has the languages whole).

export const OUTLOOK_CATALOGUES: Readonly<Record<Locale, OutlookCatalogue>> = {
  "en-GB": enGB,
  "cy-GB": cyGB,
};
