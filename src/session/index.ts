export * from "./acknowledgement";
export * from "./item-state";
export {
  loadAcknowledgement,
  loadItemState,
  saveAcknowledgement,
  saveItemState,
  type SessionData,
} from "./session-store";
export {
  ACK_MIRROR_KEY,
  ACK_MIRROR_TTL_MS,
  withAcknowledgementMirror,
  type MirrorStorage,
} from "./shared-acknowledgement";
