/**
 * Supplies a Graph access token for the given scopes. Rejects with a `TokenUnavailableError`
 * when none can be had without showing UI (event handlers never show UI).
 */
export type TokenProvider = (scopes: readonly string[]) => Promise<string>;

export class TokenUnavailableError extends Error {
  override readonly name = "TokenUnavailableError";
  /**
   * `interaction-required`: the user must sign in through the task pane. `unsupported`: this Outlook
   * has no nested app authentication (NestedAppAuth 1.1), so no sign-in can help.
   */
  constructor(
    readonly reason: "interaction-required" | "not-configured" | "unsupported" | "failed",
    options?: { cause?: unknown },
  ) {
    super(`No Graph token could be had (${reason})`, options);
  }
}

export function isTokenUnavailableError(error: unknown): error is TokenUnavailableError {
  return error instanceof Error && error.name === "TokenUnavailableError";
}
