import type { Settings } from "../../src/app/settings";
import { DEFAULT_HOST_CONFIG } from "../../src/app/host-config";
import { parsePolicy, type PolicyInput } from "../../src/core/policy";
import type { DirectoryAnswer, DirectoryEntry } from "../../src/core/types";
import type { Directory } from "../../src/directory/port";

export const list = (members: number, externalMembers = 0): DirectoryEntry => ({
  kind: "list",
  members,
  externalMembers,
  restricted: false,
  moderated: false,
});

/** A directory answering from a table (unknown addresses are people), or misbehaving as told. */
export class TableDirectory implements Directory {
  asked: string[][] = [];
  mode: "answer" | "hang" | "fail" = "answer";
  failure: DirectoryEntry = { kind: "unknown", cause: "unavailable" };

  constructor(public table: Record<string, DirectoryEntry> = {}) {}

  async resolve(addresses: readonly string[], options: { deadlineAt: number }) {
    this.asked.push([...addresses]);
    if (this.mode === "hang") await new Promise(() => undefined);
    if (this.mode === "hang") throw new Error("unreachable");
    void options;
    return new Map<string, DirectoryAnswer>(
      addresses.map((address) => [
        address,
        {
          entry: this.mode === "fail" ? this.failure : (this.table[address] ?? { kind: "person" }),
          source: "graph",
        },
      ]),
    );
  }
}

export function settingsWith(policy: PolicyInput = {}): Settings {
  return { policy: parsePolicy(policy), config: DEFAULT_HOST_CONFIG, source: "host", problems: [] };
}

/** An Outlook event that records what `completed` received. */
export function fakeEvent<O>() {
  const calls: (O | undefined)[] = [];
  let resolveDone: (options: O | undefined) => void = () => undefined;
  const done = new Promise<O | undefined>((resolve) => (resolveDone = resolve));
  return {
    calls,
    done,
    completed(options?: O) {
      calls.push(options);
      resolveDone(options);
    },
  };
}
