import type { Locale } from "./catalogue";
import { OUTLOOK_CATALOGUES } from "./locale";
import { wordsWith, type Words } from "./render";

// The words of what Outlook shows, in any language Reach Guard speaks: the event bundle's way in.

export type { AlertOptions, Words } from "./render";

export function wordsFor(locale: Locale): Words {
  return wordsWith(OUTLOOK_CATALOGUES[locale]);
}
