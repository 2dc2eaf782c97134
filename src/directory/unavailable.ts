import type { DirectoryAnswer, UnknownCause } from "../core/types";
import type { Directory } from "./port";

/** Every address unknown for the same failure, as if Graph had said so (what the policy then weighs). */
export function failedAnswers(
  addresses: readonly string[],
  cause: UnknownCause,
): Map<string, DirectoryAnswer> {
  return new Map(
    addresses.map((address): [string, DirectoryAnswer] => [
      address,
      { entry: { kind: "unknown", cause }, source: "graph" },
    ]),
  );
}

/**
 * A directory that cannot be reached at all (a Graph client that could not be built, say): every
 * address is unknown for want of it. The decision still runs, so a blocked list still blocks and
 * everything else gets the policy's directoryUnavailable verdict, instead of the whole check failing.
 */
export function unavailableDirectory(cause: UnknownCause = "unavailable"): Directory {
  return {
    async resolve(addresses) {
      return failedAnswers(addresses, cause);
    },
  };
}
