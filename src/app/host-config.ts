import { z } from "zod/mini";

// config.json, served by the admin's host beside the add-in: who the add-in is (nested app
// authentication) and which Graph cloud it talks to. Never in the source: one build serves any tenant.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isHttpsOrLoopback(value: string): boolean {
  // zod runs this refinement even after its own URL check has failed: a value that is not a URL
  // must be reported as a problem, not thrown out of parseHostConfig.
  try {
    const url = new URL(value);
    return url.protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}

const hostConfigSchema = z.object({
  clientId: z._default(
    z.union([z.literal(""), z.string().check(z.regex(GUID, "clientId must be a GUID or empty"))]),
    "",
  ),
  tenantId: z._default(z.string().check(z.minLength(1)), "common"),
  // http only on this machine's loopback: the playground's local Graph-compatible server.
  graphRoot: z._default(
    z
      .url({ protocol: /^https?$/, error: "graphRoot must be an https URL" })
      .check(z.refine(isHttpsOrLoopback, "graphRoot must be an https URL")),
    "https://graph.microsoft.com",
  ),
  authority: z._default(
    z.url({ protocol: /^https$/, error: "authority must be an https URL" }),
    "https://login.microsoftonline.com",
  ),
});

/** zod/mini has no messages of its own: full zod's English ones, for the checks without one here. */
const ENGLISH = { error: z.locales.en().localeError };

export type HostConfig = z.infer<typeof hostConfigSchema>;

export const DEFAULT_HOST_CONFIG: HostConfig = hostConfigSchema.parse({}, ENGLISH);

/** The config in `value`, or an Error naming the field that is wrong. */
export function parseHostConfig(value: unknown): HostConfig | Error {
  const result = hostConfigSchema.safeParse(value, ENGLISH);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  return new Error(
    `Invalid config.json: ${issue?.path.join(".") || "document"}: ${issue?.message ?? "invalid"}`,
  );
}
