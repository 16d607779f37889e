import { describe, expect, it } from "vitest";
import { boende, KON, planB } from "./plans.js";
import { applyFix, codeMessages, ruleTester, runPlan, span } from "../support/rule-tester.js";

const t = ruleTester("ISU0302", { defaultSeverity: "error" });

const text = planB(`${KON}${boende("bedomning")}question bakgrund "Vilka brukare har vi?" {\n  count kon\n  crosstab kon by boende\n  by kon\n  where boende != annat\n}\n`);

t.valid([{ name: "one analysis a question", plan: planB(`${KON}question q "Q" { count kon }\n`), clean: true }]);

t.invalid([
  {
    name: "reports the extra analysis and moves it into a new question with the same split and condition",
    plan: text,
    diagnostics: [
      {
        message: "question 'bakgrund' has more than one analysis: 'crosstab' after 'count'",
        ...span(text, "crosstab kon by boende"),
        fixes: ["Move 'crosstab' to a new question 'bakgrund_crosstab'"],
      },
    ],
    others: [],
    outputContains: [`question bakgrund_crosstab "Vilka brukare har vi?" {\n  crosstab kon by boende\n  by kon\n  where boende != annat\n}`, `  count kon\n  by kon\n`],
    outputClean: true,
  },
]);

describe("ISU0302 several-analyses: the fixed plan", () => {
  it("has both questions, each with its analysis", () => {
    const [d] = runPlan(text).diagnostics;
    const after = runPlan(applyFix(text, d!));
    expect(codeMessages(after)).toEqual([]);
    expect(after.model!.questions.map((q) => q.analysis.kind)).toEqual(["count", "crosstab"]);
  });
});
