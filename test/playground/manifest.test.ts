/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseManifest } from "../../src/playground/host/manifest";

// The playground runs what the deployed manifest declares: it reads the launch events, the send
// mode and the task-pane button from the development manifest the build copies.

const manifest = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");
const built = (sendMode: string) => manifest.replace(/SendMode="SoftBlock"/g, `SendMode="${sendMode}"`);

test("reads each launch event's function, the send mode and the compose button", () => {
  const facts = parseManifest(built("SoftBlock"));
  expect(facts.launchEvents).toEqual({
    OnMessageCompose: { functionName: "onMessageComposeHandler", sendMode: null },
    OnMessageRecipientsChanged: { functionName: "onMessageRecipientsChangedHandler", sendMode: null },
    OnMessageFromChanged: { functionName: "onMessageFromChangedHandler", sendMode: null },
    OnMessageSend: { functionName: "onMessageSendHandler", sendMode: "SoftBlock" },
  });
  expect(facts.taskPaneButton).toEqual({ id: "msgComposeOpenPaneButton", label: "Review recipients" });
  expect(facts.displayName).toBe("Reach Guard");
  expect(parseManifest(built("PromptUser")).launchEvents.OnMessageSend?.sendMode).toBe("PromptUser");
});

test("reads each form factor's launch events apart: phones get the MobileFormFactor's, with no send", () => {
  const facts = parseManifest(built("SoftBlock"));
  expect(facts.mobileLaunchEvents).toEqual({
    OnNewMessageCompose: { functionName: "onMessageComposeHandler", sendMode: null },
    OnMessageRecipientsChanged: { functionName: "onMessageRecipientsChangedHandler", sendMode: null },
    OnMessageFromChanged: { functionName: "onMessageFromChangedHandler", sendMode: null },
  });
  // The desktop's table is the DesktopFormFactor's alone: no OnNewMessageCompose run twice there.
  expect(Object.keys(facts.launchEvents)).not.toContain("OnNewMessageCompose");
  const withoutMobile = manifest.replace(/<MobileFormFactor>[\s\S]*<\/MobileFormFactor>/, "");
  expect(parseManifest(withoutMobile).mobileLaunchEvents).toEqual({});
  expect(parseManifest(withoutMobile).launchEvents).toEqual(facts.launchEvents);
});

test("a manifest that is not XML is refused", () => {
  expect(() => parseManifest("<OfficeApp><unclosed></OfficeApp>")).toThrow(/not well-formed/);
});
