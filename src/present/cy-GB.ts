import type { OutlookCatalogue } from "./catalogue";
import { welshPlural } from "./plural";

// Every sentence Reach Guard shows a person, in Welsh: the same meaning and the same limits as
// en-GB.ts (who, how many, what to do, in at most two sentences), in the plain register NHS Wales
// uses with its staff. To be reviewed by a Welsh-speaking clinician before go-live.
//
// Choices that keep the grammar right whatever the arguments are:
// - Counts of people use "o" with the plural ("tua 840,000 o bobl"), which needs no mutation after
//   the number; only one takes the singular ("1 person").
// - Pronouns for "it" would need the gender of what is named (rhestr is feminine, grŵp and cyfeiriad
//   masculine), so the sentences name the thing instead: "y derbynnydd hwn", "y rhestrau".
// - Names, addresses and Outlook's field labels are never mutated, as is usual with proper names.
// - Button names are quoted the Welsh way, ‘…’, so that "Anfon beth bynnag" is not read as prose.

const one = (count: number) => welshPlural(count) === "one";
const s = (count: number, single: string, plural: string) => (one(count) ? single : plural);
/** "this recipient" / "these recipients". */
const thisRecipient = (count: number) => s(count, "y derbynnydd hwn", "y derbynwyr hyn");
/** "yr awr ddiwethaf", "y 2 awr ddiwethaf", "y 30 munud diwethaf": the storm window after "yn". */
const lastMinutes = (minutes: number) =>
  minutes === 60
    ? "yr awr ddiwethaf"
    : minutes % 60 === 0
      ? `y ${minutes / 60} awr ddiwethaf`
      : `y ${minutes} munud diwethaf`;

/** Reach Guard's own button (manifest: the compose button, and cancelLabel in Smart Alerts). */
const REVIEW = "Adolygu derbynwyr";
/**
 * Outlook's own "Send Anyway" button in the Smart Alerts dialog, which Outlook translates itself.
 * No Welsh rendering of it is documented that we could find: this is the most likely one. It must be
 * checked against Outlook with Welsh as its display language before go-live.
 */
const SEND_ANYWAY = "Anfon beth bynnag";

/**
 * Whether "and" before `word` is "ac": before a vowel, as the word is read. A figure is read as a
 * Welsh number: 1 (un), 8 (wyth), 11 to 19 (un deg …) and 80s, 800s and so on (wyth …).
 */
