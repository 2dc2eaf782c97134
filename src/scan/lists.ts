import type { CatalogueKind } from "../core/catalogue";

/** A list found by /groups, before it is sized: what the state file keeps for lists still to size. */
export interface ListRef {
  readonly id: string;
  /** Normalised as the catalogue keeps addresses. */
  readonly address: string;
  readonly displayName: string;
  readonly kind: Exclude<CatalogueKind, "dynamic">;
}
