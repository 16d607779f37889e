import { describe, expect, it } from "vitest";
import { forflyttning, mal, planB } from "./plans.js";
import { applyFix, codeMessages, ruleTester, runPlan, span } from "../support/rule-tester.js";

const t = ruleTester("ISU0403", { defaultSeverity: "error" });

const same = planB(`${forflyttning("uppfoljning")}${mal("bedomning, uppfoljning")}question mal "Mål" {\n  attainment forflyttning against forflyttning_mal at uppfoljning\n}\n`);
const later = planB(`${forflyttning("bedomning, uppfoljning")}${mal("bedomning")}question mal "Mål" { attainment forflyttning at bedomning against forflyttning_mal }\n`);

t.valid([
  {
    name: "a goal read before the measurement",
    plan: planB(`${forflyttning("uppfoljning")}${mal("bedomning")}question mal "Mål" { attainment forflyttning against forflyttning_mal }\n`),
    clean: true,
  },
]);

t.invalid([
  {
    name: "a goal read at the same time point as the measurement",
    plan: same,
    diagnostics: [
      {
        message: "question 'mal': goal 'forflyttning_mal' is read at 'uppfoljning', the same time point as the measurement 'forflyttning' at 'uppfoljning'",
        ...span(same, "forflyttning_mal at uppfoljning", "against forflyttning_mal at uppfoljning"),
        hint: "read the goal earlier: 'forflyttning_mal at bedomning'",
        fixes: ["Read goal 'forflyttning_mal' at 'bedomning'"],
      },
    ],
    others: [],
    outputClean: true,
  },
  {
    name: "a goal read at the measurement's time point when the measurement is also recorded later: the fix measures later",
    plan: later,
    diagnostics: [{ message: /./, hint: "measure at a later time point: 'attainment forflyttning at uppfoljning against forflyttning_mal'", fixes: ["Measure 'forflyttning' at 'uppfoljning'"] }],
    others: [],
    outputContains: ["attainment forflyttning at uppfoljning against forflyttning_mal }"],
    outputClean: true,
  },
  {
    name: "a goal read after the measurement, with no record that would fix it",
    plan: planB(`${forflyttning("bedomning")}${mal("uppfoljning")}question mal "Mål" { attainment forflyttning against forflyttning_mal }\n`),
    diagnostics: [
      {
        message: "question 'mal': goal 'forflyttning_mal' is read at 'uppfoljning', after the measurement 'forflyttning' at 'bedomning'",
        hint: "record the goal 'forflyttning_mal' at a time point before 'bedomning', when the goal is set",
        fixes: [],
      },
    ],
    others: [],
  },
]);

describe("ISU0403 goal-not-before-measurement: the fixes", () => {
  it("are preferred", () => {
    expect(runPlan(same).diagnostics[0]!.fixes!.map((f) => f.preferred)).toEqual([true]);
    expect(runPlan(later).diagnostics[0]!.fixes!.map((f) => f.preferred)).toEqual([true]);
  });
  it("reading the goal earlier gives the model an attainment against the earlier record", () => {
    const c = runPlan(applyFix(same, runPlan(same).diagnostics[0]!));
    expect(codeMessages(c)).toEqual([]);
    expect(c.model!.questions[0]!.analysis).toEqual({
      kind: "attainment",
      target: { kind: "variable", name: "forflyttning", timepoint: "uppfoljning" },
      goal: { kind: "variable", name: "forflyttning_mal", timepoint: "bedomning" },
    });
  });
});
