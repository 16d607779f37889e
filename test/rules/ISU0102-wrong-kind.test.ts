import { HEAD } from "./plans.js";
import { at, ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0102");

const text = `${HEAD}timepoint uppfoljning "Uppföljning"
variable alder "Ålder" : integer 18..120 at bedomning
group aldersgrupp "Åldersgrupp" from alder {
  "Under 65" = ..64
  "65 och äldre" = 65..
}
variable kon "Kön" : kon at bedomning
question medel "Medelålder?" { summary aldersgrupp }
question tid "Kön?" { count kon at kon }
question typ "Typ?" { count kon by bedomning }
`;
const asType = `${HEAD}variable kon "Kön" : kon at bedomning\nvariable kon2 "Kön igen" : kon3 at bedomning\nvariable kon3 "Kön 3" : kon at bedomning\nquestion q "Q?" { count kon by kon3 }\nquestion q2 "Q2?" { count kon2 }\n`;

t.valid([{ name: "each name used as its kind", plan: text.replace("summary aldersgrupp", "summary alder").replace("at kon }", "at bedomning }").replace("by bedomning", "by aldersgrupp") }]);

t.invalid([
  {
    name: "points a group used as a variable to the variable it is formed from, names the kind found and expected, lists what fits; no undefined-name noise",
    plan: text,
    diagnostics: [
      {
        message: "'aldersgrupp' is a group, not a variable",
        hint: "did you mean 'alder' (the variable group 'aldersgrupp' is formed from)?",
        ...at(text, "aldersgrupp }"),
        endColumn: at(text, "aldersgrupp }").column + "aldersgrupp".length,
      },
      { message: "'kon' is a variable and a value set, not a time point", hint: "use a time point here: 'bedomning', 'uppfoljning'", ...at(text, "kon }") },
      { message: "'bedomning' is a time point, not a variable or group", hint: "use a variable or a group here: 'alder', 'kon', 'aldersgrupp'", ...at(text, "bedomning }") },
    ],
    output: text.replace("summary aldersgrupp }", "summary alder }"),
    counts: { ISU0101: 0 },
  },
  {
    name: "suggests the value set of a variable used as a type",
    plan: asType,
    diagnostics: [{ message: "'kon3' is a variable, not a value set", hint: "did you mean 'kon' (the value set of variable 'kon3')?" }],
  },
]);
