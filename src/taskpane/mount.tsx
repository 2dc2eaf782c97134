import { createRoot } from "react-dom/client";
import type { TaskPaneBackend } from "./backend";
import { TaskPane } from "./TaskPane";
import type { PaneTheme, ThemeSource } from "./theme";

/** Draws the pane into `element`; returns a function that removes it. */
export function mountTaskPane(
  element: HTMLElement,
  backend: TaskPaneBackend,
  theme: PaneTheme | ThemeSource,
): () => void {
  const root = createRoot(element);
  root.render(<TaskPane backend={backend} theme={theme} />);
  return () => root.unmount();
}
