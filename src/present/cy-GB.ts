import type { Catalogue } from "./catalogue";
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

export const cyGB: Catalogue = {
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
    action: REVIEW,
  },

  taskPane: {
    checking: "Wrthi'n gwirio pwy fydd yn cael y neges hon…",
    updating: "Wrthi'n gwirio eto…",
    headline: (people) => `Mae'r neges hon yn cyrraedd ${people}.`,
    noRecipients: "Nid oes gan y neges hon dderbynwyr eto.",
    verdictTitle: {
      allow: "Iawn i'w hanfon",
      warn: "Gwiriwch cyn anfon",
      block: "Ni ellir ei hanfon fel y mae",
    },
    accuracy: {
      about: "Gall rhestrau rannu aelodau, felly gallai'r gwir nifer fod yn is.",
      atLeast: "Nid yw rhai meintiau'n hysbys, felly gallai'r neges gyrraedd mwy o bobl.",
    },
    directoryPolicy: {
      block:
        "Tra na ellir gwirio maint rhestrau, mae eich sefydliad yn rhwystro negeseuon at restrau: tynnwch nhw, neu geisiwch eto nes ymlaen.",
      warn: "Tra na ellir gwirio maint rhestrau, mae eich sefydliad yn gofyn i chi wirio'r derbynwyr a chadarnhau.",
      allow:
        "Tra na ellir gwirio maint rhestrau, mae eich sefydliad yn gadael i negeseuon fynd heb y gwiriad hwn.",
    },
    notConfigured:
      "Nid yw Reach Guard wedi'i osod i wirio maint rhestrau eto. Gofynnwch i TG orffen ei osod.",
    settingsProblems:
      "Nid oedd modd darllen pob un o osodiadau Reach Guard, felly mae'r polisi da diwethaf neu'r polisi adeiledig yn berthnasol. Manylion i TG:",
    signInTitle: "Mewngofnodwch er mwyn i Reach Guard wirio maint rhestrau",
    signIn: "Mewngofnodi",
    signedIn: "Wedi mewngofnodi.",
    signInFailed: "Ni orffennodd y mewngofnodi. Ceisiwch eto, neu ofynnwch i TG os yw'n dal i fethu.",
    signInUnsupported:
      "Ni all y fersiwn hon o Outlook fewngofnodi i wirio maint rhestrau, felly caiff rhestrau eu barnu yn ôl polisi eich sefydliad.",
    recipientsHeading: "Derbynwyr",
    fieldHeading: (field, count) => `${field} (${count})`,
    // A row is a recipient (derbynnydd, masculine): "wedi'i rwystro", "ato".
    kind: {
      person: "Unigolyn",
      list: "Rhestr",
      external: "Allanol",
      unknown: "Maint anhysbys",
      invalid: "Nid yw'n gyfeiriad",
    },
    members: (count, written) => s(count, `${written} aelod`, `${written} o aelodau`),
    outside: (_count, written) => `${written} y tu allan i'ch sefydliad`,
    blockedByPolicy: "wedi'i rwystro gan eich sefydliad",
    restricted: "ni chewch anfon ato",
    moderated: "wedi'i gymedroli",
    contactGroup: "grŵp cysylltiadau personol: newidiwch ef yn y neges ei hun",
    showMore: (next, left) => `Dangos ${next} arall (${left} ar ôl)`,
    fixesHeading: "Cywiriadau",
    removeBlocking: (count) =>
      one(count)
        ? "Tynnu'r derbynnydd sy'n rhwystro'r neges"
        : `Tynnu'r ${count} o dderbynwyr sy'n rhwystro'r neges`,
    moveAllToBcc: "Symud pob rhestr i Bcc",
    bccNote: "Mae Bcc yn atal atebion i bawb, ond mae'r neges yn dal i gyrraedd pob un ohonynt.",
    removeExternal: "Tynnu derbynwyr allanol",
    moveToBcc: "Symud i Bcc",
    moveToBccLabel: (address) => `Symud ${address} i Bcc`,
    remove: "Tynnu",
    removeLabel: (address) => `Tynnu ${address}`,
    acknowledgeHeading: "Cadarnhau",
    acknowledge: (people) => `Rwy'n deall bod y neges hon yn cyrraedd ${people}`,
    confirm: "Cadarnhau a chaniatáu anfon",
    confirmed: "Wedi cadarnhau. Gallwch anfon y neges hon nawr.",
    cannotSend:
      "Nid yw eich sefydliad yn caniatáu'r neges hon fel y mae. Tynnwch y derbynwyr a enwir uchod i'w hanfon.",
    failed: "Ni allai Reach Guard ddarllen derbynwyr y neges hon.",
    retry: "Ceisio eto",
    fixFailed: "Nid oedd modd newid y derbynwyr. Ceisiwch eto, neu newidiwch nhw yn y neges.",
    acknowledgeFailed: "Nid oedd modd cadw eich cadarnhad. Ceisiwch eto.",
    moved: (count, written) =>
      s(count, `Symudwyd ${written} derbynnydd i Bcc.`, `Symudwyd ${written} o dderbynwyr i Bcc.`),
    removed: (count, written) =>
      s(count, `Tynnwyd ${written} derbynnydd.`, `Tynnwyd ${written} o dderbynwyr.`),
    nothingChanged: "Dim i'w newid: nid yw'r derbynwyr hynny yn y neges mwyach.",
    fieldLeftAlone: (field, reason) =>
      reason === "contact-group"
        ? `Gadawyd y maes ${field} fel yr oedd: nid yw Outlook yn gadael i ychwanegion newid maes sydd â grŵp cysylltiadau personol, felly newidiwch ef yn y neges.`
        : `Gadawyd y maes ${field} fel yr oedd: ni restrodd Outlook bob un o'i dderbynwyr, felly newidiwch ef yn y neges.`,
    outsideOutlook: "Agorwch Reach Guard o neges rydych chi'n ei hysgrifennu yn Outlook.",
  },

  cli: {
    verdict: { allow: "Caniatawyd", warn: "Rhybudd", block: "Rhwystrwyd" },
    reach: (people) => `Yn cyrraedd ${people}.`,
    columns: ["MAES", "CYFEIRIAD", "MATH", "FFYNHONNELL", "MANYLION"],
  },
};
