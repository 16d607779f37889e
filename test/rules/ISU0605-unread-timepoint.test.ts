import { describe, expect, it } from "vitest";
import { twoTp } from "./plans.js";
import { only, ruleTester, runPlan } from "../support/rule-tester.js";

const t = ruleTester("ISU0605");

const mna = `variable mna "MNA-SF" : integer 0..14 at inflyttning, uppf_12m`;
const unread = twoTp(`${mna}\nquestion q "Q" { summary mna at inflyttning }`);
const line = unread.split("\n").findIndex((l) => l.startsWith("variable mna")) + 1;

const reads = `variable nojdhet "Nöjdhet" : nojdhet at inflyttning, uppf_12m { definition "Hur nöjd den boende är." }
variable boende "Boende" : boende at inflyttning, uppf_12m
variable alder "Ålder" : integer 65..110 at inflyttning, uppf_12m
group aldersgrupp "Åldersgrupp" from alder {
  "65–79" = 65..79
  "80–" = 80..
}
variable orsak "Orsak till missnöje" : text at uppf_12m {
  when boende = ensam
  reason "Underlag för förbättringsarbete."
}
question q1 "Q1" {
  change nojdhet from inflyttning to uppf_12m
  by boende
}
question q2 "Q2" {
  count nojdhet at uppf_12m
  by aldersgrupp
  where alder >= 70
}`;
const exempt = `variable boende "Boende" : boende at inflyttning, uppf_12m
variable boende_annat "Annat boende" : text at inflyttning, uppf_12m { when boende = annat }
variable vikt "Vikt" : decimal 30..200 at inflyttning, uppf_12m { reason "Underlag för nutritionsarbetet." }
variable langd "Längd" : integer 100..220 at inflyttning, uppf_12m
question q "Q" { count boende at inflyttning }`;

t.valid([
  {
    name: "stays silent when the question's time point is undecided (ISU0304 reports it)",
    plan: twoTp(`variable nojdhet "Nöjdhet" : nojdhet at inflyttning, uppf_12m { definition "D." }\nquestion q "Q" { count nojdhet }`),
    counts: { ISU0304: 1 },
  },
]);

t.invalid([
  {
    name: "reports the time point no question reads, at its name in the `at` list, with a fix that removes it",
    plan: unread,
    diagnostics: [
      {
        severity: "warning",
        message: "variable 'mna' is recorded at 'uppf_12m' but no question reads it there",
        hint: /remove 'uppf_12m' from the 'at' list of 'mna'/,
        line,
        column: unread.split("\n")[line - 1]!.indexOf("uppf_12m") + 1,
      },
    ],
    fix: { index: 0 },
    outputContains: [`variable mna "MNA-SF" : integer 0..14 at inflyttning\n`],
    outputClean: true,
  },
  {
    // boende: split of q1 at inflyttning; `when` of orsak at uppf_12m. alder: group and where at uppf_12m only.
    name: "counts reads by change, attainment goals, splits, `where`, groups and `when` conditions",
    plan: twoTp(reads),
    diagnostics: [{ message: "variable 'alder' is recorded at 'inflyttning' but no question reads it there" }],
  },
  {
    name: "exempts variables with a reason, declared other descriptions and variables no question reads (ISU0601's); the fix stops recording the declared description there too",
    plan: twoTp(exempt),
    diagnostics: [{ message: "variable 'boende' is recorded at 'uppf_12m' but no question reads it there" }],
    fix: { index: 0 },
    outputContains: [`variable boende "Boende" : boende at inflyttning\n`, `variable boende_annat "Annat boende" : text at inflyttning { when boende = annat }`],
  },
]);

describe("ISU0605 unread-timepoint: what it leaves to ISU0601", () => {
  it("a variable no question reads at all", () => {
    expect(only(runPlan(twoTp(exempt)), "ISU0601").map((x) => x.message)).toEqual(["variable 'langd' is collected but no question reads it"]);
  });
});
