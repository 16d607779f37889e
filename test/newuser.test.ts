// Three plans written from scratch by a "new user" from README.md and
// docs/language.md only (LSS daglig verksamhet, beroendevård, särskilt boende):
// each checks with no diagnostic at all and compiles to a model with all five analyses.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";

const dir = path.resolve(__dirname, "fixtures", "newuser");
const plans = ["lss_daglig_verksamhet.isu", "beroendevard.isu", "sarskilt_boende.isu"];

describe("new-user plans", () => {
  for (const f of plans) {
    it(`${f} checks clean and has all five analyses`, () => {
      const c = compile(path.join(dir, f));
      expect(c.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
      const m = c.model!;
      expect(m).toBeDefined();
      const kinds = new Set(m.questions.map((q) => q.analysis.kind));
      expect([...kinds].sort()).toEqual(["attainment", "change", "count", "crosstab", "summary"]);
    });
  }

  it("one plan imports the shared module and one is translated to English", () => {
    const models = plans.map((f) => compile(path.join(dir, f)).model!);
    expect(models.some((m) => m.files.some((f) => f.endsWith("gemensamt.isu")))).toBe(true);
    expect(models.some((m) => m.translations.includes("en"))).toBe(true);
  });
});
