import { describe, expect, it } from "vitest";
import { codeMessages, PLAN, ruleTester, run } from "../support/rule-tester.js";

const t = ruleTester("ISU0903");

// A shared module declares the follow-up; imports come first in declaration order.
const modul = `timepoint uppf_12m "Uppföljning 12 månader"
valueset skala "Skala" ordinal better higher {
  1 "Låg"
  2 "Hög"
  9 "Vet ej" missing
}
`;
const rootPlan = (setting: string): string => `import "./modul.isu"
plan p "P" {
  language sv
  purpose "Test."
  ${setting}
}
timepoint inskrivning "Inskrivning"
variable funktion "Funktion" : skala at inskrivning, uppf_12m {
  definition "Hur väl klienten klarar vardagen."
}
question q "Q" {
  change funktion from inskrivning to uppf_12m
}
`;
const files = (setting: string): Record<string, string> => ({ [PLAN]: rootPlan(setting), "/virtual/modul.isu": modul });
const codes = (setting: string): string[] => run(files(setting)).diagnostics.map((d) => d.code);

t.valid([{ name: "every time point listed once", files: files("timepoints inskrivning, uppf_12m"), clean: true }]);

t.invalid([
  {
    name: "reports a declared time point missing from the list, with a fix that appends it",
    files: files("timepoints inskrivning"),
    diagnostics: [{ message: "'timepoints' does not list time point 'uppf_12m'", file: PLAN, line: 5, column: 14 }],
    others: [],
    output: { [PLAN]: rootPlan("timepoints inskrivning, uppf_12m") },
    outputClean: true,
  },
  {
    name: "reports a time point named twice at the repeated name, with a fix that removes it",
    files: files("timepoints inskrivning, uppf_12m, inskrivning"),
    diagnostics: [{ message: "time point 'inskrivning' is named twice in 'timepoints'", file: PLAN, line: 5, column: 37 }],
    others: [],
    output: { [PLAN]: rootPlan("timepoints inskrivning, uppf_12m") },
    outputClean: true,
  },
]);

describe("time point order: the plan's `timepoints` setting", () => {
  it("without the setting an imported time point comes first, and ISU0305's hint says so", () => {
    const c = run(files(""));
    expect(c.resolution.timepointOrder.get("uppf_12m")).toBe(0);
    const d = c.diagnostics.filter((x) => x.code === "ISU0305");
    expect(d).toHaveLength(1);
    expect(d[0]!.hint).toContain("time points from imported files come first; state the order with 'timepoints a, b, c' in the plan block");
  });

  it("with the setting the module's time point is ordered after the plan's own, and the plan checks clean", () => {
    const c = run(files("timepoints inskrivning, uppf_12m"));
    expect(codeMessages(c)).toEqual([]);
    expect([...c.resolution.timepointOrder.entries()]).toEqual([
      ["inskrivning", 0],
      ["uppf_12m", 1],
    ]);
    expect(c.model!.timepoints.map((x) => [x.name, x.order])).toEqual([
      ["inskrivning", 0],
      ["uppf_12m", 1],
    ]);
  });

  it("records each listed name as a reference to its time point (go to definition, rename)", () => {
    const c = run(files("timepoints inskrivning, uppf_12m"));
    const refs = c.resolution.refs.filter((x) => x.role === "plan-order");
    expect(refs.map((x) => [x.name, x.target?.file, x.range.start.line])).toEqual([
      ["inskrivning", "/virtual/plan.isu", 5],
      ["uppf_12m", "/virtual/modul.isu", 5],
    ]);
  });

  it("leaves an undeclared name to ISU0101, with did-you-mean", () => {
    const c = run(files("timepoints inskrivning, uppf_12, uppf_12m"));
    expect(c.diagnostics.map((d) => d.code)).toEqual(["ISU0101"]);
    expect(c.diagnostics[0]!.message).toBe("undefined time point 'uppf_12'");
    expect(c.diagnostics[0]!.hint).toBe("did you mean 'uppf_12m'?");
  });

  it("reports the setting given twice (ISU0902)", () => {
    expect(codes("timepoints inskrivning, uppf_12m\n  timepoints inskrivning, uppf_12m")).toEqual(["ISU0902"]);
  });
});
