import { describe, expect, it } from "vitest";
import { DIALECTS } from "../../compiler/sql/dialects/index.js";
import { registrationTable } from "../../compiler/sql/storage.js";
import { containing, only, ruleTester, runPlan } from "../support/rule-tester.js";

const t = ruleTester("ISU0105");

const plan = (body: string): string => `plan p "P" {
  language sv
  purpose "Test."
}
timepoint bedomning "Bedömning" { when "vid utredning" }
${body}
`;
const long = "insatser_som_beviljats_under_hela_utredningstiden_ar";

t.valid([{ name: "is silent on ordinary names", plan: plan(`variable alder "Ålder" : integer 0..120 at bedomning\nquestion q "Q" { summary alder }`) }]);

t.invalid([
  {
    name: "reports the pseudonymous key used as a variable name, at the name",
    plan: plan(`variable individ_id "Id" : integer 0..9 at bedomning\nquestion q "Q" { summary individ_id }`),
    diagnostics: [{ message: "variable 'individ_id' has a name the generated database uses for its own column or table", line: 6, column: 10, endLine: 6, endColumn: 20 }],
  },
  {
    name: "reports a multiple-choice table name longer than 63 bytes",
    plan: plan(`valueset i "I" {\n  a "A"\n  annat "Annat" other\n}\nvariable ${long} "L" : multiple i at bedomning\nquestion q "Q" { count ${long} }`),
    diagnostics: [{ message: containing(`'reg_bedomning__${long}', ${("reg_bedomning__" + long).length} bytes long; PostgreSQL keeps 63`) }],
  },
]);

// The limit is the dialect files' (maxIdentifierBytes), the strictest of them.
describe("ISU0105 reserved-name: the identifier limit", () => {
  it("holds table names to the strictest dialect's identifier limit, named in the message", () => {
    const limits = Object.values(DIALECTS).flatMap((d) => (d.maxIdentifierBytes === undefined ? [] : [{ title: d.title, bytes: d.maxIdentifierBytes }]));
    const strictest = limits.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    expect(strictest).toEqual({ title: "PostgreSQL", bytes: 63 });
    const timepoint = (bytes: number) => "t" + "x".repeat(bytes - registrationTable("t").length);
    const at = (name: string) =>
      only(
        runPlan(`plan p "P" {\n  language sv\n  purpose "Test."\n}\ntimepoint ${name} "T" { when "då" }\nvariable alder "Ålder" : integer 0..120 at ${name}\nquestion q "Q" { summary alder }\n`),
        "ISU0105",
      );
    expect(registrationTable(timepoint(strictest.bytes))).toHaveLength(strictest.bytes);
    expect(at(timepoint(strictest.bytes))).toEqual([]);
    const over = at(timepoint(strictest.bytes + 1));
    expect(over.map((d) => d.message)).toEqual([
      `time point '${timepoint(strictest.bytes + 1)}' needs the table '${registrationTable(timepoint(strictest.bytes + 1))}', ${strictest.bytes + 1} bytes long; ${strictest.title} keeps ${strictest.bytes}`,
    ]);
    expect(over[0]!.hint).toBe("shorten the name by 1 characters");
  });
});
