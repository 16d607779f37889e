import { HEAD, HEAD_NO_VALUESET } from "./plans.js";
import { at, PLAN, ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0002", { fixed: true });

const similar = `import "./kon"\nimport "./kom"\n${HEAD_NO_VALUESET}variable kon "Kön" : kon at bedomning\nquestion q "Fråga?" { count kon }\n`;
const kon = `valueset kon "Kön" {\n  kvinna "Kvinna"\n  man "Man"\n  annat "Annat" other\n}\n`;
const missing = `${HEAD.replace("purpose", "rule ISU0002 off\n  purpose")}import "./lib/saknas.isu"\nvariable kon "Kön" : kon at bedomning\nquestion q "Fråga?" { count kon }\n`;

t.valid([{ name: "an import of a file that exists", files: { [PLAN]: similar.replace('import "./kom"\n', ""), "/virtual/kon.isu": kon }, clean: true }]);

t.invalid([
  {
    name: "suggests a file with a similar name among the program's files, with a fix keeping the spelling of the path",
    files: { [PLAN]: similar, "/virtual/kon.isu": kon },
    diagnostics: [{ message: "imported file './kom' not found", hint: "did you mean './kon'?", file: PLAN, line: 2, column: 8, endColumn: 15 }],
    output: { [PLAN]: similar.replace('import "./kom"', 'import "./kon"') },
  },
  {
    name: "says where it looked when nothing is similar, and cannot be turned off",
    plan: missing,
    diagnostics: [
      {
        severity: "error",
        message: "imported file './lib/saknas.isu' not found",
        hint: "there is no file 'lib/saknas.isu' next to this file; correct the path (it is relative to this file) or create the file",
        ...at(missing, '"./lib/saknas.isu"'),
        fixes: [],
      },
    ],
  },
]);
