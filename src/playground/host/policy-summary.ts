// The policy in force, as the playground page shows it: which file, and the figures that decide.

export interface PolicySummary {
  /** Where it came from: the file `npm start -- --policy` named, or the build's policy.json. */
  readonly source: string;
  readonly warnAt: number;
  readonly blockAt: number;
  readonly blockedAddresses: readonly string[];
  readonly unknownList: string;
  readonly directoryUnavailable: string;
  readonly sendTimeoutMs: number;
}

/** The summary of a validated policy (src/core/policy's Policy, read by field). */
export function summarisePolicy(
  source: string,
  policy: {
    readonly warnAt: number;
    readonly blockAt: number;
    readonly blockedAddresses: readonly string[];
    readonly unknownList: string;
    readonly directoryUnavailable: string;
    readonly sendTimeoutMs: number;
  },
): PolicySummary {
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
