import { createGraphDirectory } from "../../src/directory/graph/graph-directory";
import { GraphError } from "../../src/directory/graph/errors";
import { startScriptedServer, type ScriptedServer } from "./scripted-server";

let servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

const ADDRESSES = ["everyone@example.org", "ward7@example.org"];
const unavailable = { entry: { kind: "unknown", cause: "unavailable" }, source: "graph" };

describe("the Graph directory with a root the rule refuses", () => {
  it.each(["http://[::1]", "https://graph.example.org", "http://localhost"])(
    "is still made for %j, and answers every address as unavailable without asking for a token",
    async (graphRoot) => {
      let tokens = 0;
      const directory = createGraphDirectory({
        graphRoot,
        getToken: async () => {
          tokens += 1;
          return "t";
        },
      });
      const answers = await directory.resolve(ADDRESSES, { deadlineAt: Date.now() + 3000 });
      expect(Object.fromEntries(answers)).toEqual({
        "everyone@example.org": unavailable,
        "ward7@example.org": unavailable,
      });
      expect(tokens).toBe(0);
      const error = await directory.client
        .request({ method: "GET", path: "/me", scopes: [], deadlineAt: Date.now() + 1000 })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GraphError);
      expect(error).toMatchObject({ failure: "unavailable", code: "InvalidGraphRoot" });
    },
  );
});

describe("the Graph directory and redirects", () => {
  it.each([302, 307])("sends nothing to where a %i points, and learns nothing from it", async (status) => {
    const elsewhere = await startScriptedServer((request) => ({
      status: 200,
      body: {
        value: (request.body as { EmailAddresses: string[] }).EmailAddresses.map((address) => ({
          emailAddress: { address },
          totalMemberCount: 1,
        })),
      },
    }));
    const graph = await startScriptedServer(() => ({
      status,
      headers: { Location: `${elsewhere.root}/v1.0/me/getMailTips` },
    }));
    servers = [elsewhere, graph];
    const directory = createGraphDirectory({ graphRoot: graph.root, getToken: async () => "t" });
    const answers = await directory.resolve(ADDRESSES, { deadlineAt: Date.now() + 3000 });
    expect([...answers.values()]).toEqual([unavailable, unavailable]);
    expect(elsewhere.received).toHaveLength(0);
    expect(graph.received).toHaveLength(1);
  });
});
