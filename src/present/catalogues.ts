import type { Catalogue, Locale } from "./catalogue";
import { cyGBPane } from "./cy-GB-pane";
import { enGBPane } from "./en-GB-pane";
import { OUTLOOK_CATALOGUES } from "./locale";

// Every language whole: what Outlook shows and what the task pane and the command line show.

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = {
  "en-GB": { ...OUTLOOK_CATALOGUES["en-GB"], ...enGBPane },
  "cy-GB": { ...OUTLOOK_CATALOGUES["cy-GB"], ...cyGBPane },
};
