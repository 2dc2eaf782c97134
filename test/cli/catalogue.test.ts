import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { toText } from "../../src/cli/render";
import { decide } from "../../src/core/decide";
import { parsePolicy } from "../../src/core/policy";
import type { DirectoryAnswer } from "../../src/core/types";
import { paneWordsFor } from "../../src/present/catalogues";
import { message } from "../core/helpers";

// `reach-guard check --catalogue FILE` sizes what the directory cannot, as the add-in does, and the
// output says where each size came from.

async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, {}, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "reach-guard-catalogue-"));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const CATALOGUE = file(
  "catalogue.json",
  JSON.stringify({
    format: "reach-guard-catalogue/1",
    scannedAt: "2026-11-26T04:00:00Z",
    lists: [
      {
        address: "retired-all-staff@example.org",
        displayName: "All staff (old)",
        kind: "distribution",
        members: 840000,
        externalMembers: 0,
        sizedAt: "2026-11-26T03:00:00Z",
      },
    ],
  }),
);

describe("reach-guard check --catalogue", () => {
  it("sizes a list the directory does not know, and says the catalogue's date", async () => {
    const argv = ["check", "--from", "dr.amelia.hart@example.org", "--to", "retired-all-staff@example.org"];
    const json = await run([...argv, "--demo", "--json", "--catalogue", CATALOGUE]);
    expect(json.code).toBe(0);
    const decision = JSON.parse(json.out) as { verdict: string; recipients: Record<string, unknown>[] };
    expect(decision.verdict).toBe("block");
    expect(decision.recipients[0]).toMatchObject({
      source: "catalogue",
      members: 840000,
      sizedAt: "2026-11-26T03:00:00Z",
    });
    const text = await run([...argv, "--demo", "--catalogue", CATALOGUE]);
    expect(text.out).toContain("from the catalogue of 26 November 2026");
    // Without it, the same list is of unknown size: never small.
    const without = JSON.parse((await run([...argv, "--demo", "--json"])).out) as { verdict: string };
    expect(without.verdict).not.toBe("allow");
  });

  it("refuses a file that is not a catalogue, naming it", async () => {
    const broken = file("broken.json", JSON.stringify({ format: "reach-guard-catalogue/1", lists: [] }));
    const result = await run([
      "check",
      "--from",
      "a@example.org",
      "--to",
      "b@example.org",
      "--demo",
      "--catalogue",
      broken,
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("broken.json: scannedAt must be a UTC time");
    const missing = await run([
      "check",
      "--from",
      "a@example.org",
      "--to",
      "b@example.org",
      "--catalogue",
      join(dir, "none.json"),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("cannot read the catalogue file");
  });
});

describe("where a size came from, in each language", () => {
  const policy = parsePolicy({});
  const sized = (answer: DirectoryAnswer) =>
    decide(
      message("me@example.org", { to: ["list@example.org"] }),
      policy,
      new Map([["list@example.org", answer]]),
    );
  const list = {
    kind: "list",
    members: 300,
    externalMembers: 0,
    restricted: false,
    moderated: false,
  } as const;

  it.each([
    ["en-GB", { entry: list, source: "graph" }, "checked just now"],
    ["en-GB", { entry: list, source: "cache" }, "remembered from a recent check"],
    [
      "en-GB",
      { entry: list, source: "catalogue", sizedAt: "2026-11-26T23:30:00Z" },
      "from the catalogue of 26 November 2026",
    ],
    [
      "cy-GB",
      { entry: list, source: "catalogue", sizedAt: "2026-11-26T03:00:00Z" },
      "o gatalog 26 Tachwedd 2026",
    ],
    ["cy-GB", { entry: list, source: "graph" }, "wedi'i wirio nawr"],
  ] as const)("%s: %j says %s", (locale, answer, said) => {
    expect(toText(sized(answer as DirectoryAnswer), paneWordsFor(locale))).toContain(said);
  });
});
