import type { RecordedRequest } from "../src/fake-graph";

// What the local Graph server saw: the requests by kind, and in how many round trips they came.

const KIND_NAMES: Record<RecordedRequest["kind"], string> = {
  mailtips: "getMailTips",
  batch: "$batch",
  groups: "groups",
  users: "users",
  count: "$count",
  messages: "messages",
  other: "other",
};

/**
 * Requests that arrive within half the injected latency of the one before belong to the same round
 * trip: the client sent them together, without waiting for an answer in between.
 */
function roundTrips(requests: readonly RecordedRequest[], latencyMs: number): number {
  const times = requests.map((request) => request.at).sort((a, b) => a - b);
  return times.filter((at, index) => index === 0 || at - times[index - 1]! > latencyMs / 2).length;
}

export function describeRequests(all: readonly RecordedRequest[], latencyMs: number): string {
  const requests = all.filter((request) => !request.inBatch);
  if (requests.length === 0) return "0 Graph requests";
  const kinds = new Map<string, number>();
  for (const request of requests) kinds.set(request.kind, (kinds.get(request.kind) ?? 0) + 1);
  const parts = [...kinds].map(([kind, count]) => {
    const name = KIND_NAMES[kind as RecordedRequest["kind"]];
    const ofKind = requests.filter((request) => request.kind === kind);
    if (kind === "mailtips") {
      const addresses = ofKind.reduce((sum, request) => sum + (request.addresses ?? 0), 0);
      return `${count} ${name} (${addresses.toLocaleString("en-GB")} address${addresses === 1 ? "" : "es"})`;
    }
    if (kind === "batch") {
      const inside = ofKind.reduce((sum, request) => sum + (request.batchSize ?? 0), 0);
      return `${count} ${name} (${inside} inside)`;
    }
    return `${count} ${name}`;
  });
  const trips = roundTrips(requests, latencyMs);
  return `${requests.length} Graph request${requests.length === 1 ? "" : "s"}: ${parts.join(", ")}; ${trips} round trip${trips === 1 ? "" : "s"}`;
}
