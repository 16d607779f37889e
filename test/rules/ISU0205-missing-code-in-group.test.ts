import { HEAD } from "./plans.js";
import { at, ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0205");

const head = `${HEAD}valueset svarighet "Svårighet" ordinal better lower {
  0 "Inga"
  1 "Lätta"
  2 "Stora"
  9 "Ej tillämpligt" missing
}
variable forflyttning "Förflyttning" : svarighet at bedomning { definition "D." }
`;
const leading = `${head}group g "G" from forflyttning {\n  latt "Lätt" = 0, 1\n  svar "Svår" = 9, 2\n}\nquestion q "Q?" { count g }\n`;
const alone = `${head}group g "G" from forflyttning {\n  latt "Lätt" = 0, 1, 2\n  okant "Okänt" = 9\n}\nquestion q "Q?" { count g }\n`;

t.valid([{ name: "says nothing about a missing code used in a condition", plan: `${head}variable kon "Kön" : kon at bedomning\nquestion q "Q?" {\n  count kon\n  where forflyttning = 9\n}\n` }]);

t.invalid([
  {
    name: "removes the code and its comma when it leads the list",
    plan: leading,
    diagnostics: [
      {
        severity: "warning",
        message: `'9' ("Ej tillämpligt") is a missing-value code of value set 'svarighet' but is mapped into "Svår" of group 'g'`,
        hint: "remove '9' from the group: missing answers are counted as missing data in every table",
        ...at(leading, "9, 2"),
      },
    ],
    output: leading.replace(`svar "Svår" = 9, 2\n`, `svar "Svår" = 2\n`),
  },
  {
    name: "offers no fix when the code is the entry's only value",
    plan: alone,
    diagnostics: [{ message: /^'9'/, ...at(alone, "9\n"), fixes: [] }],
  },
]);
