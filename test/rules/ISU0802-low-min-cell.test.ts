import { planC, sensitive } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0802");

t.valid([
  { name: "the default min_cell", plan: planC("", ""), clean: true },
  { name: "min_cell 3 with sensitive data", plan: sensitive("health", `  legal_basis "SoLPuL"\n  min_cell 3\n`), clean: true },
]);

t.invalid([
  { name: "a low min_cell is a warning", plan: planC("  min_cell 2\n", ""), diagnostics: [{ message: /min_cell 2/, severity: "warning" }], others: [] },
  {
    name: "min_cell 1 with sensitive data is an error, naming the sensitive variable",
    plan: sensitive("health", `  legal_basis "SoLPuL"\n  min_cell 1\n`),
    diagnostics: [
      { message: "min_cell 1 hides no count at all, and the plan holds sensitive data ('diagnos' is sensitive health): its tables could reveal individuals", severity: "error", text: "1" },
    ],
    others: [],
  },
]);
