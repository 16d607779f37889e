import { ageGroup, livingGroup, planC } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0504", { defaultSeverity: "error" });

t.valid([{ name: "codes on a choice variable", plan: livingGroup(`  "Ensam" = ensam\n  "Med andra" = sambo, barn, annat\n`) }]);

t.invalid([
  {
    name: "refuses a group formed from free text",
    plan: planC(
      "",
      `variable ort "Ort" : text at bedomning { reason "Orten behövs för planeringen." }\ngroup ortgrupp "Ort" from ort {\n  "Staden" = stad\n}\nquestion q "Q" {\n  count kon\n  by ortgrupp\n}\n`,
    ),
    diagnostics: [{ message: "group 'ortgrupp' cannot be formed from 'ort': it is a free-text variable", text: "ort" }],
  },
  {
    name: "refuses bands on a choice variable",
    plan: livingGroup(`  "Några" = 1..2\n`),
    diagnostics: [{ message: "group 'boendegrupp' maps the range 1..2, but 'boende' is a choice variable (value set 'boende')", text: "1..2" }],
  },
  {
    name: "refuses codes on a number, with a fix to a range",
    plan: ageGroup(`  "Yngre" = 18, 19, 20\n  "Äldre" = 21..\n`),
    diagnostics: [{ message: "group 'aldersgrupp' maps the codes 18, 19, 20, but 'alder' is an integer variable", text: "18, 19, 20" }],
    fix: { index: 0 },
    outputClean: true,
  },
]);
