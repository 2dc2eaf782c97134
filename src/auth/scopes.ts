import { GRAPH_ROOT_RULE, parseGraphRoot } from "../directory/graph/roots";

/**
 * Graph permission names qualified by the Graph resource, so that a national cloud's Graph gets
 * tokens for itself: `Mail.Read` at https://graph.microsoft.us becomes https://graph.microsoft.us/Mail.Read.
 * A root that is not a Graph root throws: no token is asked for an audience Reach Guard does not call.
 */
export function graphScopes(graphRoot: string, names: readonly string[]): string[] {
  const root = parseGraphRoot(graphRoot);
  if (root === null) throw new Error(`The Graph root ${GRAPH_ROOT_RULE}`);
  return names.map((name) => `${root}/${name}`);
}
