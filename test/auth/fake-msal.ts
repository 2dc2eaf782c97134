import type {
  AccountInfo,
  AuthenticationResult,
  IPublicClientApplication,
  PopupRequest,
  SilentRequest,
} from "@azure/msal-browser";

// The part of an MSAL public client application that src/auth uses, with no network and no popup:
// each silent and popup request is recorded, and answered by whatever the test puts in `silent`.

export function account(username: string): AccountInfo {
  return {
    homeAccountId: `${username}.home`,
    environment: "login.microsoftonline.com",
    tenantId: "00000000-0000-0000-0000-00000000000a",
    username,
    localAccountId: `${username}.local`,
  };
}

export function tokenFor(token: string, forAccount: AccountInfo | null = null): AuthenticationResult {
  return { accessToken: token, account: forAccount } as AuthenticationResult;
}

export class FakeMsal {
  accounts: AccountInfo[] = [];
  active: AccountInfo | null = null;
  readonly silentRequests: SilentRequest[] = [];
  readonly popupRequests: PopupRequest[] = [];
  silent: (request: SilentRequest) => Promise<AuthenticationResult> = async () => tokenFor("token-1");
  popup: (request: PopupRequest) => Promise<AuthenticationResult> = async () =>
    tokenFor("token-popup", account("amelia.hart@example.org"));

  client(): IPublicClientApplication {
    const client: Partial<IPublicClientApplication> = {
      getActiveAccount: () => this.active,
      getAllAccounts: () => this.accounts,
      setActiveAccount: (next) => {
        this.active = next;
      },
      acquireTokenSilent: (request) => {
        this.silentRequests.push(request);
        return this.silent(request);
      },
      acquireTokenPopup: (request) => {
        this.popupRequests.push(request);
        return this.popup(request);
      },
    };
    return client as IPublicClientApplication;
  }
}
