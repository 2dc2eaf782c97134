import { formatCount } from "../present/figures";
import { DEFAULT_POLICY, parsePolicy, parsePolicyText, type Policy } from "../core/policy";
import { within } from "../kit/deadline";
import type { KeyValueStore } from "../storage/port";
import { DEFAULT_HOST_CONFIG, parseHostConfig, parseHostConfigText, type HostConfig } from "./host-config";
import {
  CATALOGUE_TIMEOUT_MS,
  composeCatalogue,
  keptCatalogue,
  readCatalogueState,
  type KeptCatalogue,
} from "./catalogue-source";

// The admin's policy and config are read at run time from the add-in's own host, so a policy change
// needs no new build. The last good copy is kept; when neither host nor copy can be had, the built-in
// default applies. A broken policy file never weakens protection: the last good copy stays in force.

export interface Settings {
  readonly policy: Policy;
  readonly config: HostConfig;
  /** Where the policy came from. */
  readonly source: "host" | "saved" | "built-in";
  /** Problems an admin should hear about (shown in the task pane, never blocking a send). */
  readonly problems: readonly string[];
  /**
   * The admin's reach catalogue as kept in the store (./catalogue-source.ts), when asked for
   * (`SettingsOptions.catalogue`); null when none is hosted or kept.
   */
  readonly catalogue?: KeptCatalogue | null;
  /**
   * At compose, a refresh of the catalogue this load started, settling (never rejecting) when done.
   * Nothing waits for it before checking; a runtime that ends at `event.completed` (classic Outlook)
   * waits for it after the check, or the download would never finish there.
   */
  readonly catalogueRefresh?: Promise<void>;
}

export interface SettingsOptions {
  /** The add-in's host, absolute (the JavaScript-only runtime has no base URL). */
  readonly baseUrl: string;
  readonly store: KeyValueStore;
  readonly fetch?: typeof fetch;
  readonly timeoutMs: number;
  /** Send time: use the saved copy without asking the host, to keep the decision fast. */
  readonly preferSaved?: boolean;
  readonly now?: () => number;
  /**
   * Read the reach catalogue too: the kept copy, and at compose the host's when it is due.
   * `waitWhenNone`: when nothing is kept yet, wait for the download (the task pane, which shows that
   * it is checking; never the event handlers, whose info bar must not wait for megabytes).
   */
  readonly catalogue?: { readonly timeoutMs?: number; readonly waitWhenNone?: boolean };
}

export const SETTINGS_KEY = "settings:v1";

interface Saved {
  readonly policy: unknown;
  readonly config: unknown;
  readonly at: number;
}

async function readSaved(store: KeyValueStore): Promise<{ policy: Policy; config: HostConfig } | null> {
  try {
    const text = await store.get(SETTINGS_KEY);
    if (!text) return null;
    const saved = JSON.parse(text) as Saved;
    const config = parseHostConfig(saved.config);
    if (config instanceof Error) return null;
    return { policy: parsePolicy(saved.policy), config };
  } catch {
    return null;
  }
}

/**
 * Larger than any file that could pass validation (policy.json: two lists of 10,000 entries of at
 * most 254 characters), so that a broken host cannot make the add-in parse megabytes of nothing.
 */
export const MAX_FILE_CHARS = { policy: 8_000_000, config: 64_000 } as const;

/** The file's text, or a rejection: not found, too large, or not all there within `timeoutMs`. */
async function fetchText(
  url: string,
  fetchImpl: typeof fetch,
  timeoutMs: number,
  maxChars: number,
): Promise<string> {
  // One limit for the answer and its body together: each wait gets what is left of it.
  const deadlineAt = Date.now() + timeoutMs;
  const inTime = <T>(work: () => Promise<T>) =>
    within(deadlineAt - Date.now(), work, () => {
      throw new Error("TimeoutError");
    });
  const tooLarge = () => new Error(`larger than ${formatCount(maxChars)} characters`);
  const response = await inTime(() => fetchImpl(url, { cache: "no-cache" }));
  // The status travels with the error: a catalogue that is not hosted (404) is normal.
  if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
  if (Number(response.headers.get("content-length") ?? "0") > maxChars * 4) throw tooLarge();
  const text = await inTime(() => response.text());
  if (text.length > maxChars) throw tooLarge();
  return text;
}

