import { planC } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0701", { defaultSeverity: "warning" });

const set = (values: string, scale = "", lang = "sv"): string =>
  planC("", `valueset stod "Stöd" ${scale}{\n${values}}\nvariable stod "Stöd" : stod at bedomning\nquestion s "S" {\n  count stod\n}\n`).replace("language sv", `language ${lang}`);

t.valid([
  { name: "a value set with a missing value passes", plan: set(`  ja "Ja"\n  nej "Nej"\n  vet_ej "Vet ej" missing\n`), clean: true },
  { name: "an ordinal value set passes", plan: set(`  0 "Aldrig"\n  1 "Ibland"\n`, "ordinal better higher ") },
]);

t.invalid([
  {
    name: 'adds `annat "Annat" other` before the closing brace',
    plan: set(`  ja "Ja"\n  nej "Nej"\n`),
    diagnostics: [{ message: "value set 'stod' has no 'other' value for answers that fit no category", text: "stod" }],
    others: [],
    fix: { index: 0 },
    outputContains: [`  nej "Nej"\n  annat "Annat" other\n}`],
    outputClean: true,
  },
  {
    name: "uses a code that parses in an English plan (`other` is a keyword)",
    plan: set(`  yes "Yes"\n  no "No"\n`, "", "en"),
    diagnostics: [{ message: /./, fixes: [`Add 'other_option "Other" other'`] }],
    fix: { index: 0 },
    output: set(`  yes "Yes"\n  no "No"\n  other_option "Other" other\n`, "", "en"),
    outputClean: true,
  },
  {
    name: "marks an existing value labelled Annat as other",
    plan: set(`  ja "Ja"\n  ovrigt "Annat"\n`),
    diagnostics: [{ message: /./ }],
    fix: { index: 0 },
    outputContains: [`ovrigt "Annat" other\n`],
  },
  {
    name: "recognises the other words of either language, whatever their case: Övrigt and Other",
    plan: set(`  ja "Ja"\n  rest "Övrigt"\n  more " other "\n`),
    diagnostics: [{ message: /./, fixes: ["Mark 'rest' as other"] }],
    fix: { index: 0 },
    outputContains: [`rest "Övrigt" other\n`],
  },
]);
