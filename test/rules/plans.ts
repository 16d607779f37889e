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
