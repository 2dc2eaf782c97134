export * from "./item-state";
export { loadItemState, saveItemState, type SessionData } from "./session-store";
