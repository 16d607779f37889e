import { ageGroup, timeGroup } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0501", { defaultSeverity: "error" });

const shared = ageGroup(`  "18–64 år" = 18..64\n  "65–80 år" = 65..80\n  "80 år och äldre" = 80..\n`);
const decimal = timeGroup(`  "Kort" = 0..5.5\n  "Lång" = 5..\n`);

t.valid([{ name: "decimal bands are low-inclusive, high-exclusive: 0..5 and 5.. meet", plan: timeGroup(`  "Kort" = 0..5\n  "Lång" = 5..\n`), clean: true }]);

t.invalid([
  {
    name: "reports integer bands that share an end, and the fix starts the later band after it",
    plan: shared,
    diagnostics: [{ message: "bands overlap in group 'aldersgrupp': '80 år och äldre' (80..) and '65–80 år' (65..80) both hold 80", text: "80..", fixes: ["Start '80 år och äldre' at 81"] }],
    fix: { index: 0 },
    outputContains: [`"80 år och äldre" = 81..`],
    outputClean: true,
  },
  {
    name: "treats decimal bands as low-inclusive, high-exclusive",
    plan: decimal,
    diagnostics: [{ message: "bands overlap in group 'tidsgrupp': 'Lång' (5..) and 'Kort' (0..5.5) both hold from 5 to below 5.5" }],
    fix: { index: 0 },
    outputContains: [`"Lång" = 5.5..`],
  },
  {
    name: "offers no fix when one band lies inside another",
    plan: ageGroup(`  "Alla" = 18..120\n  "65–79 år" = 65..79\n`),
    diagnostics: [{ message: "bands overlap in group 'aldersgrupp': '65–79 år' (65..79) and 'Alla' (18..120) both hold 65..79", fixes: [] }],
  },
]);
