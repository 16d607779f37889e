import { HEAD } from "./plans.js";
import { at, PLAN, ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0003", { fixed: true });

const a = `import "./b.isu"\nvalueset kon "Kön" {\n  kvinna "Kvinna"\n  man "Man"\n  annat "Annat" other\n}\n`;
const b = `// b\nimport "./a.isu"\ntimepoint bedomning "Bedömning"\n`;
const circle = `import "./a.isu"\nplan p "P" {\n  language sv\n  purpose "Syfte."\n}\nvariable kon "Kön" : kon at bedomning\nquestion q "Fråga?" { count kon }\n`;
const self = `${HEAD}import "./plan.isu"\nvariable kon "Kön" : kon at bedomning\nquestion q "Fråga?" { count kon }\n`;

t.valid([{ name: "a chain of imports without a circle", files: { [PLAN]: circle, "/virtual/a.isu": a, "/virtual/b.isu": b.replace('import "./a.isu"\n', "") } }]);

t.invalid([
  {
    name: "names the whole circle at the import that closes it; the names of both files stay in scope",
    files: { [PLAN]: circle, "/virtual/a.isu": a, "/virtual/b.isu": b },
    diagnostics: [
      {
        file: "/virtual/b.isu",
        message: "import cycle: a.isu → b.isu → a.isu",
        hint: "remove this import ('a.isu' already imports this file); put what both files need in a third file that both import",
        line: 2,
        column: 8,
      },
    ],
    counts: { ISU0101: 0 },
  },
  {
    name: "reports a file that imports itself",
    plan: self,
    diagnostics: [{ message: "'plan.isu' imports itself", hint: /^remove this import/, ...at(self, '"./plan.isu"') }],
  },
]);
