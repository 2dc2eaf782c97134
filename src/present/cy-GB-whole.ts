import type { PaneText } from "./catalogue";
import { cyGB } from "./cy-GB";
import { cyGBPane } from "./cy-GB-pane";

// Welsh as the task pane shows it, loaded on demand (./pane-words.ts) when Outlook speaks Welsh.

export const cyGBWhole: PaneText = { ...cyGB, ...cyGBPane };
