import { TokenUnavailableError, type TokenProvider } from "./port";

/** A fixed token (the CLI's REACH_GUARD_TOKEN, the playground's demo token); null: none configured. */
export function staticTokenProvider(token: string | null): TokenProvider {
  return async () => {
    if (token === null || token === "") throw new TokenUnavailableError("not-configured");
    return token;
  };
}
