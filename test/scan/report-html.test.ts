import type { CatalogueList } from "../../src/core/catalogue";
import { compareCatalogues, suggestedBlocks, type Drift } from "../../src/scan/drift";
import { renderReportHtml, type ReportInput } from "../../src/scan/report/html";
import { TABLE_ROWS } from "../../src/scan/report/table";
import { catalogue, entry, policy } from "./report-fixtures";

const HOSTILE = "<img src=x onerror=alert(1)>";

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The text of the section whose heading has this id, up to the section's end. */
function section(html: string, headingId: string): string {
  const start = html.indexOf(`aria-labelledby="${headingId}"`);
  if (start < 0) return "";
  return html.slice(start, html.indexOf("</section>", start));
}

function render(overrides: Partial<ReportInput> & Pick<ReportInput, "catalogue">): string {
  const inForce = overrides.policy ?? policy();
  return renderReportHtml({
    drift: null,
    policy: inForce,
    suggested: suggestedBlocks(overrides.catalogue, inForce),
    incomplete: [],
    ...overrides,
  });
}

const previous = catalogue(
  [entry("everyone@example.org", 30), entry("gone@example.org", 5)],
  "2026-11-20T03:00:00Z",
);
const current = catalogue([
  entry("everyone@example.org", 840000, { displayName: HOSTILE }),
  entry("ward-7@example.org", 12, { displayName: "Ward 7 & friends" }),
  entry("hidden@example.org", null, { displayName: `Hidden ${HOSTILE}` }),
]);
const drift = compareCatalogues(previous, current, policy());

describe("the page", () => {
  const html = render({ catalogue: current, drift, incomplete: [`12 addresses were not valid ${HOSTILE}`] });

  it("is British English, titled with the scan's date in UTC", () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html).toContain("<title>Reach Guard: lists of the tenant on 27 November 2026</title>");
    expect(html).toContain("Scanned 27 November 2026, 03:00 UTC.");
  });

  it("shows a time late in the day as UTC, not as the machine's time zone", () => {
    const late = render({ catalogue: catalogue([], "2026-12-31T23:59:00Z") });
    expect(late).toContain("Scanned 31 December 2026, 23:59 UTC.");
  });

  it("fetches nothing and runs nothing", () => {
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).not.toMatch(/<script|<link|<iframe|<[^>]*\s(src|href)=|url\(|@import/i);
  });

  it("escapes every text from the catalogue and the scan", () => {
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("Ward 7 &amp; friends");
    expect(html).toContain("12 addresses were not valid &lt;img");
  });

  it("sums up the lists with thousands separators", () => {
    const summary = html.slice(html.indexOf('<dl class="summary">'), html.indexOf("</dl>"));
    expect(summary).toContain("<dt>Lists sized</dt><dd>2</dd>");
    expect(summary).toContain("<dt>Lists with no size</dt><dd>1</dd>");
    expect(summary).toContain("<dt>Largest list</dt><dd>840,000<small>");
    expect(summary).toContain("<dt>Alarms</dt><dd>1</dd>");
  });

  it("puts the alarms before the chart", () => {
    expect(html.indexOf('id="alarms-heading"')).toBeGreaterThan(0);
    expect(html.indexOf('id="alarms-heading"')).toBeLessThan(html.indexOf('id="largest-heading"'));
    expect(section(html, "alarms-heading")).toContain("Crossed blockAt");
  });

  it("lists what changed since the previous scan", () => {
    const changes = section(html, "changes-heading");
    expect(changes).toContain("Sizes changed (1)");
    expect(changes).toContain("+839,970");
    expect(changes).toContain("New lists (2)");
    expect(changes).toContain("Lists gone (1)");
    expect(changes).toContain("gone@example.org");
  });

  it("shows a list with no size as such", () => {
    expect(section(html, "no-size-heading")).toContain("hidden@example.org");
    expect(section(html, "largest-heading")).not.toContain("hidden@example.org");
  });
});

describe("alarms and suggestions", () => {
  it("has no alarms section without a previous catalogue, or without alarms", () => {
    expect(render({ catalogue: current })).not.toContain("alarms-heading");
    expect(render({ catalogue: current })).toContain("No previous catalogue was given");
    const quiet: Drift = compareCatalogues(current, current, policy());
    expect(render({ catalogue: current, drift: quiet })).not.toContain("alarms-heading");
  });

  it("offers blockedAddresses as valid JSON that keeps the entries already there", () => {
    const existing = policy({ blockedAddresses: ["all-*@example.org", 'odd"one@example.org'] });
    const html = render({ catalogue: current, drift, policy: existing, suggested: ["everyone@example.org"] });
    const snippet = /<pre class="snippet"><code>([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1] ?? "";
    expect(JSON.parse(unescapeHtml(snippet))).toEqual({
      blockedAddresses: ["all-*@example.org", 'odd"one@example.org', "everyone@example.org"],
    });
  });

  it("has no suggestion when nothing is to be added", () => {
    expect(render({ catalogue: current, drift, suggested: [] })).not.toContain('class="snippet"');
  });
});

describe("a large tenant", () => {
  function tenant(count: number): CatalogueList[] {
    return Array.from({ length: count }, (_, index) =>
      entry(`list-${index}@example.org`, index % 10 === 0 ? null : index * 7, {
        displayName: `List ${index}`,
      }),
    );
  }

  it("draws the 20 largest lists only", () => {
    const html = render({ catalogue: catalogue(tenant(100)) });
    expect(html.match(/<rect class="bar /g)).toHaveLength(20);
    expect(html).toContain("List 99");
    expect(html.indexOf("List 99")).toBeLessThan(html.indexOf("List 98"));
  });

  it("caps each table and says how many more the CSV holds", () => {
    const lists = tenant(5000);
    const later = catalogue(
      lists.map((list) => ({ ...list, members: list.members === null ? null : list.members + 1 })),
    );
    const html = render({ catalogue: later, drift: compareCatalogues(catalogue(lists), later, policy()) });
    const unsized = section(html, "no-size-heading");
    expect(unsized.match(/<tr>/g)).toHaveLength(TABLE_ROWS + 1);
    expect(unsized).toContain("300 more not shown here: every list is in the CSV.");
    const changes = section(html, "changes-heading");
    expect(changes).toContain("Sizes changed (4,500)");
    expect(changes).toContain("4,300 more not shown here");
  });

  it("renders 100,000 lists quickly and briefly", () => {
    const big = catalogue(tenant(100_000));
    const drifted = compareCatalogues(catalogue([]), big, policy());
    const started = performance.now();
    const html = render({ catalogue: big, drift: drifted });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1500);
    expect(html.length).toBeLessThan(1_000_000);
    expect(html).toContain("<dt>Lists sized</dt><dd>90,000</dd>");
    // Every list from the 715th is above blockAt: more than a policy can hold.
    expect(html).toContain("A policy holds at most 10,000 entries, so this adds the 10,000 largest");
  });
});
