import { installPlaygroundOffice } from "./install";
import { startJavascriptOnlyRuntime } from "./javascript-runtime";

// frame.js: loaded by the playground's taskpane.html and commands.html between office.js and the
// add-in's bundle; the page says which frame it is with <script data-frame="events|taskpane">.
// Started as a Worker by the page, it is classic Outlook's JavaScript-only event runtime instead.
if (typeof document === "undefined") {
  startJavascriptOnlyRuntime(self as unknown as Parameters<typeof startJavascriptOnlyRuntime>[0]);
} else {
  const kind = document.currentScript?.getAttribute("data-frame") === "events" ? "events" : "taskpane";
  installPlaygroundOffice(window, kind);
}
