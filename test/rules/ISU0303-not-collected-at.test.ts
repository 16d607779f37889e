import { ALDER_B, ALDERSGRUPP_B, forflyttning, planB } from "./plans.js";
import { ruleTester, span } from "../support/rule-tester.js";

const t = ruleTester("ISU0303", { defaultSeverity: "error" });

const change = planB(`${forflyttning("bedomning")}question forandring "Förändring" {\n  change forflyttning from bedomning to uppfoljning\n}\n`);
const group = planB(`${ALDER_B}${ALDERSGRUPP_B}question aldrar "Åldrar" {\n  count aldersgrupp at uppfoljning\n}\n`);
const groupDiagnostic = {
  message: "question 'aldrar': group 'aldersgrupp' is not recorded at 'uppfoljning'",
  ...span(group, "uppfoljning", "aldersgrupp at uppfoljning"),
  hint: "add 'uppfoljning' to the 'at' list of its source variable 'alder', or ask at 'bedomning'",
  fixes: ["Record 'alder' at 'uppfoljning' too", "Ask at 'bedomning'"],
};

t.valid([
  {
    name: "a change between the time points the variable is recorded at",
    plan: planB(`${forflyttning("bedomning, uppfoljning")}question forandring "Förändring" { change forflyttning from bedomning to uppfoljning }\n`),
    clean: true,
  },
]);

t.invalid([
  {
    name: "a change to a time point the variable lacks: adds it to the 'at' list",
    plan: change,
    diagnostics: [
      {
        message: "question 'forandring': variable 'forflyttning' is not recorded at 'uppfoljning'",
        ...span(change, "uppfoljning", "to uppfoljning"),
        hint: "add 'uppfoljning' to its 'at' list, so that it is recorded at both time points the change compares",
        fixes: ["Record 'forflyttning' at 'uppfoljning' too"],
      },
    ],
    others: [],
    outputContains: [`: svarighet at bedomning, uppfoljning {`],
    outputClean: true,
  },
  { name: "a group read where its source is not recorded: the fix goes to the source variable", plan: group, diagnostics: [groupDiagnostic], others: [], fix: { index: 0 }, outputClean: true },
  { name: "a group read where its source is not recorded: or ask where it is", plan: group, diagnostics: [groupDiagnostic], others: [], fix: { index: 1 }, outputClean: true },
  {
    name: "a group fixed to one time point cannot be read at another",
    plan: planB(
      `variable alder "Ålder" : integer 18..120 at bedomning, uppfoljning\ngroup aldersgrupp "Åldersgrupp" from alder at bedomning { "18–64 år" = 18..64  "65 år och äldre" = 65.. }\nquestion aldrar "Åldrar" { count aldersgrupp at uppfoljning }\n`,
    ),
    diagnostics: [{ message: /./, hint: "group 'aldersgrupp' is formed from 'alder' at 'bedomning' only; ask at 'bedomning'", fixes: ["Ask at 'bedomning'"] }],
    others: [],
  },
  {
    name: "a group's own source time point and a variable's condition are checked too",
    plan: planB(
      `${ALDER_B}group aldersgrupp "Åldersgrupp" from alder at uppfoljning { "18–64 år" = 18..64  "65–79 år" = 65..79  "80 år och äldre" = 80.. }\nvariable larm "Trygghetslarm" : boolean at uppfoljning { when alder at uppfoljning >= 80 }\nquestion aldrar "Åldrar" { count aldersgrupp by larm }\n`,
    ),
    diagnostics: [{ message: "group 'aldersgrupp': variable 'alder' is not recorded at 'uppfoljning'" }, { message: "variable 'larm': variable 'alder' is not recorded at 'uppfoljning'" }],
    others: [],
  },
]);
