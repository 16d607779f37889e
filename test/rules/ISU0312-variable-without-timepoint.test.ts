import { describe, expect, it } from "vitest";
import { planB } from "./plans.js";
import { codeMessages, ruleTester, runPlan, span } from "../support/rule-tester.js";

const t = ruleTester("ISU0312", { defaultSeverity: "error" });

const several = planB(`variable alder "Ålder" : integer 18..120 unit "år"\nquestion q "Q" { summary alder }\n`);
const none = `plan p "P" {\n  language sv\n  purpose "Att visa."\n}\nvalueset kon "Kön" { kvinna "Kvinna" man "Man" annat "Annat" other }\nvariable kon "Kön" : kon\nquestion q "Q" { count kon }\n`;
const one = `plan p "P" {\n  language sv\n  purpose "Att visa."\n}\ntimepoint bedomning "Bedömning" { when "vid utredning" }\nvalueset kon "Kön" { kvinna "Kvinna" man "Man" annat "Annat" other }\nvariable kon "Kön" : kon\nquestion q "Q" { count kon }\n`;

t.valid([{ name: "one time point: a variable without 'at' is recorded there", plan: one, clean: true }]);

t.invalid([
  {
    name: "several time points: one fix per time point, inserted after the type",
    plan: several,
    diagnostics: [
      {
        message: "variable 'alder' does not say when it is recorded; the plan has the time points 'bedomning' and 'uppfoljning'",
        ...span(several, "alder", "variable alder"),
        fixes: ["Record 'alder' at 'bedomning'", "Record 'alder' at 'uppfoljning'"],
      },
    ],
    others: [],
    fix: { index: 0 },
    outputContains: [`integer 18..120 unit "år" at bedomning\n`],
    outputClean: true,
  },
  { name: "no time point at all", plan: none, diagnostics: [{ message: "variable 'kon' is recorded at no time point: the plan declares none", ...span(none, "kon", "variable kon") }], others: [] },
]);

describe("ISU0312 variable-without-timepoint: the one time point", () => {
  it("is the variable's in the model", () => {
    const c = runPlan(one);
    expect(codeMessages(c)).toEqual([]);
    expect(c.model!.variables[0]!.timepoints).toEqual(["bedomning"]);
  });
});
