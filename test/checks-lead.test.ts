// Checks added by the lead: ISU0105 reserved-name.
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";

const plan = (body: string) => `plan p "P" {
  language sv
  purpose "Test."
}
timepoint bedomning "Bedömning" { when "vid utredning" }
${body}
`;
const run = (text: string) => compile("/virtual/plan.isu", { host: { readFile: (p) => (p === "/virtual/plan.isu" ? text : undefined) } });

describe("ISU0105 reserved-name", () => {
  it("reports the pseudonymous key used as a variable name, at the name", () => {
    const c = run(plan(`variable individ_id "Id" : integer 0..9 at bedomning\nquestion q "Q" { summary individ_id }`));
    const d = c.diagnostics.filter((x) => x.code === "ISU0105");
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toBe("variable 'individ_id' has a name the generated database uses for its own column or table");
    expect(d[0]!.range.start).toMatchObject({ line: 6, column: 10 });
    expect(d[0]!.range.end).toMatchObject({ line: 6, column: 20 });
  });

  it("reports a multiple-choice table name longer than 63 bytes", () => {
    const long = "insatser_som_beviljats_under_hela_utredningstiden_ar";
    const c = run(plan(`valueset i "I" {\n  a "A"\n  annat "Annat" other\n}\nvariable ${long} "L" : multiple i at bedomning\nquestion q "Q" { count ${long} }`));
    const d = c.diagnostics.filter((x) => x.code === "ISU0105");
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toContain(`'reg_bedomning__${long}', ${("reg_bedomning__" + long).length} bytes long; PostgreSQL keeps 63`);
  });

  it("is silent on ordinary names", () => {
    const c = run(plan(`variable alder "Ålder" : integer 0..120 at bedomning\nquestion q "Q" { summary alder }`));
    expect(c.diagnostics.filter((x) => x.code === "ISU0105")).toEqual([]);
  });
});

describe("time point order: the plan's `timepoints` setting and ISU0903 timepoint-order", () => {
  // A shared module declares the follow-up; imports come first in declaration order.
  const modul = `timepoint uppf_12m "Uppföljning 12 månader"
valueset skala "Skala" ordinal better higher {
  1 "Låg"
  2 "Hög"
  9 "Vet ej" missing
}
`;
  const rootPlan = (setting: string) => `import "./modul.isu"
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
  const files = (setting: string): Record<string, string> => ({ "/virtual/plan.isu": rootPlan(setting), "/virtual/modul.isu": modul });
  const runFiles = (fs: Record<string, string>) => compile("/virtual/plan.isu", { host: { readFile: (p) => fs[p] } });
  const codes = (c: ReturnType<typeof runFiles>) => c.diagnostics.map((d) => d.code);
  const applyFix = (text: string, d: ReturnType<typeof runFiles>["diagnostics"][number]) => {
    const e = d.fixes![0]!.edits[0]!;
    return text.slice(0, e.range.start.offset) + e.newText + text.slice(e.range.end.offset);
  };

  it("without the setting an imported time point comes first, and ISU0305's hint says so", () => {
    const c = runFiles(files(""));
    expect(c.resolution.timepointOrder.get("uppf_12m")).toBe(0);
    const d = c.diagnostics.filter((x) => x.code === "ISU0305");
    expect(d).toHaveLength(1);
    expect(d[0]!.hint).toContain("time points from imported files come first; state the order with 'timepoints a, b, c' in the plan block");
  });

  it("with the setting the module's time point is ordered after the plan's own, and the plan checks clean", () => {
    const c = runFiles(files("timepoints inskrivning, uppf_12m"));
    expect(codes(c)).toEqual([]);
    expect([...c.resolution.timepointOrder.entries()]).toEqual([["inskrivning", 0], ["uppf_12m", 1]]);
    expect(c.model!.timepoints.map((t) => [t.name, t.order])).toEqual([["inskrivning", 0], ["uppf_12m", 1]]);
  });

  it("records each listed name as a reference to its time point (go to definition, rename)", () => {
    const c = runFiles(files("timepoints inskrivning, uppf_12m"));
    const refs = c.resolution.refs.filter((x) => x.role === "plan-order");
    expect(refs.map((x) => [x.name, x.target?.file, x.range.start.line])).toEqual([["inskrivning", "/virtual/plan.isu", 5], ["uppf_12m", "/virtual/modul.isu", 5]]);
  });

  it("reports a declared time point missing from the list, with a fix that appends it", () => {
    const fs = files("timepoints inskrivning");
    const c = runFiles(fs);
    const d = c.diagnostics.filter((x) => x.code === "ISU0903");
    expect(codes(c)).toEqual(["ISU0903"]);
    expect(d[0]!.message).toBe("'timepoints' does not list time point 'uppf_12m'");
    expect(d[0]!.range.start).toMatchObject({ line: 5, column: 14 });
    const fixed = applyFix(fs["/virtual/plan.isu"]!, d[0]!);
    expect(fixed).toContain("timepoints inskrivning, uppf_12m\n");
    expect(codes(runFiles({ ...fs, "/virtual/plan.isu": fixed }))).toEqual([]);
  });

  it("reports a time point named twice at the repeated name, with a fix that removes it", () => {
    const fs = files("timepoints inskrivning, uppf_12m, inskrivning");
    const c = runFiles(fs);
    const d = c.diagnostics.filter((x) => x.code === "ISU0903");
    expect(codes(c)).toEqual(["ISU0903"]);
    expect(d[0]!.message).toBe("time point 'inskrivning' is named twice in 'timepoints'");
    expect(d[0]!.range.start).toMatchObject({ line: 5, column: 37 });
    const fixed = applyFix(fs["/virtual/plan.isu"]!, d[0]!);
    expect(fixed).toContain("timepoints inskrivning, uppf_12m\n");
    expect(codes(runFiles({ ...fs, "/virtual/plan.isu": fixed }))).toEqual([]);
  });

  it("leaves an undeclared name to ISU0101, with did-you-mean", () => {
    const c = runFiles(files("timepoints inskrivning, uppf_12, uppf_12m"));
    expect(codes(c)).toEqual(["ISU0101"]);
    expect(c.diagnostics[0]!.message).toBe("undefined time point 'uppf_12'");
    expect(c.diagnostics[0]!.hint).toBe("did you mean 'uppf_12m'?");
  });

  it("reports the setting given twice (ISU0902)", () => {
    const c = runFiles(files("timepoints inskrivning, uppf_12m\n  timepoints inskrivning, uppf_12m"));
    expect(codes(c)).toEqual(["ISU0902"]);
  });
});

// Problems found by a user test: unread time points, reasons, follow-on errors, code formats.
