import type { TokenProvider } from "../auth/port";
import { createBreakerDirectory, createBreakerThreadReader, type BreakerMoment } from "../directory/breaker";
import { createCachedDirectory } from "../directory/cache";
import { createThreadReader } from "../directory/graph/conversation";
import { createGraphDirectory } from "../directory/graph/graph-directory";
import type { Directory, ThreadReader } from "../directory/port";
import { withAcknowledgementMirror } from "../check/shared-acknowledgement";
import { createComposeItem, storageSharedWithPane, type ComposeItem } from "../office/compose-item";
import type { KeyValueStore } from "../storage/port";
import { loadSettings, type Settings } from "./settings";

// Composition: from the host's settings to a working directory. The event bundle, the task pane
// and the playground each build one of these with their own store and token source.

export interface Environment {
  /** The add-in's own host (absolute), where policy.json, config.json and catalogue.json live. */
  readonly baseUrl: string;
  readonly store: KeyValueStore;
  /** Permission names in (`Mail.Read`), a token out; rejects TokenUnavailableError when none. */
  readonly tokenProviderFor: (settings: Settings) => TokenProvider;
  /** Overrides config.json's graphRoot (the playground's local Graph). */
  readonly graphRoot?: string;
  readonly fetch?: typeof fetch;
}

/** Host files at compose time may take this long; at send the saved copy is used when there is one. */
export const SETTINGS_TIMEOUT_MS = { compose: 3000, send: 800 } as const;

/**
 * `waitForFirstCatalogue`: when this store has never kept a catalogue, wait for the first download
 * (the task pane); the event handlers leave it to the background.
 */
export function settingsLoader(
  environment: Environment,
  { waitForFirstCatalogue = false }: { readonly waitForFirstCatalogue?: boolean } = {},
): (moment: "compose" | "send") => Promise<Settings> {
  return (moment) =>
    loadSettings({
      baseUrl: environment.baseUrl,
      store: environment.store,
      timeoutMs: SETTINGS_TIMEOUT_MS[moment],
      preferSaved: moment === "send",
      // The admin's reach catalogue beside policy.json: kept copy at send, refreshed at compose.
      catalogue: waitForFirstCatalogue ? { waitWhenNone: true } : {},
      ...(environment.fetch ? { fetch: environment.fetch } : {}),
    });
}

/**
 * Never throws: a Graph root the client refuses gives a directory that answers "unavailable".
 * Sizes already known come from the cache; only the rest meet the breaker, which remembers an outage
 * so that a send does not wait on Graph again (`moment`: who is asking; the task pane by default).
 */
export function directoryFor(
  environment: Environment,
  settings: Settings,
  moment: BreakerMoment = "pane",
): Directory {
  const graph = createGraphDirectory({
    graphRoot: environment.graphRoot ?? settings.config.graphRoot,
    getToken: environment.tokenProviderFor(settings),
    ...(environment.fetch ? { fetch: environment.fetch } : {}),
  });
  const remembered = createBreakerDirectory(graph, environment.store, { moment });
  return createCachedDirectory(remembered, environment.store, {
    ttlMs: settings.policy.cacheMinutes * 60_000,
  });
}

/**
 * Reads a reply's thread for the storm check, from the same Graph and with the same tokens. One page
 * is enough to tell a storm (more replies than the policy allows; a read cut short says "at least"),
 * and a whole 1,000-message thread would not be read within a send's deadline.
 */
export function threadsFor(
  environment: Environment,
  settings: Settings,
  moment: BreakerMoment = "pane",
): ThreadReader {
  const storm = settings.policy.storm;
  const graph = createThreadReader({
    graphRoot: environment.graphRoot ?? settings.config.graphRoot,
    getToken: environment.tokenProviderFor(settings),
    maxMessages: Math.min(1000, Math.max(100, (storm ? storm.replies : 0) + 1)),
    ...(environment.fetch ? { fetch: environment.fetch } : {}),
  });
  // While an outage is remembered a send does not wait on Graph for the thread either.
  return createBreakerThreadReader(graph, environment.store, { moment });
}

export interface DraftOptions {
  /** Where the confirmation is mirrored; by default what Office shares between runtimes (Mac). */
  readonly sharedStorage?: ReturnType<typeof storageSharedWithPane>;
  readonly now?: () => number;
}

/**
 * The draft being composed, as the check reads it. Where the task pane and the event runtime do not
 * share sessionData (Mac), the sender's confirmation is mirrored where both can read it.
 */
export function composeDraft(
  office: typeof Office = (globalThis as { Office?: typeof Office }).Office as typeof Office,
  options: DraftOptions = {},
): ComposeItem {
  const item = createComposeItem(office);
  const shared = options.sharedStorage !== undefined ? options.sharedStorage : storageSharedWithPane(office);
  return shared ? withAcknowledgementMirror(item, shared, options.now) : item;
}
