// The directory behind the local Graph-compatible server: users, groups (nested, Microsoft 365,
// dynamic), and what Exchange would say of each address. Plain data in, answers out.

export type GroupKind = "distribution" | "security" | "m365" | "dynamic";

export interface UserData {
  readonly mail: string;
  readonly displayName: string;
  readonly userType?: "Member" | "Guest";
}

export interface GroupData {
  readonly id: string;
  readonly mail: string;
  readonly displayName: string;
  readonly kind: GroupKind;
  /** User or group addresses; nested groups are expanded, each person once, cycles tolerated. */
  readonly members?: readonly string[];
  /** Dynamic lists only: a size that only MailTips report (Graph's /groups cannot see them). */
  readonly memberCount?: number;
  readonly externalMemberCount?: number;
  /** false: MailTips leave out the member counts for this list. */
  readonly mailTipsCount?: boolean;
  /** Only these senders may post; everyone else gets deliveryRestricted. */
  readonly restrictedTo?: readonly string[];
  readonly moderated?: boolean;
}

export interface DirectoryData {
  readonly domains: readonly string[];
  /** The signed-in user ("me"): the sender. */
  readonly me: string;
  readonly users: readonly UserData[];
  /** Numbered users: `mail` and `displayName` contain `{n}`, n = 1..count. */
  readonly generatedUsers?: readonly (UserData & { readonly count: number })[];
  readonly groups: readonly GroupData[];
}

export interface FakeUser extends UserData {
  readonly id: string;
}

export interface MailTipFacts {
  readonly name: string;
  readonly scope: "internal" | "external";
  /** null: Exchange does not know the address. */
  readonly known: boolean;
  readonly totalMemberCount: number | null;
  readonly externalMemberCount: number | null;
  readonly deliveryRestricted: boolean;
  readonly isModerated: boolean;
}

export interface FakeDirectory {
  readonly me: string;
  group(mail: string): GroupData | null;
  groupById(id: string): GroupData | null;
  /** Distinct users reached through a group, nested groups expanded (transitiveMembers' users). */
  transitiveUsers(group: GroupData): FakeUser[];
  mailTip(address: string, sender: string): MailTipFacts;
}

function expand(users: readonly (UserData & { count: number })[]): UserData[] {
  return users.flatMap((template) =>
    Array.from({ length: template.count }, (_, index) => ({
      mail: template.mail.replace("{n}", String(index + 1)),
      displayName: template.displayName.replace("{n}", String(index + 1)),
      ...(template.userType ? { userType: template.userType } : {}),
    })),
  );
}

function userId(index: number): string {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, "0")}`;
}

export function createFakeDirectory(data: DirectoryData): FakeDirectory {
  const users = new Map<string, FakeUser>();
  [...data.users, ...expand(data.generatedUsers ?? [])].forEach((user, index) => {
    users.set(user.mail.toLowerCase(), { ...user, id: userId(index + 1) });
  });
  const groups = new Map(data.groups.map((group) => [group.mail.toLowerCase(), group]));
  const groupsById = new Map(data.groups.map((group) => [group.id, group]));
  const domains = data.domains.map((domain) => domain.toLowerCase());
  const internal = (address: string) => domains.includes(address.split("@")[1] ?? "");

  function transitiveMembers(group: GroupData): (FakeUser | GroupData)[] {
    const seenGroups = new Set<string>([group.id]);
    const found = new Map<string, FakeUser | GroupData>();
    const walk = (current: GroupData) => {
      for (const member of current.members ?? []) {
        const address = member.toLowerCase();
        const nested = groups.get(address);
        if (nested) {
          if (seenGroups.has(nested.id)) continue;
          seenGroups.add(nested.id);
          found.set(address, nested);
          walk(nested);
        } else {
          const user = users.get(address);
          if (user) found.set(address, user);
        }
      }
    };
    walk(group);
    return [...found.values()];
  }

  const transitiveUsers = (group: GroupData): FakeUser[] =>
    transitiveMembers(group).filter((member): member is FakeUser => !("kind" in member));

  return {
    me: data.me.toLowerCase(),
    group: (mail) => groups.get(mail.toLowerCase()) ?? null,
    groupById: (id) => groupsById.get(id) ?? null,
    transitiveUsers,
    mailTip(address, sender) {
      const mail = address.trim().toLowerCase();
      const group = groups.get(mail);
      if (group) {
        const members = group.kind === "dynamic" ? null : transitiveUsers(group);
        const counted = group.mailTipsCount !== false;
        return {
          name: group.displayName,
          scope: "internal",
          known: true,
          totalMemberCount: counted ? (members?.length ?? group.memberCount ?? 0) : null,
          externalMemberCount: counted
            ? (members?.filter((user) => user.userType === "Guest").length ?? group.externalMemberCount ?? 0)
            : null,
          deliveryRestricted:
            group.restrictedTo !== undefined &&
            !group.restrictedTo.map((s) => s.toLowerCase()).includes(sender),
          isModerated: group.moderated ?? false,
        };
      }
      const user = users.get(mail);
      const isInternal = internal(mail);
      return {
        name: user?.displayName ?? "",
        scope: isInternal ? "internal" : "external",
        known: user !== undefined || !isInternal,
        totalMemberCount: 1,
        externalMemberCount: 0,
        deliveryRestricted: false,
        isModerated: false,
      };
    },
  };
}
