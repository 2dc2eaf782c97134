/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { labelFor, parseManifest } from "../../src/playground/host/manifest";
import { makeHost, MANIFEST } from "./helpers";
import { PlaygroundHost } from "../../src/playground/host/playground-host";

// Outlook shows the add-in's own compose button in its display language, from the manifest's
// Override elements; the playground does too, so the button the Welsh text names is the one on show.

test("the development manifest's button has a Welsh label", () => {
  const facts = parseManifest(readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8"));
  expect(facts.taskPaneButton?.label).toBe("Review recipients");
  expect(facts.taskPaneButtonLabels).toMatchObject({ "cy-GB": "Adolygu derbynwyr" });
});

test.each([
  ["en-GB", "Review recipients"],
  ["cy-GB", "Adolygu derbynwyr"],
  ["CY-gb", "Adolygu derbynwyr"],
  ["cy", "Adolygu derbynwyr"],
  ["fr-FR", "Review recipients"],
])("in %s the label is %s", (language, label) => {
  expect(labelFor("Review recipients", { "cy-GB": "Adolygu derbynwyr" }, language)).toBe(label);
});

test("the compose window's button follows the language switch", () => {
  const host = new PlaygroundHost({
    ...makeHost().host.environment,
    manifest: { ...MANIFEST, taskPaneButtonLabels: { "cy-GB": "Adolygu derbynwyr" } },
  });
  expect(host.taskPaneButtonLabel()).toBe("Review recipients");
  host.setDisplayLanguage("cy-GB");
  expect(host.taskPaneButtonLabel()).toBe("Adolygu derbynwyr");
  expect(makeHost().host.taskPaneButtonLabel()).toBe("Review recipients");
});
