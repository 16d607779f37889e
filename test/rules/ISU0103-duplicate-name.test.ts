import { HEAD } from "./plans.js";
import { at, PLAN, ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0103");

const shared = `${HEAD}variable alder "Ålder" : integer 0..120 at bedomning
group alder "Åldersgrupp" from alder {
  "Barn" = ..17
  "Vuxen" = 18..
}
variable kon "Kön" : kon at bedomning
question q "Q?" { count kon by alder }
`;
const lib = `// delade värdemängder\n\nvalueset kon "Kön" {\n  kvinna "Kvinna"\n  man "Man"\n  annat "Annat" other\n}\n`;
const importing = `import "./lib/gemensamt.isu"\n${HEAD}variable kon "Kön" : kon at bedomning\nquestion q "Q?" { count kon }\n`;

t.valid([{ name: "a variable and a value set may share a name", plan: `${HEAD}variable kon "Kön" : kon at bedomning\nquestion q "Q?" { count kon }\n`, clean: true }]);

t.invalid([
  {
    name: "says that variables and groups share one namespace",
    plan: shared,
    diagnostics: [
      {
        message: `group 'alder' has the same name as variable 'alder' (declared on line ${at(shared, "variable alder").line}); variables and groups share one namespace`,
        hint: "rename the group or the variable",
        ...at(shared, "alder", 2),
      },
    ],
  },
  {
    name: "reports the later declaration when the first comes from an imported file",
    files: { [PLAN]: importing, "/virtual/lib/gemensamt.isu": lib },
    diagnostics: [
      { file: PLAN, message: "value set 'kon' is declared twice (first in lib/gemensamt.isu on line 3)", hint: "rename this value set, or remove it if it is a copy", ...at(importing, "kon", 1) },
    ],
  },
]);
