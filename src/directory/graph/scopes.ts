// The least Graph permissions each path needs (delegated, on behalf of the signed-in sender).
// Reach Guard works with MAILTIPS alone: MailTips size every Exchange list, dynamic ones included.
// GROUP_COUNT only adds sizes for the rare list whose MailTip has no count.

/** `POST /me/getMailTips`: the least privileged delegated permission Microsoft documents. */
export const MAILTIPS_SCOPES: readonly string[] = ["Mail.Read"];

/** `/groups?$filter=mail eq` and `transitiveMembers/$count`: needs admin consent. */
export const GROUP_COUNT_SCOPES: readonly string[] = ["GroupMember.Read.All"];
