import { sensitive } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0604", { defaultSeverity: "error" });

t.valid(
  ["ethnicity", "religion", "political", "union", "genetic", "biometric", "sexual_life", "sexual_orientation", "criminal"].map((cat) => ({
    name: `the category ${cat}`,
    plan: sensitive(cat, `  legal_basis "SoLPuL"\n`),
  })),
);

t.invalid([
  {
    name: "refuses an unknown category and suggests the closest",
    plan: sensitive("helth", `  legal_basis "SoLPuL"\n`),
    diagnostics: [{ message: "unknown sensitive-data category 'helth' on variable 'diagnos'", text: "helth" }],
    fix: { index: 0 },
    outputClean: true,
  },
]);
