import { planC } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0707", { defaultSeverity: "warning" });

t.valid([{ name: "a plan with a purpose", plan: planC("", ""), clean: true }]);

t.invalid([
  { name: "reports a plan without a purpose", plan: planC("", "", ""), diagnostics: [{ message: "plan 'exempel' states no purpose", text: "exempel" }], others: [] },
  { name: "reports a plan with an empty purpose", plan: planC("", "", `  purpose """\n  """\n`), diagnostics: [{ message: "plan 'exempel' has an empty purpose" }] },
]);
