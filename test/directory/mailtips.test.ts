import { createGraphClient } from "../../src/directory/graph/client";
import { GraphError } from "../../src/directory/graph/errors";
import { chunkSizeFor, createGraphDirectory } from "../../src/directory/graph/graph-directory";
import {
  fetchMailTips,
  MAILTIPS_OPTIONS,
  mostSevere,
  readMailTip,
  type MailTipReading,
} from "../../src/directory/graph/mailtips";
import { askedAddresses, startScriptedServer, type Received, type ScriptedServer } from "./scripted-server";

let server: ScriptedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("reading a MailTip", () => {
  const address = { emailAddress: { address: "x@example.org" } };
  it("reads a list with its counts and flags", () => {
    expect(
      readMailTip({
        ...address,
        totalMemberCount: 840000,
        externalMemberCount: 0,
        recipientScope: "internal",
      }),
    ).toEqual({
      kind: "entry",
      entry: { kind: "list", members: 840000, externalMembers: 0, restricted: false, moderated: false },
    });
    expect(readMailTip({ ...address, totalMemberCount: 8, deliveryRestricted: true })).toMatchObject({
      entry: { kind: "list", members: 8, externalMembers: null, restricted: true },
    });
  });

  it("reads a mailbox as a person and an external scope as external", () => {
    expect(readMailTip({ ...address, totalMemberCount: 1, recipientScope: "internal" })).toEqual({
      kind: "entry",
      entry: { kind: "person" },
    });
    expect(readMailTip({ ...address, totalMemberCount: 1, recipientScope: "externalNonPartner" })).toEqual({
      kind: "entry",
      entry: { kind: "external" },
    });
  });

  it("never reads a missing count as small", () => {
    expect(readMailTip({ ...address, recipientScope: "internal", isModerated: true })).toEqual({
      kind: "ask-groups",
      why: "no-count",
      restricted: false,
      moderated: true,
    });
    expect(readMailTip({ ...address, error: { code: "InvalidRecipient" } })).toMatchObject({
      kind: "ask-groups",
      why: "not-resolved",
    });
  });
});

describe("reading a MailTip's counts", () => {
  const address = { emailAddress: { address: "x@example.org" } };
  it("reads a count given as a string of digits as the number", () => {
    expect(readMailTip({ ...address, totalMemberCount: "840000", externalMemberCount: "12" })).toEqual({
      kind: "entry",
      entry: { kind: "list", members: 840000, externalMembers: 12, restricted: false, moderated: false },
    });
  });

  it("reads a huge but exact count as a list (it will block)", () => {
    expect(readMailTip({ ...address, totalMemberCount: 1e12 })).toMatchObject({
      entry: { kind: "list", members: 1e12 },
    });
  });

  it.each([-840000, -1, 840000.5, "840000.0", "0x10", "1e3", " 840000", "", "many", true, {}, 1e300])(
    "makes a tip with the count %p unreadable",
    (value) => {
      expect(readMailTip({ ...address, totalMemberCount: value })).toBeNull();
      expect(readMailTip({ ...address, totalMemberCount: 8, externalMemberCount: value })).toBeNull();
    },
  );

  it("takes a null count for one not given: the groups endpoints are asked", () => {
    expect(readMailTip({ ...address, totalMemberCount: null })).toMatchObject({
      kind: "ask-groups",
      why: "no-count",
    });
  });
});

