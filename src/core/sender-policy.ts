import { parseAddress } from "./addresses";
import { matchEntries } from "./patterns";
import type { Policy, SenderOverride } from "./policy";

// The policy as it applies to one sender: the organisation's, with the values of the first sender
// override that matches written over it. Matched on the From address as written, as broadcasters
// are: Exchange delivers `comms+x@` to `comms@`, but a tag must not let a sender pick up the
// thresholds of another (`comms+x@` is not `comms@`).

/** The first override (in file order) whose `match` holds `sender`, or null. */
export function senderOverrideFor(policy: Policy, sender: string): SenderOverride | null {
  if (policy.senders.length === 0) return null;
  const parsed = parseAddress(sender);
  if (!parsed.valid) return null;
  const addresses = [parsed.address];
  // find, not for...of: the event bundle's ES2016 build spells for...of out at length.
  return policy.senders.find((override) => matchEntries(override.match, addresses).size > 0) || null;
}

/** The policy for mail from `sender`: the top-level values, with those of its override, if any. */
export function policyForSender(policy: Policy, sender: string): Policy {
  const override = senderOverrideFor(policy, sender);
  if (override === null) return policy;
  // A parsed override holds only the fields it writes (JSON has no undefined), so spreading it
  // leaves the rest at their top-level values.
  const { match: _match, ...values } = override;
  return { ...policy, ...(values as Partial<Policy>) };
}
