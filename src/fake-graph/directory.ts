import { createFakeMailbox, type FakeMailbox, type MailboxData } from "./mailbox";

// The directory behind the local Graph-compatible server: users, groups (nested, Microsoft 365,
// dynamic), what Exchange would say of each address, and the signed-in user's mailbox. Plain data
// in, answers out.

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
  /** The transitive `$count` answers text that is not a count (a broken answer, for the scan's tests). */
  readonly malformedCount?: boolean;
}

/**
 * Numbered lists whose sizes are given, not their members, so that a tenant of 100,000 lists costs
 * a few numbers: `mail` and `displayName` contain `{n}` (n = 1..count; a template of one may leave
 * it out). List n reaches `memberCounts[(n - 1) % length]` people, of whom
 * `externalMemberCounts[(n - 1) % length]` are guests.
 */
export interface GeneratedGroups {
  readonly mail: string;
  readonly displayName: string;
  readonly kind: GroupKind;
  readonly count: number;
  readonly memberCounts: readonly number[];
  readonly externalMemberCounts?: readonly number[];
}

export interface DirectoryData {
  readonly domains: readonly string[];
  /** The signed-in user ("me"): the sender. */
  readonly me: string;
  readonly users: readonly UserData[];
  /** Numbered users: `mail` and `displayName` contain `{n}`, n = 1..count. */
  readonly generatedUsers?: readonly (UserData & { readonly count: number })[];
  readonly groups: readonly GroupData[];
  readonly generatedGroups?: readonly GeneratedGroups[];
  /** The signed-in user's messages, for GET /me/messages (./mailbox.ts); none when absent. */
  readonly mailbox?: MailboxData;
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
  /** Users reached through a group (guests only when asked), without listing them where they are generated. */
  countMembers(group: GroupData, guestsOnly: boolean): number;
  /** Mail-enabled groups that /groups can see (dynamic lists excluded), in a stable order. */
  readonly listableGroupCount: number;
  listableGroups(offset: number, limit: number): GroupData[];
  mailTip(address: string, sender: string): MailTipFacts;
  readonly mailbox: FakeMailbox;
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

const GENERATED_ID = /^6e6e0000-([0-9a-f]{4})-4000-8000-([0-9a-f]{12})$/;

/** The generated lists, found by number rather than held: 100,000 of them cost nothing until asked. */
function generatedLists(templates: readonly GeneratedGroups[]) {
  const make = (t: number, n: number): GroupData => {
    const template = templates[t]!;
    const at = (values: readonly number[] | undefined) =>
      values && values.length > 0 ? values[(n - 1) % values.length]! : 0;
    return {
      id: `6e6e0000-${t.toString(16).padStart(4, "0")}-4000-8000-${n.toString(16).padStart(12, "0")}`,
      mail: template.mail.replace("{n}", String(n)),
      displayName: template.displayName.replace("{n}", String(n)),
      kind: template.kind,
      memberCount: at(template.memberCounts),
      externalMemberCount: at(template.externalMemberCounts),
    };
  };
  const inRange = (t: number, n: number) =>
    t < templates.length && Number.isSafeInteger(n) && n >= 1 && n <= templates[t]!.count;
  return {
    byId(id: string): GroupData | null {
      const match = GENERATED_ID.exec(id);
      if (!match) return null;
      const t = parseInt(match[1]!, 16);
      const n = parseInt(match[2]!, 16);
      return inRange(t, n) ? make(t, n) : null;
    },
    byMail(mail: string): GroupData | null {
      for (let t = 0; t < templates.length; t++) {
        const template = templates[t]!.mail.toLowerCase();
        const [prefix = "", suffix] = template.split("{n}");
        if (suffix === undefined) {
          if (mail === template) return make(t, 1);
          continue;
        }
        if (!mail.startsWith(prefix) || !mail.endsWith(suffix)) continue;
        const digits = mail.slice(prefix.length, mail.length - suffix.length);
        if (/^[1-9][0-9]*$/.test(digits) && inRange(t, Number(digits))) return make(t, Number(digits));
      }
      return null;
    },
    /** Lists /groups sees: every template but the dynamic ones, in order. */
    listable(offset: number, limit: number): GroupData[] {
      const found: GroupData[] = [];
      let skip = offset;
      for (let t = 0; t < templates.length && found.length < limit; t++) {
        const template = templates[t]!;
        if (template.kind === "dynamic") continue;
        if (skip >= template.count) {
          skip -= template.count;
          continue;
        }
        for (let n = skip + 1; n <= template.count && found.length < limit; n++) found.push(make(t, n));
        skip = 0;
      }
      return found;
    },
    listableCount: templates.filter((t) => t.kind !== "dynamic").reduce((sum, t) => sum + t.count, 0),
  };
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
  const generated = generatedLists(data.generatedGroups ?? []);
  const listed = data.groups.filter((group) => group.kind !== "dynamic");
  const groupByMail = (mail: string) => groups.get(mail) ?? generated.byMail(mail);
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

  // A dynamic list, or one given by its size alone (generated), has counts but no members to walk.
  const countMembers = (group: GroupData, guestsOnly: boolean): number => {
    if (group.kind === "dynamic" || (group.members === undefined && group.memberCount !== undefined))
      return (guestsOnly ? group.externalMemberCount : group.memberCount) ?? 0;
    const users = transitiveUsers(group);
    return guestsOnly ? users.filter((user) => user.userType === "Guest").length : users.length;
  };

  return {
    me: data.me.toLowerCase(),
    mailbox: createFakeMailbox(data.mailbox),
    group: (mail) => groupByMail(mail.toLowerCase()),
    groupById: (id) => groupsById.get(id) ?? generated.byId(id),
    transitiveUsers,
    countMembers,
    listableGroupCount: listed.length + generated.listableCount,
    listableGroups(offset, limit) {
      const own = listed.slice(offset, offset + limit);
      const rest = generated.listable(Math.max(0, offset - listed.length), limit - own.length);
      return [...own, ...rest];
    },
    mailTip(address, sender) {
      const mail = address.trim().toLowerCase();
      const group = groupByMail(mail);
      if (group) {
        const counted = group.mailTipsCount !== false;
        return {
          name: group.displayName,
          scope: "internal",
          known: true,
          totalMemberCount: counted ? countMembers(group, false) : null,
          externalMemberCount: counted ? countMembers(group, true) : null,
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
