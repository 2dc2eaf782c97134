import type { CliCatalogue, Locale } from "./catalogue";

// What the command line says besides the pane's words, in every language: short, and kept apart so
// that the task pane does not carry it.

export const CLI_TEXT: Readonly<Record<Locale, CliCatalogue>> = {
  "en-GB": {
    cli: {
      verdict: { allow: "Allowed", warn: "Warning", block: "Blocked" },
      reach: (people) => `Reaches ${people}.`,
      columns: ["FIELD", "ADDRESS", "KIND", "SOURCE", "DETAIL"],
    },
  },
  "cy-GB": {
    cli: {
      verdict: { allow: "Caniatawyd", warn: "Rhybudd", block: "Rhwystrwyd" },
      reach: (people) => `Yn cyrraedd ${people}.`,
      columns: ["MAES", "CYFEIRIAD", "MATH", "FFYNHONNELL", "MANYLION"],
    },
  },
};
