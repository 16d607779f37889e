import { describe, expect, it } from "vitest";
import { ALDER_B, ALDERSGRUPP_B, KON, planB } from "./plans.js";
import { ruleTester, runPlan, span } from "../support/rule-tester.js";

const t = ruleTester("ISU0309", { defaultSeverity: "error" });

const count = planB(`${ALDER_B}${ALDERSGRUPP_B}question q "Q" {\n  count alder\n}\n`);
const countDiagnostic = {
  message: "question 'q': count needs categories, but 'alder' is an integer",
  ...span(count, "alder", "count alder"),
  hint: "use its group 'aldersgrupp' instead",
  fixes: ["Use group 'aldersgrupp'", "Use 'summary alder'"],
};

t.valid([
  { name: "counting a multiple-choice variable is allowed", plan: planB(`${KON}variable insats "Insatser" : multiple insatser at bedomning\nquestion q "Q" { count insats by kon }\n`), clean: true },
]);

t.invalid([
  { name: "counting a number that has a group: the preferred fix counts the group", plan: count, diagnostics: [countDiagnostic], others: [], outputClean: true },
  { name: "counting a number that has a group: or summarise it", plan: count, diagnostics: [countDiagnostic], others: [], fix: { index: 1 }, outputClean: true },
  {
    name: "a crosstab by a date",
    plan: planB(`${KON}variable beslut "Beslutsdatum" : date at bedomning\nquestion q "Q" { crosstab kon by beslut }\n`),
    diagnostics: [{ message: "question 'q': crosstab needs categories, but 'beslut' is a date", fixes: [] }],
    others: [],
  },
]);

describe("ISU0309 not-categorical: which fix is preferred", () => {
  it("the group", () => {
    expect(runPlan(count).diagnostics[0]!.fixes!.map((f) => [f.title, f.preferred])).toEqual([
      ["Use group 'aldersgrupp'", true],
      ["Use 'summary alder'", undefined],
    ]);
  });
});
