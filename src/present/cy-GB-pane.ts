import type { PaneCatalogue } from "./catalogue";
import { welshPlural } from "./plural";

// The task pane's and the command line's sentences in Welsh; what Outlook shows is in cy-GB.ts,
// whose notes on grammar hold here too. To be reviewed by a Welsh-speaking clinician before go-live.
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

export const cyGBPane: PaneCatalogue = {
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
      "Nid oedd modd darllen rhai gosodiadau, felly mae'r polisi da diwethaf yn berthnasol. Manylion i TG:",
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
    // "o gatalog": catalog takes the soft mutation after "o"; the date follows as a name does.
    sizeFrom: {
      graph: "wedi'i wirio nawr",
      cache: "wedi'i gofio o wiriad diweddar",
      catalogue: (day, month, year) =>
        `o gatalog ${day} ${"Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr".split(" ")[month - 1] ?? ""} ${year}`,
    },
    showMore: (next, left) => `Dangos ${next} arall (${left} ar ôl)`,
    fixesHeading: "Cywiriadau",
    removeBlocking: (count) =>
      one(count)
        ? "Tynnu'r derbynnydd sy'n rhwystro'r neges"
        : `Tynnu'r ${count} o dderbynwyr sy'n rhwystro'r neges`,
    moveAllToBcc: "Symud pob rhestr i Bcc",
    bccNote: "Mae Bcc yn atal atebion i bawb, ond mae'r neges yn dal i gyrraedd pob un ohonynt.",
    removeExternal: "Tynnu derbynwyr allanol",
    replyToSenderOnly: (name) => `Ateb ${name} yn unig`,
    moveToBcc: "Symud i Bcc",
    moveToBccLabel: (address) => `Symud ${address} i Bcc`,
    remove: "Tynnu",
    removeLabel: (address) => `Tynnu ${address}`,
    acknowledgeHeading: "Cadarnhau",
    acknowledge: (people) => `Rwy'n deall bod y neges hon yn cyrraedd ${people}`,
    confirm: "Cadarnhau a chaniatáu anfon",
    confirmed: "Wedi cadarnhau. Gallwch anfon y neges hon nawr.",
    cannotSend: "Tynnwch y derbynwyr a enwir uchod i anfon y neges hon.",
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
        ? `Gadawyd y maes ${field} fel yr oedd: mae grŵp cysylltiadau personol ynddo, felly newidiwch ef yn y neges.`
        : `Gadawyd y maes ${field} fel yr oedd: ni restrodd Outlook bob un o'i dderbynwyr, felly newidiwch ef yn y neges.`,
    outsideOutlook: "Agorwch Reach Guard o neges rydych chi'n ei hysgrifennu yn Outlook.",
    // Neges is feminine: "ei hanfon a'i chofnodi".
    monitorNote: {
      warn: "Modd monitro: byddai Reach Guard yn rhybuddio cyn anfon y neges hon; caiff ei hanfon a'i chofnodi.",
      block: "Modd monitro: byddai Reach Guard yn rhwystro'r neges hon; caiff ei hanfon a'i chofnodi.",
    },
  },
};
