import { sensitive } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0603", { defaultSeverity: "warning" });

t.valid([{ name: "a sensitive variable in a plan with a legal basis", plan: sensitive("health", `  legal_basis "SoLPuL"\n`), clean: true }]);

t.invalid([
  {
    name: "asks for a legal basis when a variable is sensitive",
    plan: sensitive("health"),
    diagnostics: [{ message: "variable 'diagnos' holds sensitive data (health) but plan 'exempel' states no legal basis", text: "health" }],
    others: [],
  },
]);
