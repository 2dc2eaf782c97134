import { EMPTY_STATE, SESSION_KEY, encodeItemState, type ItemState } from "../../src/session/item-state";
import { loadItemState, saveItemState, type SessionData } from "../../src/session/session-store";

const STATE: ItemState = {
  fingerprint: "3f9a0c1d2b4e5f60",
  answers: new Map([["everyone@example.org", { entry: { kind: "person" }, source: "cache" }]]),
  verdict: "block",
  acknowledgement: null,
};

function sessionData(fail: { read?: boolean; write?: boolean } = {}) {
  const values = new Map<string, string>();
  const item: SessionData = {
    getSessionData: async (key) => {
      if (fail.read) throw new Error("sessionData unavailable");
      return values.get(key) ?? null;
    },
    setSessionData: async (key, value) => {
      if (fail.write) throw new Error("sessionData full");
      values.set(key, value);
    },
  };
  return { item, values };
}

describe("session store", () => {
  it("saves under its key and loads the same state back", async () => {
    const { item, values } = sessionData();
    await expect(saveItemState(item, STATE)).resolves.toBe(true);
    expect(values.get(SESSION_KEY)).toBe(encodeItemState(STATE));
    await expect(loadItemState(item)).resolves.toEqual(STATE);
  });

  it("loads the empty state when nothing was saved or sessionData cannot be read", async () => {
    await expect(loadItemState(sessionData().item)).resolves.toEqual(EMPTY_STATE);
    await expect(loadItemState(sessionData({ read: true }).item)).resolves.toEqual(EMPTY_STATE);
  });

  it("resolves false, never rejects, when Outlook refuses the write", async () => {
    await expect(saveItemState(sessionData({ write: true }).item, STATE)).resolves.toBe(false);
  });
});
