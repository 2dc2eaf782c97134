import { localeFor } from "../../src/present/catalogue";
import { paneWordsFor } from "../../src/present/catalogues";
import { loadPaneWords } from "../../src/present/pane-words";
import { wordsFor } from "../../src/present/words";
import { SCENARIOS } from "./scenarios";

// What a clinician reads, in British English: who (by the name on the recipient pill), how many
// (one way of saying a figure everywhere), and what to do (advice that fits the cause, naming only
// buttons that exist in that Outlook).

const words = wordsFor("en-GB");
const decision = (name: string) => SCENARIOS[name]!();
const alert = (name: string, sendAnywayOffered = true, supportContact = "") =>
  words.alert(decision(name), { sendAnywayOffered, supportContact });

describe("figures, one way everywhere", () => {
  it.each([
    [{ value: 1, accuracy: "exact" }, "1 person"],
    [{ value: 312, accuracy: "exact" }, "312 people"],
    [{ value: 1234, accuracy: "exact" }, "about 1,230 people"],
    [{ value: 840_012, accuracy: "exact" }, "about 840,000 people"],
    [{ value: 301, accuracy: "upper-bound" }, "about 301 people"],
    [{ value: 12, accuracy: "incomplete" }, "at least 12 people"],
    [{ value: 0, accuracy: "incomplete" }, "an unknown number of people"],
  ] as const)("%j is %s", (figure, said) => {
    expect(words.people(figure)).toBe(said);
  });
});

describe("the Smart Alert", () => {
  it("names a blocked list by its display name, with its size, and says to remove it", () => {
    expect(alert("blocked list, sized", false, "IT Service Desk")).toBe(
      "Everyone (all staff) reaches about 840,000 people and is blocked by your organisation. Remove it to send (help: IT Service Desk).",
    );
    expect(alert("two blocked lists")).toBe(
      "Everyone (all staff) and All staff (Wales) are blocked by your organisation. Remove them to send.",
    );
  });

  it("says how far over the limit, through which list, and never suggests Bcc for a block", () => {
    const text = alert("over the limit through a list");
    expect(text).toBe(
      "This message reaches about 12,300 people through All Leeds staff, over your organisation's limit of 5,000. Remove the list to send.",
    );
    expect(text).not.toContain("Bcc");
    expect(alert("over the limit through three lists")).toContain(
      "through All Leeds staff, All York staff and 1 more",
    );
  });

  it("does not tell the sender to remove a list there is none of", () => {
    expect(alert("over the limit without a list")).toBe(
      "This message reaches 60 people, over your organisation's limit of 55. Remove some recipients to send.",
    );
  });

  it("offers Send Anyway, Outlook's own button, only where Outlook shows it", () => {
    expect(alert("a warning through a list", true)).toBe(
      "This message reaches 300 people through Ward 7 nurses. Select Send Anyway if you meant this, or Review recipients to change it.",
    );
    const older = alert("a warning through a list", false);
    expect(older).not.toContain("Send Anyway");
    expect(older).toContain("Review recipients on the ribbon");
  });

  it("gives advice that fits the cause", () => {
    expect(alert("Graph down (block)")).toBe(
      "Reach Guard cannot check the size of Ward 7 nurses right now. Remove it to send, or try again in a few minutes.",
    );
    expect(alert("not an address (block)")).toMatch(
      /is not an email address\. Correct or remove it to send\.$/,
    );
    expect(alert("no token (block)")).toBe(
      "Reach Guard could not sign in to check the size of Ward 7 nurses and All Leeds staff. Remove them to send.",
    );
  });

  it("speaks no jargon and makes no contradiction", () => {
    for (const name of Object.keys(SCENARIOS)) {
      const text = alert(name, false, "IT");
      expect(text).not.toMatch(/directory|upper bound|size of 1 recipient|Open Reach Guard|Send anyway/);
    }
    expect(alert("moderated at the limit")).not.toMatch(/rather than a block|Cannot be sent/);
  });
});

describe("the info bar", () => {
  it("is quiet for ordinary mail", () => {
    expect(words.infoBar(decision("an ordinary message"))).toBeNull();
  });

  it("names the list and says what to do", () => {
    expect(words.infoBar(decision("blocked list, sized"))).toBe(
      "Everyone (all staff) reaches about 840,000 people and is blocked by your organisation. Remove it before sending.",
    );
    expect(words.infoBar(decision("a warning through a list"))).toBe(
      "This message reaches 300 people through Ward 7 nurses. Check before sending.",
    );
  });

  it("says a thread is in a storm, and to answer the sender alone", () => {
    expect(words.infoBar(decision("a reply-all storm (warn)"))).toBe(
      "This thread to All staff news has had 12 replies in the last hour. Reply to the sender only.",
    );
    expect(words.infoBar(decision("a reply-all storm (block), not all read"))).toBe(
      "This thread to All staff news has had at least 1,000 replies in the last hour. Reply to the sender only.",
    );
    expect(
      words.alert(decision("a reply-all storm (block), not all read"), {
        sendAnywayOffered: false,
        supportContact: "",
      }),
    ).toBe(
      "This thread to All staff news has had at least 1,000 replies in the last hour. Reply to the sender only to send.",
    );
    expect(wordsFor("cy-GB").infoBar(decision("a reply-all storm (warn)"))).toBe(
      "Mae'r edefyn hwn at All staff news wedi cael 12 ateb yn yr awr ddiwethaf. Atebwch yr anfonwr yn unig.",
    );
  });

  it("names fewer lists, then cuts names short, to fit", () => {
    const bar = words.infoBar(decision("very long names"))!;
    expect(bar.length).toBeLessThanOrEqual(150);
    expect(bar).toMatch(
      /through Department of Very Long…? and 7 more.*Remove the lists before sending\.$|Remove them before sending\.$/,
    );
  });
});

describe("the task pane", () => {
  const words = paneWordsFor("en-GB");
  it("heads with how many the message reaches", () => {
    expect(words.headline(decision("a warning through overlapping lists"))).toBe(
      "This message reaches about 301 people.",
    );
    expect(words.headline(decision("Graph down (warn)"))).toBe(
      "This message reaches an unknown number of people.",
    );
  });
});

describe("Welsh", () => {
  const cy = wordsFor("cy-GB");
  it("is Welsh, not a copy of the English", () => {
    const en = alert("blocked list, sized");
    const welsh = cy.alert(decision("blocked list, sized"), { sendAnywayOffered: true, supportContact: "" });
    expect(welsh).not.toBe(en);
    expect(welsh).toContain("Everyone (all staff)");
    expect(welsh).toContain("840,000");
  });
});

describe("the task pane's languages", () => {
  it("carries British English and loads Welsh when Outlook speaks it", async () => {
    expect((await loadPaneWords("en-GB")).locale).toBe("en-GB");
    const welsh = await loadPaneWords("cy-GB");
    expect(welsh.locale).toBe("cy-GB");
    expect(welsh.text.taskPane.signIn).not.toBe(paneWordsFor("en-GB").text.taskPane.signIn);
    expect(welsh.headline(decision("a warning through a list"))).toMatch(/300 o bobl/);
  });

  it("follows Outlook's display language by its language part", () => {
    expect(localeFor("cy-GB")).toBe("cy-GB");
    expect(localeFor("CY")).toBe("cy-GB");
    expect(localeFor("cy_GB")).toBe("cy-GB");
    expect(localeFor("en-US")).toBe("en-GB");
    expect(localeFor("fr-FR")).toBe("en-GB");
    expect(localeFor(undefined)).toBe("en-GB");
    expect(localeFor(42)).toBe("en-GB");
  });
});
