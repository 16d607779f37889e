// The words of the published tables that are not the plan's own (sv, en).
export interface TableTexts {
  missing: string;
  yes: string;
  no: string;
  everyone: string;
  individuals: string;
  size: string;
  improved: string;
  unchanged: string;
  worsened: string;
  reached: string;
  notReached: string;
  withValue: string;
  count: (target: string, multiple: boolean) => string;
  crosstab: (row: string, column: string) => string;
  change: (variable: string, from: string, to: string) => string;
  attainment: (target: string, at: string, goal: string) => string;
  summary: (target: string) => string;
  among: (condition: string) => string;
  /** A measure read at a time point. */
  at: (label: string, timepoint: string) => string;
  and: string;
  or: string;
  not: string;
  ops: Record<"=" | "!=" | "<" | "<=" | ">" | ">=" | "in", string>;
  suppression: string;
  noise: string;
}

const sv: TableTexts = {
  missing: "Uppgift saknas",
  yes: "Ja",
  no: "Nej",
  everyone: "Samtliga",
  individuals: "individer",
  size: "antal i gruppen",
  improved: "Förbättrad",
  unchanged: "Oförändrad",
  worsened: "Försämrad",
  reached: "Uppnått",
  notReached: "Ej uppnått",
  withValue: "antal med värde",
  count: (t, m) => `Fördelning av ${t}${m ? " (flera svar möjliga: en person räknas under varje svar hen gett)" : ""}`,
  crosstab: (r, c) => `${r} efter ${c}`,
  change: (v, f, t) => `Förändring i ${v} från ${f} till ${t}`,
  attainment: (t, a, g) => `Måluppfyllelse: ${t} vid ${a} jämfört med målet ${g}`,
  summary: (t) => `${t}: medelvärde, median och kvartiler`,
  among: (c) => `, bland dem där ${c}`,
  at: (l, t) => `${l} (${t})`,
  and: "och",
  or: "eller",
  not: "inte",
  ops: { "=": "är", "!=": "är inte", "<": "är mindre än", "<=": "är högst", ">": "är större än", ">=": "är minst", in: "är något av" },
  suppression:
    "Små tal är undertryckta: varje antal från 1 till min_cell − 1 döljs, och fler antal döljs så att inget dolt antal kan räknas fram ur det som visas, över alla tabeller tillsammans. En kontroll med linjärprogrammering visar för varje dolt antal de värden som stämmer med allt som publiceras.",
  noise: "Antalen har fått ett slumpmässigt men fast tillägg (cell-nyckel-metoden): samma cell får samma värde i varje tabell, och inget antal från 1 till min_cell − 1 visas.",
};

const en: TableTexts = {
  missing: "Missing",
  yes: "Yes",
  no: "No",
  everyone: "Everyone",
  individuals: "individuals",
  size: "individuals in the group",
  improved: "Improved",
  unchanged: "Unchanged",
  worsened: "Worsened",
  reached: "Reached",
  notReached: "Not reached",
  withValue: "individuals with a value",
  count: (t, m) => `Distribution of ${t}${m ? " (several answers possible: an individual counts under every answer given)" : ""}`,
  crosstab: (r, c) => `${r} by ${c}`,
  change: (v, f, t) => `Change in ${v} from ${f} to ${t}`,
  attainment: (t, a, g) => `Goal attainment: ${t} at ${a} compared with the goal ${g}`,
  summary: (t) => `${t}: mean, median and quartiles`,
  among: (c) => `, among those where ${c}`,
  at: (l, t) => `${l} (${t})`,
  and: "and",
  or: "or",
  not: "not",
  ops: { "=": "is", "!=": "is not", "<": "is less than", "<=": "is at most", ">": "is greater than", ">=": "is at least", in: "is one of" },
  suppression:
    "Small numbers are suppressed: every count from 1 to min_cell − 1 is hidden, and further counts are hidden so that no hidden count can be derived from what is shown, over all tables together. An audit by linear programming gives, for every hidden count, the values consistent with everything published.",
  noise: "The counts carry a random but fixed perturbation (the cell-key method): the same cell gets the same value in every table, and no count from 1 to min_cell − 1 is shown.",
};

export function tableTexts(lang: string): TableTexts {
  return lang === "en" ? en : sv;
}
