// Checks added by the lead: ISU0105 reserved-name.
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { DIALECTS } from "../compiler/sql/dialects/index.js";
import { registrationTable } from "../compiler/sql/storage.js";

const plan = (body: string) => `plan p "P" {
  language sv
  purpose "Test."
}
timepoint bedomning "Bedömning" { when "vid utredning" }
${body}
`;
const run = (text: string) => compile("/virtual/plan.isu", { host: { readFile: (p) => (p === "/virtual/plan.isu" ? text : undefined) } });

describe("ISU0105 reserved-name", () => {
  it("reports the pseudonymous key used as a variable name, at the name", () => {
    const c = run(plan(`variable individ_id "Id" : integer 0..9 at bedomning\nquestion q "Q" { summary individ_id }`));
    const d = c.diagnostics.filter((x) => x.code === "ISU0105");
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toBe("variable 'individ_id' has a name the generated database uses for its own column or table");
    expect(d[0]!.range.start).toMatchObject({ line: 6, column: 10 });
    expect(d[0]!.range.end).toMatchObject({ line: 6, column: 20 });
  });

  it("reports a multiple-choice table name longer than 63 bytes", () => {
    const long = "insatser_som_beviljats_under_hela_utredningstiden_ar";
    const c = run(plan(`valueset i "I" {\n  a "A"\n  annat "Annat" other\n}\nvariable ${long} "L" : multiple i at bedomning\nquestion q "Q" { count ${long} }`));
    const d = c.diagnostics.filter((x) => x.code === "ISU0105");
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toContain(`'reg_bedomning__${long}', ${("reg_bedomning__" + long).length} bytes long; PostgreSQL keeps 63`);
  });

  // The limit is the dialect files' (maxIdentifierBytes), the strictest of them.
  it("holds table names to the strictest dialect's identifier limit, named in the message", () => {
    const limits = Object.values(DIALECTS).flatMap((d) => (d.maxIdentifierBytes === undefined ? [] : [{ title: d.title, bytes: d.maxIdentifierBytes }]));
    const strictest = limits.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    expect(strictest).toEqual({ title: "PostgreSQL", bytes: 63 });
    const timepoint = (bytes: number) => "t" + "x".repeat(bytes - registrationTable("t").length);
    const at = (name: string) => run(`plan p "P" {\n  language sv\n  purpose "Test."\n}\ntimepoint ${name} "T" { when "då" }\nvariable alder "Ålder" : integer 0..120 at ${name}\nquestion q "Q" { summary alder }\n`).diagnostics.filter((x) => x.code === "ISU0105");
    expect(registrationTable(timepoint(strictest.bytes))).toHaveLength(strictest.bytes);
    expect(at(timepoint(strictest.bytes))).toEqual([]);
    const over = at(timepoint(strictest.bytes + 1));
    expect(over.map((d) => d.message)).toEqual([`time point '${timepoint(strictest.bytes + 1)}' needs the table '${registrationTable(timepoint(strictest.bytes + 1))}', ${strictest.bytes + 1} bytes long; ${strictest.title} keeps ${strictest.bytes}`]);
    expect(over[0]!.hint).toBe("shorten the name by 1 characters");
  });

  it("is silent on ordinary names", () => {
    const c = run(plan(`variable alder "Ålder" : integer 0..120 at bedomning\nquestion q "Q" { summary alder }`));
    expect(c.diagnostics.filter((x) => x.code === "ISU0105")).toEqual([]);
  });
});

