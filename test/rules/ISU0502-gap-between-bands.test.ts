import { ageGroup, timeGroup } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0502", { defaultSeverity: "warning" });

const gap = ageGroup(`  "18–64 år" = 18..64\n  "70 år och äldre" = 70..\n`);
const gapDiagnostic = {
  severity: "warning" as const,
  message: "gap in group 'aldersgrupp': values 65..69 lie between '18–64 år' (18..64) and '70 år och äldre' (70..) and belong to no entry",
  text: "70..",
  fixes: ["Start '70 år och äldre' at 65", "End '18–64 år' at 69"],
};

t.valid([{ name: "judges gaps against the declared range: 6..9 lies below 18, so no individual can have it", plan: ageGroup(`  "Unga" = ..5\n  "Övriga" = 10..\n`) }]);

t.invalid([
  {
    name: "reports the values between two integer bands, with fixes on either side: the later band starts earlier",
    plan: gap,
    diagnostics: [gapDiagnostic],
    others: [],
    fix: { index: 0 },
    outputClean: true,
  },
  {
    name: "reports the values between two integer bands, with fixes on either side: the earlier band ends later",
    plan: gap,
    diagnostics: [gapDiagnostic],
    others: [],
    fix: { index: 1 },
    outputClean: true,
  },
  {
    name: "judges gaps against the declared range",
    plan: ageGroup(`  "Unga" = ..10\n  "Övriga" = 20..\n`),
    diagnostics: [{ message: /values 18\.\.19 lie between 'Unga' \(\.\.10\) and 'Övriga' \(20\.\.\)/ }],
  },
  {
    name: "sees decimal bands meeting exactly as contiguous, and a gap between them in words",
    plan: timeGroup(`  "Kort" = 0..5\n  "Lång" = 6..\n`),
    diagnostics: [{ message: /values from 5 to below 6 lie between 'Kort' \(0\.\.5\) and 'Lång' \(6\.\.\)/ }],
  },
]);
