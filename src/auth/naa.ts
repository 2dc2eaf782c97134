import type { IPublicClientApplication } from "@azure/msal-browser";
import { within } from "../kit/deadline";
import { nestableClientFactory } from "./msal";
import { TokenUnavailableError, type TokenProvider } from "./port";

// Nested app authentication: Outlook brokers the token for the add-in (no sign-in page of our own,
// no secret). Event handlers may only ask silently; the task pane may show the sign-in popup when
// the user clicks. MSAL is loaded on first use, and tokens never leave MSAL's own cache.

export interface AuthSettings {
  readonly clientId: string;
  /** `common`, `organizations`, a tenant GUID or domain. */
  readonly tenantId: string;
  readonly authority: string;
}

export interface Auth {
  /** Silent only; rejects TokenUnavailableError when the user must sign in or nothing is configured. */
  readonly getToken: TokenProvider;
  /** Interactive sign-in from the task pane, on a click. */
  signIn(scopes: readonly string[]): Promise<void>;
}

export type ClientFactory = (settings: AuthSettings) => Promise<IPublicClientApplication>;

export const SILENT_TIMEOUT_MS = 2500;

const INTERACTION_CODES = new Set([
  "interaction_required",
  "consent_required",
  "login_required",
  "no_account_error",
  "nested_app_auth_bridge_disabled",
]);

// The event bundle's MSAL, loaded on the first token asked for (the task pane passes its own loader).
const defaultFactory = nestableClientFactory(async () => {
  const msal = await import("@azure/msal-browser");
  return msal.createNestablePublicClientApplication;
});

function needsInteraction(error: unknown): boolean {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  const name = (error as { name?: unknown } | null)?.name;
  return (typeof code === "string" && INTERACTION_CODES.has(code)) || name === "InteractionRequiredAuthError";
}

export interface NaaOptions {
  readonly createClient?: ClientFactory;
  readonly silentTimeoutMs?: number;
  /**
   * Whether this Outlook has nested app authentication (Office.context.requirements, NestedAppAuth
   * 1.1), asked before MSAL is started. Where it has not, no token can come, and waiting for MSAL to
   * find that out would cost every check its silent time-out.
   */
  readonly supported?: () => boolean;
}

export function createNaaAuth(settings: AuthSettings, options: NaaOptions = {}): Auth {
  const createClient = options.createClient ?? defaultFactory;
  const silentTimeoutMs = options.silentTimeoutMs ?? SILENT_TIMEOUT_MS;
  const supported = () => {
    try {
      return options.supported ? options.supported() : true;
    } catch {
      return false;
    }
  };
  let client: Promise<IPublicClientApplication> | null = null;
  const getClient = () => {
    if (!client) {
      const created = createClient(settings);
      client = created;
      // A client that failed to start is not kept: the runtime lives on, and the next call may
      // find the nested-app bridge ready.
      created.catch(() => {
        if (client === created) client = null;
      });
    }
    return client;
  };
  const silentToken = async (scopes: readonly string[]) => {
    const app = await getClient();
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
    const result = await app.acquireTokenSilent({ scopes: [...scopes], ...(account ? { account } : {}) });
    return result.accessToken;
  };

  return {
    async getToken(scopes) {
      if (!settings.clientId) throw new TokenUnavailableError("not-configured");
      if (!supported()) throw new TokenUnavailableError("unsupported");
      try {
        // The limit covers starting MSAL as well: a bridge that never answers must not hold a handler.
        return await within(
          silentTimeoutMs,
          () => silentToken(scopes),
          () => {
            throw new TokenUnavailableError("failed");
          },
        );
      } catch (cause) {
        if (cause instanceof TokenUnavailableError) throw cause;
        throw new TokenUnavailableError(needsInteraction(cause) ? "interaction-required" : "failed", {
          cause,
        });
      }
    },
    async signIn(scopes) {
      if (!settings.clientId) throw new TokenUnavailableError("not-configured");
      if (!supported()) throw new TokenUnavailableError("unsupported");
      const app = await getClient();
      const result = await app.acquireTokenPopup({ scopes: [...scopes] });
      if (result.account) app.setActiveAccount(result.account);
    },
  };
}
