import { bound } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0705", { defaultSeverity: "error" });

t.valid([{ name: "a known system", plan: bound(`code kva "DV001"`), clean: true }]);

t.invalid([
  {
    name: "refuses an unknown system and suggests kva for kvå",
    plan: bound(`code kvå "DV001"`),
    diagnostics: [{ message: "unknown classification system 'kvå' on value 'avlosning' of value set 'insats'", text: "kvå" }],
    fix: { index: 0 },
    outputClean: true,
  },
]);
