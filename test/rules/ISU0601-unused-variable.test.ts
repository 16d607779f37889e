import { describe, expect, it } from "vitest";
import { ALDER_C, planC, twoTp } from "./plans.js";
import { codeMessages, only, ruleTester, runPlan } from "../support/rule-tester.js";

const t = ruleTester("ISU0601", { defaultSeverity: "warning" });

const unused = planC("", ALDER_C);

t.valid([
  {
    name: "counts reads through a group and a split",
    plan: planC("", `${ALDER_C}group aldersgrupp "Åldersgrupp" from alder {\n  "18–64 år" = 18..64\n  "65 år och äldre" = 65..\n}\nquestion q "Q" {\n  count aldersgrupp\n}\n`),
    clean: true,
  },
  { name: "counts reads through a where condition", plan: planC("", `${ALDER_C}question q "Q" {\n  count kon\n  where alder >= 65\n}\n`), clean: true },
  { name: "counts the text describing a used variable's other answer as used", plan: planC("", `variable kon_annat "Kön, annat" : text at bedomning { when kon = annat }\n`), clean: true },
  { name: "is silenced by `rule ISU0601 off`", plan: planC("  rule ISU0601 off\n", ALDER_C), clean: true },
]);

t.invalid([
  {
    name: "reports a variable no question reads and removes its whole line",
    plan: unused,
    diagnostics: [{ severity: "warning", message: "variable 'alder' is collected but no question reads it", text: "alder" }],
    others: [],
    fix: { index: 0 },
    output: planC("", ""),
  },
  {
    name: "counts only the first text describing a used variable's other answer as used",
    plan: planC("", `variable kon_annat "Kön, annat" : text at bedomning { when kon = annat }\nvariable kon_mer "Kön, mer" : text at bedomning { when kon = annat }\n`),
    diagnostics: [{ message: "variable 'kon_mer' is collected but no question reads it" }],
  },
  {
    name: "offers no removal for a variable another declaration refers to",
    plan: planC("", `${ALDER_C}variable hjalp "Hjälp" : boolean at bedomning { when alder >= 65 }\nquestion h "H" {\n  count hjalp\n}\n`),
    diagnostics: [{ message: "variable 'alder' is collected but no question reads it", fixes: [] }],
  },
  { name: "is raised by `rule unused-variable error`", plan: planC("  rule unused-variable error\n", ALDER_C), diagnostics: [{ message: /./, severity: "error" }], others: [] },
]);

describe("ISU0601 unused-variable: raised to an error", () => {
  it("counts as an error, so the plan builds no model", () => {
    const raised = runPlan(planC("  rule unused-variable error\n", ALDER_C));
    expect(raised.errors).toBe(1);
    expect(raised.model).toBeUndefined();
  });
  it("does not blame a variable that a misspelt name in a question meant", () => {
    expect(codeMessages(runPlan(planC("", `${ALDER_C}question q "Q" {\n  summary aldr\n}\n`))).map((m) => m.slice(0, 7))).toEqual(["ISU0101"]);
  });
});

describe("ISU0601 unused-variable and `reason`", () => {
  it("exempts a free-text field that states a reason, but still reports one without", () => {
    const body = `variable nojdhet "Nöjdhet" : nojdhet at uppf_12m { definition "Hur nöjd den boende är." }
variable kommentar "Kommentar" : text at uppf_12m {
  when nojdhet in (1, 2)
  reason "Underlag för förbättringsarbete."
}
variable datum "Inflyttningsdatum" : date at inflyttning
question q "Q" { count nojdhet }`;
    const c = runPlan(twoTp(body));
    const d = only(c, "ISU0601");
    expect(d.map((x) => x.message)).toEqual(["variable 'datum' is collected but no question reads it"]);
    expect(d[0]!.hint).toContain(`state why with 'reason "…"'`);
    expect(only(c, "ISU0602")).toEqual([]);
  });
});
