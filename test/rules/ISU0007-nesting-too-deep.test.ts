import { planLead } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0007", { defaultSeverity: "error", fixed: true });

const nested = (levels: number): string =>
  planLead(
    `valueset kon "Kön" {\n  kvinna "Kvinna"\n  man "Man"\n  annat "Annat" other\n}\nvariable kon "Kön" : kon at bedomning\nquestion q "Q" {\n  count kon\n  where ${"(".repeat(levels)}kon = kvinna${")".repeat(levels)}\n}`,
  );

t.valid([{ name: "64 levels of parentheses are read", plan: nested(63), clean: true }]);

t.invalid([
  {
    name: "a condition nested deeper than 64 levels",
    plan: nested(70),
    diagnostics: [
      {
        message: "this condition nests deeper than 64 levels of 'not' and parentheses; the rest of it is not read",
        hint: "remove redundant 'not' pairs and parentheses so the condition nests at most 64 levels",
      },
    ],
    others: [],
  },
]);
