import { createGraphClient } from "../../src/directory/graph/client";
import { GraphError } from "../../src/directory/graph/errors";
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
