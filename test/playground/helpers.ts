import { NO_FAULTS, type PlaygroundFaults } from "../../src/playground/host/faults";
import type { ManifestFacts } from "../../src/playground/host/manifest";
import { PlaygroundHost } from "../../src/playground/host/playground-host";
import type { ListedAddress } from "../../src/playground/host/directory-listing";

export const MANIFEST: ManifestFacts = {
  displayName: "Reach Guard",
  taskPaneButton: { id: "msgComposeOpenPaneButton", label: "Review recipients" },
  launchEvents: {
    OnMessageCompose: { functionName: "onCompose", sendMode: null },
    OnMessageRecipientsChanged: { functionName: "onRecipients", sendMode: null },
    OnMessageSend: { functionName: "onSend", sendMode: "SoftBlock" },
  },
};

export const LISTING: ListedAddress[] = [
  { address: "everyone@example.org", displayName: "Everyone (all staff)", type: "dynamic" },
  { address: "ward7-team@example.org", displayName: "Ward 7 Team", type: "list" },
  { address: "sam.patel@example.org", displayName: "Sam Patel", type: "user" },
  { address: "ana.silva@partner-university.example", displayName: "Ana Silva (guest)", type: "guest" },
];

export function makeHost(
  options: { manifest?: ManifestFacts; applied?: PlaygroundFaults[]; mailboxVersion?: string } = {},
) {
  const applied = options.applied ?? [];
  const host = new PlaygroundHost({
    user: { emailAddress: "dr.amelia.hart@example.org", displayName: "Dr Amelia Hart" },
    domains: ["example.org"],
    directory: LISTING,
    manifest: options.manifest ?? MANIFEST,
    mailboxVersion: options.mailboxVersion ?? "1.15",
    applyFaults: async (faults) => {
      applied.push(faults);
    },
  });
  return { host, applied };
}

export { NO_FAULTS };

/** Lets queued timers and promise callbacks run (real timers). */
export const settle = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));