export async function loadSettings(options: SettingsOptions): Promise<Settings> {
  if (!options.catalogue) return loadPolicyAndConfig(options);
  if (options.preferSaved) {
    // Send: the kept copy only, read beside the saved policy; its problems were told at compose.
    const [settings, catalogue] = await Promise.all([
      loadPolicyAndConfig(options),
      keptCatalogue(options.store),
    ]);
    return { ...settings, catalogue };
  }
  const [settings, stored] = await Promise.all([
    loadPolicyAndConfig(options),
    readCatalogueState(options.store),
  ]);
  const timeoutMs = options.catalogue.timeoutMs ?? CATALOGUE_TIMEOUT_MS;
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const found = composeCatalogue(
    {
      base: options.baseUrl.replace(/\/+$/, ""),
      store: options.store,
      fetchText: (url, maxChars) => fetchText(url, fetchImpl, timeoutMs, maxChars),
      now: options.now ?? Date.now,
    },
    stored,
    settings.policy,
  );
  if (found.catalogue === null && found.refresh && options.catalogue.waitWhenNone) {
    // The first download this store has seen: its result, and what it found wrong, are read back.
    await found.refresh;
    const after = await readCatalogueState(options.store);
    const problem = after.checked?.problem;
    return {
      ...settings,
      problems: [...settings.problems, ...(problem ? [problem] : [])],
      catalogue: after.catalogue,
    };
  }
  return {
    ...settings,
    problems: [...settings.problems, ...found.problems],
    catalogue: found.catalogue,
    ...(found.refresh ? { catalogueRefresh: found.refresh } : {}),
  };
}

async function loadPolicyAndConfig(options: SettingsOptions): Promise<Settings> {
  const saved = await readSaved(options.store);
  if (options.preferSaved && saved) return { ...saved, source: "saved", problems: [] };
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.baseUrl.replace(/\/+$/, "");
  // Not Promise.allSettled: the ES2016 runtime of classic Outlook lacks it.
  const settle = (promise: Promise<string>) =>
    promise.then(
      (value) => ({ status: "fulfilled" as const, value }),
      (reason: unknown) => ({ status: "rejected" as const, reason }),
    );
  const [policyText, configText] = await Promise.all([
    settle(fetchText(`${base}/policy.json`, fetchImpl, options.timeoutMs, MAX_FILE_CHARS.policy)),
    settle(fetchText(`${base}/config.json`, fetchImpl, options.timeoutMs, MAX_FILE_CHARS.config)),
  ]);
  const problems: string[] = [];
  let policy: Policy | null = null;
  let config: HostConfig | null = null;
  if (policyText.status === "fulfilled") {
    try {
      policy = parsePolicyText(policyText.value);
    } catch (error) {
      problems.push(`policy.json: ${(error as Error).message}`);
    }
  } else problems.push(`policy.json could not be read (${(policyText.reason as Error).message})`);
  if (configText.status === "fulfilled") {
    const parsed = parseHostConfigText(configText.value);
    if (parsed instanceof Error) problems.push(parsed.message);
    else config = parsed;
  } else problems.push(`config.json could not be read (${(configText.reason as Error).message})`);

  const save = async (good: { policy: Policy; config: HostConfig }) => {
    const record: Saved = { ...good, at: (options.now ?? Date.now)() };
    await options.store.set(SETTINGS_KEY, JSON.stringify(record)).catch(() => undefined);
  };
  if (policy && config) {
    await save({ policy, config });
    return { policy, config, source: "host", problems };
  }
  if (saved) {
    const merged = { policy: policy ?? saved.policy, config: config ?? saved.config };
    // Half of it fresh from the host: keep that half too. Send reads only the saved copy, so a new
    // policy read at compose while config.json failed would otherwise never reach the send.
    if (policy || config) await save(merged);
    return { ...merged, source: policy ? "host" : "saved", problems };
  }
  return {
    policy: policy ?? DEFAULT_POLICY,
    config: config ?? DEFAULT_HOST_CONFIG,
    source: policy ? "host" : "built-in",
    problems,
  };
}
