import { join } from "node:path";
import { scanCommand } from "../../src/cli/scan-command";
import type { MsalFactory, MsalToken } from "../../src/scan/sign-in";
import { DEMO_TOKEN } from "../../src/fake-graph";
import { outDir, QUICK, useTenant } from "./scan-helpers";

// Signing in through MSAL Node, with a fake MSAL in its place: what it is given (authority, scopes,
// the certificate's SHA-256 thumbprint), and how its failures reach the admin: one line, no token.
// Graph here is the public root, which the tests never reach: each sign-in test ends at the token.

/** A throwaway self-signed certificate and key made for these tests only (openssl req -x509). */
const PEM = join(__dirname, "fixtures", "throwaway-certificate.pem");
const THUMBPRINT = "707BD2B1CB43A8D96296E0A2D0F38C732E3F729880640C3B38BD5F1202F32DD8";

interface Seen {
  configs: unknown[];
  scopes: string[][];
  shown: string[];
}

function fakeMsal(answer: () => Promise<MsalToken | null>, seen: Seen): MsalFactory {
  return {
    deviceCode(config) {
      seen.configs.push(config);
      return {
        async acquireByDeviceCode(scopes, show) {
          seen.scopes.push(scopes);
          show(
            "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code TESTCODE",
          );
          return answer();
        },
        async acquireSilent(scopes) {
          seen.scopes.push(scopes);
          return answer();
        },
      };
    },
    certificate(config) {
      seen.configs.push(config);
      return {
        async acquireByClientCredential(scopes) {
          seen.scopes.push(scopes);
          return answer();
        },
      };
    },
  };
}

const graph = useTenant();

async function signIn(args: string[], answer: () => Promise<MsalToken | null>) {
  const seen: Seen = { configs: [], scopes: [], shown: [] };
  let err = "";
  const status = await scanCommand(
    [
      "--out",
      outDir(),
      "--client-id",
      "00000000-1111-2222-3333-444444444444",
      "--tenant",
      "trust.example",
      ...args,
    ],
    {},
    { out: () => undefined, err: (text) => (err += text) },
    { ...QUICK, loadMsal: async () => fakeMsal(answer, seen) },
  );
  return { status, err, seen };
}

const refusedBy = (code: string) => () =>
  Promise.reject(
    Object.assign(new Error(`${code}: the request was refused\nTrace ID: 1234`), { errorCode: code }),
  );

it("device code: asks the tenant's authority for the delegated permissions and prints MSAL's message", async () => {
  const run = await signIn(
    ["--device-code", "--addresses", join(__dirname, "fixtures", "none.txt")],
    refusedBy("x"),
  );
  // The address file is read before signing in: a missing one is a usage error, and MSAL is not asked.
  expect(run.status).toBe(2);
  expect(run.seen.configs).toEqual([]);

  const signedIn = await signIn(["--device-code"], refusedBy("authorization_pending_timeout"));
  expect(signedIn.seen.configs).toEqual([
    {
      clientId: "00000000-1111-2222-3333-444444444444",
      authority: "https://login.microsoftonline.com/trust.example",
    },
  ]);
  expect(signedIn.seen.scopes[0]).toEqual(["https://graph.microsoft.com/GroupMember.Read.All"]);
  expect(signedIn.err).toContain("enter the code TESTCODE\n");
  expect(signedIn.status).toBe(3);
  expect(signedIn.err).toMatch(/sign-in failed \(authorization_pending_timeout: the request was refused\)/);
  expect(signedIn.err).not.toContain("Trace ID");
});

it("certificate: gives MSAL the SHA-256 thumbprint, a PKCS #8 key and the .default scope", async () => {
  const run = await signIn(["--certificate", PEM], refusedBy("invalid_client"));
  const config = run.seen.configs[0] as Record<string, string>;
  expect(config.clientId).toBe("00000000-1111-2222-3333-444444444444");
  expect(config.authority).toBe("https://login.microsoftonline.com/trust.example");
  expect(config.thumbprintSha256).toBe(THUMBPRINT);
  expect(config.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  expect(config.x5c).toMatch(/^-----BEGIN CERTIFICATE-----/);
  expect(run.seen.scopes[0]).toEqual(["https://graph.microsoft.com/.default"]);
  expect(run.status).toBe(3);
  expect(run.err).toMatch(/invalid_client/);
  expect(run.err.trim().split("\n")).toHaveLength(1);
});

it("certificate: a national cloud signs in on its own host", async () => {
  const run = await signIn(
    ["--certificate", PEM, "--graph-url", "https://graph.microsoft.us"],
    refusedBy("x"),
  );
  expect((run.seen.configs[0] as { authority: string }).authority).toBe(
    "https://login.microsoftonline.us/trust.example",
  );
  expect(run.seen.scopes[0]).toEqual(["https://graph.microsoft.us/.default"]);
});

it("a file that is not a certificate and key is a usage error", async () => {
  const run = await signIn(["--certificate", join(__dirname, "scan-helpers.ts")], refusedBy("x"));
  expect(run.status).toBe(2);
  expect(run.err).toMatch(/must hold the certificate and its unencrypted private key/);
});

it("signing in is refused against a local Graph (it takes REACH_GUARD_TOKEN)", async () => {
  const run = await signIn(["--device-code", "--graph-url", graph().url], refusedBy("x"));
  expect(run.status).toBe(2);
  expect(run.err).toMatch(/signing in needs a Microsoft Graph root/);
});

it("the token MSAL gives is used for Graph and asked for once while it lasts", async () => {
  const seen: Seen = { configs: [], scopes: [], shown: [] };
  const token = {
    accessToken: DEMO_TOKEN,
    expiresOn: new Date(Date.now() + 3_600_000),
    account: { id: "a" },
  };
  const { deviceCodeTokens } = await import("../../src/scan/sign-in");
  const provider = deviceCodeTokens(
    fakeMsal(async () => token, seen),
    { clientId: "c", authority: "a" },
    ["s"],
    () => undefined,
  );
  expect(await provider(["GroupMember.Read.All"])).toBe(DEMO_TOKEN);
  expect(await provider(["GroupMember.Read.All"])).toBe(DEMO_TOKEN);
  expect(seen.scopes).toHaveLength(1);
});
