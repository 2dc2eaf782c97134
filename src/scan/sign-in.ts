import { X509Certificate, createPrivateKey } from "node:crypto";
import { TokenUnavailableError, type TokenProvider } from "../auth/port";
import { graphScopes } from "../auth/scopes";
import { GRAPH_ROOTS } from "../directory/graph/roots";
import { GROUP_COUNT_SCOPES, MAILTIPS_SCOPES } from "../directory/graph/scopes";
import { ScanUsageError } from "./errors";

// How the scan gets its Graph token: a token handed in (REACH_GUARD_TOKEN, for scripts), a person
// signing in on another device (device code flow: delegated permissions, the admin's own), or the
// app itself with a certificate (client credentials: application permissions, for a scheduler).
// MSAL is injected so the wiring can be tested without Microsoft; the token is kept in memory only,
// never printed or written.

export interface MsalToken {
  readonly accessToken: string;
  readonly expiresOn: Date | null;
  readonly account?: unknown;
}

export interface DeviceCodeConfig {
  readonly clientId: string;
  readonly authority: string;
}

export interface CertificateConfig extends DeviceCodeConfig {
  readonly thumbprintSha256: string;
  readonly privateKey: string;
  /** The public certificate, sent so Entra ID can check it against the app's (subject name + issuer). */
  readonly x5c: string;
}

/** The few MSAL Node calls the scan makes, behind a seam for tests. */
export interface MsalFactory {
  deviceCode(config: DeviceCodeConfig): {
    acquireByDeviceCode(scopes: string[], show: (message: string) => void): Promise<MsalToken | null>;
    acquireSilent(scopes: string[], account: unknown): Promise<MsalToken | null>;
  };
  certificate(config: CertificateConfig): {
    acquireByClientCredential(scopes: string[]): Promise<MsalToken | null>;
  };
}

/** Where each Graph's sign-in lives (Microsoft's national clouds sign in on their own hosts). */
const AUTHORITY_HOSTS: Readonly<Record<string, string>> = {
  "https://graph.microsoft.com": "https://login.microsoftonline.com",
  "https://graph.microsoft.us": "https://login.microsoftonline.us",
  "https://dod-graph.microsoft.us": "https://login.microsoftonline.us",
  "https://microsoftgraph.chinacloudapi.cn": "https://login.chinacloudapi.cn",
};

export function authorityFor(graphRoot: string, tenant: string): string {
  const host = AUTHORITY_HOSTS[graphRoot];
  if (!host || !GRAPH_ROOTS.includes(graphRoot))
    throw new ScanUsageError(`signing in needs a Microsoft Graph root; ${graphRoot} takes REACH_GUARD_TOKEN`);
  if (!/^[A-Za-z0-9.-]{1,253}$/.test(tenant))
    throw new ScanUsageError("--tenant must be a tenant ID or domain such as contoso.onmicrosoft.com");
  return `${host}/${tenant}`;
}

/** Delegated permissions the device code sign-in asks for: MailTips only when dynamic lists are given. */
export function delegatedScopes(graphRoot: string, withMailTips: boolean): string[] {
  return graphScopes(graphRoot, [...GROUP_COUNT_SCOPES, ...(withMailTips ? MAILTIPS_SCOPES : [])]);
}

/** The PEM's certificate and private key, as MSAL takes them. */
export function readCertificatePem(
  pem: string,
  path: string,
): Omit<CertificateConfig, keyof DeviceCodeConfig> {
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  const key = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(
    pem,
  )?.[0];
  if (!certificate || !key)
    throw new ScanUsageError(`${path} must hold the certificate and its unencrypted private key, in PEM`);
  try {
    const thumbprintSha256 = new X509Certificate(certificate).fingerprint256.replace(/:/g, "");
    // MSAL wants PKCS #8 ("BEGIN PRIVATE KEY"); older tools write PKCS #1 ("BEGIN RSA PRIVATE KEY").
    const privateKey = createPrivateKey(key).export({ format: "pem", type: "pkcs8" }).toString();
    return { thumbprintSha256, privateKey, x5c: certificate };
  } catch {
    throw new ScanUsageError(`${path} holds a certificate or private key that cannot be read`);
  }
}

/** MSAL's error as one line, without anything from a token: its code, else its first line. */
function signInFailure(error: unknown): string {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  const first = String((error as Error | null)?.message ?? error)
    .split("\n")[0]
    ?.slice(0, 200);
  if (typeof code !== "string" || code === "" || first?.startsWith(code)) return first ?? "unknown error";
  return `${code}: ${first}`;
}

/** Keeps a token until five minutes before it expires, then asks `acquire` again. */
function cached(acquire: () => Promise<MsalToken | null>, now: () => number): TokenProvider {
  let held: MsalToken | null = null;
  return async () => {
    if (held && held.expiresOn && held.expiresOn.getTime() - 5 * 60_000 > now()) return held.accessToken;
    try {
      held = await acquire();
    } catch (cause) {
      throw new TokenUnavailableError("failed", {
        cause: new Error(`sign-in failed (${signInFailure(cause)})`),
      });
    }
    if (!held) throw new TokenUnavailableError("failed");
    return held.accessToken;
  };
}

export function deviceCodeTokens(
  msal: MsalFactory,
  config: DeviceCodeConfig,
  scopes: string[],
  show: (message: string) => void,
  now: () => number = Date.now,
): TokenProvider {
  const client = msal.deviceCode(config);
  let account: unknown = null;
  return cached(async () => {
    // After the first sign-in, MSAL refreshes silently from its in-memory cache.
    const token = account
      ? await client.acquireSilent(scopes, account)
      : await client.acquireByDeviceCode(scopes, show);
    account = token?.account ?? account;
    return token;
  }, now);
}

export function certificateTokens(
  msal: MsalFactory,
  config: CertificateConfig,
  graphRoot: string,
  now: () => number = Date.now,
): TokenProvider {
  const client = msal.certificate(config);
  // Client credentials take the resource's .default: the application permissions the admin granted.
  const scopes = [`${graphRoot}/.default`];
  return cached(() => client.acquireByClientCredential(scopes), now);
}
