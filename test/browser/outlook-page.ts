import type { FrameLocator, Locator, Page } from "playwright-core";

/** The playground page as a visitor uses it: by roles and names, as a screen reader would. */
export class OutlookPage {
  constructor(readonly page: Page) {}

  async ready(): Promise<void> {
    await this.page.getByRole("heading", { name: "Reach Guard playground" }).waitFor();
    await this.page.getByRole("button", { name: "New message" }).waitFor();
  }

  folder(name: "Inbox" | "Sent items"): Locator {
    return this.page
      .getByRole("navigation", { name: "Folders" })
      .getByRole("button", { name: new RegExp(`^${name}`) });
  }

  async openMessage(subject: string): Promise<void> {
    await this.page
      .getByRole("list", { name: /^Messages in/ })
      .getByRole("button", { name: subject })
      .click();
    await this.page.getByRole("heading", { name: subject, level: 2 }).waitFor();
  }

  async compose(kind: "New message" | "Reply" | "Reply all" | "Forward"): Promise<void> {
    await this.page.getByRole("button", { name: kind, exact: true }).click();
    await this.page.getByRole("form").waitFor();
  }

  recipients(field: "To" | "Cc" | "Bcc"): Locator {
    return this.page.getByRole("list", { name: `${field} recipients` });
  }

  pill(field: "To" | "Cc" | "Bcc", address: string): Locator {
    return this.recipients(field).getByRole("button", { name: `Remove ${address}` });
  }

  async addRecipient(field: "To" | "Cc" | "Bcc", address: string): Promise<void> {
    const box = this.page.getByRole("combobox", { name: `Add ${field} recipient` });
    await box.fill(address);
    await box.press("Enter");
    await this.pill(field, address).waitFor();
  }

  async setSubject(subject: string): Promise<void> {
    await this.page.getByRole("textbox", { name: "Subject" }).fill(subject);
  }

  infoBar(): Locator {
    return this.page.getByRole("region", { name: "Add-in notifications" });
  }

  alert(): Locator {
    return this.page.getByRole("alertdialog");
  }

  /** The task pane's own document, inside its frame as in Outlook on the web. */
  taskPane(): FrameLocator {
    return this.page.frameLocator('iframe[title="Reach Guard task pane"]');
  }

  /** The compose window's own button for the task pane (not the info bar's). */
  async openTaskPane(label = "Review recipients"): Promise<void> {
    await this.page.getByRole("form").getByRole("button", { name: label, exact: true }).first().click();
  }

  async send(): Promise<void> {
    await this.page.getByRole("button", { name: "Send", exact: true }).click();
  }

  /** Waits until the message is in Sent items and open; returns its X-Reach-Guard line or null. */
  async sentHeader(subject: string): Promise<string | null> {
    await this.folder("Sent items").and(this.page.locator("[aria-current=page]")).waitFor();
    await this.page.getByRole("heading", { name: subject, level: 2, exact: true }).waitFor();
    const header = this.page.getByTestId("reach-guard-header");
    return (await header.count()) > 0 ? header.innerText() : null;
  }

  async setFault(label: RegExp, on: boolean): Promise<void> {
    const toggle = this.page.getByRole("switch", { name: label });
    if ((await toggle.isChecked()) !== on) await toggle.click();
  }

  /** The add-in events the playground reports, newest first ("OnMessageSend: decided in 12 ms"). */
  async eventLog(): Promise<string[]> {
    const region = this.page.getByRole("region", { name: "Add-in events" });
    await region.waitFor(); // hidden from role queries while a modal dialog is open
    return region.getByRole("listitem").allInnerTexts();
  }
}
