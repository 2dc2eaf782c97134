import type { Decision } from "../core/types";
import type { Catalogue, Locale } from "./catalogue";
import { CATALOGUES } from "./catalogues";
import { wordsFor, type Words } from "./words";

// The task pane's and the command line's words: what Outlook shows, and their own sentences.

export interface PaneWords extends Words {
  readonly text: Catalogue;
  /** The pane's headline: how many this message reaches. */
  headline(decision: Decision): string;
}

export function paneWordsFor(locale: Locale): PaneWords {
  const words = wordsFor(locale);
  const text = CATALOGUES[locale];
  return {
    ...words,
    text,
    headline(decision) {
      if (decision.recipients.length === 0) return text.taskPane.noRecipients;
      return text.taskPane.headline(words.people({ value: decision.reach, accuracy: decision.accuracy }));
    },
  };
}