function takesAc(word: string): boolean {
  const start = word.replace(/^[\s“”‘’"'([]+/, "");
  const digits = /^\d[\d,]*/.exec(start)?.[0].replace(/,/g, "");
  if (digits) return digits.startsWith("8") || digits === "1" || /^1\d$/.test(digits);
  return /^[aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ]/i.test(start);
}

export const cyGB: OutlookCatalogue = {
  locale: "cy-GB",
  plural: welshPlural,
  join: (items) => {
    if (items.length <= 1) return items.join("");
    const last = items[items.length - 1]!;
    return `${items.slice(0, -1).join(", ")} ${takesAc(last) ? "ac" : "a"} ${last}`;
  },
  more: (count) => `${count} arall`,
  people: {
    exact: (count, written) => s(count, `${written} person`, `${written} o bobl`),
    about: (count, written) => s(count, `tua ${written} person`, `tua ${written} o bobl`),
    atLeast: (count, written) => s(count, `o leiaf ${written} person`, `o leiaf ${written} o bobl`),
    unknown: "nifer anhysbys o bobl",
  },
  // Outlook's own labels for the fields in Welsh.
  field: { to: "At", cc: "Cc", bcc: "Bcc" },

  reasons: {
    blockedAddress: (names, _count, size) =>
      size === null
        ? `Mae eich sefydliad wedi rhwystro ${names}.`
        : `Mae eich sefydliad wedi rhwystro ${names}, sy'n cyrraedd ${size}.`,
    reachOverBlock: (reach, limit, names) =>
      names === null
        ? `Mae'r neges hon yn cyrraedd ${reach}, dros derfyn eich sefydliad o ${limit}.`
        : `Mae'r neges hon yn cyrraedd ${reach} drwy ${names}, dros derfyn eich sefydliad o ${limit}.`,
    reachOverWarn: (reach, names) =>
      names === null
        ? `Mae'r neges hon yn cyrraedd ${reach}.`
        : `Mae'r neges hon yn cyrraedd ${reach} drwy ${names}.`,
    listModerated: (names) => `Rhaid i gymedrolwr gymeradwyo negeseuon at ${names} cyn i neb eu cael.`,
    externalOverWarn: (people) => `Mae'r neges hon yn cyrraedd ${people} y tu allan i'ch sefydliad.`,
    unknownList: (names) => `Ni allai Reach Guard ganfod faint o bobl y mae ${names} yn eu cyrraedd.`,
    contactGroup: (names, count) =>
      `Ni ellir gwirio eich ${s(count, "grŵp", "grwpiau")} cysylltiadau ${names}, a ${s(count, "gallai", "gallent")} gyrraedd llawer o bobl.`,
    notListed: (fields) =>
      `Ni ddangosodd Outlook bob un o dderbynwyr ${fields}, felly gallai'r neges gyrraedd mwy o bobl.`,
    directoryUnavailable: (names) => `Ni all Reach Guard wirio maint ${names} ar hyn o bryd.`,
    directoryNotPermitted: (names) =>
      `Nid oes gan Reach Guard hawl i wirio maint ${names} nes i TG roi mynediad iddo.`,
    noToken: (names) => `Ni allai Reach Guard fewngofnodi i wirio maint ${names}.`,
    invalidAddress: (names, count) => `Nid yw ${names} yn ${s(count, "gyfeiriad", "gyfeiriadau")} e-bost.`,
    listRestricted: (names) =>
      `Ni chewch anfon at ${names}, felly bydd Exchange yn dychwelyd y neges ac nid yw'r aelodau'n cyfrif.`,
    broadcaster: "Cewch anfon at gynulleidfaoedd mawr, felly gallwch gadarnhau hyn eich hun.",
    incident: (subject) =>
      subject === null
        ? "Mae atebion i'r sgwrs hon wedi'u hatal yn ystod digwyddiad."
        : `Mae atebion i “${subject}” wedi'u hatal yn ystod digwyddiad.`,
    storm: (names, _count, replies, minutes, atLeast) =>
      `Mae'r edefyn hwn at ${names} wedi cael ${atLeast ? "o leiaf " : ""}${replies} ateb yn ${lastMinutes(minutes)}.`,
  },

  alert: {
    remove: (count) => `Tynnwch ${thisRecipient(count)} i anfon.`,
    removeLists: (count) => `Tynnwch y ${s(count, "rhestr", "rhestrau")} i anfon.`,
    sendToFewer: "Tynnwch rai derbynwyr i anfon.",
    correct: (count) => `Cywirwch neu dynnwch y ${s(count, "cyfeiriad hwn", "cyfeiriadau hyn")} i anfon.`,
    removeOrWait: (count) =>
      `Tynnwch ${thisRecipient(count)} i anfon, neu geisiwch eto ymhen ychydig funudau.`,
    sendAnyway: `Dewiswch ‘${SEND_ANYWAY}’ os oeddech chi'n bwriadu hyn, neu ‘${REVIEW}’ i'w newid.`,
    confirmInPane: `I anfon y neges, cadarnhewch yn ‘${REVIEW}’ ar y rhuban.`,
    help: (advice, contact) => `${advice.replace(/\.$/, "")} (cymorth: ${contact}).`,
    replyToSender: "Atebwch yr anfonwr yn unig i anfon.",
    reviewButton: REVIEW,
    checkFailed: {
      block:
        "Ni allai Reach Guard wirio derbynwyr y neges hon, ac mae negeseuon heb eu gwirio yn cael eu rhwystro. Ceisiwch eto yn y man.",
      sendAnyway: `Ni allai Reach Guard wirio derbynwyr y neges hon. Dewiswch ‘${SEND_ANYWAY}’ os yw'r derbynwyr yn gywir.`,
      confirmInPane: `Ni allai Reach Guard wirio derbynwyr y neges hon. Gwiriwch nhw yn ‘${REVIEW}’ ar y rhuban.`,
    },
  },

  infoBar: {
    check: "Gwiriwch cyn anfon.",
    remove: (count) => `Tynnwch ${thisRecipient(count)} cyn anfon.`,
    sendToFewer: "Tynnwch rai derbynwyr cyn anfon.",
    correct: (count) => `Cywirwch y ${s(count, "cyfeiriad hwn", "cyfeiriadau hyn")} cyn anfon.`,
    incident: {
      withoutList: "Atebwch yr anfonwr yn unig, neu tynnwch y rhestr.",
      newMessage: "Ysgrifennwch neges newydd yn lle hynny os oes rhaid iddi fynd.",
    },
    replyToSender: "Atebwch yr anfonwr yn unig.",
    action: REVIEW,
  },
};
