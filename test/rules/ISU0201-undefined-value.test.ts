import { HEAD } from "./plans.js";
import { at, ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0201");

const boende = `valueset boende "Boendeform" {
  ensam "Ensamboende"
  sambo "Sammanboende"
  annat "Annat" other
}
`;
const byLabel = `${HEAD}${boende}variable boende "Boendeform" : boende at bedomning
group ensamhet "Ensamhet" from boende {
  "Ensam" = ensamboende
  "Inte ensam" = sambo, annat
}
question q "Q?" { count ensamhet }
`;
const oneLine = `plan p "P" {\n  language sv\n  purpose "S."\n}\ntimepoint bedomning "B"\nvalueset svar "Svar" { ja "Ja" nej "Nej" }\nvariable svar "Svar" : svar at bedomning\nquestion q "Q?" {\n  count svar\n  where svar != kanske\n}\n`;
const entries = `${HEAD}variable alder "Ålder" : integer 0..120 at bedomning
group aldersgrupp "Åldersgrupp" from alder {
  yngre "Under 65" = ..64
  aldre "65 och äldre" = 65..
}
variable kon "Kön" : kon at bedomning
question q "Q?" {
  count kon
  where aldersgrupp = aldr
}
`;
const byLabelDiagnostic = {
  message: "value set 'boende' has no value 'ensamboende'",
  hint: `did you mean 'ensam' ("Ensamboende")?`,
  ...at(byLabel, "ensamboende"),
  fixes: ["Change to 'ensam'", `add 'ensamboende "Ensamboende"' to valueset boende`],
};

t.valid([{ name: "codes of the value set and entries of the group", plan: entries.replace("= aldr\n", "= aldre\n") }]);

t.invalid([
  {
    name: "suggests a code by its label; the first fix changes it",
    plan: byLabel,
    diagnostics: [byLabelDiagnostic],
    output: byLabel.replace('"Ensam" = ensamboende', '"Ensam" = ensam'),
  },
  {
    name: "the second fix adds the value to its value set, before the closing brace",
    plan: byLabel,
    diagnostics: [byLabelDiagnostic],
    fix: { index: 1 },
    output: byLabel.replace('  annat "Annat" other\n}\nvariable boende', '  annat "Annat" other\n  ensamboende "Ensamboende"\n}\nvariable boende'),
  },
  {
    name: "lists the codes when nothing is close, and inserts into a one-line value set",
    plan: oneLine,
    diagnostics: [{ message: "value set 'svar' has no value 'kanske'", hint: `use one of 'ja', 'nej', or add 'kanske "Kanske"' to valueset svar`, fixes: [/./] }],
    output: oneLine.replace('valueset svar "Svar" { ja "Ja" nej "Nej" }', 'valueset svar "Svar" { ja "Ja" nej "Nej" kanske "Kanske" }'),
  },
  {
    name: "reports an unknown code in a group mapping, and leaves a number against word codes to ISU0204",
    plan: `${HEAD}variable kon "Kön" : kon at bedomning\ngroup g "G" from kon {\n  "Kvinnor" = 1\n  "Övriga" = man, annat, okand\n}\nquestion q "Q?" { count g }\n`,
    diagnostics: [{ message: "value set 'kon' has no value 'okand'" }],
    counts: { ISU0204: 1 },
  },
  {
    name: "checks codes against a group's entry names",
    plan: entries,
    diagnostics: [{ message: "group 'aldersgrupp' has no entry 'aldr'", hint: "did you mean 'aldre'?", ...at(entries, "aldr\n") }],
    output: entries.replace("= aldr\n", "= aldre\n"),
  },
]);
