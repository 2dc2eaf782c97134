import type { Catalogue, Locale } from "./catalogue";
import { CLI_TEXT } from "./cli-text";
import { cyGBWhole } from "./cy-GB-whole";
import { enGB } from "./en-GB";
import { enGBPane } from "./en-GB-pane";
import { paneWordsWith, type PaneWords } from "./pane-words";

// Every language whole, loaded at once: for the command line and the tests. The task pane loads
// only the language it speaks (./pane-words.ts, loadPaneWords).

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = {
  "en-GB": { ...enGB, ...enGBPane, ...CLI_TEXT["en-GB"] },
  "cy-GB": { ...cyGBWhole, ...CLI_TEXT["cy-GB"] },
};

/** The command line's words: the pane's, and its own. */
export interface CliWords extends PaneWords {
  readonly text: Catalogue;
}

export function paneWordsFor(locale: Locale): CliWords {
  return paneWordsWith(CATALOGUES[locale]);
}
