import { join } from "node:path";
import { serialiseCatalogue, type Catalogue } from "../core/catalogue";
import type { Policy } from "../core/policy";
import type { Drift } from "./drift";
import { writeAtomically } from "./files";
import { renderReportCsv } from "./report/csv";
import { renderReportHtml } from "./report/html";

// The scan's three files, each written whole (files.ts): the catalogue the add-in reads, and the
// reports an admin reads.

export const OUTPUT_FILES = ["catalogue.json", "report.html", "report.csv"] as const;

export interface Outputs {
  readonly catalogue: Catalogue;
  readonly drift: Drift | null;
  readonly policy: Policy;
  readonly suggested: string[];
  readonly incomplete: string[];
}

export async function writeOutputs(dir: string, outputs: Outputs): Promise<void> {
  await writeAtomically(join(dir, "report.csv"), renderReportCsv(outputs.catalogue));
  await writeAtomically(join(dir, "report.html"), renderReportHtml(outputs));
  // The catalogue last: a scheduler that sees it new can trust the reports beside it are too.
  await writeAtomically(join(dir, "catalogue.json"), serialiseCatalogue(outputs.catalogue));
}
