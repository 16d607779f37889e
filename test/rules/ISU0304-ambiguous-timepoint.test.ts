import { describe, expect, it } from "vitest";
import { boende, forflyttning, KON, mal, planB } from "./plans.js";
import { codeMessages, ruleTester, runPlan, span } from "../support/rule-tester.js";

const t = ruleTester("ISU0304", { defaultSeverity: "error" });

const crosstab = planB(`${KON}${forflyttning("bedomning, uppfoljning")}question behov "Behov" {\n  crosstab forflyttning by kon\n}\n`);
const splits = planB(`${forflyttning("bedomning, uppfoljning")}${boende("bedomning, uppfoljning")}question q "Q" { count forflyttning at uppfoljning by boende where boende = ensam }\n`);

t.valid([{ name: "splits and conditions need no 'at': they use the record known when the analysis reads", plan: splits, clean: true }]);

t.invalid([
  {
    name: "offers each time point; the first fix makes the plan clean",
    plan: crosstab,
    diagnostics: [
      {
        message: "question 'behov': variable 'forflyttning' is recorded at 'bedomning' and 'uppfoljning'; the analysis does not say at which",
        ...span(crosstab, "forflyttning", "crosstab forflyttning by"),
        hint: "write 'forflyttning at bedomning' (or at 'uppfoljning')",
        fixes: ["Read 'forflyttning' at 'bedomning'", "Read 'forflyttning' at 'uppfoljning'"],
      },
    ],
    others: [],
    fix: { index: 0 },
    outputContains: ["crosstab forflyttning at bedomning by kon"],
    outputClean: true,
  },
  {
    name: "an attainment's measurement suggests its latest time point first",
    plan: planB(`${forflyttning("bedomning, uppfoljning")}${mal("bedomning")}question mal "Mål" { attainment forflyttning against forflyttning_mal }\n`),
    diagnostics: [{ message: /./, fixes: ["Read 'forflyttning' at 'uppfoljning'", /./] }],
    others: [],
  },
]);

describe("ISU0304 ambiguous-timepoint: the record a split reads", () => {
  it("is the one at the analysis' time point", () => {
    const c = runPlan(splits);
    expect(codeMessages(c)).toEqual([]);
    expect(c.model!.questions[0]!.splits[0]!.parts[0]).toEqual({ kind: "variable", name: "boende", timepoint: "uppfoljning" });
  });
});
