// Plan texts the rule tests build on (test/rules/*.test.ts).

/** A plan head with one time point and a nominal value set with an other answer. */
export const HEAD = `plan exempel "Exempel" {
  language sv
  purpose "Att prova en regel."
}
timepoint bedomning "Bedömning" { when "vid utredning" }
valueset kon "Kön" {
  kvinna "Kvinna"
  man "Man"
  annat "Annat" other
}
`;

/** HEAD without its value set. */
export const HEAD_NO_VALUESET = HEAD.replace(/valueset kon[\s\S]*$/, "");

// The plans of the measurability and time rules (ISU03xx, ISU04xx). Variables are
// often recorded at time points the one question does not read, which ISU0605
// unread-timepoint would add, and some count the variable they split by, which
// ISU0313 redundant-split would add: both are off.
export const PRELUDE_B = `plan hemtjanst "Hemtjänst" {
  language sv
  purpose "Att följa brukarnas funktionstillstånd."
  rule ISU0605 off
  rule ISU0313 off
}
timepoint bedomning "Bedömning" { when "vid utredning" }
timepoint uppfoljning "Uppföljning" { when "6 månader efter beslut" }
valueset kon "Kön" { kvinna "Kvinna" man "Man" annat "Annat" other }
valueset boende "Boendesituation" { ensam "Ensamboende" sambo "Sammanboende" annat "Annat boende" other }
valueset insatser "Insatser" { stad "Städning" inkop "Inköp" annan "Annan insats" other }
valueset svarighet "Bedömningsskala" ordinal better lower { 0 "Inga" 1 "Lätta" 2 "Måttliga" 3 "Stora" 4 "Totala" 9 "Ej tillämpligt" missing }
`;
export const KON = `variable kon "Kön" : kon at bedomning\n`;
export const ALDER_B = `variable alder "Ålder" : integer 18..120 unit "år" at bedomning\n`;
export const ALDERSGRUPP_B = `group aldersgrupp "Åldersgrupp" from alder { "18–64 år" = 18..64  "65–79 år" = 65..79  "80 år och äldre" = 80.. }\n`;
export const forflyttning = (at: string): string => `variable forflyttning "Förflyttning" : svarighet at ${at} { definition "Förmåga att förflytta sig." }\n`;
export const mal = (at: string, type = "svarighet"): string => `variable forflyttning_mal "Avsett funktionstillstånd" : ${type} at ${at} { definition "Det tillstånd insatsen syftar till." }\n`;
export const boende = (at: string): string => `variable boende "Boendesituation" : boende at ${at}\n`;
/** PRELUDE_B followed by the declarations under test. */
export const planB = (body: string): string => PRELUDE_B + body;

/**
 * A plan that is clean under the whole catalogue, with room for more settings
 * and declarations (the comparison-group, minimisation, quality, small-number
 * and setting rules: ISU05xx–ISU09xx).
 */
export function planC(settings: string, body: string, purpose = `  purpose "Att visa hur en regel fungerar."\n`): string {
  return `plan exempel "Exempel" {
  language sv
${purpose}${settings}}
timepoint bedomning "Bedömning" { when "vid utredning" }
timepoint uppfoljning "Uppföljning" { when "6 månader efter beslut" }
valueset kon "Kön" {
  kvinna "Kvinna"
  man "Man"
  annat "Annat" other
}
variable kon "Kön" : kon at bedomning
question fordelning "Hur fördelar sig brukarna på kön?" {
  count kon
}
${body}`;
}

export const ALDER_C = `variable alder "Ålder" : integer 18..120 unit "år" at bedomning\n`;
export const ageGroup = (bands: string, extra = ""): string =>
  planC(extra, `${ALDER_C}group aldersgrupp "Åldersgrupp" from alder {\n${bands}}\nquestion kon_alder "Kön efter ålder" {\n  count kon\n  by aldersgrupp\n}\n`);
const TID = `variable tid "Tid" : decimal 0..10 unit "timmar" at bedomning\n`;
export const timeGroup = (bands: string): string => planC("", `${TID}group tidsgrupp "Tid" from tid {\n${bands}}\nquestion kon_tid "Kön efter tid" {\n  count kon\n  by tidsgrupp\n}\n`);
export const BOENDE_C = `valueset boende "Boendeform" {
  ensam "Ensamboende"
  sambo "Gift eller sambo"
  barn "Bor med barn"
  annat "Annat boende" other
  vet_ej "Vet ej" missing
}
variable boende "Boendeform" : boende at bedomning
`;
export const livingGroup = (entries: string, extra = ""): string =>
  planC(extra, `${BOENDE_C}group boendegrupp "Boende" from boende {\n${entries}}\nquestion kon_boende "Kön efter boende" {\n  count kon\n  by boendegrupp\n}\n`);

/** A plan with one variable marked sensitive in category `cat`. */
export const sensitive = (cat: string, settings = ""): string =>
  planC(
    settings,
    `valueset diagnos "Diagnos" {\n  demens "Demens"\n  annan "Annan" other\n}\nvariable diagnos "Diagnos" : diagnos at bedomning { sensitive ${cat} }\nquestion d "D" {\n  count diagnos\n}\n`,
  );

/** A plan whose value 'avlosning' carries the classification binding `code`. */
export const bound = (code: string): string =>
  planC("", `valueset insats "Insats" {\n  avlosning "Avlösning" { ${code} }\n  annat "Annan" other\n}\nvariable insats "Insats" : insats at bedomning\nquestion i "I" {\n  count insats\n}\n`);

/** A plan with two time points (the second a follow-up), an ordinal and a nominal value set. */
export const twoTp = (body: string, settings = ""): string => `plan p "P" {
  language sv
  purpose "Test."
${settings}}
timepoint inflyttning "Inflyttning" { when "vid inflyttning" }
timepoint uppf_12m "Uppföljning 12 månader" { when "efter ett år" }
valueset nojdhet "Nöjdhet" ordinal better higher {
  1 "Missnöjd"
  2 "Ganska nöjd"
  3 "Nöjd"
}
valueset boende "Boende" {
  ensam "Ensam"
  sambo "Sambo"
  annat "Annat" other
}
${body}
`;

/** A plan head with one time point, followed by `body`. */
export const planLead = (body: string): string => `plan p "P" {
  language sv
  purpose "Test."
}
timepoint bedomning "Bedömning" { when "vid utredning" }
${body}
`;
