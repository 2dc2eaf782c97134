/**
 * Graph permission names qualified by the Graph resource, so that a national cloud's Graph gets
 * tokens for itself: `Mail.Read` at https://graph.microsoft.us becomes https://graph.microsoft.us/Mail.Read.
 */
export function graphScopes(graphRoot: string, names: readonly string[]): string[] {
  const origin = new URL(graphRoot).origin;
  return names.map((name) => `${origin}/${name}`);
}
