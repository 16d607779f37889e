import { HEAD } from "./plans.js";
import { at, ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0204");

const text = `${HEAD}valueset svarighet "Svårighet" ordinal better lower {
  0 "Inga"
  1 "Lätta"
  2 "Måttliga"
  3 "Stora"
  4 "Totala"
  8 "Ej specificerat" missing
  9 "Ej tillämpligt" missing
}
variable kon "Kön" : kon at bedomning
variable alder "Ålder" : integer 0..120 at bedomning
variable forflyttning "Förflyttning" : svarighet at bedomning { definition "D." }
variable anteckning "Anteckning" : text at bedomning { reason "R." }
group aldersgrupp "Åldersgrupp" from alder {
  barn "Barn" = ..17
  vuxen "Vuxen" = 18..
}
question a "A?" {
  count kon
  where forflyttning >= 3
}
question b "B?" {
  count kon
  where alder = vuxen and kon = 1 and aldersgrupp < 18
}
question c "C?" {
  count kon
  where anteckning = x
}
`;
const all = [
  {
    message: "'>=' compares numbers, but 'forflyttning' takes the codes of value set 'svarighet'",
    hint: "list the values: `forflyttning in (3, 4)` (the missing-value codes 8, 9 are not scale values)",
    ...at(text, "forflyttning >= 3"),
  },
  { message: "'vuxen' is a code, but 'alder' is a number", hint: "did you mean group 'aldersgrupp' (`aldersgrupp = vuxen`)?", ...at(text, "vuxen and") },
  { message: "'1' is a number, but value set 'kon' has word codes", hint: "use one of its codes: 'kvinna', 'man', 'annat'", ...at(text, "1 and") },
  { message: "'<' compares numbers, but 'aldersgrupp' is a group", hint: "compare the variable the group is formed from: `alder < 18`" },
  { message: "'anteckning' is free text; a condition cannot compare it" },
];
const mapping = `${HEAD}variable kon "Kön" : kon at bedomning\ngroup g "G" from kon {\n  "Kvinnor" = 1\n  "Övriga" = man, annat, okand\n}\nquestion q "Q?" { count g }\n`;

t.valid([
  {
    name: "codes against a choice, numbers against a number",
    plan: `${HEAD}variable kon "Kön" : kon at bedomning\nvariable alder "Ålder" : integer 0..120 at bedomning\nquestion q "Q?" {\n  count kon\n  where alder >= 18 and kon = man\n}\n`,
  },
]);

t.invalid([
  {
    name: "lists the scale values for an ordered comparison on an ordinal set, leaving out the missing codes; reports a number against word codes, order on a group, and comparing free text",
    plan: text,
    diagnostics: all,
    output: text.replace("where forflyttning >= 3\n", "where forflyttning in (3, 4)\n"),
  },
  {
    name: "points a code compared with a number variable to the group that has it",
    plan: text,
    diagnostics: all,
    fix: { diagnostic: 1 },
    output: text.replace("where alder = vuxen and", "where aldersgrupp = vuxen and"),
  },
  {
    name: "reports numbers against word codes in a group mapping, and leaves unknown codes to ISU0201",
    plan: mapping,
    diagnostics: [{ message: "'1' is a number, but value set 'kon' has word codes", ...at(mapping, "1\n") }],
    counts: { ISU0201: 1 },
  },
]);
