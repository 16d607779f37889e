// Words the queries write into their results and the manifest, in the
// languages plans are written in. Labels from the plan itself come from the model.
import { inLanguage } from "../../vocabulary/languages.js";

export interface QueryTexts {
  missing: string;
  yes: string;
  no: string;
  improved: string;
  unchanged: string;
  worsened: string;
  reached: string;
  notReached: string;
  meaning: {
    splitCode: (label: string) => string;
    splitLabel: (label: string) => string;
    categoryCode: string;
    categoryLabel: string;
    rowCode: (label: string) => string;
    rowLabel: (label: string) => string;
    columnCode: (label: string) => string;
    columnLabel: (label: string) => string;
    rowType: string;
    fromCode: (tp: string) => string;
    fromLabel: (tp: string) => string;
    toCode: (tp: string) => string;
    toLabel: (tp: string) => string;
    outcomeCode: string;
    outcomeLabel: string;
    n: string;
    nMultiple: string;
    nSummary: string;
    share: string;
    missingN: string;
    mean: string;
    median: string;
    min: string;
    max: string;
    suppressed: (minCell: number) => string;
    suppressedSummary: (minCell: number) => string;
    missingSuppressed: string;
  };
}

const sv: QueryTexts = {
  missing: "Uppgift saknas",
  yes: "Ja",
  no: "Nej",
  improved: "Förbättrad",
  unchanged: "Oförändrad",
  worsened: "Försämrad",
  reached: "Uppnått",
  notReached: "Ej uppnått",
  meaning: {
    splitCode: (l) => `kod för jämförelsegruppen ${l} (NULL = uppgift saknas)`,
    splitLabel: (l) => `etikett för jämförelsegruppen ${l}`,
    categoryCode: "kod för svarsalternativet",
    categoryLabel: "etikett för svarsalternativet",
    rowCode: (l) => `kod för radvariabeln ${l}`,
    rowLabel: (l) => `etikett för radvariabeln ${l}`,
    columnCode: (l) => `kod för kolumnvariabeln ${l}`,
    columnLabel: (l) => `etikett för kolumnvariabeln ${l}`,
    rowType: "'transition' = en cell i övergångstabellen, 'outcome' = summa för förbättrad/oförändrad/försämrad",
    fromCode: (tp) => `skalvärdets kod vid ${tp} (NULL på summarader)`,
    fromLabel: (tp) => `skalvärdets etikett vid ${tp}`,
    toCode: (tp) => `skalvärdets kod vid ${tp} (NULL på summarader)`,
    toLabel: (tp) => `skalvärdets etikett vid ${tp}`,
    outcomeCode: "improved, unchanged eller worsened enligt skalans ordning och riktning",
    outcomeLabel: "etikett för utfallet",
    n: "antal individer",
    nMultiple: "antal individer som har alternativet registrerat",
    nSummary: "antal individer med ett värde",
    share: "andel av alla individer i gruppen (bortfall inräknat)",
    missingN: "antal individer i gruppen utan användbart värde (bortfall)",
    mean: "medelvärde",
    median: "median",
    min: "minsta värde",
    max: "största värde",
    suppressed: (m) => (m > 1 ? `1 när antal och andel är dolda (färre än ${m} individer, eller dolda för att skydda en annan dold cell)` : "alltid 0: min_cell är 1"),
    suppressedSummary: (m) => `1 när antal och andel är dolda; medelvärde, median, min och max döljs när färre än ${m} individer har ett värde`,
    missingSuppressed: "1 när bortfallet är dolt",
  },
};

const en: QueryTexts = {
  missing: "Missing",
  yes: "Yes",
  no: "No",
  improved: "Improved",
  unchanged: "Unchanged",
  worsened: "Worsened",
  reached: "Reached",
  notReached: "Not reached",
  meaning: {
    splitCode: (l) => `code of the comparison group ${l} (NULL = missing)`,
    splitLabel: (l) => `label of the comparison group ${l}`,
    categoryCode: "code of the answer option",
    categoryLabel: "label of the answer option",
    rowCode: (l) => `code of the row variable ${l}`,
    rowLabel: (l) => `label of the row variable ${l}`,
    columnCode: (l) => `code of the column variable ${l}`,
    columnLabel: (l) => `label of the column variable ${l}`,
    rowType: "'transition' = a cell of the transition table, 'outcome' = total for improved/unchanged/worsened",
    fromCode: (tp) => `code of the scale value at ${tp} (NULL on outcome rows)`,
    fromLabel: (tp) => `label of the scale value at ${tp}`,
    toCode: (tp) => `code of the scale value at ${tp} (NULL on outcome rows)`,
    toLabel: (tp) => `label of the scale value at ${tp}`,
    outcomeCode: "improved, unchanged or worsened by the scale's order and direction",
    outcomeLabel: "label of the outcome",
    n: "number of individuals",
    nMultiple: "number of individuals with the option registered",
    nSummary: "number of individuals with a value",
    share: "share of all individuals in the group (missing included)",
    missingN: "number of individuals in the group without a usable value (missing data)",
    mean: "mean",
    median: "median",
    min: "smallest value",
    max: "largest value",
    suppressed: (m) => (m > 1 ? `1 when n and share are hidden (fewer than ${m} individuals, or hidden to protect another hidden cell)` : "always 0: min_cell is 1"),
    suppressedSummary: (m) => `1 when n and share are hidden; mean, median, min and max are hidden when fewer than ${m} individuals have a value`,
    missingSuppressed: "1 when the missing count is hidden",
  },
};

export function queryTexts(lang: string): QueryTexts {
  return inLanguage({ sv, en }, lang, "sv");
}
