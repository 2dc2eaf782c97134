import { HEADER_NAME } from "../core/header";

// The mail-flow rules of DEPLOY.md section 8, as data: they report, never copy, the messages whose
// X-Reach-Guard header says a check failed or a warning was sent on, and strip the header from mail
// that comes from outside (anyone can write a header). Names are how the script finds them again
// (New-TransportRule's Name: at most 64 characters, New-TransportRule.md).

export type RuleValue = string | readonly string[];

export interface MailFlowRule {
  readonly name: string;
  /** New-TransportRule / Set-TransportRule parameters, in the order written. */
  readonly parameters: readonly (readonly [string, RuleValue])[];
}

/** No Subject (it can name a patient) and no AttachOriginalMail (the whole message). */
export const INCIDENT_REPORT_CONTENT = ["Sender", "Recipients", "CC", "BCC", "RuleDetections"] as const;

function reporting(
  name: string,
  patterns: readonly string[],
  severity: string,
  reportTo: string | null,
): MailFlowRule {
  return {
    name,
    parameters: [
      ["FromScope", "InOrganization"],
      ["HeaderMatchesMessageHeader", HEADER_NAME],
      ["HeaderMatchesPatterns", patterns],
      ...(reportTo === null
        ? []
        : ([
            ["GenerateIncidentReport", reportTo],
            ["IncidentReportContent", INCIDENT_REPORT_CONTENT],
          ] as const)),
      ["SetAuditSeverity", severity],
    ],
  };
}

export function mailFlowRules(reportTo: string | null): readonly MailFlowRule[] {
  return [
    reporting("Reach Guard: sent unchecked", ["check=failed"], "Medium", reportTo),
    reporting("Reach Guard: sent after a warning", ["verdict=(warn|block)", "ack=yes"], "Low", reportTo),
    {
      name: "Reach Guard: strip the header from outside",
      parameters: [
        ["FromScope", "NotInOrganization"],
        ["RemoveHeader", HEADER_NAME],
      ],
    },
  ];
}
