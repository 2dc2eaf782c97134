import { csvField, renderReportCsv } from "../../src/scan/report/csv";
import { catalogue, entry } from "./report-fixtures";

/** RFC 4180 read back by hand: records split at CRLF outside quotes, quotes undoubled. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ",") {
      record.push(field);
      field = "";
    } else if (character === "\r" && text[index + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      index++;
    } else field += character;
  }
  if (field !== "" || record.length > 0) throw new Error("the last record does not end with CRLF");
  return records;
}

const lists = [
  entry("small@example.org", 12, { displayName: "Ward 7, nights", kind: "m365", externalMembers: 2 }),
  entry("all-staff@example.org", 840000, { displayName: 'The "everyone" list', externalMembers: 0 }),
  entry("hidden@example.org", null, { displayName: "Équipe\nMédicale", kind: "dynamic" }),
];

describe("renderReportCsv", () => {
  const text = renderReportCsv(catalogue(lists));

  it("starts with a byte order mark so that Excel reads UTF-8", () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).startsWith("address,displayName,kind,members,externalMembers,sizedAt\r\n")).toBe(
      true,
    );
  });

  it("ends every record with CRLF, a line break inside a quoted name included", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "").replace("Équipe\nMédicale", "")).not.toMatch(/[\r\n]/);
  });

  it("writes every list largest first, no size last, and reads back as written", () => {
    expect(parseCsv(text.slice(1))).toEqual([
      ["address", "displayName", "kind", "members", "externalMembers", "sizedAt"],
      ["all-staff@example.org", 'The "everyone" list', "distribution", "840000", "0", "2026-11-27T03:00:00Z"],
      ["small@example.org", "Ward 7, nights", "m365", "12", "2", "2026-11-27T03:00:00Z"],
      ["hidden@example.org", "Équipe\nMédicale", "dynamic", "", "", "2026-11-27T03:00:00Z"],
    ]);
  });

  it("quotes only the fields that need it, doubling their quotes", () => {
    expect(text).toContain('all-staff@example.org,"The ""everyone"" list",distribution,840000,0,');
    expect(text).toContain('small@example.org,"Ward 7, nights",m365,12,2,');
    expect(text).toContain('hidden@example.org,"Équipe\nMédicale",dynamic,,,');
  });

  it("writes only the header for an empty catalogue", () => {
    expect(renderReportCsv(catalogue([]))).toBe(
      "\uFEFFaddress,displayName,kind,members,externalMembers,sizedAt\r\n",
    );
  });

  it("does not reorder the catalogue it was given", () => {
    const given = catalogue([...lists]);
    renderReportCsv(given);
    expect(given.lists.map((list) => list.address)).toEqual(lists.map((list) => list.address));
  });
});

describe("formula injection", () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Click")', `"'=HYPERLINK(""http://evil.example"",""Click"")"`],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\tTabbed", "'\tTabbed"],
    ["\rReturn", `"'\rReturn"`],
  ])("%j becomes %j", (name, written) => {
    expect(csvField(name)).toBe(written);
    const text = renderReportCsv(catalogue([entry("list@example.org", 3, { displayName: name })]));
    expect(text).toContain(`list@example.org,${written},distribution,3,`);
  });

  it("leaves ordinary text and figures alone", () => {
    expect(csvField("Ward 7 = nights")).toBe("Ward 7 = nights");
    expect(csvField("O'Neil's team")).toBe("O'Neil's team");
    expect(csvField(0)).toBe("0");
    expect(csvField(null)).toBe("");
  });

  it("guards an address that starts like a formula too", () => {
    const text = renderReportCsv(catalogue([entry("-list@example.org", 3)]));
    expect(text).toContain("\r\n'-list@example.org,'-list,distribution,3,");
  });
});
