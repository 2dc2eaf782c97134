import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isLoopbackHost, LOOPBACK_HOSTS, loopbackOrigins } from "../../src/kit/loopback";

describe("loopback hosts", () => {
  it.each(["localhost", "127.0.0.1", "[::1]"])("knows %s", (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(["", "example.org", "localhost.example.org", "127.0.0.2", "::1", "[::2]", "0.0.0.0"])(
    "refuses %p",
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );

  it("gives an http origin per host, localhost (the one printed) first", () => {
    expect(loopbackOrigins(3000)).toEqual([
      "http://localhost:3000",
      "http://127.0.0.1:3000",
      "http://[::1]:3000",
    ]);
    expect(loopbackOrigins(1)).toHaveLength(LOOPBACK_HOSTS.length);
  });
});

// The kit is for every room, the event bundle and the build included: it may import nothing.
describe("src/kit", () => {
  const dir = join(__dirname, "..", "..", "src", "kit");
  it.each(readdirSync(dir).filter((name) => name.endsWith(".ts")))("%s imports nothing", (name) => {
    const text = readFileSync(join(dir, name), "utf8");
    expect(text).not.toMatch(/^\s*import\s/m);
    expect(text).not.toMatch(/\brequire\(|\bimport\(/);
  });
});
