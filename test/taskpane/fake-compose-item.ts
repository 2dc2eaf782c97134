import type { Field, RecipientInput } from "../../src/core/types";
import type { ComposeItem, InfoBar, RecipientEntry } from "../../src/office/compose-item";

interface Entry extends RecipientEntry {
  readonly recipientType?: string;
}

/**
 * A draft in memory with the whole ComposeItem surface, recording each change made to it. As strict
 * as Outlook where the fixes depend on it: getRecipients lists at most `cap` per field, and a field
 * holding a personal contact group (no address) cannot be set (error 5010).
 */
export class FakeComposeItem implements ComposeItem {
  fields: Record<Field, Entry[]> = { to: [], cc: [], bcc: [] };
  cap = 1_000;
  /** Every addRecipients call, in order. */
  adds: [Field, RecipientEntry[]][] = [];
  /** Every change in order, as `set:to` or `add:bcc`. */
  changes: string[] = [];
  sessionData = new Map<string, string>();
  infoBars = new Map<string, InfoBar>();
  headers = new Map<string, string>();
  /** Every setRecipients call, in order. */
  sets: [Field, RecipientEntry[]][] = [];
  refuseSet: Field | null = null;
  refuseSessionData = false;

  constructor(
    public sender: string,
    fields: Partial<Record<Field, Entry[]>> = {},
  ) {
    Object.assign(this.fields, fields);
  }

  async getSender() {
    return this.sender;
  }
  async getSignedIn() {
    return this.sender;
  }
  async getRecipients(fields: readonly Field[] = ["to", "cc", "bcc"]): Promise<RecipientInput[]> {
    return fields.flatMap((field) =>
      this.fields[field].slice(0, this.cap).map((entry) => ({
        field,
        emailAddress: entry.emailAddress,
        displayName: entry.displayName,
        recipientType: entry.recipientType ?? "",
      })),
    );
  }
  recipientCap() {
    return this.cap;
  }
  async setRecipients(field: Field, recipients: readonly RecipientEntry[]) {
    if (this.refuseSet === field) throw new Error(`${field}.setAsync refused`);
    if ([...this.fields[field], ...recipients].some((entry) => entry.emailAddress === "")) {
      throw new Error(`${field}.setAsync refused (5010): the field holds a personal contact group`);
    }
    if (this.fields[field].length > this.cap) {
      throw new Error(`${field}.setAsync would drop the recipients Outlook did not list`);
    }
    this.sets.push([field, [...recipients]]);
    this.changes.push(`set:${field}`);
    this.fields[field] = recipients.map((r) => ({
      emailAddress: r.emailAddress,
      displayName: r.displayName,
    }));
  }
  async addRecipients(field: Field, recipients: readonly RecipientEntry[]) {
    this.adds.push([field, [...recipients]]);
    this.changes.push(`add:${field}`);
    this.fields[field] = [
      ...this.fields[field],
      ...recipients.map((r) => ({ emailAddress: r.emailAddress, displayName: r.displayName })),
    ];
  }
  async getSessionData(key: string) {
    return this.sessionData.get(key) ?? null;
  }
  async setSessionData(key: string, value: string) {
    if (this.refuseSessionData) throw new Error("sessionData.setAsync refused");
    this.sessionData.set(key, value);
  }
  async setInternetHeaders(headers: Readonly<Record<string, string>>) {
    for (const [name, value] of Object.entries(headers)) this.headers.set(name, value);
  }
  async removeInternetHeaders(names: readonly string[]) {
    for (const name of names) this.headers.delete(name);
  }
  async showInfoBar(key: string, bar: InfoBar) {
    this.infoBars.set(key, bar);
  }
  async removeInfoBar(key: string) {
    this.infoBars.delete(key);
  }
  /** The addresses in a field, as Outlook would list them. */
  addresses(field: Field): string[] {
    return this.fields[field].map((entry) => entry.emailAddress);
  }
}

export const named = (emailAddress: string, displayName = ""): Entry => ({ emailAddress, displayName });
