import { isTokenUnavailableError, type TokenProvider } from "../../auth/port";
import { GraphError, failureFor, graphErrorCode } from "./errors";
import {
  DEFAULT_BACKOFF,
  isRetryableStatus,
  nextDelay,
  parseRetryAfter,
  sleep,
  type BackoffOptions,
} from "./retry";
import { GRAPH_ROOT_RULE, parseGraphRoot } from "./roots";
import { abortable, within } from "../../kit/deadline";

// A thin typed client over fetch for the few Graph calls Reach Guard makes. Absolute URLs only
// (the JavaScript-only runtime of classic Outlook has no base URL), one token per call from the
// injected provider, retries by ./retry, and every call bounded by the caller's deadline.

export interface GraphClientOptions {
  /** Graph root without version, e.g. https://graph.microsoft.com or a national cloud's. */
  readonly graphRoot: string;
  /** Receives permission names (e.g. `Mail.Read`); the auth adapter qualifies them for its cloud. */
  readonly getToken: TokenProvider;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  readonly backoff?: BackoffOptions;
}

export interface GraphRequest {
  readonly method: "GET" | "POST";
  /** Path after the version, starting with `/`, query included: `/me/getMailTips`. */
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Permissions this call needs. */
  readonly scopes: readonly string[];
  readonly deadlineAt: number;
  readonly signal?: AbortSignal;
}

export interface GraphResponse {
  readonly status: number;
  /** Parsed JSON, or the text of a `text/plain` answer (a `$count`). */
  readonly body: unknown;
}

export interface GraphClient {
  readonly root: string;
  request(request: GraphRequest): Promise<GraphResponse>;
  /** Requests made so far (for benchmarks and tests). */
  readonly stats: { requests: number; retries: number };
}

export const GRAPH_VERSION = "v1.0";

/** The root written canonically; throws when the shared rule refuses it. */
export function normaliseGraphRoot(root: string): string {
  const parsed = parseGraphRoot(root);
  if (parsed === null) throw new Error(`The Graph root ${JSON.stringify(root)} ${GRAPH_ROOT_RULE}`);
  return parsed;
}

/**
 * Whether an answer came from somewhere other than the root it was asked of. Redirects are never
 * followed: a 307 re-posts the recipient list to whoever the Location names, and that stranger's
 * answer would then decide the verdict. Browsers hide a redirect as an `opaqueredirect` of status 0;
 * Node (undici) hands back the 3xx itself; `redirected` and `url` catch a runtime that followed one
 * anyway.
 */
function cameFromElsewhere(response: Response, root: string): boolean {
  if (response.type === "opaqueredirect" || response.redirected) return true;
  if (response.status >= 300 && response.status < 400) return true;
  if (!response.url) return false;
  // fetch writes http://host:80 as http://host, so the root is compared in both spellings.
  const roots = [root, root.replace(/^(http:\/\/[^/]+):80$/, "$1")];
  return !roots.some((prefix) => response.url.startsWith(`${prefix}/`));
}

/**
 * The largest answer read. Reach Guard's biggest is 50 MailTips or 20 batched answers, tens of
 * kilobytes; a body far beyond that is not Graph's, and parsing it would hold the send.
 */
export const MAX_RESPONSE_CHARS = 2_000_000;

