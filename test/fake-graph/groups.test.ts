import { readFileSync } from "node:fs";
import { DEMO_DIRECTORY_PATH, MAIL_ONLY_TOKEN, type DirectoryData } from "../../src/fake-graph";
import {
  call,
  CONTEXT,
  countPath,
  EVENTUAL,
  expectGraphError,
  GRAPH_JSON_TYPE,
  groupByMail,
  useFakeGraph,
} from "./helpers";

// The group path, as Microsoft documents it: GET /groups?$filter=mail eq '...', the transitive
// member $count (ConsistencyLevel: eventual, answered as text/plain), member paging with an
// absolute @odata.nextLink, and GroupMember.Read.All for all of it.

const graph = useFakeGraph();
const demo = JSON.parse(readFileSync(DEMO_DIRECTORY_PATH, "utf8")) as DirectoryData;
const idOf = (mail: string) => demo.groups.find((group) => group.mail === mail)!.id;

async function count(mail: string, relation = "transitiveMembers", query = "") {
  const answer = await call(graph(), `${countPath(idOf(mail), relation)}${query}`, { headers: EVENTUAL });
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toBe("text/plain");
  return Number(answer.text);
}

describe("GET /groups?$filter=mail eq '...'", () => {
  it("finds a distribution list with Graph's group properties", async () => {
    const answer = await groupByMail(graph(), "ward7-team@example.org");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(GRAPH_JSON_TYPE);
    expect(answer.body).toEqual({
      "@odata.context": `${CONTEXT}#groups`,
      value: [
        {
          id: idOf("ward7-team@example.org"),
          mail: "ward7-team@example.org",
          displayName: "Ward 7 Team",
          groupTypes: [],
          mailEnabled: true,
          securityEnabled: false,
        },
      ],
    });
  });

  it("marks a Microsoft 365 group as Unified", async () => {
    const answer = await groupByMail(graph(), "project-phoenix@example.org");
    expect((answer.body.value as { groupTypes: string[] }[])[0]!.groupTypes).toEqual(["Unified"]);
  });

  it("does not see the dynamic all-staff list: an empty collection, not an error", async () => {
    for (const mail of ["everyone@example.org", "all-staff-news@example.org", "nobody@example.org"]) {
      const answer = await groupByMail(graph(), mail);
      expect(answer.status).toBe(200);
      expect(answer.body.value).toEqual([]);
    }
  });

  it("returns only the $select-ed properties and names them in @odata.context", async () => {
    const answer = await groupByMail(graph(), "WARD7-TEAM@example.org", "&$select=id,mail");
    expect(answer.body).toEqual({
      "@odata.context": `${CONTEXT}#groups(id,mail)`,
      value: [{ id: idOf("ward7-team@example.org"), mail: "ward7-team@example.org" }],
    });
  });

  it("reads OData's doubled quotes and rejects other filters with Request_UnsupportedQuery", async () => {
    const quoted = await groupByMail(graph(), "o''brien@example.org");
    expect(quoted.status).toBe(200);
    expect(quoted.body.value).toEqual([]);
    expectGraphError(
      await call(graph(), `/v1.0/groups?$filter=${encodeURIComponent("startswith(mail,'ward')")}`),
      400,
      "Request_UnsupportedQuery",
    );
  });
});

describe("GET /groups/{id}/transitiveMembers/microsoft.graph.user/$count", () => {
  it("answers the number alone as text/plain", async () => {
    const answer = await call(graph(), countPath(idOf("ward7-team@example.org")), { headers: EVENTUAL });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/plain");
    expect(answer.text).toBe("12");
  });

  it("counts nested lists transitively, each person once, and members/ only the direct users", async () => {
    expect(await count("north-region@example.org")).toBe(313);
    expect(await count("north-region@example.org", "members")).toBe(2);
  });

  it("counts a Microsoft 365 group's guests with $filter=userType eq 'Guest'", async () => {
    expect(await count("project-phoenix@example.org")).toBe(6);
    expect(
      await count("project-phoenix@example.org", "transitiveMembers", "?$filter=userType eq 'Guest'"),
    ).toBe(3);
  });

  it("counts a list whose MailTip has no count", async () => {
    expect(await count("board-papers@example.org")).toBe(9);
  });

  it("needs ConsistencyLevel: eventual, as documented for advanced queries", async () => {
    const answer = await call(graph(), countPath(idOf("ward7-team@example.org")));
    expectGraphError(answer, 400, "Request_BadRequest");
    expect((answer.body.error as { message: string }).message).toBe("$count is not currently supported.");
  });

  it("answers 404 Request_ResourceNotFound for an unknown id and for a dynamic list's id", async () => {
    for (const id of ["00000000-0000-0000-0000-000000000000", idOf("everyone@example.org")]) {
      expectGraphError(
        await call(graph(), countPath(id), { headers: EVENTUAL }),
        404,
        "Request_ResourceNotFound",
      );
    }
  });
});

