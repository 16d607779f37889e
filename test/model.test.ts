// The resolved model: what generators see about conditional `other` descriptions.
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { buildForm } from "../compiler/generate/form.js";

const plan = (descriptionItems: string) => `plan p "P" {
  language sv
  purpose "Test."
  legal_basis "SoLPuL"
}
timepoint bedomning "Bedömning" { when "vid utredning" }
valueset substans "Substans" {
  alkohol "Alkohol"
  annat "Annat" other
}
variable substans "Huvudsaklig substans" : substans at bedomning {
  sensitive health
}
variable substans_annat "Annan substans" : text at bedomning {
  when substans = annat
  ${descriptionItems}
}
question q "Vilka substanser?" { count substans }
`;
const model = (text: string) => {
  const c = compile("/virtual/plan.isu", { host: { readFile: (p) => (p === "/virtual/plan.isu" ? text : undefined) } });
  expect(c.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return c.model!;
};

describe("declared other descriptions", () => {
  it("are required when shown and as sensitive as the answer they describe", () => {
    const m = model(plan(""));
    const d = m.variables.find((v) => v.name === "substans_annat")!;
    expect(m.variables.find((v) => v.name === "substans")!.otherDescription).toMatchObject({ name: "substans_annat", declared: true, codes: ["annat"] });
    expect(d.required).toBe(true);
    expect(d.sensitive).toEqual(["health"]);
    const field = buildForm(m, { lang: "sv" }).timepoints[0]!.fields.find((f) => f.name === "substans_annat")!;
    expect(field.required).toBe(true);
  });

  it("stay optional when the plan says `optional`, in the model and the form alike", () => {
    const m = model(plan("optional"));
    expect(m.variables.find((v) => v.name === "substans_annat")!.required).toBe(false);
    const field = buildForm(m, { lang: "sv" }).timepoints[0]!.fields.find((f) => f.name === "substans_annat")!;
    expect(field.required).toBe(false);
  });
});
