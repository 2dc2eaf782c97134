import { listMailTip } from "../../src/present/mailtip";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCatalogueText, type Catalogue } from "../../src/core/catalogue";
import { parsePolicyText, type Policy } from "../../src/core/policy";
import type { BackstopOptions } from "../../src/exchange/plan";
import { DEMO_DYNAMIC_LISTS_PATH, loadDemoDirectory } from "../../src/fake-graph/demo";
import { demoCatalogueText } from "../../src/playground/server/demo-catalogue";

// The demo policy (config/policy.json) and the catalogue `reach-guard scan --demo` would write for
// the demo tenant, made here from the demo directory rather than kept as a fixture.

export const SCANNED_AT = new Date("2026-11-27T03:00:00Z");

export function demoCatalogueTextForTests(): string {
  const dynamic = readFileSync(DEMO_DYNAMIC_LISTS_PATH, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  return demoCatalogueText(loadDemoDirectory(), dynamic, SCANNED_AT);
}

export function demoCatalogue(): Catalogue {
  return parseCatalogueText(demoCatalogueTextForTests());
}

export const DEMO_POLICY_PATH = join(__dirname, "..", "..", "config", "policy.json");

export function demoPolicy(): Policy {
  return parsePolicyText(readFileSync(DEMO_POLICY_PATH, "utf8"));
}

export const OPTIONS: BackstopOptions = {
  moderate: false,
  moderator: null,
  mailTip: null,
  defaultMailTip: listMailTip,
  reportTo: null,
  storm: {},
};
