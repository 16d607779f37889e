import { describe, expect, it } from "vitest";
import { forflyttning, planB } from "./plans.js";
import { ruleTester, runPlan, span } from "../support/rule-tester.js";

const t = ruleTester("ISU0305", { defaultSeverity: "error" });

const backwards = planB(`${forflyttning("bedomning, uppfoljning")}question forandring "Förändring" {\n  change forflyttning from uppfoljning to bedomning\n}\n`);
const same = planB(`${forflyttning("bedomning, uppfoljning")}question forandring "Förändring" { change forflyttning from bedomning to bedomning }\n`);

t.valid([{ name: "a change from an earlier to a later time point", plan: backwards.replace("from uppfoljning to bedomning", "from bedomning to uppfoljning"), clean: true }]);

t.invalid([
  {
    name: "a change from a later to an earlier time point: the fix swaps them",
    plan: backwards,
    diagnostics: [{ message: "question 'forandring': change of 'forflyttning' goes from 'uppfoljning' back to the earlier 'bedomning'", ...span(backwards, "uppfoljning to bedomning") }],
    others: [],
    fix: { index: 0 },
    outputContains: ["change forflyttning from bedomning to uppfoljning"],
    outputClean: true,
  },
  {
    name: "from and to the same time point: the fix picks the next one the variable is recorded at",
    plan: same,
    diagnostics: [
      {
        message: "question 'forandring': change of 'forflyttning' goes from 'bedomning' to the same time point",
        hint: "compare with a later time point: 'from bedomning to uppfoljning'",
        fixes: ["Change to 'uppfoljning'"],
      },
    ],
    others: [],
    outputClean: true,
  },
]);

describe("ISU0305 change-needs-two-timepoints: the swap", () => {
  it("is the preferred fix", () => {
    expect(runPlan(backwards).diagnostics[0]!.fixes![0]!.preferred).toBe(true);
  });
});
