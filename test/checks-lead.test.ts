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
