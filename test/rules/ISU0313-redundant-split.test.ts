import { planLead } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0313");

const body = `valueset kon "Kön" {
  kvinna "Kvinna"
  man "Man"
  annat "Annat" other
}
variable kon "Kön" : kon at bedomning
`;
const age = `variable alder "Å" : integer 0..120 at bedomning\ngroup ag "AG" from alder {\n  unga "Unga" = 0..64\n  aldre "Äldre" = 65..120\n}\n`;

t.valid([{ name: "is silent on distinct splits", plan: planLead(`${body}variable alder "Å" : integer 0..120 at bedomning\nquestion q "Q" {\n  summary alder\n  by kon\n}`) }]);

t.invalid([
  {
    name: "reports a split by the counted variable",
    plan: planLead(`${body}question q "Q" {\n  count kon\n  by kon\n}`),
    diagnostics: [{ message: "question 'q' splits by 'kon', which it already counts", line: 14, column: 6 }],
  },
  {
    name: "reports a part twice in one combined split and a split listed twice",
    plan: planLead(`${body}${age}question q "Q" {\n  summary alder\n  by ag * ag, kon, kon\n}`),
    diagnostics: [
      { message: "question 'q': 'ag' appears twice in one combined split", line: 19, column: 11 },
      { message: "question 'q' lists the same split twice", line: 19, column: 20 },
    ],
  },
]);
