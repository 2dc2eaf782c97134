import type { Policy } from "../../core/policy";

// The policy in force, as the playground page shows it: which file, and the figures that decide.

export type PolicySummary = Pick<
  Policy,
  "warnAt" | "blockAt" | "blockedAddresses" | "unknownList" | "directoryUnavailable" | "sendTimeoutMs"
> & {
  /** Where it came from: the file `npm start -- --policy` named, or the build's policy.json. */
  readonly source: string;
};

/** The summary of a validated policy. */
export function summarisePolicy(source: string, policy: Policy): PolicySummary {
  return {
    source,
    warnAt: policy.warnAt,
    blockAt: policy.blockAt,
    blockedAddresses: [...policy.blockedAddresses],
    unknownList: policy.unknownList,
    directoryUnavailable: policy.directoryUnavailable,
    sendTimeoutMs: policy.sendTimeoutMs,
  };
}