describe("time point order: the plan's `timepoints` setting and ISU0903 timepoint-order", () => {
  // A shared module declares the follow-up; imports come first in declaration order.
  const modul = `timepoint uppf_12m "Uppföljning 12 månader"
valueset skala "Skala" ordinal better higher {
  1 "Låg"
  2 "Hög"
  9 "Vet ej" missing
}
`;
  const rootPlan = (setting: string) => `import "./modul.isu"
plan p "P" {
  language sv
  purpose "Test."
  ${setting}
}
timepoint inskrivning "Inskrivning"
variable funktion "Funktion" : skala at inskrivning, uppf_12m {
  definition "Hur väl klienten klarar vardagen."
}
question q "Q" {
  change funktion from inskrivning to uppf_12m
}
`;
  const files = (setting: string): Record<string, string> => ({ "/virtual/plan.isu": rootPlan(setting), "/virtual/modul.isu": modul });
  const runFiles = (fs: Record<string, string>) => compile("/virtual/plan.isu", { host: { readFile: (p) => fs[p] } });
  const codes = (c: ReturnType<typeof runFiles>) => c.diagnostics.map((d) => d.code);
  const applyFix = (text: string, d: ReturnType<typeof runFiles>["diagnostics"][number]) => {
    const e = d.fixes![0]!.edits[0]!;
    return text.slice(0, e.range.start.offset) + e.newText + text.slice(e.range.end.offset);
  };

  it("without the setting an imported time point comes first, and ISU0305's hint says so", () => {
    const c = runFiles(files(""));
    expect(c.resolution.timepointOrder.get("uppf_12m")).toBe(0);
    const d = c.diagnostics.filter((x) => x.code === "ISU0305");
    expect(d).toHaveLength(1);
    expect(d[0]!.hint).toContain("time points from imported files come first; state the order with 'timepoints a, b, c' in the plan block");
  });

  it("with the setting the module's time point is ordered after the plan's own, and the plan checks clean", () => {
    const c = runFiles(files("timepoints inskrivning, uppf_12m"));
    expect(codes(c)).toEqual([]);
    expect([...c.resolution.timepointOrder.entries()]).toEqual([["inskrivning", 0], ["uppf_12m", 1]]);
    expect(c.model!.timepoints.map((t) => [t.name, t.order])).toEqual([["inskrivning", 0], ["uppf_12m", 1]]);
  });

  it("records each listed name as a reference to its time point (go to definition, rename)", () => {
    const c = runFiles(files("timepoints inskrivning, uppf_12m"));
    const refs = c.resolution.refs.filter((x) => x.role === "plan-order");
    expect(refs.map((x) => [x.name, x.target?.file, x.range.start.line])).toEqual([["inskrivning", "/virtual/plan.isu", 5], ["uppf_12m", "/virtual/modul.isu", 5]]);
  });

  it("reports a declared time point missing from the list, with a fix that appends it", () => {
    const fs = files("timepoints inskrivning");
    const c = runFiles(fs);
    const d = c.diagnostics.filter((x) => x.code === "ISU0903");
    expect(codes(c)).toEqual(["ISU0903"]);
    expect(d[0]!.message).toBe("'timepoints' does not list time point 'uppf_12m'");
    expect(d[0]!.range.start).toMatchObject({ line: 5, column: 14 });
    const fixed = applyFix(fs["/virtual/plan.isu"]!, d[0]!);
    expect(fixed).toContain("timepoints inskrivning, uppf_12m\n");
    expect(codes(runFiles({ ...fs, "/virtual/plan.isu": fixed }))).toEqual([]);
  });

  it("reports a time point named twice at the repeated name, with a fix that removes it", () => {
    const fs = files("timepoints inskrivning, uppf_12m, inskrivning");
    const c = runFiles(fs);
    const d = c.diagnostics.filter((x) => x.code === "ISU0903");
    expect(codes(c)).toEqual(["ISU0903"]);
    expect(d[0]!.message).toBe("time point 'inskrivning' is named twice in 'timepoints'");
    expect(d[0]!.range.start).toMatchObject({ line: 5, column: 37 });
    const fixed = applyFix(fs["/virtual/plan.isu"]!, d[0]!);
    expect(fixed).toContain("timepoints inskrivning, uppf_12m\n");
    expect(codes(runFiles({ ...fs, "/virtual/plan.isu": fixed }))).toEqual([]);
  });

  it("leaves an undeclared name to ISU0101, with did-you-mean", () => {
    const c = runFiles(files("timepoints inskrivning, uppf_12, uppf_12m"));
    expect(codes(c)).toEqual(["ISU0101"]);
    expect(c.diagnostics[0]!.message).toBe("undefined time point 'uppf_12'");
    expect(c.diagnostics[0]!.hint).toBe("did you mean 'uppf_12m'?");
  });

  it("reports the setting given twice (ISU0902)", () => {
    const c = runFiles(files("timepoints inskrivning, uppf_12m\n  timepoints inskrivning, uppf_12m"));
    expect(codes(c)).toEqual(["ISU0902"]);
  });
});

