import { HEAD } from "./plans.js";
import { at, ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0202");

const codes = `plan p "P" {\n  language sv\n  purpose "S."\n}\ntimepoint bedomning "B"
valueset niva "Nivå" {
  1 "Låg"
  01 "Hög"
  9 "Vet ej" missing
}
valueset kon "Kön" {
  kvinna "Kvinna"
  man "Man"
  man "Annat" other
}
`;
const entries = `${HEAD}variable alder "Ålder" : integer 0..120 at bedomning\ngroup g "G" from alder {\n  ung "Ung" = ..40\n  ung "Äldre" = 41..\n}\nquestion q "Q?" { count g }\n`;

t.valid([{ name: "distinct codes and entry names", plan: entries.replace('ung "Äldre"', 'aldre "Äldre"') }]);

t.invalid([
  {
    name: "treats 1 and 01 as one code, and the fix gives the next free number",
    plan: codes,
    diagnostics: [
      { message: `code '01' appears twice in value set 'niva' (first on line 7, "Låg")` },
      { message: `code 'man' appears twice in value set 'kon' (first on line 13, "Man")`, hint: `give "Annat" a code of its own, e.g. 'annat', or remove the repeated line`, ...at(codes, "man", 2) },
    ],
    output: codes.replace('  01 "Hög"', '  2 "Hög"'),
  },
  {
    name: "suggests a code from the label for word codes",
    plan: codes,
    diagnostics: [{ message: /^code '01'/ }, { message: /^code 'man'/ }],
    fix: { diagnostic: 1 },
    output: codes.replace('  man "Annat" other', '  annat "Annat" other'),
  },
  {
    name: "reports a group entry name used twice",
    plan: entries,
    diagnostics: [{ message: `entry name 'ung' appears twice in group 'g' (first on line ${at(entries, "ung").line})`, hint: `give "Äldre" a name of its own`, ...at(entries, "ung", 2) }],
  },
]);
