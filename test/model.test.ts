// The resolved model: what generators see about conditional `other` descriptions.
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { buildForm } from "../compiler/generate/form/index.js";
import { handbookGenerator } from "../compiler/generate/handbook/index.js";

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

describe("translated plan texts", () => {
  const translated = `plan p "P" {
  language sv
  translations en
  label en "P"
  purpose """
    Att följa substansbruket.
  """
  purpose en """
    To follow substance use.
  """
  legal_basis "SoLPuL"
  legal_basis en "The SoLPuL act"
  note "Första anteckningen."
  note en "The first note."
  note "Andra anteckningen."
}
timepoint bedomning "Bedömning" {
  label en "Assessment"
  when "vid utredning"
  when en "at the assessment"
}
variable alder "Ålder" : integer 0..120 unit "år" at bedomning {
  label en "Age"
  unit en "years"
}
variable kommentar "Kommentar" : text at bedomning {
  label en "Comment"
  optional
  reason "Fångar det som inte ryms i frågorna."
  reason en "Catches what the questions leave out."
}
question q "Ålder?" { summary alder  label en "Age?" }
`;

  it("keep the plan-language text and add each translation beside it", () => {
    const m = model(translated);
    expect(m.purpose).toEqual({ sv: "Att följa substansbruket.", en: "To follow substance use." });
    expect(m.legalBasis).toEqual([{ sv: "SoLPuL", en: "The SoLPuL act" }]);
    // A `note en` translates the nearest untagged note before it; the second note has none.
    expect(m.notes).toEqual([{ sv: "Första anteckningen.", en: "The first note." }, { sv: "Andra anteckningen." }]);
    const tp = m.timepoints[0]!;
    expect(tp.when).toEqual({ sv: "vid utredning", en: "at the assessment" });
    const alder = m.variables.find((v) => v.name === "alder")!;
    expect(alder.unit).toEqual({ sv: "år", en: "years" });
    const kommentar = m.variables.find((v) => v.name === "kommentar")!;
    expect(kommentar.reason).toEqual({ sv: "Fångar det som inte ryms i frågorna.", en: "Catches what the questions leave out." });
  });

  it("take the name where no label is written, leave out a text written only as a translation, and ignore a translation into the plan's own language", () => {
    const m = model(`plan p {
  language sv
  purpose en "Written first."
  purpose "Syfte."
  note en "Before any note."
  legal_basis "SoLPuL"
}
timepoint t { label en "T in English"  when en "only in English"  definition en "Only English." }
valueset vs { a "A" { label sv "Inte denna" label en "A in English" } }
variable v "V" : vs at t { label sv "Inte denna"  definition "Def."  definition en "Def in English." }
question q { count v }
`);
    expect(m.title).toEqual({ sv: "p" });
    // A purpose translation is the purpose's wherever it stands; a note translation before any note belongs to none.
    expect(m.purpose).toEqual({ sv: "Syfte.", en: "Written first." });
    expect(m.notes).toEqual([]);
    expect(m.legalBasis).toEqual([{ sv: "SoLPuL" }]);
    const t = m.timepoints[0]!;
    expect(t.label).toEqual({ sv: "t", en: "T in English" });
    expect(t.when).toBeUndefined();
    expect(t.definition).toEqual({ en: "Only English." });
    expect(m.valuesets[0]!.values[0]!.label).toEqual({ sv: "A", en: "A in English" });
    const v = m.variables.find((x) => x.name === "v")!;
    expect(v.label).toEqual({ sv: "V" });
    expect(v.definition).toEqual({ sv: "Def.", en: "Def in English." });
    expect(m.questions[0]!.label).toEqual({ sv: "q" });
  });

  it("show in English in an --lang en handbook and form, in Swedish otherwise", () => {
    const m = model(translated);
    const md = (lang: string) => handbookGenerator(m, { lang, dialects: [] }).find((f) => f.path === "handbook.md")!.content;
    const en = md("en");
    const sv = md("sv");
    for (const text of ["To follow substance use.", "at the assessment", "The SoLPuL act", "The first note.", "years", "Catches what the questions leave out."]) {
      expect(en, `English handbook shows ${text}`).toContain(text);
      expect(sv, `Swedish handbook does not show ${text}`).not.toContain(text);
    }
    for (const text of ["Att följa substansbruket.", "vid utredning", "Första anteckningen.", "Fångar det som inte ryms i frågorna."]) {
      expect(sv, `Swedish handbook shows ${text}`).toContain(text);
      expect(en, `English handbook does not show ${text}`).not.toContain(text);
    }
    // Untranslated, the second note shows as written in both.
    expect(en).toContain("Andra anteckningen.");
    const form = buildForm(m, { lang: "en" });
    expect(form.plan.purpose).toBe("To follow substance use.");
    expect(form.plan.legalBasis).toEqual(["The SoLPuL act"]);
    expect(form.timepoints[0]!.when).toBe("at the assessment");
    const fields = form.timepoints[0]!.fields;
    expect(fields.find((f) => f.name === "alder")!.unit).toBe("years");
    expect(fields.find((f) => f.name === "kommentar")!.reason).toBe("Catches what the questions leave out.");
    expect(buildForm(m, { lang: "sv" }).timepoints[0]!.when).toBe("vid utredning");
  });
});
