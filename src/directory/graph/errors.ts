import type { UnknownCause } from "../../core/types";

// Graph failures as the directory reports them. Branches use the HTTP status and Graph's
// `error.code`, never the human message, which Microsoft changes and localises.

export type GraphFailure = Extract<UnknownCause, "unavailable" | "timeout" | "not-permitted" | "no-token">;

export class GraphError extends Error {
  override readonly name = "GraphError";
  constructor(
    readonly failure: GraphFailure,
    /** HTTP status, or null when there was no answer (network, time-out, no token). */
    readonly status: number | null,
    /** Graph's `error.code`, or a code of ours: `MalformedResponse`, `NetworkError`, `Timeout`, `NoToken`. */
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`Graph ${status ?? "-"} ${code}`, options);
  }
}

export function isGraphError(error: unknown): error is GraphError {
  return error instanceof Error && error.name === "GraphError";
}

// Codes Graph and Exchange use for a token without the scope or consent; they mean "ask IT", not
// "try later".
const NOT_PERMITTED_CODES = new Set([
  "authorization_requestdenied",
  "invalidauthenticationtoken",
  "accessdenied",
  "erroraccessdenied",
  "unauthorized",
  "forbidden",
  "authenticationerror",
]);

/** Graph's `error.code` from an error body, or null when the body is not Graph's error shape. */
export function graphErrorCode(body: unknown): string | null {
  if (typeof body !== "object" || body === null) return null;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : null;
}

export function failureFor(status: number, code: string | null): GraphFailure {
  if (status === 401 || status === 403) return "not-permitted";
  if (code !== null && NOT_PERMITTED_CODES.has(code.toLowerCase())) return "not-permitted";
  return "unavailable";
}
