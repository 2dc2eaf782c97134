import { createRoot } from "react-dom/client";
import type { TaskPaneBackend } from "./backend";
import { TaskPane } from "./TaskPane";
import type { PaneTheme, ThemeSource } from "./theme";
import type { PaneWords } from "../present/pane-words";

/** Draws the pane into `element`; returns a function that removes it. */
export function mountTaskPane(
  element: HTMLElement,
  backend: TaskPaneBackend,
  theme: PaneTheme | ThemeSource,
  words?: PaneWords,
): () => void {
  const root = createRoot(element);
  root.render(<TaskPane backend={backend} theme={theme} {...(words ? { words } : {})} />);
  return () => root.unmount();
}
