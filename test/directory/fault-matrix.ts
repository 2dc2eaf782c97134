import { DEFAULT_POLICY } from "../../src/core/policy";
import type { DirectoryEntry, ReasonCode, Verdict } from "../../src/core/types";
import { cacheKey, createCachedDirectory } from "../../src/directory/cache";
import { createGraphDirectory } from "../../src/directory/graph/graph-directory";
import { evaluate } from "../../src/check/evaluate";
import { createMemoryStore } from "../../src/storage/memory";
import type { KeyValueStore } from "../../src/storage/port";
import {
  askedAddresses,
  batchOf,
  graphError,
  startScriptedServer,
  type Received,
  type Scripted,
  type SubAnswer,
  type SubRequest,
} from "./scripted-server";

// The whole send path (evaluate over the list-size cache over the Graph directory) against a Graph
// that misbehaves one way at a time, with the default policy and the send budget. Each row says what
// the sender gets, how long it took, and what was left in the cache: a fault must never end in
// "allow" for the all-staff list, never outlast the budget, and never be remembered.

export const SENDER = "dr.amelia.hart@example.org";
export const EVERYONE = "everyone@example.org";
export const WARD7 = "ward7@example.org";
export const ALL_STAFF = 840_000;
export const DEADLINE_MS = DEFAULT_POLICY.sendTimeoutMs;

const GROUP_ID = "0f3c2a51-everyone";
const TEXT = { "Content-Type": "text/plain" };

/** A MailTip as Graph writes one, with the options Reach Guard asks for. */
export function tip(address: string, totalMemberCount: unknown, extra: Record<string, unknown> = {}) {
  return {
    emailAddress: { name: "", address },
    ...(totalMemberCount === undefined ? {} : { totalMemberCount }),
    externalMemberCount: 0,
    recipientScope: "internal",
    deliveryRestricted: false,
    isModerated: false,
    ...extra,
  };
}

function mailTips(request: Received, tipsFor: (address: string) => unknown[]): Scripted {
  return {
    status: 200,
    body: {
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.mailTips)",
      value: askedAddresses(request).flatMap(tipsFor),
    },
  };
}

const healthyTip = (address: string) => [tip(address, address === EVERYONE ? ALL_STAFF : 1)];
/** Exchange gives no count for the all-staff list, so the groups endpoints must size it. */
const uncountedTip = (address: string) => [tip(address, address === EVERYONE ? undefined : 1)];

function isLookup(sub: SubRequest): boolean {
  return sub.url.startsWith("/groups?");
}

/** The groups endpoints, healthy: the all-staff group by mail, then its user counts. */
function healthyGroups(sub: SubRequest): SubAnswer {
  if (isLookup(sub)) {
    const found = decodeURIComponent(sub.url).includes(`'${EVERYONE}'`);
    return {
      status: 200,
      body: { value: found ? [{ id: GROUP_ID, mail: EVERYONE, displayName: "Everyone" }] : [] },
    };
  }
  return { status: 200, headers: TEXT, body: sub.url.includes("userType") ? 0 : ALL_STAFF };
}

/** The groups path with the all-staff `$count` answered by `body`. */
function countAnswered(body: unknown) {
  return (request: Received): Scripted =>
    isMailTips(request)
      ? mailTips(request, uncountedTip)
      : batchOf(request, (sub) =>
          sub.id.startsWith("c") ? { status: 200, headers: TEXT, body } : healthyGroups(sub),
        );
}

/** The groups path with the count batch answered by `answer` instead. */
function countBatch(answer: (sub: SubRequest) => SubAnswer | readonly SubAnswer[]) {
  return (request: Received): Scripted => {
    if (isMailTips(request)) return mailTips(request, uncountedTip);
    const lookups = (request.body as { requests: SubRequest[] }).requests.every(isLookup);
    return batchOf(request, lookups ? healthyGroups : answer);
  };
}

function isMailTips(request: Received): boolean {
  return request.url === "/v1.0/me/getMailTips";
}

function healthy(request: Received): Scripted {
  return isMailTips(request) ? mailTips(request, healthyTip) : batchOf(request, healthyGroups);
}

function tipsWithCount(count: unknown) {
  return (request: Received): Scripted =>
    isMailTips(request)
      ? mailTips(request, (address) => [tip(address, address === EVERYONE ? count : 1)])
      : healthy(request);
}

function throttled(retryAfter: string) {
  return (): Scripted => graphError(429, "ApplicationThrottled", { "Retry-After": retryAfter });
}

function redirect(status: number) {
  return (_request: Received, elsewhere: string): Scripted => ({
    status,
    headers: { Location: `${elsewhere}/v1.0/me/getMailTips` },
  });
}

