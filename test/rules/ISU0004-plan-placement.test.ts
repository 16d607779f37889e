import { HEAD } from "./plans.js";
import { at, PLAN, ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0004");

const other = `plan andra "Andra" {\n  language sv\n  purpose "Syfte."\n}\nvalueset kon "Kön" {\n  kvinna "Kvinna"\n  man "Man"\n  annat "Annat" other\n}\n`;
const importer = `import "./lib/andra.isu"\nplan p "P" {\n  language sv\n  purpose "Syfte."\n}\ntimepoint bedomning "Bedömning"\nvariable kon "Kön" : kon at bedomning\nquestion q "Fråga?" { count kon }\n`;
const three = `${HEAD}plan tva "Två" { language sv }\nplan tre "Tre" { language sv }\nvariable kon "Kön" : kon at bedomning\nquestion q "Fråga?" { count kon }\n`;

t.valid([{ name: "checked on its own, the imported file is a valid plan", files: { "/virtual/lib/andra.isu": other }, root: "/virtual/lib/andra.isu" }]);

t.invalid([
  {
    name: "reports an imported file with a plan at the import that brings it in",
    files: { [PLAN]: importer, "/virtual/lib/andra.isu": other },
    diagnostics: [
      { file: PLAN, message: "imported file 'lib/andra.isu' declares plan 'andra'; only the checked file may declare a plan", hint: /^import a module without a plan block/, line: 1, column: 8 },
    ],
  },
  {
    name: "reports every plan after the first in the checked file at its name",
    plan: three,
    diagnostics: [
      { message: "a second plan 'tva' in this file; a file declares at most one plan (the first is 'exempel' on line 1)", ...at(three, "tva") },
      { message: "a second plan 'tre' in this file; a file declares at most one plan (the first is 'exempel' on line 1)", hint: "remove this plan block, or move plan 'tre' into a file of its own" },
    ],
  },
]);
