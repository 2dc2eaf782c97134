import type { ListedAddress } from "../host/directory-listing";

// What the playground serves about itself: the add-in's config.json (pointing at the local Graph
// server) and the page's env.json (who is signed in, the address book, where Graph is).

/** A made-up app registration: the playground's broker accepts any, nothing checks it. */
export const PLAYGROUND_CLIENT_ID = "00000000-0000-4000-8000-00000000c0de";

export function playgroundHostConfig(graphUrl: string) {
  return {
    clientId: PLAYGROUND_CLIENT_ID,
    tenantId: "common",
    graphRoot: graphUrl,
    authority: "https://login.microsoftonline.com",
  };
}

interface DemoData {
  readonly domains: readonly string[];
  readonly me: string;
  readonly users: readonly { mail: string; displayName: string; userType?: string }[];
  readonly groups: readonly { mail: string; displayName: string; kind: string }[];
}

export function playgroundEnvironment(data: unknown, graphUrl: string) {
  const demo = data as DemoData;
  const me = demo.users.find((user) => user.mail === demo.me);
  const directory: ListedAddress[] = [
    ...demo.groups.map((group) => ({
      address: group.mail,
      displayName: group.displayName,
      type:
        group.kind === "dynamic"
          ? ("dynamic" as const)
          : group.kind === "m365"
            ? ("m365" as const)
            : ("list" as const),
    })),
    ...demo.users.map((user) => ({
      address: user.mail,
      displayName: user.displayName,
      type: user.userType === "Guest" ? ("guest" as const) : ("user" as const),
    })),
  ];
  return {
    graphUrl,
    domains: demo.domains,
    user: { emailAddress: demo.me, displayName: me?.displayName ?? demo.me },
    directory,
  };
}
