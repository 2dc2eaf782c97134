import { createGraphClient } from "../../src/directory/graph/client";
import { GraphError } from "../../src/directory/graph/errors";
import { chunkSizeFor, createGraphDirectory } from "../../src/directory/graph/graph-directory";
import { fetchMailTips, MAILTIPS_OPTIONS, readMailTip } from "../../src/directory/graph/mailtips";
import { startScriptedServer, type ScriptedServer } from "./scripted-server";

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
