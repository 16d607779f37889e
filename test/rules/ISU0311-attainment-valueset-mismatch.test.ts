import { forflyttning, mal, planB } from "./plans.js";
import { ruleTester, span } from "../support/rule-tester.js";

const t = ruleTester("ISU0311", { defaultSeverity: "error" });

const number = planB(`${forflyttning("uppfoljning")}variable forflyttning_mal "Mål" : integer 0..4 at bedomning\nquestion mal "Mål" {\n  attainment forflyttning against forflyttning_mal\n}\n`);

t.valid([
  {
    name: "a goal on the measurement's value set",
    plan: planB(`${forflyttning("uppfoljning")}${mal("bedomning")}question mal "Mål" { attainment forflyttning against forflyttning_mal }\n`),
    clean: true,
  },
]);

t.invalid([
  {
    name: "a goal that is a number against an ordinal measurement",
    plan: number,
    diagnostics: [
      { message: "question 'mal': goal 'forflyttning_mal' is an integer, but 'forflyttning' is on value set 'svarighet'", ...span(number, "forflyttning_mal", "against forflyttning_mal"), fixes: [] },
    ],
    others: [],
  },
  {
    name: "a goal on another value set: the fix changes the goal's type",
    plan: planB(
      `valueset niva "Nivå" ordinal better higher { 1 "Låg" 2 "Medel" 3 "Hög" }\n${forflyttning("uppfoljning")}${mal("bedomning", "niva")}question mal "Mål" { attainment forflyttning against forflyttning_mal }\n`,
    ),
    diagnostics: [{ message: /./, fixes: ["Declare 'forflyttning_mal' on value set 'svarighet'"] }],
    others: [],
    outputClean: true,
  },
]);
