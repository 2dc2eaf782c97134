// A local stand-in for Microsoft Graph: the demo directory, faults on demand. Node only (tests,
// the CLI's --demo, the playground's server, the benchmarks); never bundled into the add-in.
export { startFakeGraph, MAX_BATCH, type FakeGraph, type RecordedRequest } from "./server";
export {
  createFakeDirectory,
  type DirectoryData,
  type FakeDirectory,
  type GeneratedGroups,
} from "./directory";
export {
  loadDemoDirectory,
  parseDirectoryData,
  DEMO_DIRECTORY_PATH,
  DEMO_PREVIOUS_CATALOGUE_PATH,
} from "./demo";
export { DEMO_TOKEN, GROUPS_ONLY_TOKEN, MAIL_ONLY_TOKEN } from "./tokens";
export {
  createFakeMailbox,
  conversationIndex,
  type GeneratedThread,
  type InternetMessageHeader,
  type MailboxData,
  type MailboxMessage,
} from "./mailbox";
export { DEMO_STORM_THREAD, demoStormThread, type DemoThreadMessage } from "./demo-mailbox";
export type { Faults } from "./faults";
