import { ALDER_B, ALDERSGRUPP_B, KON, planB } from "./plans.js";
import { ruleTester, span } from "../support/rule-tester.js";

const t = ruleTester("ISU0310", { defaultSeverity: "error" });

const byNumber = planB(`${KON}${ALDER_B}${ALDERSGRUPP_B}question q "Q" {\n  count kon\n  by alder\n}\n`);
const combined = planB(`${KON}variable insats "Insatser" : multiple insatser at bedomning\nquestion q "Q" { count kon by kon * insats }\n`);

t.valid([
  { name: "a split by a group whose source is numeric is allowed", plan: planB(`${KON}${ALDER_B}${ALDERSGRUPP_B}question q "Q" { count kon by aldersgrupp }\n`), clean: true },
  { name: "a split by a yes/no variable is allowed", plan: planB(`${KON}variable larm "Trygghetslarm" : boolean at bedomning\nquestion q "Q" { count kon by larm }\n`), clean: true },
]);

t.invalid([
  {
    name: "a split by the numeric variable itself is not, and the fix uses its group",
    plan: byNumber,
    diagnostics: [
      {
        message: "question 'q': cannot split by 'alder', which is an integer",
        ...span(byNumber, "alder", "by alder"),
        hint: "split by its group 'aldersgrupp'",
        fixes: ["Split by group 'aldersgrupp'"],
      },
    ],
    others: [],
    outputClean: true,
  },
  {
    name: "a split by multiple choice, inside a combined split",
    plan: combined,
    diagnostics: [
      {
        message: "question 'q': cannot split by 'insats', which is multiple choice on value set 'insatser'",
        ...span(combined, "insats", "* insats"),
        hint: "split by a single-choice variable, or ask 'crosstab insats by …' to compare its choices",
      },
    ],
    others: [],
  },
]);
