import { bound } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0704", { defaultSeverity: "warning" });

t.valid([
  { name: "a KSI code with its version", plan: bound(`code ksi 2022 "VEB PH ZZ"`), clean: true },
  { name: "no other system needs a version", plan: bound(`code icf "d640"`), clean: true },
]);

t.invalid([
  {
    name: "asks KSI codes for their version",
    plan: bound(`code ksi "VEB PH ZZ"`),
    diagnostics: [{ message: "KSI code 'VEB PH ZZ' on value 'avlosning' of value set 'insats' has no version", text: `code ksi "VEB PH ZZ"` }],
  },
]);
