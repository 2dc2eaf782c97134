export * from "./acknowledgement";
export * from "./item-state";
export {
  loadAcknowledgement,
  loadItemState,
  saveAcknowledgement,
  saveItemState,
  type SessionData,
} from "./session-store";
