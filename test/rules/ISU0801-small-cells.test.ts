import { describe, expect, it } from "vitest";
import { ALDER_C, BOENDE_C, planC } from "./plans.js";
import { ruleTester, runPlan } from "../support/rule-tester.js";

const t = ruleTester("ISU0801", { defaultSeverity: "info" });

const split = (settings: string, analysis: string, by: string): string =>
  planC(
    settings,
    `${BOENDE_C}${ALDER_C}group aldersgrupp "Åldersgrupp" from alder {\n  "18–64 år" = 18..64\n  "65–79 år" = 65..79\n  "80 år och äldre" = 80..\n}\nquestion q "Q" {\n  ${analysis}\n  by ${by}\n}\n`,
  );
const small = split("  expected 100\n", "count kon", "aldersgrupp * boende");

t.valid([
  { name: "counts only the split for summaries", plan: split("  expected 100\n", "summary alder", "aldersgrupp * boende"), clean: true },
  // About 2.8 a cell is not below min_cell 2; that low a min_cell is itself ISU0802's warning.
  { name: "respects min_cell", plan: split("  expected 100\n  min_cell 2\n", "count kon", "aldersgrupp * boende"), counts: { ISU0802: 1 } },
  { name: "says nothing without `expected`", plan: split("", "count kon", "aldersgrupp * boende"), clean: true },
  { name: "judges each split of a list on its own", plan: split("  expected 100\n", "count kon", "aldersgrupp, boende"), clean: true },
]);

t.invalid([
  {
    name: "gives the figures: expected over the product of categories, missing codes excluded",
    plan: small,
    diagnostics: [
      {
        severity: "info",
        message: "question 'q' by aldersgrupp * boende: about 2.8 individuals a cell (100 expected over 36 cells: aldersgrupp 3 × boende 4 × kon 3), below min_cell 5",
        text: "aldersgrupp * boende",
      },
    ],
    others: [],
  },
]);

describe("ISU0801 small-cells: an information", () => {
  it("is no error: the plan builds, and the model keeps it open", () => {
    const c = runPlan(small);
    expect(c.errors).toBe(0);
    expect(c.model?.openDiagnostics.map((x) => x.code)).toEqual(["ISU0801"]);
  });
  it("with min_cell 2, only ISU0802 is reported", () => {
    expect(runPlan(split("  expected 100\n  min_cell 2\n", "count kon", "aldersgrupp * boende")).diagnostics.map((d) => d.code)).toEqual(["ISU0802"]);
  });
});
