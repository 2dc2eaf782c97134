import type { Settings } from "../../src/app/settings";
import { DEFAULT_HOST_CONFIG } from "../../src/app/host-config";
import { parsePolicy, type PolicyInput } from "../../src/core/policy";
import type { DirectoryAnswer, DirectoryEntry, Field, RecipientInput } from "../../src/core/types";
import type { Directory } from "../../src/directory/port";
import type { EventItem } from "../../src/events/handlers";

/** A draft in memory with the surface the handlers use, recording what they did to it. */
export class FakeDraft implements EventItem {
  sessionData = new Map<string, string>();
  headers = new Map<string, string>();
  infoBars = new Map<string, { message: string; actionText: string | null }>();
  failRecipients = false;
  /** The signed-in mailbox: the sender's own unless a test sends from a shared one. */
  signedIn: string | null = null;

  constructor(
    public sender: string,
    public recipients: RecipientInput[],
  ) {}

  static to(sender: string, fields: Partial<Record<Field, string[]>>): FakeDraft {
    const recipients = (Object.entries(fields) as [Field, string[]][]).flatMap(([field, addresses]) =>
      addresses.map((emailAddress) => ({ field, emailAddress, displayName: emailAddress })),
    );
    return new FakeDraft(sender, recipients);
  }

  async getSender() {
    return this.sender;
  }
  async getSignedIn() {
    return this.signedIn ?? this.sender;
  }
  async getRecipients() {
    if (this.failRecipients) throw new Error("mailbox said no");
    return [...this.recipients];
  }
  async getSessionData(key: string) {
    return this.sessionData.get(key) ?? null;
  }
  async setSessionData(key: string, value: string) {
    this.sessionData.set(key, value);
  }
  async showInfoBar(key: string, bar: { message: string; actionText: string | null }) {
    this.infoBars.set(key, bar);
  }
  async removeInfoBar(key: string) {
    this.infoBars.delete(key);
  }
  async setInternetHeaders(headers: Readonly<Record<string, string>>) {
    for (const [name, value] of Object.entries(headers)) this.headers.set(name, value);
  }
  async removeInternetHeaders(names: readonly string[]) {
    for (const name of names) this.headers.delete(name);
  }
}

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
