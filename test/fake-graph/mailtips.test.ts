import { MAIL_ONLY_TOKEN } from "../../src/fake-graph";
import { call, CONTEXT, expectGraphError, GRAPH_JSON_TYPE, mailTips, ME, useFakeGraph } from "./helpers";

// POST /me/getMailTips as Microsoft documents it (user-getmailtips, mailTips resource): a collection
// of mailTips in request order, each with emailAddress and only the tips asked for, or an error.

const graph = useFakeGraph();

async function tipsFor(addresses: string[], options = {}) {
  const answer = await mailTips(graph(), addresses, options);
  expect(answer.status).toBe(200);
  return answer.body.value as Record<string, unknown>[];
}

describe("getMailTips", () => {
  it("answers Graph's collection envelope with one tip per address, in request order", async () => {
    const answer = await mailTips(graph(), ["ward7-team@example.org", "sam.patel@example.org"]);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(GRAPH_JSON_TYPE);
    expect(answer.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.body).toEqual({
      "@odata.context": `${CONTEXT}#Collection(microsoft.graph.mailTips)`,
      value: [
        {
          emailAddress: { name: "Ward 7 Team", address: "ward7-team@example.org" },
          totalMemberCount: 12,
          externalMemberCount: 0,
          recipientScope: "internal",
          deliveryRestricted: false,
          isModerated: false,
        },
        {
          emailAddress: { name: "Sam Patel", address: "sam.patel@example.org" },
          totalMemberCount: 1,
          externalMemberCount: 0,
          recipientScope: "internal",
          deliveryRestricted: false,
          isModerated: false,
        },
      ],
    });
  });

  it("sizes the 840,000-person all-staff list, which /groups cannot see", async () => {
    const [tip] = await tipsFor(["everyone@example.org"]);
    expect(tip).toMatchObject({
      totalMemberCount: 840_000,
      externalMemberCount: 0,
      recipientScope: "internal",
    });
  });

  it("counts nested lists transitively, each person once", async () => {
    // north-region = ward7-team (12) + clinical-leads (300) + sam.patel (already in ward 7) + regional director.
    const [tip] = await tipsFor(["north-region@example.org"]);
    expect(tip).toMatchObject({ totalMemberCount: 313, externalMemberCount: 0 });
  });

  it("counts the guests of a Microsoft 365 group as external members", async () => {
    const [tip] = await tipsFor(["project-phoenix@example.org"]);
    expect(tip).toMatchObject({ totalMemberCount: 6, externalMemberCount: 3 });
  });

  it("leaves the member counts out for a list whose MailTip has none", async () => {
    const [tip] = await tipsFor(["board-papers@example.org"]);
    expect(tip).toEqual({
      emailAddress: { name: "Board Papers", address: "board-papers@example.org" },
      recipientScope: "internal",
      deliveryRestricted: false,
      isModerated: false,
    });
  });

  it("says a restricted list is restricted for this sender, and a moderated list is moderated", async () => {
    const [restricted, moderated] = await tipsFor(["trust-board@example.org", "all-staff-news@example.org"]);
    expect(restricted).toMatchObject({ totalMemberCount: 8, deliveryRestricted: true, isModerated: false });
    expect(moderated).toMatchObject({
      totalMemberCount: 12_000,
      deliveryRestricted: false,
      isModerated: true,
    });
  });

  it("scopes outside addresses as external and gives an unknown internal address a mailTipsError", async () => {
    const [outside, unknown] = await tipsFor(["someone@elsewhere.example", "nobody@example.org"]);
    expect(outside).toMatchObject({ recipientScope: "external" });
    expect(unknown).toEqual({
      emailAddress: { name: "", address: "nobody@example.org" },
      error: { code: "InvalidRecipient", message: expect.any(String) },
    });
  });

  it("matches addresses in any case and echoes the address as it was asked", async () => {
    const [tip] = await tipsFor(["Ward7-Team@EXAMPLE.org"]);
    expect(tip).toMatchObject({
      emailAddress: { address: "Ward7-Team@EXAMPLE.org" },
      totalMemberCount: 12,
    });
  });

  it("returns only the tips named in MailTipsOptions, whatever their case", async () => {
    const answer = await call(graph(), "/v1.0/me/getMailTips", {
      body: {
        EmailAddresses: ["ward7-team@example.org"],
        MailTipsOptions: "TotalMemberCount, ModerationStatus",
      },
    });
    expect((answer.body.value as unknown[])[0]).toEqual({
      emailAddress: { name: "Ward 7 Team", address: "ward7-team@example.org" },
      totalMemberCount: 12,
      isModerated: false,
    });
  });

  it("needs only Mail.Read", async () => {
    const [tip] = await tipsFor(["everyone@example.org"], { token: MAIL_ONLY_TOKEN });
    expect(tip).toMatchObject({ totalMemberCount: 840_000 });
  });

  it("rejects a call without addresses, a GET, and a missing or unknown token with Graph's error body", async () => {
    expectGraphError(
      await call(graph(), "/v1.0/me/getMailTips", {
        body: { EmailAddresses: [], MailTipsOptions: "totalMemberCount" },
      }),
      400,
      "ErrorInvalidParameter",
    );
    expectGraphError(await call(graph(), "/v1.0/me/getMailTips"), 405, "Request_BadRequest");
    expectGraphError(await mailTips(graph(), [ME], { token: null }), 401, "InvalidAuthenticationToken");
    expectGraphError(await mailTips(graph(), [ME], { token: "stolen" }), 401, "InvalidAuthenticationToken");
  });

  it("logs the call with the number of addresses", async () => {
    await mailTips(graph(), ["a@example.org", "b@example.org", "c@example.org"]);
    expect(graph().requests).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/v1.0/me/getMailTips",
        kind: "mailtips",
        addresses: 3,
      }),
    ]);
  });
});
