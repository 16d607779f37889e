import { planC } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0602", { defaultSeverity: "warning" });

t.valid([{ name: "free text with a reason", plan: planC("  rule ISU0601 off\n", `variable behov "Behov" : text at bedomning { reason "Behoven är för olika." }\n`), clean: true }]);

t.invalid([
  {
    name: "reports free text without a reason, not the description of an other answer",
    plan: planC("  rule ISU0601 off\n", `variable behov "Behov" : text at bedomning\nvariable kon_annat "Kön, annat" : text at bedomning { when kon = annat }\n`),
    diagnostics: [{ message: "free-text variable 'behov' has no stated reason", text: "behov" }],
    others: [],
  },
]);
