import { DEMO_TOKEN } from "../../fake-graph/tokens";

// What Outlook does for nested app authentication: it holds the user's session and answers MSAL's
// requests over `window.nestedAppAuthBridge` (JSON strings in, JSON strings out). This broker
// hands out the local Graph server's demo token, or refuses as Outlook does when a token cannot be
// had silently (the playground's "No token" switch). A sign-in (GetTokenPopup) succeeds and ends
// that state, as signing in would. Tokens live 60 seconds, inside MSAL's five-minute renewal
// window, so each request reaches the broker and the switch takes effect at once.

export interface BrokerAccount {
  readonly username: string;
  readonly name: string;
}

export interface NaaBroker {
  handle(request: string): string;
}

const TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
const OBJECT_ID = "00000000-0000-0000-66f3-3332eca7ea81";
const TOKEN_LIFETIME_S = 60;

function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** An unsigned ID token: MSAL reads its claims; nothing here verifies signatures. */
function idToken(claims: Record<string, unknown>): string {
  return `${base64Url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${base64Url(JSON.stringify(claims))}.`;
}

export function createNaaBroker(options: {
  readonly account: BrokerAccount;
  /** True while the playground's "No token" switch is on. */
  readonly tokenRefused: () => boolean;
  readonly signedIn: () => void;
  readonly now?: () => number;
}): NaaBroker {
  const now = options.now ?? Date.now;
  const respond = (requestId: string, body: Record<string, unknown>) =>
    JSON.stringify({ messageType: "NestedAppAuthResponse", requestId, ...body });

  function token(request: Record<string, unknown>) {
    const params = (request.tokenParams ?? {}) as { clientId?: string; scope?: string };
    const issued = Math.floor(now() / 1000);
    const claims = {
      aud: params.clientId ?? "",
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      iat: issued,
      nbf: issued,
      exp: issued + TOKEN_LIFETIME_S,
      name: options.account.name,
      oid: OBJECT_ID,
      preferred_username: options.account.username,
      sub: OBJECT_ID,
      tid: TENANT,
      ver: "2.0",
    };
    return {
      success: true,
      token: {
        access_token: DEMO_TOKEN,
        expires_in: TOKEN_LIFETIME_S,
        id_token: idToken(claims),
        properties: null,
        scope: params.scope ?? "",
      },
      account: {
        homeAccountId: `${OBJECT_ID}.${TENANT}`,
        environment: "login.microsoftonline.com",
        tenantId: TENANT,
        username: options.account.username,
        localAccountId: OBJECT_ID,
        name: options.account.name,
        idTokenClaims: claims,
      },
    };
  }

  return {
    handle(text) {
      let request: Record<string, unknown>;
      try {
        request = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return respond("", { success: false, error: { status: "PERSISTENT_ERROR", code: "bad_request" } });
      }
      const requestId = String(request.requestId ?? "");
      switch (request.method) {
        case "GetInitContext":
          return respond(requestId, {
            success: true,
            initContext: { sdkName: "Reach Guard playground broker", sdkVersion: "1.0.0" },
          });
        case "GetTokenPopup":
          options.signedIn();
          return respond(requestId, token(request));
        case "GetToken":
          if (options.tokenRefused()) {
            return respond(requestId, {
              success: false,
              error: {
                status: "USER_INTERACTION_REQUIRED",
                code: "interaction_required",
                description: "The user must sign in.",
              },
            });
          }
          return respond(requestId, token(request));
        default:
          return respond(requestId, {
            success: false,
            error: { status: "PERSISTENT_ERROR", code: "unknown_method" },
          });
      }
    },
  };
}