// Problems found by a user test: unread time points, reasons, follow-on errors, code formats.
describe("user-test findings", () => {
  const twoTp = (body: string, settings = "") => `plan p "P" {
  language sv
  purpose "Test."
${settings}}
timepoint inflyttning "Inflyttning" { when "vid inflyttning" }
timepoint uppf_12m "Uppföljning 12 månader" { when "efter ett år" }
valueset nojdhet "Nöjdhet" ordinal better higher {
  1 "Missnöjd"
  2 "Ganska nöjd"
  3 "Nöjd"
}
valueset boende "Boende" {
  ensam "Ensam"
  sambo "Sambo"
  annat "Annat" other
}
${body}
`;
  const only = (c: ReturnType<typeof run>, code: string) => c.diagnostics.filter((x) => x.code === code);
  const applyFirstFix = (text: string, d: ReturnType<typeof run>["diagnostics"][number]) => {
    const e = d.fixes![0]!.edits[0]!;
    return text.slice(0, e.range.start.offset) + e.newText + text.slice(e.range.end.offset);
  };

  describe("ISU0601 unused-variable and `reason`", () => {
    it("exempts a free-text field that states a reason, but still reports one without", () => {
      const body = `variable nojdhet "Nöjdhet" : nojdhet at uppf_12m { definition "Hur nöjd den boende är." }
variable kommentar "Kommentar" : text at uppf_12m {
  when nojdhet in (1, 2)
  reason "Underlag för förbättringsarbete."
}
variable datum "Inflyttningsdatum" : date at inflyttning
question q "Q" { count nojdhet }`;
      const c = run(twoTp(body));
      const d = only(c, "ISU0601");
      expect(d.map((x) => x.message)).toEqual(["variable 'datum' is collected but no question reads it"]);
      expect(d[0]!.hint).toContain(`state why with 'reason "…"'`);
      expect(only(c, "ISU0602")).toEqual([]);
    });
  });

  describe("ISU0605 unread-timepoint", () => {
    const mna = `variable mna "MNA-SF" : integer 0..14 at inflyttning, uppf_12m`;
    it("reports the time point no question reads, at its name in the `at` list, with a fix that removes it", () => {
      const text = twoTp(`${mna}\nquestion q "Q" { summary mna at inflyttning }`);
      const d = only(run(text), "ISU0605");
      expect(d).toHaveLength(1);
      expect(d[0]!.severity).toBe("warning");
      expect(d[0]!.message).toBe("variable 'mna' is recorded at 'uppf_12m' but no question reads it there");
      expect(d[0]!.hint).toContain("remove 'uppf_12m' from the 'at' list of 'mna'");
      const line = text.split("\n").findIndex((l) => l.startsWith("variable mna")) + 1;
      expect(d[0]!.range.start).toMatchObject({ line, column: text.split("\n")[line - 1]!.indexOf("uppf_12m") + 1 });
      const fixed = applyFirstFix(text, d[0]!);
      expect(fixed).toContain(`variable mna "MNA-SF" : integer 0..14 at inflyttning\n`);
      expect(run(fixed).diagnostics).toEqual([]);
    });

    it("counts reads by change, attainment goals, splits, `where`, groups and `when` conditions", () => {
      const body = `variable nojdhet "Nöjdhet" : nojdhet at inflyttning, uppf_12m { definition "Hur nöjd den boende är." }
variable boende "Boende" : boende at inflyttning, uppf_12m
variable alder "Ålder" : integer 65..110 at inflyttning, uppf_12m
group aldersgrupp "Åldersgrupp" from alder {
  "65–79" = 65..79
  "80–" = 80..
}
variable orsak "Orsak till missnöje" : text at uppf_12m {
  when boende = ensam
  reason "Underlag för förbättringsarbete."
}
question q1 "Q1" {
  change nojdhet from inflyttning to uppf_12m
  by boende
}
question q2 "Q2" {
  count nojdhet at uppf_12m
  by aldersgrupp
  where alder >= 70
}`;
      const c = run(twoTp(body));
      // boende: split of q1 at inflyttning; `when` of orsak at uppf_12m. alder: group and where at uppf_12m only.
      expect(only(c, "ISU0605").map((x) => x.message)).toEqual(["variable 'alder' is recorded at 'inflyttning' but no question reads it there"]);
    });

    it("exempts variables with a reason, declared other descriptions and variables no question reads (ISU0601's)", () => {
      const body = `variable boende "Boende" : boende at inflyttning, uppf_12m
variable boende_annat "Annat boende" : text at inflyttning, uppf_12m { when boende = annat }
variable vikt "Vikt" : decimal 30..200 at inflyttning, uppf_12m { reason "Underlag för nutritionsarbetet." }
variable langd "Längd" : integer 100..220 at inflyttning, uppf_12m
question q "Q" { count boende at inflyttning }`;
      const c = run(twoTp(body));
      expect(only(c, "ISU0605").map((x) => x.message)).toEqual(["variable 'boende' is recorded at 'uppf_12m' but no question reads it there"]);
      expect(only(c, "ISU0601").map((x) => x.message)).toEqual(["variable 'langd' is collected but no question reads it"]);
      // The fix stops recording the declared description there too.
      const fixed = only(c, "ISU0605")[0]!.fixes![0]!.edits.reduceRight((t, e) => t.slice(0, e.range.start.offset) + e.newText + t.slice(e.range.end.offset), twoTp(body));
      expect(fixed).toContain(`variable boende "Boende" : boende at inflyttning\n`);
      expect(fixed).toContain(`variable boende_annat "Annat boende" : text at inflyttning { when boende = annat }`);
    });

    it("stays silent when the question's time point is undecided (ISU0304 reports it)", () => {
      const c = run(twoTp(`variable nojdhet "Nöjdhet" : nojdhet at inflyttning, uppf_12m { definition "D." }\nquestion q "Q" { count nojdhet }`));
      expect(only(c, "ISU0304")).toHaveLength(1);
      expect(only(c, "ISU0605")).toEqual([]);
    });
  });

  describe("ISU0306 change-on-nominal on a number", () => {
    it("suggests summary at each time point or a group, not a count (ISU0309)", () => {
      const c = run(twoTp(`variable mna "MNA-SF" : integer 0..14 at inflyttning, uppf_12m\nquestion q "Q" { change mna from inflyttning to uppf_12m }`));
      const d = only(c, "ISU0306");
      expect(d).toHaveLength(1);
      expect(d[0]!.hint).toBe("ask with 'summary mna at <time point>' at each time point, or form a group of 'mna' (bands) and count it at each time point");
    });
  });

  describe("ISU0101 after ISU0104", () => {
    it("does not report a use of the name ISU0104 suggests for an invalid declared name", () => {
      const c = run(plan(`variable närvaro "Närvaro" : integer 0..100 at bedomning\nquestion q "Q" { summary narvaro }`));
      expect(c.diagnostics.map((d) => d.code)).toEqual(["ISU0104"]);
      expect(c.diagnostics[0]!.hint).toContain("use 'narvaro'");
    });

    it("still reports other undefined names, with a suggestion", () => {
      const c = run(plan(`variable närvaro "Närvaro" : integer 0..100 at bedomning\nquestion q "Q" { summary narvar }`));
      const d = only(c, "ISU0101");
      expect(d).toHaveLength(1);
      expect(d[0]!.hint).toBe("did you mean 'närvaro'?");
    });
  });

  describe("ISU0708 classification-code-format", () => {
    const coded = (codes: string) => plan(`valueset insats "Insats" {\n  a "A" {${codes}}\n  annat "Annat" other\n}\nvariable insats "Insats" : insats at bedomning\nquestion q "Q" { count insats }`);
    it("accepts ICF, KVÅ and KSI codes of the right shape", () => {
      for (const code of [`code icf "d4"`, `code icf "d450"`, `code icf "d4500"`, `code icf "b1"`, `code icf "e310"`, `code icf "s7"`, `code kva "DU007"`, `code ksi 2017 "VEB PH ZZ"`, `code ksi 2022 "VEB PH ZZ"`]) {
        expect(only(run(coded(` ${code} `)), "ISU0708"), code).toEqual([]);
      }
    });

    it("reports codes that do not look like their system's, at the code", () => {
      const cases: [string, string][] = [
        [`code icf "D450"`, "ICF code 'D450' on value 'a' of value set 'insats' does not look like an ICF code"],
        [`code icf "d45a"`, "ICF code 'd45a' on value 'a' of value set 'insats' does not look like an ICF code"],
        [`code icf "x450"`, "ICF code 'x450' on value 'a' of value set 'insats' does not look like an ICF code"],
        [`code kva "du007"`, "KVÅ code 'du007' on value 'a' of value set 'insats' does not look like a KVÅ code"],
        [`code kva "DU07"`, "KVÅ code 'DU07' on value 'a' of value set 'insats' does not look like a KVÅ code"],
      ];
      for (const [code, message] of cases) {
        const text = coded(` ${code} `);
        const d = only(run(text), "ISU0708");
        expect(d.map((x) => x.message), code).toEqual([message]);
        expect(d[0]!.severity).toBe("warning");
        const quoted = code.slice(code.indexOf('"'));
        expect(text.slice(d[0]!.range.start.offset, d[0]!.range.end.offset)).toBe(quoted);
      }
    });

    it("reports a KSI version other than 2017 and 2022, naming the known ones", () => {
      const text = coded(` code ksi 2019 "VEB PH ZZ" `);
      const d = only(run(text), "ISU0708");
      expect(d.map((x) => x.message)).toEqual(["KSI version '2019' on value 'a' of value set 'insats' is not a known KSI version (known: '2017' and '2022')"]);
      expect(text.slice(d[0]!.range.start.offset, d[0]!.range.end.offset)).toBe("2019");
    });
  });
});

