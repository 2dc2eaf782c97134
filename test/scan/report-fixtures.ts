import {
  CATALOGUE_FORMAT,
  type Catalogue,
  type CatalogueKind,
  type CatalogueList,
} from "../../src/core/catalogue";
import { parsePolicy, type Policy, type PolicyInput } from "../../src/core/policy";

// Small catalogues and policies for the drift and report tests, written as an admin would see them.

export const SCANNED_AT = "2026-11-27T03:00:00Z";

export function entry(
  address: string,
  members: number | null,
  extra: Partial<{ displayName: string; kind: CatalogueKind; externalMembers: number | null }> = {},
): CatalogueList {
  return {
    address,
    displayName: extra.displayName ?? address.slice(0, address.indexOf("@")),
    kind: extra.kind ?? "distribution",
    members,
    externalMembers: extra.externalMembers ?? null,
    sizedAt: SCANNED_AT,
  };
}

export function catalogue(lists: CatalogueList[], scannedAt = SCANNED_AT): Catalogue {
  return { format: CATALOGUE_FORMAT, scannedAt, lists };
}

/** warnAt 50 and blockAt 5,000 unless told otherwise: the defaults, written out for the reader. */
export function policy(input: PolicyInput = {}): Policy {
  return parsePolicy({ warnAt: 50, blockAt: 5000, ...input });
}
