import type { RecipientInput } from "../src/core/types";
import type { EventItem } from "../src/events/handlers";

/** A draft in memory with the surface the event handlers use (as test/events/fakes.ts's FakeDraft). */
export class BenchDraft implements EventItem {
  readonly sessionData = new Map<string, string>();
  readonly headers = new Map<string, string>();

  constructor(
    private readonly sender: string,
    private readonly recipients: readonly RecipientInput[],
  ) {}

  async getSender() {
    return this.sender;
  }
  async getSignedIn() {
    return this.sender;
  }
  async getRecipients() {
    return [...this.recipients];
  }
  async getSessionData(key: string) {
    return this.sessionData.get(key) ?? null;
  }
  async setSessionData(key: string, value: string) {
    this.sessionData.set(key, value);
  }
  async showInfoBar() {}
  async removeInfoBar() {}
  async setInternetHeaders(headers: Readonly<Record<string, string>>) {
    for (const [name, value] of Object.entries(headers)) this.headers.set(name, value);
  }
  async removeInternetHeaders(names: readonly string[]) {
    for (const name of names) this.headers.delete(name);
  }
}
