import { readFileSync } from "node:fs";
import { TokenUnavailableError, type TokenProvider } from "../../src/auth/port";
import { createGraphDirectory } from "../../src/directory/graph/graph-directory";
import {
  createFakeDirectory,
  DEMO_DIRECTORY_PATH,
  DEMO_TOKEN,
  MAIL_ONLY_TOKEN,
  parseDirectoryData,
  startFakeGraph,
  type FakeGraph,
  type Faults,
} from "../../src/fake-graph";
import { directoryContract, SCRIPTED_CAST, type Cast, type Failure } from "./contract";

// The Graph directory over real sockets to the local Graph server: the demo organisation, with one
// more dynamic list whose MailTip withholds its size (so /groups, blind to dynamic lists, cannot
// size it either), and Graph failing the ways an incident makes it fail.

const UNCOUNTED = {
  id: "5f1c6a0e-0099-4c1e-9a55-000000000099",
  mail: "all-contractors@example.org",
  displayName: "All Contractors",
  kind: "dynamic",
  memberCount: 5000,
  mailTipsCount: false,
} as const;

function demoWithUncountedList() {
  const demo = parseDirectoryData(JSON.parse(readFileSync(DEMO_DIRECTORY_PATH, "utf8")), DEMO_DIRECTORY_PATH);
  return createFakeDirectory({ ...demo, groups: [...demo.groups, UNCOUNTED] });
}

let graph: FakeGraph;
beforeAll(async () => {
  graph = await startFakeGraph({ directory: demoWithUncountedList() });
});
afterAll(async () => {
  await graph.close();
});

const never = new Promise<string>(() => undefined);

/** A Graph directory on the local server, faulted as told, with tokens from `getToken`. */
function graphDirectory(token: string, faults: Faults = {}, getToken: TokenProvider = async () => token) {
  graph.setFaults(faults);
  return createGraphDirectory({ graphRoot: graph.url, getToken });
}

/** What cannot be sized goes to the groups endpoints, which ride in $batch requests. */
const GROUPS_PATH = ["stranger", "unsized"] as const;

function failuresWith(token: string): Failure[] {
  const faulted = (name: string, faults: Faults, hits?: Failure["hits"]): Failure => ({
    name,
    open: () => graphDirectory(token, faults),
    ...(hits ? { hits } : {}),
  });
  return [
    faulted("Graph answers 503 to everything", { status: { code: 503 } }),
    faulted("Graph throttles everything, Retry-After past the deadline", { throttle: { retryAfter: 5 } }),
    faulted("Graph refuses the token (401)", { unauthorized: true }),
    faulted("Graph drops every connection", { drop: {} }),
    faulted("Graph answers with bodies cut short", { malformed: {} }),
    faulted("the groups endpoints answer 503", { status: { code: 503, on: "batch" } }, GROUPS_PATH),
    faulted("Graph never answers", { hang: {} }),
    faulted("the groups endpoints never answer", { hang: { on: "batch" } }, GROUPS_PATH),
    {
      name: "no token can be had silently",
      open: () =>
        graphDirectory(token, {}, async () => {
          throw new TokenUnavailableError("interaction-required");
        }),
    },
    { name: "the token broker never answers", open: () => graphDirectory(token, {}, () => never) },
  ];
}

const DEMO_CAST: Cast = { ...SCRIPTED_CAST, unsized: UNCOUNTED.mail };

directoryContract("Graph directory, all its permissions", {
  cast: DEMO_CAST,
  healthy: () => graphDirectory(DEMO_TOKEN),
  failures: failuresWith(DEMO_TOKEN),
});

// Without GroupMember.Read.All the groups endpoints say 403: a distribution list whose MailTip gives
// no count then cannot be sized at all.
directoryContract("Graph directory, Mail.Read only", {
  cast: { ...DEMO_CAST, unsized: "board-papers@example.org" },
  healthy: () => graphDirectory(MAIL_ONLY_TOKEN),
  failures: failuresWith(MAIL_ONLY_TOKEN).filter((failure) => /groups|never answers/.test(failure.name)),
});
