import { decide } from "../../src/core/decide";
import { MAX_INCIDENTS, matchIncident, threadSubject, type Incident } from "../../src/core/incident";
import { parsePolicy, type PolicyInput } from "../../src/core/policy";
import type { Conversation, MessageInput } from "../../src/core/types";
import { answers, list, message, person, problemsOf } from "./helpers";

const SENDER = "dr.amelia.hart@example.org";
const NOW = Date.parse("2026-11-27T10:00:00Z");
const STORM = {
  id: "storm-2026-11-27",
  message: "IT Service Desk: please do not reply to this thread",
  expires: "2026-11-28T10:00:00Z",
  subject: "Test email - please ignore",
  list: "everyone@example.org",
};
const BY_CONVERSATION = {
  id: "storm-by-id",
  message: "Please do not reply",
  expires: "2026-11-28T10:00:00Z",
  conversationId: "AAQkADStorm=",
};

const incidents = (...list: object[]) => parsePolicy({ incidents: list }).incidents;
const reply = (subject: string | null, id: string | null = null, kind: Conversation["kind"] = "reply") => ({
  id,
  subject,
  kind,
});

function draft(to: string[], conversation: Conversation, checkedAt: number | null = NOW): MessageInput {
  return {
    ...message(SENDER, { to }),
    conversation,
    ...(checkedAt === null ? {} : { checkedAt }),
  };
}

function decideWith(policy: PolicyInput, input: MessageInput) {
  return decide(
    input,
    parsePolicy(policy),
    answers({
      "everyone@example.org": list(840_000),
      "c.jones@example.org": person,
      "ward7@example.org": list(30),
    }),
  );
}

describe("incidents in the policy", () => {
  it("are none by default", () => {
    expect(parsePolicy({}).incidents).toEqual([]);
  });

  it("accepts an incident by subject and list, and one by conversation id", () => {
    expect(incidents(STORM, BY_CONVERSATION)).toHaveLength(2);
  });

  it.each([
    [{ ...STORM, expires: undefined }, "incidents[0].expires must be a time such as 2026-11-28T09:00:00Z"],
    [
      { ...STORM, expires: "2026-11-28 10:00" },
      "incidents[0].expires must be a time in UTC such as 2026-11-28T09:00:00Z",
    ],
    [{ ...STORM, expires: "2026-11-28T10:00:00+01:00" }, "incidents[0].expires must be a time in UTC"],
    [{ ...STORM, expires: "2026-13-45T10:00:00Z" }, "incidents[0].expires must be a time in UTC"],
    [{ ...STORM, message: "" }, "incidents[0].message must be the service desk's words to the sender"],
    [{ ...STORM, message: "x".repeat(201) }, "incidents[0].message must be at most 200 characters"],
    [{ ...STORM, id: "storm 1" }, "incidents[0].id must be a short name"],
    [{ ...STORM, list: undefined }, "incidents[0].list must be given with subject"],
    [{ ...STORM, subject: undefined }, "incidents[0].subject must be given with list"],
    [{ ...STORM, subject: "RE: FW:" }, "incidents[0].subject must have words besides RE: or FW:"],
    [{ ...STORM, list: "everyone" }, "incidents[0].list must be the list's address"],
    [{ ...STORM, colour: "red" }, "incidents[0].colour is not"],
    [
      { id: "x", message: "m", expires: STORM.expires },
      "incidents[0] must name a conversationId, or a subject and a list",
    ],
  ])("refuses %j, naming the field", (incident, problem) => {
    expect(problemsOf({ incidents: [incident] }).join("; ")).toContain(problem);
  });

  it("refuses two incidents with one id", () => {
    expect(problemsOf({ incidents: [STORM, STORM] })).toContain(
      "incidents[1].id must differ from the others",
    );
  });

  it(`refuses more than ${MAX_INCIDENTS}`, () => {
    const many = Array.from({ length: MAX_INCIDENTS + 1 }, (_, n) => ({ ...STORM, id: `storm-${n}` }));
    expect(problemsOf({ incidents: many })).toEqual([
      `incidents must have at most ${MAX_INCIDENTS} incidents`,
    ]);
    expect(incidents(...many.slice(0, MAX_INCIDENTS))).toHaveLength(MAX_INCIDENTS);
  });

  it("refuses something that is not a list", () => {
    expect(problemsOf({ incidents: STORM })).toEqual(["incidents must be a list of incidents"]);
  });
});

describe("the thread's subject", () => {
  it.each([
    ["RE: Test email - please ignore"],
    ["Re: RE: FW: Test email - please ignore"],
    ["FWD:   test   EMAIL - please ignore "],
    ["AW: WG: Test email - please ignore"],
    ["SV: VS: Test email - please ignore"],
    ["ATB: YML: Test email - please ignore"],
    ["AT: YM: Ateb: Test email - please ignore"],
    ["RE[2]: Test email - please ignore"],
    ["RE： Test email - please ignore"],
    ["Test email - please ignore"],
  ])("takes %j to the thread's subject", (subject) => {
    expect(threadSubject(subject)).toBe("test email - please ignore");
  });

  it.each([
    ["Re Test email - please ignore"],
    ["Reply: Test email - please ignore"],
    ["Test email - please ignore (2)"],
  ])("leaves %j a subject of its own", (subject) => {
    expect(threadSubject(subject)).not.toBe("test email - please ignore");
  });
});

