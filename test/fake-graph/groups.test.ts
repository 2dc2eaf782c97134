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

// The group requests the add-in makes, as Microsoft documents them: GET /groups?$filter=mail eq
// '...' and the transitive user $count (ConsistencyLevel: eventual, answered as text/plain), with
// GroupMember.Read.All for both. Nothing else: the add-in lists no members and looks up no users.

const graph = useFakeGraph();
const demo = JSON.parse(readFileSync(DEMO_DIRECTORY_PATH, "utf8")) as DirectoryData;
const idOf = (mail: string) => demo.groups.find((group) => group.mail === mail)!.id;

async function count(mail: string, query = "") {
  const answer = await call(graph(), `${countPath(idOf(mail))}${query}`, { headers: EVENTUAL });
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

  it("counts nested lists transitively, each person once", async () => {
    expect(await count("north-region@example.org")).toBe(313);
  });

  it("counts a Microsoft 365 group's guests with $filter=userType eq 'Guest'", async () => {
    expect(await count("project-phoenix@example.org")).toBe(6);
    expect(await count("project-phoenix@example.org", "?$filter=userType eq 'Guest'")).toBe(3);
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

describe("requests the add-in never makes", () => {
  it("are refused as Graph refuses a path it does not know, not answered half-way", async () => {
    const ward7 = idOf("ward7-team@example.org");
    for (const path of [
      `/v1.0/groups/${ward7}/members`,
      `/v1.0/groups/${ward7}/transitiveMembers`,
      `/v1.0/groups/${ward7}/members/microsoft.graph.user/$count`,
    ]) {
      expectGraphError(await call(graph(), path, { headers: EVENTUAL }), 400, "BadRequest");
    }
    expectGraphError(
      await call(graph(), `/v1.0/users?$filter=${encodeURIComponent("mail eq 'sam.patel@example.org'")}`),
      400,
      "BadRequest",
    );
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
