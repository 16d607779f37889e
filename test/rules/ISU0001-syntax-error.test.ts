import { planLead } from "./plans.js";
import { at, ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0001", { defaultSeverity: "error", fixed: true });

const unterminated = planLead(`valueset kon "Kön" {\n  kvinna "Kvinna"\n  man "Man\n  annat "Annat" other\n}\nvariable kon "Kön" : kon at bedomning\nquestion q "Q" { count kon }`);

t.valid([{ name: "a plan that parses", plan: unterminated.replace('"Man\n', '"Man"\n'), clean: true }]);

t.invalid([
  {
    name: "a text that does not end on its line is reported from its opening quote",
    plan: unterminated,
    diagnostics: [
      {
        severity: "error",
        message: "unterminated text: a '\"' opens a text that does not end on the same line",
        hint: "remove the character or close the text or comment",
        ...at(unterminated, '"Man\n'),
      },
    ],
    others: [],
  },
]);
