import { createRoot } from "react-dom/client";
import type { TaskPaneBackend } from "./backend";
import { TaskPane } from "./TaskPane";
import type { PaneTheme } from "./theme";

export function mountTaskPane(element: HTMLElement, backend: TaskPaneBackend, theme: PaneTheme): () => void {
  const root = createRoot(element);
  root.render(<TaskPane backend={backend} theme={theme} />);
  return () => root.unmount();
}
