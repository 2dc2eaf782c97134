import type { Decision } from "../core/types";
import type { Locale, PaneText } from "./catalogue";
import { enGB } from "./en-GB";
import { enGBPane } from "./en-GB-pane";
import { wordsWith, type Words } from "./render";

// The task pane's words (and the command line's): what Outlook shows, and their own sentences. The
// pane carries British English and loads any other language when Outlook speaks it, so that its
// first render stays small for the many who read English.

export interface PaneWords extends Words {
  readonly text: PaneText;
  /** The pane's headline: how many this message reaches. */
  headline(decision: Decision): string;
}

export function paneWordsWith<Text extends PaneText>(text: Text): PaneWords & { readonly text: Text } {
  const words = wordsWith(text);
  return {
    ...words,
    text,
    headline(decision) {
      if (decision.recipients.length === 0) return text.taskPane.noRecipients;
      return text.taskPane.headline(words.people({ value: decision.reach, accuracy: decision.accuracy }));
    },
  };
}

export const BRITISH_ENGLISH: PaneWords = paneWordsWith({ ...enGB, ...enGBPane });

/** The words of `locale`; British English when that language cannot be loaded. */
export async function loadPaneWords(locale: Locale): Promise<PaneWords> {
  if (locale === "cy-GB") {
    try {
      const { cyGBWhole } = await import(/* webpackChunkName: "cy-GB" */ "./cy-GB-whole");
      return paneWordsWith(cyGBWhole);
    } catch {
      return BRITISH_ENGLISH;
    }
  }
  return BRITISH_ENGLISH;
}
