import { planC } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0902", { defaultSeverity: "error", fixed: true });

const settings = planC(`  language de\n  min_cell 0\n  expected 2.5\n  label en "Example"\n  label en "Sample"\n  note "a"\n  note "b"\n`, "");
const purposes = `plan p "P" {\n  language sv\n  purpose "Syfte."\n  purpose en "Purpose."\n  purpose en "Again."\n  note "A"\n  note en "A"\n  note "B"\n  note en "B"\n}\ntimepoint t "T"\n`;

t.valid([{ name: "several notes and their translations", plan: purposes.replace(`  purpose en "Again."\n`, "") }]);

t.invalid([
  {
    name: "checks language, min_cell, expected and repeated single-valued settings; the fix removes the repeated one",
    plan: settings,
    diagnostics: [
      { message: "'language' is given twice in plan 'exempel' (first on line 2)" },
      { message: "min_cell must be a whole number of at least 1, not 0", text: "0" },
      { message: "expected must be a whole number of at least 1, not 2.5" },
      { message: "'label en' is given twice in plan 'exempel' (first on line 7)" },
    ],
    others: [],
    fix: { index: 0 },
    output: settings.replace("  language de\n", ""),
    outputContains: [`  purpose "Att visa hur en regel fungerar."\n  min_cell 0\n`],
  },
  {
    name: "refuses a language other than sv or en",
    plan: planC("", "").replace("language sv", "language se"),
    diagnostics: [{ message: "unknown plan language 'se'", text: "se" }],
    fix: { index: 0 },
    outputClean: true,
  },
  {
    name: "reports a second `purpose en`, but not several translated notes",
    plan: purposes,
    diagnostics: [{ message: "'purpose en' is given twice in plan 'p' (first on line 4)", line: 5 }],
  },
]);
