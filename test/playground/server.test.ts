import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPlayground, type Playground } from "../../src/playground/server/server";
import { PLAYGROUND_CLIENT_ID } from "../../src/playground/server/environment";

// The playground's web server over a real socket: the built folder, the add-in's config pointed
// at the local Graph server, the page's environment, and nothing outside the folder.

let dist: string;
let playground: Playground;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "rg-dist-"));
  mkdirSync(join(dist, "playground"));
  writeFileSync(join(dist, "manifest.xml"), "<OfficeApp/>");
  writeFileSync(join(dist, "policy.json"), '{"warnAt": 50}');
  writeFileSync(
    join(dist, "playground", "index.html"),
    "<!doctype html><title>Reach Guard playground</title>",
  );
  playground = await startPlayground({ distDir: dist, port: 0 });
});

afterAll(async () => {
  await playground.close();
});

const get = (path: string) => fetch(`${playground.origin}${path}`, { redirect: "manual" });

test("the root leads to the playground page, served from the built folder", async () => {
  const root = await get("/");
  expect(root.status).toBe(302);
  expect(root.headers.get("location")).toBe("/playground/");
  const page = await get("/playground/");
  expect(page.headers.get("content-type")).toMatch(/^text\/html/);
  expect(await page.text()).toContain("Reach Guard playground");
  expect((await get("/manifest.xml")).headers.get("content-type")).toMatch(/^application\/xml/);
});

test("config.json sends the add-in to the local Graph server, which answers", async () => {
  const config = (await (await get("/config.json")).json()) as Record<string, string>;
  expect(config).toMatchObject({ clientId: PLAYGROUND_CLIENT_ID, graphRoot: playground.graph.url });
  const tips = await fetch(`${config.graphRoot}/v1.0/me/getMailTips`, {
    method: "POST",
    headers: { Authorization: "Bearer demo-token", "Content-Type": "application/json" },
    body: JSON.stringify({ EmailAddresses: ["everyone@example.org"], MailTipsOptions: "totalMemberCount" }),
  });
  const body = (await tips.json()) as { value: { totalMemberCount?: number }[] };
  expect(body.value[0]?.totalMemberCount).toBe(840000);
});

test("env.json names the signed-in user, the address book and the Graph server", async () => {
  const env = (await (await get("/playground/env.json")).json()) as {
    user: { emailAddress: string };
    directory: { address: string; type: string }[];
    graphUrl: string;
  };
  expect(env.user.emailAddress).toBe("dr.amelia.hart@example.org");
  expect(env.graphUrl).toBe(playground.graph.url);
  expect(env.directory).toContainEqual(
    expect.objectContaining({ address: "everyone@example.org", type: "dynamic" }),
  );
  expect(env.directory).toContainEqual(
    expect.objectContaining({ address: "ana.silva@partner-university.example", type: "guest" }),
  );
  expect(env.directory).toContainEqual(
    expect.objectContaining({ address: "project-phoenix@example.org", type: "m365" }),
  );
});

test("env.json shows the policy in force: the build's policy.json, with its figures", async () => {
  const env = (await (await get("/playground/env.json")).json()) as { policy: unknown };
  expect(env.policy).toEqual({
    source: "policy.json (from the build)",
    warnAt: 50,
    blockAt: 5000,
    blockedAddresses: [],
    unknownList: "warn",
    directoryUnavailable: "warn",
    sendTimeoutMs: expect.any(Number),
  });
});

test("the browser's favicon request is answered with the add-in's icon, not a 404", async () => {
  mkdirSync(join(dist, "assets"), { recursive: true });
  writeFileSync(join(dist, "assets", "icon-32.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const response = await get("/favicon.ico");
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("image/png");
});

test("nothing outside the built folder is served, however the path is spelt", async () => {
  for (const path of [
    "/../package.json",
    "/%2e%2e/package.json",
    "/playground/..%2f..%2fpackage.json",
    "/%00",
  ]) {
    expect((await get(path)).status).toBe(404);
  }
  expect((await fetch(`${playground.origin}/policy.json`, { method: "POST" })).status).toBe(405);
});

test("a broken policy file stops the start with the field named; a taken port is reported", async () => {
  const bad = join(dist, "bad-policy.json");
  writeFileSync(bad, '{"warnAt": 50, "blockAt": 10}');
  await expect(startPlayground({ distDir: dist, port: 0, policyPath: bad })).rejects.toThrow(/blockAt/);
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", () => resolve()));
  const port = (taken.address() as { port: number }).port;
  await expect(startPlayground({ distDir: dist, port })).rejects.toMatchObject({ code: "EADDRINUSE" });
  await new Promise((resolve) => taken.close(resolve));
});

test("a policy file given at start replaces the built one", async () => {
  const file = join(dist, "strict-policy.json");
  writeFileSync(file, '{"warnAt": 10, "blockAt": 20}');
  const strict = await startPlayground({ distDir: dist, port: 0, policyPath: file });
  try {
    expect(await (await fetch(`${strict.origin}/policy.json`)).json()).toEqual({ warnAt: 10, blockAt: 20 });
    const env = (await (await fetch(`${strict.origin}/playground/env.json`)).json()) as {
      policy: { source: string; warnAt: number; blockAt: number };
    };
    expect(env.policy).toMatchObject({ source: "strict-policy.json", warnAt: 10, blockAt: 20 });
  } finally {
    await strict.close();
  }
});

test("the page's fault switches reach the Graph server from the page's origins, and no other", async () => {
  const faults = (origin: string) =>
    fetch(`${playground.graph.url}/_fake/faults`, {
      method: "PUT",
      headers: { Origin: origin, "Content-Type": "application/json" },
      body: JSON.stringify({ latencyMs: 1 }),
    });
  try {
    const port = new URL(playground.origin).port;
    const preflight = await fetch(`${playground.graph.url}/_fake/faults`, {
      method: "OPTIONS",
      headers: { Origin: playground.origin, "Access-Control-Request-Method": "PUT" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBe(playground.origin);
    for (const origin of [playground.origin, `http://127.0.0.1:${port}`]) {
      const answer = await faults(origin);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("access-control-allow-origin")).toBe(origin);
    }
    playground.graph.setFaults({});
    expect((await faults("http://localhost:1")).status).toBe(403);
    expect((await faults("https://evil.example")).status).toBe(403);
    const current = await fetch(`${playground.graph.url}/_fake/faults`);
    expect(await current.json()).toEqual({});
  } finally {
    playground.graph.setFaults({});
  }
});