describe("two readings of one address", () => {
  const list = (members: number, externalMembers: number | null = 0, flags = {}): MailTipReading => ({
    kind: "entry",
    entry: { kind: "list", members, externalMembers, restricted: false, moderated: false, ...flags },
  });
  const person: MailTipReading = { kind: "entry", entry: { kind: "person" } };
  const external: MailTipReading = { kind: "entry", entry: { kind: "external" } };
  const noCount: MailTipReading = {
    kind: "ask-groups",
    why: "no-count",
    restricted: false,
    moderated: false,
  };
  const notResolved: MailTipReading = {
    kind: "ask-groups",
    why: "not-resolved",
    restricted: false,
    moderated: false,
  };

  it.each<[string, MailTipReading, MailTipReading, MailTipReading]>([
    ["a list over a person", list(840000), person, list(840000)],
    ["the larger list", list(840000, 5), list(3, 9), list(840000, 9)],
    ["a known external count over none", list(8, null), list(8, 2), list(8, 2)],
    ["restricted only if both say so", list(8, 0, { restricted: true }), list(8), list(8)],
    ["moderated only if both say so", list(8, 0, { moderated: true }), list(8), list(8)],
    [
      "restricted when both say so",
      list(8, 0, { restricted: true }),
      list(9, 0, { restricted: true }),
      list(9, 0, { restricted: true }),
    ],
    ["external over a person", person, external, external],
    ["a sized list over no count", noCount, list(840000), list(840000)],
    ["a sized list over not resolved", list(840000), notResolved, list(840000)],
    ["no count over a person", person, noCount, noCount],
    ["no count over external", noCount, external, noCount],
    ["no count over not resolved", notResolved, noCount, noCount],
  ])("keep %s", (_name, a, b, expected) => {
    expect(mostSevere(a, b)).toEqual(expected);
    expect(mostSevere(b, a)).toEqual(expected);
  });
});

describe("fetchMailTips", () => {
  it("asks in chunks, at most 4 at once, with the documented body", async () => {
    server = await startScriptedServer((request) => {
      const body = request.body as { EmailAddresses: string[] };
      return {
        status: 200,
        delayMs: 40,
        body: {
          value: body.EmailAddresses.map((a) => ({
            emailAddress: { address: a.toUpperCase() },
            totalMemberCount: 1,
          })),
        },
      };
    });
    const client = createGraphClient({ graphRoot: server.root, getToken: async () => "t" });
    const addresses = Array.from({ length: 130 }, (_, index) => `p${index}@example.org`);
    const tips = await fetchMailTips(client, addresses, {
      deadlineAt: Date.now() + 3000,
      chunkSize: 20,
      concurrency: 4,
    });
    expect(server.received).toHaveLength(7);
    expect(server.peakConcurrency()).toBe(4);
    expect(server.received[0]!.url).toBe("/v1.0/me/getMailTips");
    expect(server.received[0]!.body).toEqual({
      EmailAddresses: addresses.slice(0, 20),
      MailTipsOptions: MAILTIPS_OPTIONS,
    });
    expect(tips.get("p129@example.org")).toEqual({ kind: "entry", entry: { kind: "person" } });
  });

  it("marks addresses Graph left out as unresolved and a failed chunk with its error", async () => {
    server = await startScriptedServer((request) => {
      const body = request.body as { EmailAddresses: string[] };
      if (body.EmailAddresses.includes("down@example.org"))
        return { status: 400, body: { error: { code: "ErrorInvalidParameter" } } };
      return { status: 200, body: { value: [] } };
    });
    const client = createGraphClient({ graphRoot: server.root, getToken: async () => "t" });
    const tips = await fetchMailTips(client, ["a@example.org", "down@example.org"], {
      deadlineAt: Date.now() + 3000,
      chunkSize: 1,
      concurrency: 4,
    });
    expect(tips.get("a@example.org")).toMatchObject({ kind: "ask-groups", why: "not-resolved" });
    expect(tips.get("down@example.org")).toBeInstanceOf(GraphError);
  });
});

