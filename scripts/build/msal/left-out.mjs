// The error every stand-in in scripts/build/msal throws when MSAL reaches a part of itself that
// events.js does not carry (see ../msal-event-bundle.js): named, so a handler's failure says what
// was missing instead of failing on an undefined function somewhere inside MSAL.

const SILENT_ONLY =
  "event handlers get tokens silently, through nested app authentication or MSAL's token cache, " +
  "never through UI";

export function leftOut(what, why = SILENT_ONLY) {
  const error = new Error(`${what} is not part of events.js: ${why}`);
  error.name = "EventBundleError";
  error.errorCode = "not_in_event_bundle";
  return error;
}
