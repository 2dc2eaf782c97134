import { z } from "zod/mini";
import { parseJsonDocument } from "../core/json";
import { GRAPH_ROOT_RULE, parseGraphRoot } from "../directory/graph/roots";

// config.json, served by the admin's host beside the add-in: who the add-in is (nested app
// authentication) and which Graph cloud it talks to. Never in the source: one build serves any
// tenant. The build (scripts/build/options.js) checks the file it writes with this same schema, so
// a config the build accepts is one the add-in accepts, and the Graph client's rule for the root
// (src/directory/graph/roots.ts) is the one applied here. Written without the URL class, which classic Outlook's
// JavaScript-only runtime does not promise.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
// An https origin with an optional path: no credentials, query or fragment.
const HTTPS_URL = /^https:\/\/[a-z0-9.-]+(:\d{1,5})?(\/[^\s?#@]*)?$/i;

const hostConfigSchema = z.strictObject(
  {
    clientId: z._default(
      z.string({ error: () => "must be the app registration's client id (a GUID) or empty" }).check(
        z.refine((value) => value === "" || GUID.test(value), {
          error: () => "must be the app registration's client id (a GUID) or empty",
        }),
      ),
      "",
    ),
    tenantId: z._default(
      z
        .string({ error: () => "must be common, organizations, a tenant id (GUID) or a domain" })
        .check(
          z.refine(
            (value) => ["common", "organizations"].includes(value) || GUID.test(value) || DOMAIN.test(value),
            { error: () => "must be common, organizations, a tenant id (GUID) or a domain" },
          ),
        ),
      "common",
    ),
    graphRoot: z._default(
      z.pipe(
        z
          .string({ error: () => GRAPH_ROOT_RULE })
          .check(z.refine((value) => parseGraphRoot(value) !== null, { error: () => GRAPH_ROOT_RULE })),
        z.transform((value) => parseGraphRoot(value) as string),
      ),
      "https://graph.microsoft.com",
    ),
    authority: z._default(
      z
        .string({ error: () => "must be an https URL with no query or fragment" })
        .check(z.regex(HTTPS_URL, { error: () => "must be an https URL with no query or fragment" })),
      "https://login.microsoftonline.com",
    ),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? undefined : "must be a JSON object") },
);

export type HostConfig = z.output<typeof hostConfigSchema>;

export const DEFAULT_HOST_CONFIG: HostConfig = hostConfigSchema.parse({});

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => `${key} is not a config.json field`).join("; ");
  }
  const field = issue.path.map(String).join(".");
  return field ? `${field} ${issue.message}` : `the document ${issue.message}`;
}

/** The config in `value`, or an Error naming every field that is wrong. */
export function parseHostConfig(value: unknown): HostConfig | Error {
  const result = hostConfigSchema.safeParse(value);
  if (result.success) return result.data;
  return new Error(`Invalid config.json: ${result.error.issues.map(describe).join("; ")}`);
}

/** The text of config.json: a byte order mark is allowed, a repeated key is not. */
export function parseHostConfigText(text: string): HostConfig | Error {
  try {
    return parseHostConfig(parseJsonDocument(text));
  } catch (error) {
    return new Error(`Invalid config.json: the document is ${(error as Error).message}`);
  }
}