async function readBody(response: Response): Promise<unknown> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > MAX_RESPONSE_CHARS * 4) {
    void response.body?.cancel().catch(() => undefined);
    throw new GraphError("unavailable", response.status, "ResponseTooLarge");
  }
  const text = await response.text();
  if (text.length > MAX_RESPONSE_CHARS)
    throw new GraphError("unavailable", response.status, "ResponseTooLarge");
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("text/plain")) return text;
  if (text === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new GraphError("unavailable", response.status, "MalformedResponse", { cause });
  }
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const root = normaliseGraphRoot(options.graphRoot);
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const stats = { requests: 0, retries: 0 };

  async function token(scopes: readonly string[]): Promise<string> {
    try {
      return await options.getToken(scopes);
    } catch (cause) {
      const code = isTokenUnavailableError(cause) ? `NoToken:${cause.reason}` : "NoToken";
      throw new GraphError("no-token", null, code, { cause });
    }
  }

  async function once(
    request: GraphRequest,
  ): Promise<{ response: GraphResponse; retryAfterMs: number | null }> {
    if (now() >= request.deadlineAt) throw new GraphError("timeout", null, "Timeout");
    // Aborted at the deadline or by the caller. Where the runtime has no AbortController (older
    // JavaScript-only runtimes), the race against the deadline still ends the call on time.
    const { signal, abort, release } = abortable(request.signal);
    const byDeadline = <T>(work: () => Promise<T>) =>
      within(request.deadlineAt - now(), work, () => {
        abort();
        throw new GraphError("timeout", null, "Timeout");
      });
    try {
      // A token broker that does not answer must not hold the check past its deadline either: the
      // answer comes in time, and the outage is remembered before a cold runtime ends.
      const bearer = await byDeadline(() => token(request.scopes));
      stats.requests += 1;
      return await byDeadline(async () => {
        const response = await fetchImpl(`${root}/${GRAPH_VERSION}${request.path}`, {
          method: request.method,
          headers: {
            Authorization: `Bearer ${bearer}`,
            Accept: "application/json",
            ...(request.body === undefined ? {} : { "Content-Type": "application/json" }),
            ...request.headers,
          },
          ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
          redirect: "manual",
          ...(signal ? { signal } : {}),
        });
        if (cameFromElsewhere(response, root)) {
          // Not read, not retried: a redirecting root is misconfigured or hijacked, not busy.
          void response.body?.cancel().catch(() => undefined);
          throw new GraphError("unavailable", response.status || null, "Redirected");
        }
        const body = await readBody(response);
        return {
          response: { status: response.status, body },
          retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), now()),
        };
      });
    } catch (cause) {
      if (cause instanceof GraphError) throw cause;
      if (signal?.aborted || now() >= request.deadlineAt)
        throw new GraphError("timeout", null, "Timeout", { cause });
      throw new GraphError("unavailable", null, "NetworkError", { cause });
    } finally {
      release();
    }
  }

  async function request(request: GraphRequest): Promise<GraphResponse> {
    for (let attempt = 1; ; attempt++) {
      let failure: GraphError;
      let retryAfterMs: number | null = null;
      try {
        const result = await once(request);
        const { status, body } = result.response;
        if (status < 400) return result.response;
        const code = graphErrorCode(body) ?? `Http${status}`;
        failure = new GraphError(failureFor(status, code), status, code);
        retryAfterMs = result.retryAfterMs;
        if (!isRetryableStatus(status)) throw failure;
      } catch (error) {
        if (!(error instanceof GraphError)) throw error;
        // A dropped connection or a garbled body is worth one more try; time-outs and refusals are not.
        const transient =
          error.code !== "Redirected" &&
          (error.status !== null
            ? isRetryableStatus(error.status) || error.code === "MalformedResponse"
            : error.code === "NetworkError");
        if (!transient) throw error;
        failure = error;
      }
      const wait = nextDelay(attempt, retryAfterMs, request.deadlineAt, now(), backoff);
      if (wait === null || request.signal?.aborted) throw failure;
      stats.retries += 1;
      await sleep(wait, request.signal);
    }
  }

  return { root, request, stats };
}

/**
 * A client for a root the shared rule refuses. Throwing there would fail the whole check and, at
 * send, end as "Send Anyway"; instead every call fails as unavailable, so every address is unknown
 * and the policy's verdict applies. No token is asked for and nothing is sent. Its root is "".
 */
function refusingClient(): GraphClient {
  return {
    root: "",
    stats: { requests: 0, retries: 0 },
    request: async () => {
      throw new GraphError("unavailable", null, "InvalidGraphRoot");
    },
  };
}

/** createGraphClient that never throws: a refused root gives a client whose every call fails. */
export function graphClientFor(options: GraphClientOptions): GraphClient {
  try {
    return createGraphClient({
      graphRoot: options.graphRoot,
      getToken: options.getToken,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.backoff ? { backoff: options.backoff } : {}),
    });
  } catch {
    return refusingClient();
  }
}
