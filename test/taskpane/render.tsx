import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TaskPane } from "../../src/taskpane/TaskPane";
import type { TaskPaneBackend } from "../../src/taskpane/backend";

/** Renders the pane as Outlook would show it, with a user who types and clicks. */
export function renderPane(backend: TaskPaneBackend) {
  const user = userEvent.setup();
  const view = render(<TaskPane backend={backend} theme="light" />);
  return { user, ...view };
}
