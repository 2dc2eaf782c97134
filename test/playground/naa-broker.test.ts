import { createNaaBroker } from "../../src/playground/host/naa-broker";
import { DEMO_TOKEN } from "../../src/fake-graph/tokens";

// The broker speaks MSAL's nested app authentication bridge protocol (BridgeRequestEnvelope in,
// BridgeResponseEnvelope out), so the add-in's real MSAL code runs in the playground.

function broker(refused = false) {
  const signIns: number[] = [];
  const naa = createNaaBroker({
    account: { username: "dr.amelia.hart@example.org", name: "Dr Amelia Hart" },
    tokenRefused: () => refused,
    signedIn: () => signIns.push(1),
    now: () => Date.UTC(2026, 10, 24, 9, 0, 0),
  });
  const ask = (request: unknown) =>
    JSON.parse(naa.handle(JSON.stringify(request))) as Record<string, unknown>;
  return { ask, signIns };
}

test("GetInitContext answers with an init context", () => {
  expect(
    broker().ask({ messageType: "NestedAppAuthRequest", method: "GetInitContext", requestId: "1" }),
  ).toMatchObject({
    messageType: "NestedAppAuthResponse",
    requestId: "1",
    success: true,
    initContext: { sdkName: expect.any(String), sdkVersion: expect.any(String) },
  });
});

test("GetToken gives the demo token with an ID token whose claims MSAL can read", () => {
  const answer = broker().ask({
    method: "GetToken",
    requestId: "2",
    tokenParams: { clientId: "c0de", scope: "http://127.0.0.1:9/Mail.Read" },
  }) as {
    token: { access_token: string; id_token: string; expires_in: number; scope: string };
    account: { username: string };
  };
  expect(answer.token.access_token).toBe(DEMO_TOKEN);
  expect(answer.token.scope).toBe("http://127.0.0.1:9/Mail.Read");
  // Inside MSAL's renewal window, so every request reaches the broker and the switch works at once.
  expect(answer.token.expires_in).toBeLessThan(300);
  const [, payload] = answer.token.id_token.split(".");
  const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
  expect(claims).toMatchObject({ aud: "c0de", preferred_username: "dr.amelia.hart@example.org", ver: "2.0" });
  expect(claims.exp).toBe(Date.UTC(2026, 10, 24, 9, 0, 0) / 1000 + answer.token.expires_in);
  expect(answer.account.username).toBe("dr.amelia.hart@example.org");
});

test("with No token on, a silent request needs the user, and a sign-in succeeds", () => {
  const { ask, signIns } = broker(true);
  expect(ask({ method: "GetToken", requestId: "3" })).toMatchObject({
    success: false,
    error: { status: "USER_INTERACTION_REQUIRED", code: "interaction_required" },
  });
  expect(ask({ method: "GetTokenPopup", requestId: "4" })).toMatchObject({ success: true });
  expect(signIns).toHaveLength(1);
});

test("garbage and unknown methods are refused, never thrown", () => {
  const { ask } = broker();
  expect(ask({ method: "Nope", requestId: "5" })).toMatchObject({ success: false, requestId: "5" });
  const naa = createNaaBroker({
    account: { username: "a", name: "a" },
    tokenRefused: () => false,
    signedIn: () => undefined,
  });
  expect(JSON.parse(naa.handle("{not json"))).toMatchObject({ success: false });
});
