import { describe, expect, it } from "vitest";
import { planB } from "./plans.js";
import { PLAN, ruleTester, run, span } from "../support/rule-tester.js";

const t = ruleTester("ISU0307", { defaultSeverity: "error" });

const shared = `valueset niva "Nivå" ordinal {\n  1 "Låg"\n  2 "Medel"\n  3 "Hög"\n}\n`;
const text = planB(
  `import "./gemensamt.isu"\nvariable trivsel "Trivsel" : niva at bedomning, uppfoljning { definition "Hur brukaren trivs." }\nquestion q "Q" {\n  change trivsel from bedomning to uppfoljning\n}\n`,
);
const files = { [PLAN]: text, "/virtual/gemensamt.isu": shared };

t.valid([{ name: "an ordinal value set that says which end is better", files: { [PLAN]: text, "/virtual/gemensamt.isu": shared.replace("ordinal {", "ordinal better higher {") }, clean: true }]);

t.invalid([
  {
    name: "fixes the value set in the imported file that declares it",
    files,
    diagnostics: [
      {
        message: "question 'q': change of 'trivsel' needs to know which end of value set 'niva' is better",
        file: PLAN,
        ...span(text, "trivsel", "change trivsel from"),
        fixes: ["Declare 'niva' ordinal better higher", "Declare 'niva' ordinal better lower"],
      },
    ],
    others: [],
    output: { [PLAN]: text, "/virtual/gemensamt.isu": shared.replace("ordinal {", "ordinal better higher {") },
    outputClean: true,
  },
]);

describe("ISU0307 ordinal-without-direction: the fix's edit", () => {
  it("is in the file that declares the value set, after 'ordinal'", () => {
    const edit = run(files).diagnostics[0]!.fixes![0]!.edits[0]!;
    expect(edit.file).toBe("/virtual/gemensamt.isu");
    expect(edit.range.start).toMatchObject({ line: 1, column: 29 });
  });
});
