import { HEAD } from "./plans.js";
import { at, ruleTester } from "../support/rule-tester.js";

const t = ruleTester("ISU0206");

const bands = `${HEAD}variable alder "Ålder" : integer 18..120 at bedomning
group g "G" from alder {
  "Yngre" = ..64.5
  "Äldre" = 65..
  "Barn" = 0..17
}
question q "Q?" { count g }
`;
const condition = `${HEAD}variable alder "Ålder" : decimal 0..120 at bedomning\nvariable kon "Kön" : kon at bedomning\nquestion q "Q?" {\n  count kon\n  where alder in 80..65.5 or alder in 130..\n}\n`;

t.valid([{ name: "whole-number bands inside the declared range", plan: bands.replace("..64.5", "..64").replace('  "Barn" = 0..17\n', "") }]);

t.invalid([
  {
    name: "reports decimals in an integer band with a rounding fix, and a band outside the declared range",
    plan: bands,
    diagnostics: [
      { message: "'64.5' is not a whole number, but 'alder' is an integer", hint: "use 64 (integer ranges include both ends), or declare 'alder' as decimal", ...at(bands, "64.5") },
      {
        message: "band 0..17 of group 'g' lies outside the range 18..120 of 'alder'",
        hint: "no value of 'alder' can fall in it, so the group entry stays empty: correct the range, or widen the range of 'alder'",
        ...at(bands, "0..17"),
        endColumn: at(bands, "0..17").column + 5,
      },
    ],
    output: bands.replace(`"Yngre" = ..64.5\n`, `"Yngre" = ..64\n`),
  },
  {
    name: "swaps a reversed range in a condition",
    plan: condition,
    diagnostics: [
      { message: "the range 80..65.5 in this condition is empty: its low end 80 is above its high end 65.5", hint: "write the low end first: 65.5..80" },
      { message: "the range 130.. in this condition lies outside the range 0..120 of 'alder'" },
    ],
    output: condition.replace("where alder in 80..65.5 or", "where alder in 65.5..80 or"),
  },
]);
