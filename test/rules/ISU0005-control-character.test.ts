import { planLead } from "./plans.js";
import { at, ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0005", { defaultSeverity: "error", fixed: true });

const withEsc = planLead(`valueset kon "Kön" {\n  kvinna "Kvin\u001b[2Jna"\n  man "Man"\n  annat "Annat" other\n}\nvariable kon "Kön" : kon at bedomning\nquestion q "Q" { count kon }`);

t.valid([{ name: "a tab written as \\t is no control character", plan: withEsc.replace("\u001b[2J", "\\t"), clean: true }]);

t.invalid([
  {
    name: "an escape character inside a text, at the character",
    plan: withEsc,
    diagnostics: [
      {
        message: "control character U+001B ESC in a text",
        hint: "delete the invisible character; write a tab as \\t and a line break as \\n",
        ...at(withEsc, "\u001b"),
        endColumn: at(withEsc, "\u001b").column + 1,
      },
    ],
    others: [],
  },
]);
