import { readdirSync } from "node:fs";
import { join } from "node:path";

// The plan of the house (scripts/lint/rooms.js), which `npm run lint` enforces on every import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ROOMS, ENTRIES, problem } = require("../../scripts/lint/rooms") as {
  ROOMS: Record<string, { rooms: string[]; packages: string[] }>;
  ENTRIES: string[];
  problem: (file: string, specifier: string) => string | null;
};

const SRC = join(__dirname, "..", "..", "src");
const at = (room: string, name = "file.ts") => join(SRC, room, name);

it("knows every room there is in src/", () => {
  const rooms = readdirSync(SRC, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  expect(rooms.sort()).toEqual(Object.keys(ROOMS).sort());
});

it("keeps the core to itself and its packages", () => {
  expect(problem(at("core"), "./types")).toBeNull();
  expect(problem(at("core"), "punycode/")).toBeNull();
  expect(problem(at("core"), "../present/words")).toMatch(/src\/core may not import src\/present/);
  expect(problem(at("core"), "../office/compose-item")).not.toBeNull();
  expect(problem(at("core"), "react")).toMatch(/package react/);
});

it("lets no entry import another", () => {
  for (const entry of ENTRIES) {
    for (const other of ENTRIES.filter((name) => name !== entry)) {
      expect(problem(at(entry), `../${other}/x`)).not.toBeNull();
    }
  }
});

it("runs one way: the check may use adapters, adapters may not use the check", () => {
  expect(problem(at("check"), "../directory/port")).toBeNull();
  expect(problem(at("check"), "../present/words")).toBeNull();
  expect(problem(at("office"), "../check/outcome")).not.toBeNull();
  expect(problem(at("directory", "graph/client.ts"), "../../check/evaluate")).not.toBeNull();
  expect(problem(at("directory", "graph/client.ts"), "../../core/types")).toBeNull();
  expect(problem(at("present"), "../check/outcome")).not.toBeNull();
});

it("keeps the words and small helpers free of the platform", () => {
  for (const room of ["present", "kit", "check", "office"]) {
    expect(problem(at(room), "react")).not.toBeNull();
    expect(problem(at(room), "node:fs")).not.toBeNull();
  }
  expect(problem(at("cli"), "node:fs/promises")).toBeNull();
});

it("keeps the Exchange script generator to the core and the kit, for the command line to use", () => {
  expect(problem(at("exchange"), "../core/policy")).toBeNull();
  expect(problem(at("exchange"), "../kit/deadline")).toBeNull();
  expect(problem(at("exchange"), "node:fs")).not.toBeNull();
  expect(problem(at("exchange"), "../present/figures")).toBeNull();
  expect(problem(at("exchange"), "../check/evaluate")).not.toBeNull();
  expect(problem(at("cli"), "../exchange/script")).toBeNull();
  expect(problem(at("core"), "../exchange/script")).not.toBeNull();
});

it("ignores files outside src/", () => {
  expect(problem(join(SRC, "..", "test", "x.ts"), "../src/events/handlers")).toBeNull();
});
