import { planLead } from "./plans.js";
import { at, ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0006");

const withOverride = planLead(`valueset kon "Kön" {\n  kvinna "Kvinna\u202e"\n  man "Man"\n  annat "Annat" other\n}\nvariable kon "Kön" : kon at bedomning\nquestion q "Q" { count kon }`);

t.valid([{ name: "a text without direction controls", plan: withOverride.replace("\u202e", ""), clean: true }]);

t.invalid([
  {
    name: "a right-to-left override inside a text, at the character",
    plan: withOverride,
    diagnostics: [
      {
        message: "bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE in a text: what follows may display in another order than it reads",
        hint: "delete the invisible character unless a right-to-left text needs it",
        ...at(withOverride, "\u202e"),
      },
    ],
    others: [],
  },
]);