type Cached = readonly (readonly [string, string])[];

export interface FaultCase {
  readonly fault: string;
  /** How the server answers; `elsewhere` is the root of a second server on another port. */
  readonly script: (request: Received, elsewhere: string) => Scripted;
  /** A Graph root other than the server's (to try one the rule refuses). */
  readonly graphRoot?: string;
  readonly verdict: Verdict;
  /** The reason that must give the verdict. */
  readonly reason: ReasonCode;
  readonly cached: Cached;
}

const BOTH: Cached = [
  [EVERYONE, `list ${ALL_STAFF}`],
  [WARD7, "person"],
];
const WARD7_ONLY: Cached = [[WARD7, "person"]];
const NOTHING: Cached = [];
const blocked = { verdict: "block", reason: "reach-over-block" } as const;
const down = { verdict: "warn", reason: "directory-unavailable" } as const;
const pastDate = new Date(Date.now() - 3_600_000).toUTCString();

export const FAULTS: readonly FaultCase[] = [
  { fault: "healthy", script: healthy, ...blocked, cached: BOTH },
  {
    fault: "HTML body (200 text/html)",
    script: () => ({
      status: 200,
      headers: { "content-type": "text/html" },
      raw: "<html><body>Sign in</body></html>",
    }),
    ...down,
    cached: NOTHING,
  },
  {
    fault: "truncated JSON",
    script: () => ({ status: 200, raw: `{"value":[{"emailAddress":{"address":"${EVERYONE}"},"totalMem` }),
    ...down,
    cached: NOTHING,
  },
  {
    fault: "connection reset mid-body",
    script: () => ({ status: 200, resetAfter: `{"value":[{"emailAddress":{"address":"${EVERYONE}"` }),
    ...down,
    cached: NOTHING,
  },
  { fault: "no answer (hang)", script: () => "hang", ...down, cached: NOTHING },
  {
    fault: "slow drip (a byte every 200 ms)",
    script: (request) => {
      const answer = mailTips(request, healthyTip) as { body: unknown };
      return { status: 200, drip: JSON.stringify(answer.body), everyMs: 200 };
    },
    ...down,
    cached: NOTHING,
  },
  { fault: "503 always", script: () => graphError(503, "ServiceUnavailable"), ...down, cached: NOTHING },
  { fault: "429, Retry-After 10 h (36000)", script: throttled("36000"), ...down, cached: NOTHING },
  { fault: "429, Retry-After -5", script: throttled("-5"), ...down, cached: NOTHING },
  { fault: "429, Retry-After a past date", script: throttled(pastDate), ...down, cached: NOTHING },
  { fault: "429, Retry-After soon", script: throttled("soon"), ...down, cached: NOTHING },
  {
    fault: "401 InvalidAuthenticationToken",
    script: () => graphError(401, "InvalidAuthenticationToken"),
    verdict: "warn",
    reason: "directory-not-permitted",
    cached: NOTHING,
  },
  {
    // The asked addresses count as unresolved: the groups endpoints size the list instead.
    fault: "MailTips answer for other addresses",
    script: (request) =>
      isMailTips(request) ? mailTips(request, () => [tip("someone.else@example.org", 1)]) : healthy(request),
    verdict: "block",
    reason: "reach-over-block",
    cached: [[EVERYONE, `list ${ALL_STAFF}`]],
  },
  {
    fault: "MailTips twice for one address (840000, then 1)",
    script: (request) =>
      isMailTips(request)
        ? mailTips(request, (address) =>
            address === EVERYONE ? [tip(address, ALL_STAFF), tip(address, 1)] : [tip(address, 1)],
          )
        : healthy(request),
    ...blocked,
    cached: BOTH,
  },
  {
    fault: "MailTip count negative (-840000)",
    script: tipsWithCount(-ALL_STAFF),
    ...down,
    cached: WARD7_ONLY,
  },
  {
    fault: "MailTip count fractional (840000.5)",
    script: tipsWithCount(840000.5),
    ...down,
    cached: WARD7_ONLY,
  },
  {
    fault: 'MailTip count a digit string ("840000")',
    script: tipsWithCount("840000"),
    ...blocked,
    cached: BOTH,
  },
  {
    fault: "MailTip count 1e12",
    script: tipsWithCount(1e12),
    ...blocked,
    cached: [
      [EVERYONE, "list 1000000000000"],
      [WARD7, "person"],
    ],
  },
  { fault: "MailTip count 1e300", script: tipsWithCount(1e300), ...down, cached: WARD7_ONLY },
  { fault: "groups path, healthy", script: countAnswered(ALL_STAFF), ...blocked, cached: BOTH },
  { fault: '$count blank ("")', script: countAnswered(""), ...down, cached: WARD7_ONLY },
  { fault: '$count whitespace (" ")', script: countAnswered(" "), ...down, cached: WARD7_ONLY },
  { fault: '$count hex ("0x10")', script: countAnswered("0x10"), ...down, cached: WARD7_ONLY },
  { fault: '$count exponent ("1e3")', script: countAnswered("1e3"), ...down, cached: WARD7_ONLY },
  {
    fault: "$batch answer missing an id",
    script: countBatch((sub) => (sub.id.startsWith("c") ? [] : healthyGroups(sub))),
    ...down,
    cached: WARD7_ONLY,
  },
  {
    fault: "$batch answers with wrong ids",
    script: countBatch((sub) => ({ ...healthyGroups(sub), id: `${sub.id}-other` })),
    ...down,
    cached: WARD7_ONLY,
  },
  {
    fault: "$batch duplicate id, smaller count second",
    script: countBatch((sub) =>
      sub.id.startsWith("c")
        ? [healthyGroups(sub), { status: 200, headers: TEXT, body: 3 }]
        : healthyGroups(sub),
    ),
    ...blocked,
    cached: BOTH,
  },
  {
    fault: "$batch duplicate group lookup, different groups",
    script: (request) =>
      isMailTips(request)
        ? mailTips(request, uncountedTip)
        : batchOf(request, (sub) =>
            isLookup(sub)
              ? [healthyGroups(sub), { status: 200, body: { value: [{ id: "small-group" }] } }]
              : healthyGroups(sub),
          ),
    ...down,
    cached: WARD7_ONLY,
  },
  { fault: "307 to another origin", script: redirect(307), ...down, cached: NOTHING },
  { fault: "302 to another origin", script: redirect(302), ...down, cached: NOTHING },
  {
    fault: "invalid Graph root (http://[::1])",
    script: healthy,
    graphRoot: "http://[::1]",
    ...down,
    cached: NOTHING,
  },
];

