import { CATALOGUE_FORMAT, serialiseCatalogue, type CatalogueList } from "../../core/catalogue";
import type { FakeDirectory } from "../../fake-graph";

// The playground's catalogue.json, made at start from the demo directory as `reach-guard scan --demo`
// writes it for that tenant: every list /groups can see, sized as the local Graph counts it, and the
// dynamic lists, sized as MailTips give them; all dated now. With the Graph fault switches on, the
// add-in then shows what a catalogue does when Graph cannot answer.

export function demoCatalogueText(
  directory: FakeDirectory,
  dynamicLists: readonly string[],
  now: Date = new Date(),
): string {
  const sizedAt = `${now.toISOString().slice(0, 19)}Z`;
  const listed: CatalogueList[] = directory.listableGroups(0, directory.listableGroupCount).map((group) => ({
    address: group.mail.toLowerCase(),
    displayName: group.displayName,
    kind: group.kind,
    members: directory.countMembers(group, false),
    externalMembers: directory.countMembers(group, true),
    sizedAt,
  }));
  const dynamic: CatalogueList[] = dynamicLists.map((address) => {
    // Sized for the demo's own user, as a scan signed in as an admin would see it.
    const tip = directory.mailTip(address, directory.me);
    return {
      address: address.toLowerCase(),
      displayName: tip.name,
      kind: "dynamic",
      members: tip.totalMemberCount,
      externalMembers: tip.externalMemberCount,
      sizedAt,
    };
  });
  return serialiseCatalogue({ format: CATALOGUE_FORMAT, scannedAt: sizedAt, lists: [...listed, ...dynamic] });
}
