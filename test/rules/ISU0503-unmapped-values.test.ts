import { ageGroup, livingGroup, planC, timeGroup } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0503", { defaultSeverity: "warning" });

const below = ageGroup(`  "65–79 år" = 65..79\n  "80 år och äldre" = 80..\n`);
const open = planC("", `variable alder "Ålder" : integer at bedomning\ngroup aldersgrupp "Åldersgrupp" from alder {\n  "65 år och äldre" = 65..\n}\nquestion q "Q" {\n  count aldersgrupp\n}\n`);
const codes = livingGroup(`  ensam "Bor ensam" = ensam\n  andra "Bor med andra" = sambo\n`);

t.valid([{ name: "bands that cover the declared range", plan: ageGroup(`  "18–64 år" = 18..64\n  "65 år och äldre" = 65..\n`), clean: true }]);

t.invalid([
  {
    name: "reports the part of the declared range below the first band (18..120 with 65..79, 80..)",
    plan: below,
    diagnostics: [{ message: "values 18..64 of 'alder' (integer 18..120) belong to no entry of group 'aldersgrupp'", text: "aldersgrupp" }],
    others: [],
    fix: { index: 0 },
    outputContains: [`{\n  "18–64 år" = 18..64\n  "65–79 år" = 65..79\n`],
    outputClean: true,
  },
  {
    name: "reports both ends at once",
    plan: ageGroup(`  "65–79 år" = 65..79\n`),
    diagnostics: [{ message: "values 18..64 and 80..120 of 'alder' (integer 18..120) belong to no entry of group 'aldersgrupp'" }],
  },
  {
    name: "reports a range the variable does not declare",
    plan: open,
    diagnostics: [{ message: "values ..64 of 'alder' (integer without a declared range) belong to no entry of group 'aldersgrupp'", hint: /declare the range/ }],
  },
  {
    name: "reports codes of the value set that no entry maps, but not missing codes",
    plan: codes,
    diagnostics: [{ message: "values 'barn' and 'annat' of value set 'boende' are mapped by no entry of group 'boendegrupp'" }],
    fix: { index: 0 },
    outputContains: [`  "Bor med barn" = barn\n  "Annat boende" = annat\n}`],
    outputClean: true,
  },
  {
    name: "points out that a decimal band ending at the range's top leaves the top out",
    plan: timeGroup(`  "Kort" = 0..5\n  "Lång" = 5..10\n`),
    diagnostics: [{ message: "value 10 of 'tid' (decimal 0..10) belongs to no entry of group 'tidsgrupp'" }],
    fix: { index: 0 },
    outputContains: [`"Lång" = 5..\n`],
  },
]);