export interface FaultRow {
  readonly fault: string;
  readonly verdict: Verdict;
  readonly reasons: readonly ReasonCode[];
  /** Milliseconds from the start of the decision to its end, real time. */
  readonly ms: number;
  readonly cached: Cached;
  /** Requests the second server (another origin) received. */
  readonly elsewhere: number;
}

function label(entry: DirectoryEntry): string {
  return entry.kind === "list" ? `list ${entry.members}` : entry.kind;
}

/** Runs one row over real sockets: a scripted Graph, a second server elsewhere, a fresh cache. */
export async function runFault(row: FaultCase): Promise<FaultRow> {
  const elsewhere = await startScriptedServer(() => ({ status: 200, body: { value: [] } }));
  const server = await startScriptedServer((request) => row.script(request, elsewhere.root));
  try {
    const memory = createMemoryStore();
    let writes = 0;
    const store: KeyValueStore = {
      ...memory,
      set: (key, value) => {
        writes += 1;
        return memory.set(key, value);
      },
    };
    const graph = createGraphDirectory({
      graphRoot: row.graphRoot ?? server.root,
      getToken: async () => "t",
    });
    const directory = createCachedDirectory(graph, store, { ttlMs: DEFAULT_POLICY.cacheMinutes * 60_000 });
    const started = Date.now();
    const { decision } = await evaluate(
      {
        sender: SENDER,
        signedIn: SENDER,
        recipients: [
          { field: "to", emailAddress: EVERYONE },
          { field: "to", emailAddress: WARD7 },
        ],
      },
      { directory, policy: DEFAULT_POLICY, deadlineAt: started + DEADLINE_MS },
    );
    const ms = Date.now() - started;
    const cached: [string, string][] = [];
    for (const address of [EVERYONE, WARD7]) {
      const text = await memory.get(cacheKey(address, SENDER));
      if (text !== null) cached.push([address, label((JSON.parse(text) as { entry: DirectoryEntry }).entry)]);
    }
    // Anything kept under a key other than these would be missed above: it must not exist.
    if (writes !== cached.length) throw new Error(`${writes} values were cached, ${cached.length} found`);
    return {
      fault: row.fault,
      verdict: decision.verdict,
      reasons: decision.reasons.map((reason) => reason.code),
      ms,
      cached,
      elsewhere: elsewhere.received.length,
    };
  } finally {
    await Promise.all([server.close(), elsewhere.close()]);
  }
}

/** Every row, one after another (so timings do not disturb each other), for the README's table. */
export async function runFaultMatrix(rows: readonly FaultCase[] = FAULTS): Promise<FaultRow[]> {
  const results: FaultRow[] = [];
  for (const row of rows) results.push(await runFault(row));
  return results;
}
