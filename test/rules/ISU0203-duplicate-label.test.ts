import { HEAD } from "./plans.js";
import { at, ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0203");

const translations = `plan p "P" {\n  language sv\n  translations en\n  purpose "S."\n}\ntimepoint bedomning "B"
valueset boende "Boendeform" {
  ensam "Ensamboende" { label en "Living alone" }
  sambo "Sammanboende" { label en "Cohabiting" }
  gift "Gift" { label en "cohabiting " }
  gift "Gift" { label en "Married" }
}
`;
const entries = `${HEAD}variable alder "Ålder" : integer 0..120 at bedomning\ngroup g "G" from alder {\n  "Vuxen" = ..64\n  "vuxen" = 65..\n}\nquestion q "Q?" { count g }\n`;

t.valid([{ name: "labels of their own", plan: entries.replace('"vuxen" = 65..', '"Äldre" = 65..'), clean: true }]);

t.invalid([
  {
    name: "compares translations per language and leaves same-code pairs to ISU0202",
    plan: translations,
    diagnostics: [
      {
        severity: "warning",
        message: `'gift' has the same label (label en) as 'sambo' in value set 'boende': "cohabiting "`,
        hint: "give 'gift' a label of its own, so forms and tables can tell the two apart",
        ...at(translations, '"cohabiting "'),
      },
    ],
    counts: { ISU0202: 1 },
  },
  {
    name: "checks the labels of group entries",
    plan: entries,
    diagnostics: [{ message: `entry 2 has the same label as entry 1 in group 'g': "vuxen"`, ...at(entries, '"vuxen"') }],
  },
]);
