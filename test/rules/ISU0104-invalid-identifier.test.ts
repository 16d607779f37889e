import { describe, expect, it } from "vitest";
import { HEAD } from "./plans.js";
import { at, only, ruleTester, runPlan } from "../support/rule-tester.js";

const t = ruleTester("ISU0104");

const code = `${HEAD.replace('kvinna "Kvinna"', 'Kvinna "Kvinna"')}variable kon "Kön" : kon at bedomning
variable boende "Boende" : kon at bedomning
question q "Q?" {
  count boende
  where kon = Kvinna or kon in (Kvinna, man)
}
`;
const swedish = `${HEAD}variable kon "Kön" : kon at bedomning\nvariable Kön "Kön igen" : kon at bedomning\nquestion q "Q?" { count kon by Kön }\n`;
const kinds = `plan Exempel_1 "E" {\n  language sv\n  purpose "S."\n}\ntimepoint bedömning "Bedömning"\nvariable alder "Ålder" : integer at bedömning\ngroup grp "G" from alder {\n  Unga "Unga" = ..30\n  aldre "Äldre" = 31..\n}\nquestion q "Q?" { count grp }\n`;

t.valid([{ name: "lower-case names with digits and _", plan: `${HEAD}variable kon_2 "Kön" : kon at bedomning\nquestion q "Q?" { count kon_2 }\n` }]);

t.invalid([
  {
    name: "renames a value code together with every use of it",
    plan: code,
    diagnostics: [
      {
        message: "code 'Kvinna' in value set 'kon' is not a valid name: use lower-case a–z, digits and _, starting with a letter",
        hint: "use 'kvinna' (the fix renames all 2 uses too)",
        ...at(code, "Kvinna"),
      },
    ],
    output: code.replace('  Kvinna "Kvinna"\n', '  kvinna "Kvinna"\n').replace("where kon = Kvinna or kon in (Kvinna, man)", "where kon = kvinna or kon in (kvinna, man)"),
  },
  {
    name: "checks time point, group entry and plan names",
    plan: kinds,
    diagnostics: [/^plan 'Exempel_1' is not a valid name/, /^time point 'bedömning' is not a valid name/, /^entry 'Unga' in group 'grp' is not a valid name/].map((message) => ({ message })),
  },
]);

describe("ISU0104 invalid-identifier: the fix's new name", () => {
  it("folds Swedish letters and avoids a name already taken", () => {
    const [d, ...rest] = only(runPlan(swedish), "ISU0104");
    expect(rest).toEqual([]);
    expect(d!.message).toBe("variable 'Kön' is not a valid name: use lower-case a–z, digits and _, starting with a letter");
    expect(d!.hint).toBe("use 'kon_2' (the fix renames its use too)");
    expect(d!.fixes![0]!.edits.map((e) => e.newText)).toEqual(["kon_2", "kon_2"]);
    expect(d!.fixes![0]!.edits.map((e) => e.range.start.line)).toEqual([at(swedish, "Kön ").line, at(swedish, "by Kön").line]);
  });
});
