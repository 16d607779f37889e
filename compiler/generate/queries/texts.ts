// Words the manifest (queries.json) and the scripts' comments use for the
// counts columns, in the languages plans are written in. Labels from the plan
// itself come from the model.
import { inLanguage } from "../../vocabulary/languages.js";

export interface QueryTexts {
  basisTitle: string;
  meaning: {
    rowKind: (choices: boolean) => string;
    dim: (label: string) => string;
    category: (label: string) => string;
    multiple: (label: string) => string;
    row: (label: string) => string;
    column: (label: string) => string;
    scale: (label: string, tp: string) => string;
    value: (label: string) => string;
    n: (choices: boolean) => string;
    item: string;
    timepoint: string;
    variable: string;
    basisN: string;
  };
}

const sv: QueryTexts = {
  basisTitle: "Dataunderlag",
  meaning: {
    rowKind: (c) =>
      c
        ? "'individuals' = varje individ i populationen räknas en gång; 'choices' = en räkning per individ med svar och valt alternativ"
        : "'individuals' = varje individ i populationen räknas en gång",
    dim: (l) => `kod för jämförelsegruppen ${l} (NULL = uppgift saknas)`,
    category: (l) => `kod för svarsalternativet i ${l} (NULL = uppgift saknas)`,
    multiple: (l) => `${l}: på 'individuals'-rader * när individen har svarat (NULL = uppgift saknas), på 'choices'-rader det valda alternativets kod`,
    row: (l) => `kod för radvariabeln ${l} (NULL = uppgift saknas)`,
    column: (l) => `kod för kolumnvariabeln ${l} (NULL = uppgift saknas)`,
    scale: (l, tp) => `skalvärdets kod för ${l} vid ${tp} (NULL = uppgift saknas)`,
    value: (l) => `värdet av ${l} självt (NULL = uppgift saknas); raderna är värdenas fördelning`,
    n: (c) => (c ? "antal individer i cellen ('choices': antal individer som valt alternativet)" : "antal individer i cellen"),
    item: "'individuals' = alla individer, 'registrations' = individer med registrering vid tidpunkten, 'missing' = registrerade utan användbart värde",
    timepoint: "tidpunkten (NULL för 'individuals')",
    variable: "variabeln (endast för 'missing')",
    basisN: "antal individer",
  },
};

const en: QueryTexts = {
  basisTitle: "Data basis",
  meaning: {
    rowKind: (c) =>
      c
        ? "'individuals' = every individual of the population counted once; 'choices' = one count per answered individual and chosen option"
        : "'individuals' = every individual of the population counted once",
    dim: (l) => `code of the comparison group ${l} (NULL = missing)`,
    category: (l) => `code of the answer option of ${l} (NULL = missing)`,
    multiple: (l) => `${l}: on 'individuals' rows * when the individual answered (NULL = missing), on 'choices' rows the chosen option's code`,
    row: (l) => `code of the row variable ${l} (NULL = missing)`,
    column: (l) => `code of the column variable ${l} (NULL = missing)`,
    scale: (l, tp) => `code of the scale value of ${l} at ${tp} (NULL = missing)`,
    value: (l) => `the value of ${l} itself (NULL = missing); the rows are the values' histogram`,
    n: (c) => (c ? "number of individuals in the cell ('choices': individuals who chose the option)" : "number of individuals in the cell"),
    item: "'individuals' = all individuals, 'registrations' = individuals with a registration at the time point, 'missing' = registered without a usable value",
    timepoint: "the time point (NULL for 'individuals')",
    variable: "the variable (only for 'missing')",
    basisN: "number of individuals",
  },
};

export function queryTexts(lang: string): QueryTexts {
  return inLanguage({ sv, en }, lang, "sv");
}
