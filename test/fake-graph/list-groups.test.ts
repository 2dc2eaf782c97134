import { createFakeDirectory, DEMO_TOKEN, startFakeGraph, type FakeGraph } from "../../src/fake-graph";
import { validateFaults } from "../../src/fake-graph/faults";
import { call, countPath, EVENTUAL, expectGraphError } from "./helpers";

// GET /groups?$filter=mailEnabled eq true, as the scan pages through a tenant: $top from 1 to 999
// (100 by default), an opaque $skiptoken in @odata.nextLink, $select honoured, dynamic lists absent;
// generated lists sized without members; faults that start after a number of requests.

const LIST = `/v1.0/groups?$filter=${encodeURIComponent("mailEnabled eq true")}&$select=id,mail,groupTypes`;
let graph: FakeGraph;

beforeAll(async () => {
  graph = await startFakeGraph({
    directory: createFakeDirectory({
      domains: ["big.example"],
      me: "me@big.example",
      users: [{ mail: "me@big.example", displayName: "Me" }],
      groups: [{ id: "d1", mail: "all@big.example", displayName: "All", kind: "dynamic", memberCount: 5 }],
      generatedGroups: [
        {
          mail: "team{n}@big.example",
          displayName: "Team {n}",
          kind: "m365",
          count: 100_000,
          memberCounts: [7, 70],
          externalMemberCounts: [2],
        },
      ],
    }),
  });
});
afterAll(() => graph.close());
beforeEach(() => graph.setFaults({}));

it("pages 100 at a time by default, with a next link on the same server", async () => {
  const answer = await call(graph, LIST);
  expect(answer.status).toBe(200);
  const body = answer.body as { value: { mail: string; groupTypes: string[] }[]; "@odata.nextLink": string };
  expect(body.value).toHaveLength(100);
  expect(Object.keys(body.value[0]!)).toEqual(["id", "mail", "groupTypes"]);
  expect(body.value[0]).toMatchObject({ mail: "team1@big.example", groupTypes: ["Unified"] });
  expect(body["@odata.nextLink"].startsWith(`${graph.url}/v1.0/groups?`)).toBe(true);
  const next = await call(graph, body["@odata.nextLink"].slice(graph.url.length));
  expect((next.body as { value: { mail: string }[] }).value[0]!.mail).toBe("team101@big.example");
});

it("serves the last of 100,000 lists and ends without a next link", async () => {
  const first = await call(graph, `${LIST}&$top=999`);
  const link = (first.body as { "@odata.nextLink": string })["@odata.nextLink"];
  const token = new URL(link).searchParams.get("$skiptoken")!;
  expect(token).not.toMatch(/999/);
  // Opaque to clients, yet this server's own: a forged one is refused.
  expectGraphError(await call(graph, `${LIST}&$skiptoken=forged`), 400, "Request_BadRequest");
  const last = Buffer.from("rg-skip:99990", "utf8").toString("base64url");
  const end = await call(graph, `${LIST}&$top=999&$skiptoken=${last}`);
  const body = end.body as { value: { mail: string }[]; "@odata.nextLink"?: string };
  expect(body.value.map((group) => group.mail).at(-1)).toBe("team100000@big.example");
  expect(body["@odata.nextLink"]).toBeUndefined();
});

it("refuses $top outside 1..999 as Graph does", async () => {
  for (const top of ["0", "1000", "ten"])
    expectGraphError(await call(graph, `${LIST}&$top=${top}`), 400, "Request_BadRequest");
});

it("counts a generated list's members and guests without listing them", async () => {
  const id = "6e6e0000-0000-4000-8000-000000000002";
  const all = await call(graph, countPath(id), { headers: EVENTUAL });
  expect(all.text).toBe("70");
  const guests = await call(graph, `${countPath(id)}?$filter=${encodeURIComponent("userType eq 'Guest'")}`, {
    headers: EVENTUAL,
  });
  expect(guests.text).toBe("2");
  const byMail = await call(
    graph,
    `/v1.0/groups?$filter=${encodeURIComponent("mail eq 'team2@big.example'")}`,
  );
  expect((byMail.body as { value: { id: string }[] }).value[0]!.id).toBe(id);
});

it("links the next page elsewhere when told to (a hostile next link)", async () => {
  graph.setFaults({ nextLinkOrigin: "https://elsewhere.example" });
  const answer = await call(graph, LIST);
  expect((answer.body as { "@odata.nextLink": string })["@odata.nextLink"]).toMatch(
    /^https:\/\/elsewhere\.example\/v1\.0\/groups\?/,
  );
});

it("starts a fault after the requests it lets through", async () => {
  graph.setFaults({ status: { code: 503, on: "groups", after: 2, times: 1 } });
  const statuses = [];
  for (let i = 0; i < 4; i++)
    statuses.push((await call(graph, `${LIST}&$top=1`, { token: DEMO_TOKEN })).status);
  expect(statuses).toEqual([200, 200, 503, 200]);
  expect(() => validateFaults({ throttle: { after: -1 } })).toThrow(/after must be a whole number >= 0/);
  expect(() => validateFaults({ nextLinkOrigin: "elsewhere" })).toThrow(/nextLinkOrigin/);
});
