import { describe, expect, it } from "vitest";
import { ALDERSGRUPP_B, boende, forflyttning, planB } from "./plans.js";
import { codeMessages, ruleTester, runPlan, span } from "../support/rule-tester.js";

const t = ruleTester("ISU0401", { defaultSeverity: "error" });

const change = planB(`${forflyttning("bedomning, uppfoljning")}${boende("uppfoljning")}question forandring "Förändring" { change forflyttning from bedomning to uppfoljning by boende }\n`);
const where = planB(`${forflyttning("bedomning")}${boende("uppfoljning")}question q "Q" {\n  count forflyttning\n  where boende = ensam\n}\n`);

t.valid([{ name: "a change may be split by a variable recorded at the follow-up (a time point it reads)", plan: change, clean: true }]);

t.invalid([
  {
    name: "a 'where' on a variable recorded only later",
    plan: where,
    diagnostics: [
      {
        message: "question 'q': condition variable 'boende' is recorded only at 'uppfoljning', after the analysis reads 'bedomning'",
        ...span(where, "boende", "where boende = ensam"),
        hint: "record 'boende' at 'bedomning' too (add it to its 'at' list), or restrict by something known by 'bedomning'",
        fixes: ["Record 'boende' at 'bedomning' too"],
      },
    ],
    others: [],
    outputContains: [": boende at bedomning, uppfoljning\n"],
    outputClean: true,
  },
  {
    name: "an explicit later 'at' on a split is reported too, with a fix to the earlier record",
    plan: planB(`${forflyttning("bedomning")}${boende("bedomning, uppfoljning")}question q "Q" { count forflyttning by boende at uppfoljning }\n`),
    diagnostics: [{ message: "question 'q': split by 'boende' at 'uppfoljning' uses a record taken after the analysis reads 'bedomning'", fixes: ["Use 'boende' at 'bedomning'"] }],
    others: [],
    outputClean: true,
  },
  {
    name: "a group whose source is recorded only later",
    plan: planB(`${forflyttning("bedomning")}variable alder "Ålder" : integer 18..120 at uppfoljning\n${ALDERSGRUPP_B}question q "Q" { count forflyttning by aldersgrupp }\n`),
    diagnostics: [{ message: "question 'q': split group 'aldersgrupp' is recorded only at 'uppfoljning', after the analysis reads 'bedomning'", fixes: ["Record 'alder' at 'bedomning' too"] }],
    others: [],
  },
]);

describe("ISU0401 split-recorded-later: the record a change's split reads", () => {
  it("is the follow-up's", () => {
    const c = runPlan(change);
    expect(codeMessages(c)).toEqual([]);
    expect(c.model!.questions[0]!.splits[0]!.parts[0]).toEqual({ kind: "variable", name: "boende", timepoint: "uppfoljning" });
  });
});
