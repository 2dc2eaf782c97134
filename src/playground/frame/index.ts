import { installPlaygroundOffice } from "./install";

// frame.js: loaded by the playground's taskpane.html and commands.html between office.js and the
// add-in's bundle. The page says which frame it is with <script data-frame="events|taskpane">.
const kind = document.currentScript?.getAttribute("data-frame") === "events" ? "events" : "taskpane";
installPlaygroundOffice(window, kind);
