import {
  CATALOGUE_FORMAT,
  CATALOGUE_KINDS,
  serialiseCatalogue,
  type CatalogueKind,
} from "../../core/catalogue";
import type { FakeDirectory } from "../../fake-graph";

// The playground's catalogue.json, made at start from the demo directory as `reach-guard scan` would
// write it for that tenant: every list sized as the local Graph sizes it, dated now. With the Graph
// fault switches on, the add-in then shows what a catalogue does when Graph cannot answer.

interface DemoGroup {
  readonly mail?: unknown;
  readonly displayName?: unknown;
  readonly kind?: unknown;
}

export function demoCatalogueText(
  directory: FakeDirectory,
  demoData: unknown,
  now: Date = new Date(),
): string {
  const groups = ((demoData as { groups?: unknown }).groups ?? []) as readonly DemoGroup[];
  const sizedAt = `${now.toISOString().slice(0, 19)}Z`;
  const lists = groups.flatMap((group) => {
    if (typeof group.mail !== "string") return [];
    const kind = CATALOGUE_KINDS.includes(group.kind as CatalogueKind)
      ? (group.kind as CatalogueKind)
      : "distribution";
    // Sized for the demo's own user, as a scan signed in as an admin would see it.
    const tip = directory.mailTip(group.mail, directory.me);
    return [
      {
        address: group.mail.toLowerCase(),
        displayName: typeof group.displayName === "string" ? group.displayName : "",
        kind,
        members: tip.totalMemberCount,
        externalMembers: tip.externalMemberCount,
        sizedAt,
      },
    ];
  });
  return serialiseCatalogue({ format: CATALOGUE_FORMAT, scannedAt: sizedAt, lists });
}