describe("fetchMailTips over the wire, when the answer is odd", () => {
  const tip = (address: string, totalMemberCount: unknown) => ({
    emailAddress: { name: "", address },
    totalMemberCount,
    externalMemberCount: 0,
    recipientScope: "internal",
  });

  async function tipsFor(
    addresses: string[],
    answer: (request: Received) => unknown[],
    chunkSize = 20,
  ): Promise<Map<string, unknown>> {
    server = await startScriptedServer((request) => ({ status: 200, body: { value: answer(request) } }));
    const client = createGraphClient({ graphRoot: server.root, getToken: async () => "t" });
    return fetchMailTips(client, addresses, { deadlineAt: Date.now() + 3000, chunkSize, concurrency: 4 });
  }

  it("spoils only the address whose tip is unreadable", async () => {
    const tips = await tipsFor(["all@example.org", "a@example.org", "b@example.org"], () => [
      tip("all@example.org", -840000),
      tip("a@example.org", 1),
      tip("b@example.org", "12"),
    ]);
    expect(tips.get("all@example.org")).toMatchObject({ failure: "unavailable", code: "MalformedMailTip" });
    expect(tips.get("a@example.org")).toEqual({ kind: "entry", entry: { kind: "person" } });
    expect(tips.get("b@example.org")).toMatchObject({ entry: { kind: "list", members: 12 } });
  });

  it("spoils only the address whose tip has a field of the wrong type", async () => {
    const tips = await tipsFor(["all@example.org", "a@example.org"], () => [
      { ...tip("all@example.org", 840000), deliveryRestricted: "yes" },
      tip("a@example.org", 1),
    ]);
    expect(tips.get("all@example.org")).toBeInstanceOf(GraphError);
    expect(tips.get("a@example.org")).toEqual({ kind: "entry", entry: { kind: "person" } });
  });

  it("distrusts the whole answer when a tip names no address", async () => {
    const tips = await tipsFor(["all@example.org", "a@example.org"], () => [
      { totalMemberCount: 840000 },
      tip("a@example.org", 1),
    ]);
    expect(tips.get("a@example.org")).toMatchObject({ code: "MalformedResponse" });
  });

  it.each([
    ["840000 then 1", [840000, 1]],
    ["1 then 840000", [1, 840000]],
  ])("keeps the larger reading when one answer names an address twice (%s)", async (_name, counts) => {
    const tips = await tipsFor(["all@example.org"], () =>
      counts.map((count) => tip("all@example.org", count)),
    );
    expect(tips.get("all@example.org")).toMatchObject({ entry: { kind: "list", members: 840000 } });
  });

  it("keeps the larger reading when two chunks answer the same address", async () => {
    let call = 0;
    const tips = await tipsFor(
      ["all@example.org", "all@example.org"],
      () => [tip("all@example.org", call++ === 0 ? 840000 : 1)],
      1,
    );
    expect(server!.received).toHaveLength(2);
    expect(tips.get("all@example.org")).toMatchObject({ entry: { kind: "list", members: 840000 } });
  });

  it("ignores tips for addresses the call did not ask about", async () => {
    const tips = await tipsFor(["a@example.org"], (request) => [
      ...askedAddresses(request).map((address) => tip(address, 1)),
      tip("stranger@example.org", 840000),
    ]);
    expect([...tips.keys()]).toEqual(["a@example.org"]);
  });
});

describe("the Graph directory's MailTips calls", () => {
  it("put up to 200 addresses in one round of 4 calls, growing calls from 20 up to 50 addresses", () => {
    expect(chunkSizeFor(10, 20, 50, 4)).toBe(20);
    expect(chunkSizeFor(100, 20, 50, 4)).toBe(25);
    expect(chunkSizeFor(200, 20, 50, 4)).toBe(50);
    expect(chunkSizeFor(1000, 20, 50, 4)).toBe(50);
  });

  it("size 100 recipients in one round trip over the wire", async () => {
    server = await startScriptedServer((request) => {
      const body = request.body as { EmailAddresses: string[] };
      return {
        status: 200,
        delayMs: 60,
        body: {
          value: body.EmailAddresses.map((a) => ({ emailAddress: { address: a }, totalMemberCount: 1 })),
        },
      };
    });
    const directory = createGraphDirectory({ graphRoot: server.root, getToken: async () => "t" });
    const addresses = Array.from({ length: 100 }, (_, index) => `p${index}@example.org`);
    const answers = await directory.resolve(addresses, { deadlineAt: Date.now() + 3000 });
    expect(
      server.received.map((r) => (r.body as { EmailAddresses: string[] }).EmailAddresses.length),
    ).toEqual([25, 25, 25, 25]);
    expect(server.peakConcurrency()).toBe(4);
    expect([...answers.values()].every((a) => a.entry.kind === "person")).toBe(true);
  });
});