describe("ISU0313 redundant-split", () => {
  const body = `valueset kon "Kön" {
  kvinna "Kvinna"
  man "Man"
  annat "Annat" other
}
variable kon "Kön" : kon at bedomning
`;
  const codes = (q: string) =>
    run(plan(body + q))
      .diagnostics.filter((d) => d.code === "ISU0313")
      .map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`);

  it("reports a part twice in one combined split, a split listed twice, and a split by the counted variable", () => {
    expect(codes(`question q "Q" {\n  count kon\n  by kon\n}`)).toEqual(["14:6 question 'q' splits by 'kon', which it already counts"]);
    expect(codes(`variable alder "Å" : integer 0..120 at bedomning\ngroup ag "AG" from alder {\n  unga "Unga" = 0..64\n  aldre "Äldre" = 65..120\n}\nquestion q "Q" {\n  summary alder\n  by ag * ag, kon, kon\n}`)).toEqual([
    "19:11 question 'q': 'ag' appears twice in one combined split",
      "19:20 question 'q' lists the same split twice",
    ]);
  });

  it("is silent on distinct splits", () => {
    expect(codes(`variable alder "Å" : integer 0..120 at bedomning\nquestion q "Q" {\n  summary alder\n  by kon\n}`)).toEqual([]);
  });
});

describe("ISU0703 missing-translation: the plan's texts", () => {
  const translated = (planTexts: string, timepointTexts: string, variableTexts: string) => `plan p "P" {
  language sv
  translations en
  label en "P"
${planTexts}
}
timepoint bedomning "Bedömning" {
  label en "Assessment"
${timepointTexts}
}
variable alder "Ålder" : integer 0..120 unit "år" at bedomning { label en "Age" }
variable kommentar "Kommentar" : text at bedomning {
  label en "Comment"
  optional
${variableTexts}
}
question q "Ålder?" { summary alder  label en "Age?" }
`;
  const messages = (text: string) => run(text).diagnostics.map((d) => d.message);

  it("reports a purpose, note, legal basis, when and reason without their English translation", () => {
    const text = translated(
      `  purpose "Syfte."\n  legal_basis "SoLPuL"\n  note "N1"\n  note "N2"\n  note en "Note 2"`,
      `  when "vid utredning"`,
      `  reason "Skäl."`,
    );
    const c = run(text);
    expect(c.diagnostics.every((d) => d.code === "ISU0703")).toBe(true);
    expect(c.diagnostics.map((d) => d.message)).toEqual([
      "the plan's purpose has no translation in 'en'",
      "the plan's legal_basis has no translation in 'en'",
      // `note en` translates the nearest untagged note before it: N2, so N1 lacks one.
      "the plan's note has no translation in 'en'",
      "the 'when' of time point 'bedomning' has no translation in 'en'",
      "the reason of variable 'kommentar' has no translation in 'en'",
    ]);
    const note = c.diagnostics[2]!;
    expect(text.slice(note.range.start.offset, note.range.end.offset)).toBe('"N1"');
    expect(note.hint).toContain('`note en "…"` right after it');
    expect(c.diagnostics[3]!.hint).toContain('`when en "…"`');
  });

  it("is quiet when every text is translated, and does not ask for units", () => {
    const text = translated(
      `  purpose """\n    Syfte.\n  """\n  purpose en """\n    Purpose.\n  """\n  legal_basis "SoLPuL"\n  legal_basis en "SoLPuL act"\n  note "N1"\n  note en "Note 1"`,
      `  when "vid utredning"\n  when en "at the assessment"`,
      `  reason "Skäl."\n  reason en "Reason."`,
    );
    expect(messages(text)).toEqual([]);
  });

  it("asks nothing when the plan promises no translations", () => {
    const text = translated(`  purpose "Syfte."\n  note "N1"`, `  when "vid utredning"`, `  reason "Skäl."`).replace("  translations en\n", "");
    expect(run(text).diagnostics.filter((d) => d.code === "ISU0703")).toEqual([]);
  });
});

describe("ISU0902 invalid-plan-setting: a translated purpose", () => {
  it("reports a second `purpose en`, but not several translated notes", () => {
    const text = `plan p "P" {\n  language sv\n  purpose "Syfte."\n  purpose en "Purpose."\n  purpose en "Again."\n  note "A"\n  note en "A"\n  note "B"\n  note en "B"\n}\ntimepoint t "T"\n`;
    const d = run(text).diagnostics.filter((x) => x.code === "ISU0902");
    expect(d.map((x) => x.message)).toEqual(["'purpose en' is given twice in plan 'p' (first on line 4)"]);
    expect(d[0]!.range.start.line).toBe(5);
  });
});
