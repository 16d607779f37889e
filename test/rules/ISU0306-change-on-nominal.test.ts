import { planB, twoTp } from "./plans.js";
import { ruleTester, span } from "../support/rule-tester.js";

const t = ruleTester("ISU0306", { defaultSeverity: "error" });

const weight = planB(
  `variable vikt "Vikt" : decimal 30..250 unit "kg" at uppfoljning\nvariable vikt_mal "Målvikt" : decimal 30..250 unit "kg" at bedomning\nquestion mal "Mål" {\n  attainment vikt against vikt_mal\n}\n`,
);

t.valid([
  {
    name: "a change on an ordinal value set",
    plan: planB(`variable f "F" : svarighet at bedomning, uppfoljning { definition "D." }\nquestion q "Q" { change f from bedomning to uppfoljning }\n`),
    clean: true,
  },
]);

t.invalid([
  {
    name: "an attainment on a number is not on an ordinal value set",
    plan: weight,
    diagnostics: [
      { message: "question 'mal': attainment needs an ordered scale, but 'vikt' is a decimal number, not on an ordinal value set", ...span(weight, "vikt", "attainment vikt against"), fixes: [] },
    ],
    others: [],
  },
  {
    name: "a change of a multiple-choice variable",
    plan: planB(`variable insats "Insatser" : multiple insatser at bedomning, uppfoljning\nquestion q "Q" { change insats from bedomning to uppfoljning }\n`),
    diagnostics: [{ message: "question 'q': change needs an ordered scale, but 'insats' is multiple choice on value set 'insatser', not on an ordinal value set" }],
    others: [],
  },
  {
    name: "on a number: suggests summary at each time point or a group, not a count (ISU0309)",
    plan: twoTp(`variable mna "MNA-SF" : integer 0..14 at inflyttning, uppf_12m\nquestion q "Q" { change mna from inflyttning to uppf_12m }`),
    diagnostics: [{ message: /./, hint: "ask with 'summary mna at <time point>' at each time point, or form a group of 'mna' (bands) and count it at each time point" }],
  },
]);
