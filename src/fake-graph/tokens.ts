// Bearer tokens the local server accepts, with the delegated permissions each stands for.
export const DEMO_TOKEN = "demo-token";
/** Mail.Read only: MailTips answer, the groups endpoints say 403 Authorization_RequestDenied. */
export const MAIL_ONLY_TOKEN = "demo-token-mail-only";

/** GroupMember.Read.All only: MailTips and the mailbox's messages say 403. */
export const GROUPS_ONLY_TOKEN = "demo-token-groups-only";

export type Permission = "Mail.Read" | "GroupMember.Read.All";

export const TOKEN_PERMISSIONS: Readonly<Record<string, readonly Permission[]>> = {
  [DEMO_TOKEN]: ["Mail.Read", "GroupMember.Read.All"],
  [MAIL_ONLY_TOKEN]: ["Mail.Read"],
  [GROUPS_ONLY_TOKEN]: ["GroupMember.Read.All"],
};
