import { parseHostConfig } from "../../src/app/host-config";

// The exact words for the checks that carry no message of their own in the schema: zod's English
// ones, which an admin reads in the task pane's settings problems.

describe("parseHostConfig's messages", () => {
  it.each([
    [{ tenantId: "" }, "tenantId: Too small: expected string to have >=1 characters"],
    [{ tenantId: 5 }, "tenantId: Invalid input: expected string, received number"],
    [{ clientId: 42 }, "clientId: Invalid input"],
    [{ clientId: "my-app" }, "clientId: clientId must be a GUID or empty"],
    [{ graphRoot: 1 }, "graphRoot: graphRoot must be an https URL"],
    [{ graphRoot: "http://graph.example.org" }, "graphRoot: graphRoot must be an https URL"],
    [{ authority: "http://login.microsoftonline.com" }, "authority: authority must be an https URL"],
    [null, "document: Invalid input: expected object, received null"],
    [[], "document: Invalid input: expected object, received array"],
    ["text", "document: Invalid input: expected object, received string"],
  ])("%j", (value, message) => {
    expect((parseHostConfig(value) as Error).message).toBe(`Invalid config.json: ${message}`);
  });
});