describe("matching a draft", () => {
  const storm = incidents(STORM, BY_CONVERSATION);
  const match = (conversation: Conversation, to: string[], now = NOW) =>
    matchIncident(storm, conversation, to, now)?.incident.id ?? null;

  it("matches a reply by subject when it goes to the list", () => {
    expect(match(reply("RE: Test email - please ignore"), ["everyone@example.org"])).toBe(STORM.id);
  });

  it("matches the list with a +tag, which Exchange delivers to it", () => {
    expect(match(reply("RE: Test email - please ignore"), ["everyone+storm@example.org"])).toBe(STORM.id);
  });

  it("does not match a reply by subject to the sender only", () => {
    expect(match(reply("RE: Test email - please ignore"), ["c.jones@example.org"])).toBeNull();
  });

  it("matches a new message with the storm's subject to the list: it is the storm too", () => {
    expect(match(reply("Test email - please ignore", null, "new"), ["everyone@example.org"])).toBe(STORM.id);
  });

  it("matches by conversation id whoever it goes to, whatever the compose type says", () => {
    for (const kind of ["reply", "forward", "unknown", "new"] as const) {
      expect(
        match(reply("RE: something else", BY_CONVERSATION.conversationId, kind), ["c.jones@example.org"]),
      ).toBe(BY_CONVERSATION.id);
    }
  });

  it("does not match a conversation id it does not name, nor a draft with no thread", () => {
    expect(match(reply("RE: hello", "AAQkADOther="), ["everyone@example.org"])).toBeNull();
    expect(matchIncident(storm, undefined, ["everyone@example.org"], NOW)).toBeNull();
    expect(match(reply(null, null, "unknown"), ["everyone@example.org"])).toBeNull();
  });

  it("does nothing once expired", () => {
    const expired = Date.parse(STORM.expires);
    expect(match(reply("RE: Test email - please ignore"), ["everyone@example.org"], expired)).toBeNull();
    expect(match(reply("RE: Test email - please ignore"), ["everyone@example.org"], expired - 1)).toBe(
      STORM.id,
    );
  });

  it("says which recipient a subject match rests on, and none for a conversation match", () => {
    const bySubject = matchIncident(
      storm,
      reply("RE: Test email - please ignore"),
      ["everyone@example.org"],
      NOW,
    );
    const byId = matchIncident(storm, reply(null, BY_CONVERSATION.conversationId), [], NOW);
    expect(bySubject?.list).toBe("everyone@example.org");
    expect(byId?.list).toBeNull();
  });

  it("takes an incident in the policy as written, subject and list in any case", () => {
    const shouted: Incident[] = incidents({
      ...STORM,
      subject: "RE:  TEST EMAIL - Please Ignore",
      list: "Everyone@Example.org",
    });
    expect(
      matchIncident(shouted, reply("re: test email - please ignore"), ["everyone@example.org"], NOW),
    ).not.toBeNull();
  });
});

describe("decide with an incident", () => {
  const policy: PolicyInput = { incidents: [STORM, BY_CONVERSATION], broadcasters: [SENDER] };

  it("blocks a reply to the stopped thread with the service desk's words and the list to remove", () => {
    const decision = decideWith(
      policy,
      draft(["everyone@example.org"], reply("RE: Test email - please ignore")),
    );
    expect(decision.verdict).toBe("block");
    expect(decision.reasons[0]).toEqual({
      code: "incident",
      verdict: "block",
      addresses: ["everyone@example.org"],
      data: {
        id: STORM.id,
        message: STORM.message,
        subject: "Test email - please ignore",
        list: "everyone@example.org",
      },
    });
  });

  it("is not softened for a broadcaster, whose other blocks are", () => {
    const decision = decideWith(
      { ...policy, blockedAddresses: ["ward7@example.org"] },
      draft(["ward7@example.org"], reply("RE: hello", BY_CONVERSATION.conversationId)),
    );
    expect(decision.verdict).toBe("block");
    expect(decision.acknowledgeable).toBe(false);
    expect(decision.reasons.map((reason) => [reason.code, reason.verdict])).toEqual([
      ["incident", "block"],
      ["blocked-address", "warn"],
      ["broadcaster", "warn"],
    ]);
  });

  it("lets a reply to the sender only go", () => {
    const decision = decideWith(
      policy,
      draft(["c.jones@example.org"], reply("RE: Test email - please ignore")),
    );
    expect(decision.verdict).toBe("allow");
  });

  it("consults no incident when the check gives no time", () => {
    const decision = decideWith(
      policy,
      draft(["everyone@example.org"], reply("RE: Test email - please ignore"), null),
    );
    expect(decision.reasons.map((reason) => reason.code)).not.toContain("incident");
  });

  it("does nothing after it expires", () => {
    const later = Date.parse(STORM.expires) + 1;
    const decision = decideWith(
      policy,
      draft(["c.jones@example.org"], reply("RE: x", BY_CONVERSATION.conversationId), later),
    );
    expect(decision.verdict).toBe("allow");
  });
});
