import { boende, planB } from "./plans.js";
import { ruleTester, span } from "../support/rule-tester.js";

const t = ruleTester("ISU0402", { defaultSeverity: "error" });

const explicit = planB(`${boende("bedomning, uppfoljning")}variable larm "Trygghetslarm" : boolean at bedomning {\n  when boende at uppfoljning = ensam\n}\nquestion q "Q" { count larm by boende }\n`);

t.valid([
  {
    name: "a condition on a field of the same form is fine",
    plan: planB(`${boende("bedomning")}variable larm "Trygghetslarm" : boolean at bedomning { when boende = ensam }\nquestion q "Q" { count larm by boende }\n`),
    clean: true,
  },
]);

t.invalid([
  {
    name: "an explicit later record in a condition, with a fix to the earlier one",
    plan: explicit,
    diagnostics: [
      {
        message: "variable 'larm': its condition reads 'boende' at 'uppfoljning', after 'larm' is first recorded at 'bedomning'",
        ...span(explicit, "boende", "when boende at uppfoljning"),
        fixes: ["Use 'boende' at 'bedomning'"],
      },
    ],
    others: [],
    outputClean: true,
  },
  {
    name: "a variable recorded at both time points whose condition is known only at the later",
    plan: planB(`${boende("uppfoljning")}variable larm "Trygghetslarm" : boolean at bedomning, uppfoljning { when boende = ensam }\nquestion q "Q" { count larm at uppfoljning by boende }\n`),
    diagnostics: [
      {
        message: "variable 'larm': its condition reads variable 'boende', recorded only at 'uppfoljning', after 'larm' is first recorded at 'bedomning'",
        hint: "record 'boende' at 'bedomning' too (add it to its 'at' list), or record 'larm' no earlier than 'uppfoljning'",
      },
    ],
    others: [],
    fix: { index: 0 },
    outputClean: true,
  },
]);
