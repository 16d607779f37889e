// Tests about several rules at once: which rule speaks when one mistake could
// set off many.
import { describe, expect, it } from "vitest";
import { boende, forflyttning, mal, planB } from "./plans.js";
import { runPlan } from "../support/rule-tester.js";

describe("the measurability and time rules (ISU03xx, ISU04xx) stay silent on names that do not resolve", () => {
  it("only ISU0101 for misspelled names in every role", () => {
    const c = runPlan(
      planB(
        `${forflyttning("bedomning, uppfoljning")}${mal("bedomning")}${boende("bedomning")}variable larm "Trygghetslarm" : boolean at bedomning { when boendx = ensam }\n` +
          `question a "A" { change forflytning from bedomning to uppfoljnig }\n` +
          `question b "B" { count forflyttning at uppfoljnig by boendx where boendx = ensam }\n` +
          `question c "C" { attainment forflyttnin at uppfoljning against forflyttning_mal }\n` +
          `question d "D" { summary alderr }\n` +
          `question e "E" { count larm by boende }\n`,
      ),
    );
    expect(new Set(c.diagnostics.map((d) => d.code))).toEqual(new Set(["ISU0101"]));
  });
});
