import { planC } from "./plans.js";
import { ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0702", { defaultSeverity: "warning" });

const scale = `valueset svarighet "Skala" ordinal better lower {\n  0 "Inga"\n  1 "Lätta"\n  9 "Ej tillämpligt" missing\n}\n`;
const classified = planC("", `variable arbete "Arbete" : kon at bedomning { code icf "d850" }\nquestion a "A" {\n  count arbete\n}\n`);

t.valid([{ name: "a classified variable with a definition", plan: classified.replace(`code icf "d850"`, `code icf "d850"  definition "Förvärvsarbete."`), clean: true }]);

t.invalid([
  {
    name: "asks for a definition on an ordinal variable",
    plan: planC("", `${scale}variable forflyttning "Förflyttning" : svarighet at bedomning, uppfoljning\nquestion f "F" {\n  change forflyttning from bedomning to uppfoljning\n}\n`),
    diagnostics: [{ message: "variable 'forflyttning' is assessed on the ordinal scale 'svarighet' but has no definition", text: "forflyttning" }],
    others: [],
  },
  { name: "asks for a definition on a classified variable", plan: classified, diagnostics: [{ message: "variable 'arbete' is bound to ICF 'd850' but has no definition" }] },
]);
