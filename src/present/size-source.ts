import type { ResolvedRecipient } from "../core/types";
import type { PaneCatalogue } from "./catalogue";

// Where a list's size came from, said the same way in the task pane and on the command line: a size
// from the catalogue can be a day old, and the reader should know it was not checked just now.

/** The note for a list's size, or null when there is no size or its source is not worth saying. */
export function sizeSourceNote(
  recipient: Pick<ResolvedRecipient, "kind" | "members" | "source" | "sizedAt">,
  text: PaneCatalogue["taskPane"],
): string | null {
  if (recipient.kind !== "list" || recipient.members === null) return null;
  if (recipient.source === "graph") return text.sizeFrom.graph;
  if (recipient.source === "cache") return text.sizeFrom.cache;
  if (recipient.source !== "catalogue") return null;
  // The scan writes UTC times; the day is the UTC day, as the scan's own file names it.
  const at = new Date(recipient.sizedAt === undefined ? Number.NaN : Date.parse(recipient.sizedAt));
  if (Number.isNaN(at.getTime())) return null;
  return text.sizeFrom.catalogue(at.getUTCDate(), at.getUTCMonth() + 1, at.getUTCFullYear());
}
