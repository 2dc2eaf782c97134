// The pure core: policy, reach, decision. No Office.js, React, Node or network below this line.
export * from "./types";
export { parseAddress, parseRecipient } from "./addresses";
export { matchEntries } from "./patterns";
export {
  DEFAULT_POLICY,
  parsePolicy,
  parsePolicyText,
  PolicyError,
  isPolicyError,
  mostSevere,
} from "./policy";
export type { Policy, PolicyInput } from "./policy";
export { planMessage } from "./recipients";
export type { Plan, PlannedRecipient } from "./recipients";
export { measureReach } from "./reach";
export { decide, isBroadcaster, planFingerprint, sendsAsSignedIn } from "./decide";
export { digest, fingerprint, fingerprintKey } from "./fingerprint";
export { infoBarText, alertText, INFO_BAR_LIMIT, ALERT_LIMIT } from "./texts";
export { HEADER_NAME, formatHeader, headerFor, parseHeader, uncheckedHeader } from "./header";
export { formatAbout, formatCount } from "./format";
