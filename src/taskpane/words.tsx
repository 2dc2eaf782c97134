import { createContext, useContext, type ReactNode } from "react";
import { wordsFor, type Words } from "../present/words";

// The pane's words, in Outlook's display language, for every component below the pane.

const WordsContext = createContext<Words>(wordsFor("en-GB"));

export function WordsProvider({ words, children }: { words: Words; children: ReactNode }) {
  return <WordsContext.Provider value={words}>{children}</WordsContext.Provider>;
}

export function useWords(): Words {
  return useContext(WordsContext);
}
