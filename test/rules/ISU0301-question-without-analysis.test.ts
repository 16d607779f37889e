import { KON, planB } from "./plans.js";
import { ruleTester, span } from "../support/rule-tester.js";

const t = ruleTester("ISU0301", { defaultSeverity: "error" });

const empty = planB(`${KON}question fordelning "Fördelning" { count kon }\nquestion tom "Vad vill vi veta?" {\n  by kon\n}\n`);

t.valid([{ name: "stays silent when the analysis is a syntax error", plan: planB(`${KON}question fordelning "Fördelning" {\n  count\n}\n`), counts: { ISU0001: 1 } }]);

t.invalid([
  {
    name: "names the question at its name",
    plan: empty,
    diagnostics: [{ message: "question 'tom' has no analysis", ...span(empty, "tom", "question tom"), hint: /count <variable>/ }],
    others: [],
  },
]);
