import { parsePolicy } from "../../core/policy";
import { STORM } from "../host/mail";

// The playground's policy.json declares an incident for the demo mailbox's reply-all storm, so that
// a reply to it shows the incident switch at work. It expires a week after the server starts, as a
// real one ends by itself, and so never goes stale; config/policy.json stays valid without it.

export const DEMO_INCIDENT_ID = "demo-lanyard-storm";
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The policy text with the demo's incident added; the text as it was when that would not be valid. */
export function withDemoIncident(policyText: string, now: number = Date.now()): string {
  try {
    const policy = JSON.parse(policyText) as Record<string, unknown>;
    const incidents = Array.isArray(policy.incidents) ? (policy.incidents as { id?: unknown }[]) : [];
    if (incidents.some((incident) => incident.id === DEMO_INCIDENT_ID)) return policyText;
    const incident = {
      id: DEMO_INCIDENT_ID,
      message: "IT Service Desk: please do not reply to this thread; call 0300 123 4567 if you must",
      expires: new Date(now + WEEK_MS).toISOString(),
      conversationId: STORM.conversationId,
    };
    const next = { ...policy, incidents: [...incidents, incident] };
    parsePolicy(next);
    return JSON.stringify(next, null, 2);
  } catch {
    return policyText;
  }
}
