import { createContext, useContext, type ReactNode } from "react";
import { BRITISH_ENGLISH, type PaneWords } from "../present/pane-words";

// The pane's words, in Outlook's display language, for every component below the pane.

const WordsContext = createContext<PaneWords>(BRITISH_ENGLISH);

export function WordsProvider({ words, children }: { words: PaneWords; children: ReactNode }) {
  return <WordsContext.Provider value={words}>{children}</WordsContext.Provider>;
}

export function useWords(): PaneWords {
  return useContext(WordsContext);
}
