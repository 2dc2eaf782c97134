import { createContext, useContext, type ReactNode } from "react";
import { paneWordsFor, type PaneWords } from "../present/pane-words";

// The pane's words, in Outlook's display language, for every component below the pane.

const WordsContext = createContext<PaneWords>(paneWordsFor("en-GB"));

export function WordsProvider({ words, children }: { words: PaneWords; children: ReactNode }) {
  return <WordsContext.Provider value={words}>{children}</WordsContext.Provider>;
}

export function useWords(): PaneWords {
  return useContext(WordsContext);
}
