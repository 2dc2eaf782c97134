import type { ClientFactory } from "../auth/naa";
import { naaAuths } from "../auth/provider";
import { composeDraft, directoryFor, settingsLoader, threadsFor, type Environment } from "../app/services";
import {
  officeReady,
  officeTheme,
  onInitializationContextChanged,
  onOfficeThemeChanged,
  onRecipientsChanged,
  supportsNestedAppAuth,
  displayLanguage,
} from "../office/requirements";
import { selectStore } from "../storage/select";
import { localeFor } from "../present/catalogue";
import { loadPaneWords, type PaneWords } from "../present/pane-words";
import type { TaskPaneBackend } from "./backend";
import { createOfficeBackend } from "./office-backend";
import { createThemeSource, type ThemeSource } from "./theme";

// Wiring for Outlook: the same environment as the event bundle (the host's policy and config, the
// shared store, nested app authentication), the draft wrapped once, the theme followed.

export interface StartOptions {
  readonly root: HTMLElement;
  /** The add-in's host, absolute (fixed at build). */
  readonly baseUrl: string;
  readonly office: typeof Office | undefined;
  readonly window: Pick<Window, "matchMedia">;
  readonly mount: (root: HTMLElement, backend: TaskPaneBackend, theme: ThemeSource, words: PaneWords) => void;
  readonly msalClient?: ClientFactory;
}

/** Resolves once the pane is drawn, or the one sentence that says it only works in Outlook. */
export async function startTaskPane(options: StartOptions): Promise<"mounted" | "outside-outlook"> {
  const { office, root } = options;
  if (!office || !(await officeReady(office))) {
    const sentence = document.createElement("p");
    sentence.textContent = (await loadPaneWords(localeFor(navigatorLanguage()))).text.taskPane.outsideOutlook;
    root.replaceChildren(sentence);
    return "outside-outlook";
  }
  const words = await loadPaneWords(localeFor(displayLanguage(office)));
  // Screen readers speak the page in its declared language: Welsh read with English sounds is noise.
  root.ownerDocument.documentElement.lang = words.locale;
  const auths = naaAuths({
    ...(options.msalClient ? { createClient: options.msalClient } : {}),
    supported: () => supportsNestedAppAuth(office),
  });
  const environment: Environment = {
    baseUrl: options.baseUrl,
    store: selectStore().store,
    tokenProviderFor: auths.tokenProviderFor,
  };
  const backend = createOfficeBackend({
    item: composeDraft(office),
    // The pane says it is checking: on its first run it may wait for the reach catalogue.
    loadSettings: settingsLoader(environment, { waitForFirstCatalogue: true }),
    directory: (settings) => directoryFor(environment, settings),
    threads: (settings) => threadsFor(environment, settings),
    auth: (settings) => auths.authFor(settings.config),
    subscribeRecipientsChanged: (listener) => onRecipientsChanged(listener, office),
    subscribeReopened: (listener) => onInitializationContextChanged(listener, office),
    signInSupported: () => supportsNestedAppAuth(office),
    words,
  });
  const theme = createThemeSource({
    officeTheme: () => officeTheme(office),
    onOfficeThemeChanged: (listener) => onOfficeThemeChanged(listener, office),
    ...(typeof options.window.matchMedia === "function"
      ? { matchMedia: (query: string) => options.window.matchMedia(query) }
      : {}),
  });
  options.mount(root, backend, theme, words);
  return "mounted";
}

/** Outside Outlook there is no display language: the browser's is the best guess. */
function navigatorLanguage(): string | undefined {
  return (globalThis as { navigator?: { language?: string } }).navigator?.language;
}
