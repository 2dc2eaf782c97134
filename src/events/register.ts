import type { Auth } from "../auth/naa";
import { createNaaAuth } from "../auth/naa";
import { graphScopes } from "../auth/scopes";
import type { TokenProvider } from "../auth/port";
import { directoryFor, settingsLoader, type Environment } from "../app/services";
import type { Settings } from "../app/settings";
import { createComposeItem } from "../office/compose-item";
import { supportsMailbox } from "../office/requirements";
import { selectStore } from "../storage/select";
import { createHandlers } from "./handlers";
import type { SendCompletion } from "./outcome";

// Binds the handlers to Office.js. Nothing runs at load but the registration itself: the
// environment is built on the first event, so loading the bundle never touches the platform.

export const HANDLER_NAMES = {
  compose: "onMessageComposeHandler",
  recipientsChanged: "onMessageRecipientsChangedHandler",
  send: "onMessageSendHandler",
} as const;

/** Token source for deployed Outlook: nested app authentication, silent only in handlers. */
export function naaTokenProvider(): (settings: Settings) => TokenProvider {
  const auths = new Map<string, Auth>();
  return (settings) => {
    const { clientId, tenantId, authority, graphRoot } = settings.config;
    const key = `${clientId}|${tenantId}|${authority}`;
    let auth = auths.get(key);
    if (!auth) {
      auth = createNaaAuth({ clientId, tenantId, authority });
      auths.set(key, auth);
    }
    const current = auth;
    return (names) => current.getToken(graphScopes(graphRoot, names));
  };
}

export function hostEnvironment(baseUrl: string): Environment {
  return { baseUrl, store: selectStore().store, tokenProviderFor: naaTokenProvider() };
}

type AnyEvent = { completed(options?: SendCompletion): void };

export function registerHandlers(office: typeof Office, environment: () => Environment): void {
  let built: ReturnType<typeof createHandlers> | null = null;
  const handlers = () => {
    if (built) return built;
    const env = environment();
    built = createHandlers({
      item: () => createComposeItem(office),
      loadSettings: settingsLoader(env),
      directory: (settings) => directoryFor(env, settings),
      supportsMailbox: (version) => supportsMailbox(version, office),
    });
    return built;
  };
  office.actions.associate(
    HANDLER_NAMES.compose,
    (event: AnyEvent) => void handlers().onMessageCompose(event),
  );
  office.actions.associate(
    HANDLER_NAMES.recipientsChanged,
    (event: AnyEvent) => void handlers().onMessageRecipientsChanged(event),
  );
  office.actions.associate(HANDLER_NAMES.send, (event: AnyEvent) => void handlers().onMessageSend(event));
}
