import {
  AuthError,
  BrowserAuthError,
  ClientAuthError,
  InteractionRequiredAuthError,
} from "@azure/msal-browser";
import { createNaaAuth, SILENT_TIMEOUT_MS, type AuthSettings } from "../../src/auth/naa";
import { isTokenUnavailableError, TokenUnavailableError } from "../../src/auth/port";
import { account, FakeMsal, tokenFor } from "./fake-msal";

const SETTINGS: AuthSettings = {
  clientId: "6f1c2b3a-0d4e-4f5a-8b9c-0123456789ab",
  tenantId: "contoso.onmicrosoft.com",
  authority: "https://login.microsoftonline.com",
};
const SCOPES = ["https://graph.microsoft.com/Mail.Read"];
const CORRELATION = "5b1d1a2e-7c3f-4a8e-9d10-000000000001";

function setup(settings: AuthSettings = SETTINGS) {
  const msal = new FakeMsal();
  const factory = jest.fn(async (_settings: AuthSettings) => msal.client());
  return { msal, factory, auth: createNaaAuth(settings, { createClient: factory }) };
}

async function reasonOf(promise: Promise<unknown>): Promise<TokenUnavailableError> {
  const error: unknown = await promise.then(
    () => new Error("expected a rejection"),
    (reason: unknown) => reason,
  );
  if (!isTokenUnavailableError(error)) throw error;
  return error;
}

describe("silent token", () => {
  it("asks for the scopes with the active account, creating the client once with the settings", async () => {
    const { msal, factory, auth } = setup();
    msal.accounts = [account("other@example.org"), account("amelia.hart@example.org")];
    msal.active = msal.accounts[1]!;
    await expect(auth.getToken(SCOPES)).resolves.toBe("token-1");
    await auth.getToken(SCOPES);
    expect(factory).toHaveBeenCalledTimes(1);
    expect(factory).toHaveBeenCalledWith(SETTINGS);
    expect(msal.silentRequests[0]).toEqual({ scopes: SCOPES, account: msal.accounts[1] });
  });

  it("uses the first known account when none is active, and none when there are none", async () => {
    const { msal, auth } = setup();
    msal.accounts = [account("first@example.org"), account("second@example.org")];
    await auth.getToken(SCOPES);
    expect(msal.silentRequests[0]?.account).toBe(msal.accounts[0]);
    msal.accounts = [];
    await auth.getToken(SCOPES);
    expect(msal.silentRequests[1]).toEqual({ scopes: SCOPES });
  });

  it("is not configured when config.json has no client id, without creating a client", async () => {
    const { factory, auth } = setup({ ...SETTINGS, clientId: "" });
    expect((await reasonOf(auth.getToken(SCOPES))).reason).toBe("not-configured");
    expect((await reasonOf(auth.signIn(SCOPES))).reason).toBe("not-configured");
    expect(factory).not.toHaveBeenCalled();
  });

  it.each([
    ["interaction_required", new InteractionRequiredAuthError("interaction_required", CORRELATION)],
    ["consent_required", new InteractionRequiredAuthError("consent_required", CORRELATION)],
    ["login_required", new InteractionRequiredAuthError("login_required", CORRELATION)],
    ["no_account_error", new BrowserAuthError("no_account_error", CORRELATION)],
    ["nested_app_auth_bridge_disabled", new ClientAuthError("nested_app_auth_bridge_disabled", CORRELATION)],
    ["any InteractionRequiredAuthError", new InteractionRequiredAuthError("bad_token", CORRELATION)],
    ["a code from another copy of MSAL", Object.assign(new Error("x"), { errorCode: "consent_required" })],
  ])("needs the user to sign in on %s", async (_code, thrown) => {
    const { msal, auth } = setup();
    msal.silent = () => Promise.reject(thrown);
    const error = await reasonOf(auth.getToken(SCOPES));
    expect(error.reason).toBe("interaction-required");
    expect(error.cause).toBe(thrown);
  });

  it.each([
    ["an MSAL time-out", new BrowserAuthError("timed_out", CORRELATION)],
    ["a network failure", new AuthError("network_error", CORRELATION)],
    ["a plain error", new Error("boom")],
    ["something not an error", "boom"],
  ])("fails on %s", async (_what, thrown) => {
    const { msal, auth } = setup();
    msal.silent = () => Promise.reject(thrown);
    expect((await reasonOf(auth.getToken(SCOPES))).reason).toBe("failed");
  });

  it("fails when the client cannot be created, and tries again on the next call", async () => {
    const msal = new FakeMsal();
    const factory = jest
      .fn<Promise<ReturnType<FakeMsal["client"]>>, [AuthSettings]>()
      .mockRejectedValueOnce(new ClientAuthError("nested_app_auth_bridge_disabled", CORRELATION))
      .mockResolvedValue(msal.client());
    const auth = createNaaAuth(SETTINGS, { createClient: factory });
    expect((await reasonOf(auth.getToken(SCOPES))).reason).toBe("interaction-required");
    await expect(auth.getToken(SCOPES)).resolves.toBe("token-1");
    expect(factory).toHaveBeenCalledTimes(2);
  });
});

describe("silent token time limit", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("fails after SILENT_TIMEOUT_MS when MSAL never answers", async () => {
    const { msal, auth } = setup();
    msal.silent = () => new Promise(() => undefined);
    let settled: TokenUnavailableError | null = null;
    void reasonOf(auth.getToken(SCOPES)).then((error) => (settled = error));
    await jest.advanceTimersByTimeAsync(SILENT_TIMEOUT_MS - 1);
    expect(settled).toBeNull();
    await jest.advanceTimersByTimeAsync(1);
    expect(settled).toMatchObject({ reason: "failed" });
  });

  it("fails after the time limit when the client itself never gets ready", async () => {
    const factory = jest.fn(() => new Promise<never>(() => undefined));
    const auth = createNaaAuth(SETTINGS, { createClient: factory, silentTimeoutMs: 500 });
    let settled: TokenUnavailableError | null = null;
    void reasonOf(auth.getToken(SCOPES)).then((error) => (settled = error));
    await jest.advanceTimersByTimeAsync(500);
    expect(settled).toMatchObject({ reason: "failed" });
  });

  it("leaves no timer behind when MSAL answers in time", async () => {
    const { auth } = setup();
    await auth.getToken(SCOPES);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe("sign-in", () => {
  it("opens the popup for the scopes and makes its account the active one for silent calls", async () => {
    const { msal, auth } = setup();
    await auth.signIn(SCOPES);
    expect(msal.popupRequests).toEqual([{ scopes: SCOPES }]);
    expect(msal.active?.username).toBe("amelia.hart@example.org");
    await auth.getToken(SCOPES);
    expect(msal.silentRequests[0]?.account?.username).toBe("amelia.hart@example.org");
  });

  it("leaves the active account alone when the popup gives none, and passes a popup failure on", async () => {
    const { msal, auth } = setup();
    msal.active = account("kept@example.org");
    msal.popup = async () => tokenFor("t", null);
    await auth.signIn(SCOPES);
    expect(msal.active.username).toBe("kept@example.org");
    const closed = new BrowserAuthError("user_cancelled", CORRELATION);
    msal.popup = () => Promise.reject(closed);
    await expect(auth.signIn(SCOPES)).rejects.toBe(closed);
  });
});
