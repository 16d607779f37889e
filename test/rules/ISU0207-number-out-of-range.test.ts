import { planLead } from "./plans.js";
import { at, ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0207", { defaultSeverity: "error", fixed: true });

const income = (range: string): string => planLead(`variable inkomst "Inkomst" : integer ${range} unit "kr" at bedomning\nquestion q "Q" { summary inkomst }`);

t.valid([{ name: "the largest value an integer column holds", plan: income("0..2147483647"), clean: true }]);

t.invalid([
  {
    name: "a bound beyond the integer columns, at the bound",
    plan: income("0..3000000000"),
    diagnostics: [
      {
        message: "the bound 3000000000 is outside the integer range -2147483648..2147483647 that the generated columns hold",
        hint: "use a number between -2147483648 and 2147483647, or leave that end of the range open (e.g. '0..')",
        ...at(income("0..3000000000"), "3000000000"),
        endColumn: at(income("0..3000000000"), "3000000000").column + 10,
      },
    ],
    others: [],
  },
]);
