import { createComposeItem } from "../../src/office/compose-item";
import { MemoryDraft } from "../../src/office/memory-draft";
import { FakeOutlook, officeError } from "./fake-office";

// The draft's thread, for incidents: what Outlook says of it, and nothing it will not say.

function outlook(setup: (fake: FakeOutlook) => void = () => undefined) {
  const fake = new FakeOutlook();
  fake.subject = "RE: Test email - please ignore";
  fake.thread = "AAQkADStorm=";
  fake.composeType = "reply";
  setup(fake);
  return createComposeItem(fake.office());
}

describe("the conversation of a draft in Outlook", () => {
  it("reads a reply's conversation id, subject and compose type", async () => {
    await expect(outlook().getConversation()).resolves.toEqual({
      id: "AAQkADStorm=",
      subject: "RE: Test email - please ignore",
      kind: "reply",
    });
  });

  it("says a forward is a forward", async () => {
    const item = outlook((fake) => (fake.composeType = "forward"));
    await expect(item.getConversation()).resolves.toMatchObject({ kind: "forward", id: "AAQkADStorm=" });
  });

  it("gives a new message no conversation id", async () => {
    const item = outlook((fake) => (fake.composeType = "newMail"));
    await expect(item.getConversation()).resolves.toEqual({
      id: null,
      subject: "RE: Test email - please ignore",
      kind: "new",
    });
  });

  it("does not ask for the compose type before Mailbox 1.10, where Outlook has no such method", async () => {
    const item = outlook((fake) => (fake.mailbox = "1.9"));
    await expect(item.getConversation()).resolves.toEqual({
      id: "AAQkADStorm=",
      subject: "RE: Test email - please ignore",
      kind: "unknown",
    });
  });

  it("answers unknown and null when Outlook fails or throws, never rejecting", async () => {
    const item = outlook((fake) => {
      fake.failing.set("subject.getAsync", officeError(5001));
      fake.failing.set("getComposeTypeAsync", "throw");
    });
    await expect(item.getConversation()).resolves.toEqual({
      id: "AAQkADStorm=",
      subject: null,
      kind: "unknown",
    });
  });

  it("answers nothing known when no item is open", async () => {
    const item = outlook((fake) => (fake.itemOpen = false));
    await expect(item.getConversation()).resolves.toEqual({ id: null, subject: null, kind: "unknown" });
  });
});

describe("the conversation of the in-memory draft", () => {
  it("is a new message with no thread until it answers one", async () => {
    const draft = new MemoryDraft("dr.amelia.hart@example.org");
    await expect(draft.getConversation()).resolves.toEqual({ id: null, subject: "", kind: "new" });
    draft.answering("AAQkADStorm=", "RE: Test email - please ignore");
    await expect(draft.getConversation()).resolves.toEqual({
      id: "AAQkADStorm=",
      subject: "RE: Test email - please ignore",
      kind: "reply",
    });
  });

  it("is as strict as Outlook: a new message has no conversation id, and no 1.10 no kind", async () => {
    const draft = new MemoryDraft("dr.amelia.hart@example.org");
    draft.thread = "AAQkADStorm=";
    draft.mailbox110 = false;
    await expect(draft.getConversation()).resolves.toMatchObject({ id: null, kind: "unknown" });
  });
});
