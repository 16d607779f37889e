import { describe, expect, it } from "vitest";
import { planLead } from "./plans.js";
import { ruleTester, runPlan } from "../support/rule-tester.js";

const t = ruleTester("ISU0101", { fixed: true });

const invalidName = `variable närvaro "Närvaro" : integer 0..100 at bedomning\n`;

t.valid([
  {
    name: "after ISU0104: does not report a use of the name ISU0104 suggests for an invalid declared name",
    plan: planLead(`${invalidName}question q "Q" { summary narvaro }`),
    counts: { ISU0104: 1 },
  },
]);

t.invalid([
  {
    name: "after ISU0104: still reports other undefined names, with a suggestion",
    plan: planLead(`${invalidName}question q "Q" { summary narvar }`),
    diagnostics: [{ message: /./, hint: "did you mean 'närvaro'?" }],
  },
]);

describe("ISU0101 undefined-name after ISU0104 invalid-identifier", () => {
  it("only ISU0104 speaks, and its hint names the use's spelling", () => {
    const c = runPlan(planLead(`${invalidName}question q "Q" { summary narvaro }`));
    expect(c.diagnostics.map((d) => d.code)).toEqual(["ISU0104"]);
    expect(c.diagnostics[0]!.hint).toContain("use 'narvaro'");
  });
});
