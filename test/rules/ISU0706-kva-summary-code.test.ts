import { bound } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0706", { defaultSeverity: "warning" });

t.valid([{ name: "a KVÅ code that is not a summary code", plan: bound(`code kva "DV001"`) }]);

t.invalid([
  {
    name: "warns on a KVÅ summary code",
    plan: bound(`code kva "DV000"`),
    diagnostics: [{ message: "KVÅ code 'DV000' on value 'avlosning' of value set 'insats' is a summary code", text: `"DV000"` }],
    others: [],
  },
]);