describe("member listings", () => {
  it("pages 300 members 100 at a time with an absolute @odata.nextLink on this server", async () => {
    const seen = new Set<string>();
    let path: string | null = `/v1.0/groups/${idOf("clinical-leads@example.org")}/members`;
    let pages = 0;
    while (path !== null) {
      const answer = await call(graph(), path);
      expect(answer.status).toBe(200);
      const body = answer.body as {
        "@odata.context": string;
        value: { id: string }[];
        "@odata.nextLink"?: string;
      };
      expect(body["@odata.context"]).toBe(`${CONTEXT}#directoryObjects`);
      pages += 1;
      expect(body.value).toHaveLength(100);
      for (const member of body.value) seen.add(member.id);
      const next = body["@odata.nextLink"];
      if (next !== undefined) expect(next.startsWith(`${graph().url}/v1.0/groups/`)).toBe(true);
      path = next === undefined ? null : next.slice(graph().url.length);
    }
    expect(pages).toBe(3);
    expect(seen.size).toBe(300);
  });

  it("honours $top", async () => {
    const first = await call(graph(), `/v1.0/groups/${idOf("clinical-leads@example.org")}/members?$top=250`);
    const body = first.body as { value: unknown[]; "@odata.nextLink": string };
    expect(body.value).toHaveLength(250);
    const second = await call(graph(), body["@odata.nextLink"].slice(graph().url.length));
    expect(second.body.value).toHaveLength(50);
    expect(second.body["@odata.nextLink"]).toBeUndefined();
  });

  it("types each member, and lists nested groups as well as their people under transitiveMembers", async () => {
    const direct = await call(graph(), `/v1.0/groups/${idOf("north-region@example.org")}/members`);
    expect((direct.body.value as Record<string, unknown>[]).map((member) => member["@odata.type"])).toEqual([
      "#microsoft.graph.group",
      "#microsoft.graph.group",
      "#microsoft.graph.user",
      "#microsoft.graph.user",
    ]);
    const all: Record<string, unknown>[] = [];
    let path: string | null = `/v1.0/groups/${idOf("north-region@example.org")}/transitiveMembers?$top=999`;
    while (path !== null) {
      const answer = await call(graph(), path);
      all.push(...(answer.body.value as Record<string, unknown>[]));
      const next = answer.body["@odata.nextLink"] as string | undefined;
      path = next === undefined ? null : next.slice(graph().url.length);
    }
    const groups = all.filter((member) => member["@odata.type"] === "#microsoft.graph.group");
    expect(groups.map((group) => group.mail)).toEqual([
      "ward7-team@example.org",
      "clinical-leads@example.org",
    ]);
    expect(all.length - groups.length).toBe(313);
  });
});

describe("GET /users?$filter=mail eq '...'", () => {
  it("finds a user, guests typed as Guest", async () => {
    const answer = await call(
      graph(),
      `/v1.0/users?$filter=${encodeURIComponent("mail eq 'ana.silva@partner-university.example'")}`,
    );
    expect(answer.body).toEqual({
      "@odata.context": `${CONTEXT}#users`,
      value: [
        {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          mail: "ana.silva@partner-university.example",
          displayName: "Ana Silva (guest)",
          userType: "Guest",
        },
      ],
    });
  });
});

describe("permissions", () => {
  it("refuses the group endpoints to a Mail.Read-only token with 403 Authorization_RequestDenied", async () => {
    const token = { token: MAIL_ONLY_TOKEN };
    expectGraphError(
      await groupByMail(graph(), "ward7-team@example.org", "", token),
      403,
      "Authorization_RequestDenied",
    );
    expectGraphError(
      await call(graph(), countPath(idOf("ward7-team@example.org")), { ...token, headers: EVENTUAL }),
      403,
      "Authorization_RequestDenied",
    );
    expectGraphError(
      await call(
        graph(),
        `/v1.0/users?$filter=${encodeURIComponent("mail eq 'sam.patel@example.org'")}`,
        token,
      ),
      403,
      "Authorization_RequestDenied",
    );
  });

  it("answers 401 InvalidAuthenticationToken without a token or with an unknown one", async () => {
    expectGraphError(
      await groupByMail(graph(), "ward7-team@example.org", "", { token: null }),
      401,
      "InvalidAuthenticationToken",
    );
    expectGraphError(
      await groupByMail(graph(), "ward7-team@example.org", "", { token: "x" }),
      401,
      "InvalidAuthenticationToken",
    );
  });

  it("answers 405 to a write and 400 to a path outside /v1.0", async () => {
    expectGraphError(
      await call(graph(), "/v1.0/groups", { method: "POST", body: {} }),
      405,
      "Request_BadRequest",
    );
    expectGraphError(await call(graph(), "/beta/groups"), 400, "BadRequest");
  });
});
