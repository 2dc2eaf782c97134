import { naaTokenProvider } from "../auth/provider";
import { composeDraft, directoryFor, settingsLoader, threadsFor, type Environment } from "../app/services";
import { displayLanguage, supportsMailbox, supportsNestedAppAuth } from "../office/requirements";
import { localeFor } from "../present/catalogue";
import { wordsFor } from "../present/words";
import { selectStore } from "../storage/select";
import { createHandlers } from "./handlers";
import type { SendCompletion } from "../check/outcome";

// Binds the handlers to Office.js. Nothing runs at load but the registration itself (and telling
// Office.js the script is ready): the environment is built on the first event, so loading the
// bundle never touches the platform.

export const HANDLER_NAMES = {
  compose: "onMessageComposeHandler",
  recipientsChanged: "onMessageRecipientsChangedHandler",
  fromChanged: "onMessageFromChangedHandler",
  send: "onMessageSendHandler",
} as const;

export function hostEnvironment(baseUrl: string, office?: typeof Office): Environment {
  return {
    baseUrl,
    store: selectStore().store,
    tokenProviderFor: naaTokenProvider({ supported: () => supportsNestedAppAuth(office) }),
  };
}

type AnyEvent = { completed(options?: SendCompletion): void };

export function registerHandlers(office: typeof Office, environment: () => Environment): void {
  let built: ReturnType<typeof createHandlers> | null = null;
  const handlers = () => {
    if (built) return built;
    const env = environment();
    built = createHandlers({
      item: () => composeDraft(office),
      loadSettings: settingsLoader(env),
      directory: (settings, moment) => directoryFor(env, settings, moment),
      threads: (settings, moment) => threadsFor(env, settings, moment),
      supportsMailbox: (version) => supportsMailbox(version, office),
      // Read on each event: Outlook restarts the add-in when its language changes, but asking is cheap.
      words: () => wordsFor(localeFor(displayLanguage(office))),
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
  office.actions.associate(
    HANDLER_NAMES.fromChanged,
    (event: AnyEvent) => void handlers().onMessageFromChanged(event),
  );
  office.actions.associate(HANDLER_NAMES.send, (event: AnyEvent) => void handlers().onMessageSend(event));
}

/**
 * Tells Office.js the script has loaded. Microsoft asks every add-in script to call Office.onReady
 * (or set Office.initialize) at load, since some clients do not go on until one of them has run
 * (initialize-add-in.md); the JavaScript-only runtime of classic Outlook never runs it and may not
 * have it at all (event-based-activation.md). Nothing waits on it: the handlers are registered
 * apart from it, and a missing, throwing or rejecting onReady changes nothing.
 */
export function announceReady(office: typeof Office | undefined): void {
  try {
    const ready = office && typeof office.onReady === "function" ? office.onReady() : undefined;
    if (ready && typeof (ready as PromiseLike<unknown>).then === "function") {
      (ready as PromiseLike<unknown>).then(undefined, () => undefined);
    }
  } catch {
    // The runtime's own business: registration has already happened.
  }
}
