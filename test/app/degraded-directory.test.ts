import { directoryFor, type Environment } from "../../src/app/services";
import { DEFAULT_HOST_CONFIG } from "../../src/app/host-config";
import type { Settings } from "../../src/app/settings";
import { decide } from "../../src/core/decide";
import { parsePolicy } from "../../src/core/policy";
import type { MessageInput } from "../../src/core/types";
import { DEMO_TOKEN, loadDemoDirectory, startFakeGraph, type FakeGraph } from "../../src/fake-graph";
import { createMemoryStore } from "../../src/storage/memory";

// The directory as the add-in composes it (the cache over the outage breaker over Graph), over
// real sockets to the local Graph server, while Graph goes down: what was learnt still counts, a
// remembered outage costs a send no Graph request, and people Outlook vouches for stay quiet.

const ME = "dr.amelia.hart@example.org";
const LEADS = "clinical-leads@example.org";
const COLLEAGUE = "sam.patel@example.org";

let graph: FakeGraph;
beforeAll(async () => {
  graph = await startFakeGraph({ directory: loadDemoDirectory() });
});
afterAll(async () => {
  await graph.close();
});
beforeEach(() => {
  graph.setFaults({});
  graph.resetLog();
});

const settings: Settings = {
  policy: parsePolicy({ warnAt: 50, blockAt: 5000, directoryUnavailable: "block", cacheMinutes: 60 }),
  config: DEFAULT_HOST_CONFIG,
  source: "host",
  problems: [],
};

function environment(): Environment {
  return {
    baseUrl: "https://host.example.org/rg",
    store: createMemoryStore(),
    tokenProviderFor: () => async () => DEMO_TOKEN,
    graphRoot: graph.url,
  };
}

const message = (addresses: [string, string][]): MessageInput => ({
  sender: ME,
  signedIn: ME,
  recipients: addresses.map(([emailAddress, recipientType]) => ({
    field: "to",
    emailAddress,
    recipientType,
  })),
});

async function decideAt(env: Environment, moment: "send" | "compose", input: MessageInput) {
  const addresses = input.recipients.map((recipient) => recipient.emailAddress);
  const answers = await directoryFor(env, settings, moment).resolve(addresses, {
    deadlineAt: Date.now() + 1500,
    mailbox: ME,
  });
  return decide(input, settings.policy, answers);
}

it("counts a list learnt before the outage in full, and decides later sends without Graph", async () => {
  const env = environment();
  const before = await decideAt(env, "compose", message([[LEADS, "distributionList"]]));
  expect(before.recipients[0]).toMatchObject({ kind: "list", source: "graph" });
  const members = before.recipients[0]!.members;
  expect(members).toBeGreaterThan(50);

  graph.setFaults({ status: { code: 503 } });
  // The first send to someone new finds the outage: the colleague is a person by Outlook's word.
  const first = await decideAt(env, "send", message([[COLLEAGUE, "user"]]));
  expect(first.verdict).toBe("allow");
  expect(first.recipients[0]).toMatchObject({ kind: "person", source: "outlook" });
  const asked = graph.requests.length;
  expect(asked).toBeGreaterThan(0);

  // Remembered: no request at all, the list still at its learnt size, even though Outlook says `user`.
  const started = Date.now();
  const later = await decideAt(
    env,
    "send",
    message([
      [LEADS, "user"],
      ["ward7-team@example.org", "distributionList"],
      ["a.new.colleague@example.org", "user"],
    ]),
  );
  expect(Date.now() - started).toBeLessThan(500);
  expect(graph.requests.length).toBe(asked);
  expect(later.recipients.map((one) => [one.kind, one.source])).toEqual([
    ["list", "cache"],
    ["unknown", "graph"],
    ["person", "outlook"],
  ]);
  expect(later.recipients[0]!.members).toBe(members);
  expect(later.verdict).toBe("block");
  expect(later.reasons.find((reason) => reason.code === "directory-unavailable")?.addresses).toEqual([
    "ward7-team@example.org",
  ]);
});

it("finds Graph back from the task pane, which always asks", async () => {
  const env = environment();
  graph.setFaults({ status: { code: 503 } });
  await decideAt(env, "send", message([[LEADS, "distributionList"]]));
  graph.setFaults({});
  const stillRemembered = await decideAt(env, "send", message([[LEADS, "distributionList"]]));
  expect(stillRemembered.recipients[0]).toMatchObject({ kind: "unknown", cause: "unavailable" });
  const answers = await directoryFor(env, settings).resolve([LEADS], {
    deadlineAt: Date.now() + 1500,
    mailbox: ME,
  });
  expect(answers.get(LEADS)?.entry.kind).toBe("list");
  const back = await decideAt(env, "send", message([["ward7-team@example.org", "distributionList"]]));
  expect(back.recipients[0]).toMatchObject({ kind: "list", source: "graph" });
});
