import { TokenUnavailableError, type TokenProvider } from "./port";

/** A token held already (the CLI's, the benchmark's demo token); null or empty: none configured. */
export function staticTokenProvider(token: string | null): TokenProvider {
  return async () => {
    if (token === null || token === "") throw new TokenUnavailableError("not-configured");
    return token;
  };
}
