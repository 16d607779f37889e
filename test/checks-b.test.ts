// Group B checks: measurability (ISU0301–ISU0312) and time (ISU0401–ISU0403).
// Each rule: its failing example gives exactly its code, its passing example
// nothing; inline plans pin message, range, hint and fixes — and applying a fix
// must make the diagnostic go away without introducing another.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { rulesByCode } from "../compiler/checks/engine/registry.js";
import { compile, type Compilation } from "../compiler/compile.js";
import type { Diagnostic, Fix } from "../compiler/syntax/diagnostic.js";
import { failingExamplePath, passingExamplePath } from "../compiler/docs/diagnostics-doc.js";

const root = path.resolve(__dirname, "..");
const CODES = ["ISU0301", "ISU0302", "ISU0303", "ISU0304", "ISU0305", "ISU0306", "ISU0307", "ISU0308", "ISU0309", "ISU0310", "ISU0311", "ISU0312", "ISU0401", "ISU0402", "ISU0403"];
const PLAN = "/virtual/plan.isu";

// The plans isolate group B: variables are often recorded at time points the one
// question does not read, which ISU0605 unread-timepoint (tested in checks-lead) would add,
// and some count the variable they split by, which ISU0313 redundant-split would add.
const PRELUDE = `plan hemtjanst "Hemtjänst" {
  language sv
  purpose "Att följa brukarnas funktionstillstånd."
  rule ISU0605 off
  rule ISU0313 off
}
timepoint bedomning "Bedömning" { when "vid utredning" }
timepoint uppfoljning "Uppföljning" { when "6 månader efter beslut" }
valueset kon "Kön" { kvinna "Kvinna" man "Man" annat "Annat" other }
valueset boende "Boendesituation" { ensam "Ensamboende" sambo "Sammanboende" annat "Annat boende" other }
valueset insatser "Insatser" { stad "Städning" inkop "Inköp" annan "Annan insats" other }
valueset svarighet "Bedömningsskala" ordinal better lower { 0 "Inga" 1 "Lätta" 2 "Måttliga" 3 "Stora" 4 "Totala" 9 "Ej tillämpligt" missing }
`;

const KON = `variable kon "Kön" : kon at bedomning\n`;
const ALDER = `variable alder "Ålder" : integer 18..120 unit "år" at bedomning\n`;
const ALDERSGRUPP = `group aldersgrupp "Åldersgrupp" from alder { "18–64 år" = 18..64  "65–79 år" = 65..79  "80 år och äldre" = 80.. }\n`;
const forflyttning = (at: string): string => `variable forflyttning "Förflyttning" : svarighet at ${at} { definition "Förmåga att förflytta sig." }\n`;
const mal = (at: string, type = "svarighet"): string => `variable forflyttning_mal "Avsett funktionstillstånd" : ${type} at ${at} { definition "Det tillstånd insatsen syftar till." }\n`;
const boende = (at: string): string => `variable boende "Boendesituation" : boende at ${at}\n`;

function compileFiles(files: Record<string, string>): Compilation {
  return compile(PLAN, { host: { readFile: (p) => files[p] } });
}
function compilePlan(body: string, extra: Record<string, string> = {}): { c: Compilation; src: string; files: Record<string, string> } {
  const src = PRELUDE + body;
  const files = { [PLAN]: src, ...extra };
  return { c: compileFiles(files), src, files };
}
const codes = (c: Compilation): string[] => c.diagnostics.map((d) => `${d.code} ${d.message}`);

/** 1-based start and end of `needle` inside the first occurrence of `context` (a longer, unique text around it). */
function find(src: string, needle: string, context = needle): { line: number; column: number; endLine: number; endColumn: number } {
  const c = src.indexOf(context);
  const inner = context.indexOf(needle);
  if (c < 0 || inner < 0) throw new Error(`'${needle}' in '${context}' not in source`);
  const at = c + inner;
  const pos = (o: number) => {
    const before = src.slice(0, o).split("\n");
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  };
  const s = pos(at);
  const e = pos(at + needle.length);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}
function rangeOf(d: Diagnostic): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: d.range.start.line, column: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column };
}

/** The one diagnostic the plan produces; fails if there are others. */
function single(c: Compilation, code: string): Diagnostic {
  expect(codes(c)).toEqual(c.diagnostics.filter((d) => d.code === code).map((d) => `${d.code} ${d.message}`));
  expect(c.diagnostics).toHaveLength(1);
  return c.diagnostics[0]!;
}

function applyFix(files: Record<string, string>, fix: Fix): Record<string, string> {
  const out = { ...files };
  const byFile = new Map<string, Fix["edits"]>();
  for (const e of fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, edits] of byFile) {
    let text = out[file]!;
    for (const e of [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset)) text = text.slice(0, e.range.start.offset) + e.newText + text.slice(e.range.end.offset);
    out[file] = text;
  }
  return out;
}

function fixedIsClean(files: Record<string, string>, fix: Fix | undefined): Compilation {
  expect(fix).toBeDefined();
  const c = compileFiles(applyFix(files, fix!));
  expect(codes(c)).toEqual([]);
  return c;
}

describe("Group B fixtures", () => {
  for (const code of CODES) {
    const rule = rulesByCode.get(code);
    it(`${code} is registered with meta and docs`, () => {
      expect(rule, code).toBeDefined();
      expect(rule!.meta.defaultSeverity).toBe("error");
      expect(rule!.meta.docs.length).toBeGreaterThan(100);
    });
    if (!rule) continue;
    it(`${code} ${rule.meta.name}: the broken example gives exactly ${code}`, () => {
      const c = compile(failingExamplePath(root, rule));
      expect(c.diagnostics.length).toBeGreaterThan(0);
      expect(codes(c)).toEqual(c.diagnostics.filter((d) => d.code === code).map((d) => `${d.code} ${d.message}`));
      for (const d of c.diagnostics) expect(d.hint, d.message).toBeTruthy();
    });
    it(`${code} ${rule.meta.name}: the passing example is clean and builds a model`, () => {
      const p = passingExamplePath(root, rule);
      expect(fs.existsSync(p)).toBe(true);
      const c = compile(p);
      expect(codes(c)).toEqual([]);
      expect(c.model).toBeDefined();
    });
  }
});

describe("ISU0301 question-without-analysis", () => {
  it("names the question at its name", () => {
    const { c, src } = compilePlan(`${KON}question fordelning "Fördelning" { count kon }\nquestion tom "Vad vill vi veta?" {\n  by kon\n}\n`);
    const d = single(c, "ISU0301");
    expect(d.message).toBe("question 'tom' has no analysis");
    expect(rangeOf(d)).toEqual(find(src, "tom", "question tom"));
    expect(d.hint).toContain("count <variable>");
  });
  it("stays silent when the analysis is a syntax error", () => {
    const { c } = compilePlan(`${KON}question fordelning "Fördelning" {\n  count\n}\n`);
    expect(c.diagnostics.map((d) => d.code)).not.toContain("ISU0301");
    expect(c.diagnostics.map((d) => d.code)).toContain("ISU0001");
  });
});

describe("ISU0302 several-analyses", () => {
  it("reports the extra analysis and moves it into a new question with the same split and condition", () => {
    const body = `${KON}${boende("bedomning")}question bakgrund "Vilka brukare har vi?" {\n  count kon\n  crosstab kon by boende\n  by kon\n  where boende != annat\n}\n`;
    const { c, src, files } = compilePlan(body);
    const d = single(c, "ISU0302");
    expect(d.message).toBe("question 'bakgrund' has more than one analysis: 'crosstab' after 'count'");
    expect(rangeOf(d)).toEqual(find(src, "crosstab kon by boende"));
    expect(d.fixes).toHaveLength(1);
    expect(d.fixes![0]!.title).toBe("Move 'crosstab' to a new question 'bakgrund_crosstab'");
    const fixed = applyFix(files, d.fixes![0]!);
    expect(fixed[PLAN]).toContain(`question bakgrund_crosstab "Vilka brukare har vi?" {\n  crosstab kon by boende\n  by kon\n  where boende != annat\n}`);
    expect(fixed[PLAN]).toContain(`  count kon\n  by kon\n`);
    const after = fixedIsClean(files, d.fixes![0]);
    expect(after.model!.questions.map((q) => q.analysis.kind)).toEqual(["count", "crosstab"]);
  });
});

describe("ISU0303 not-collected-at", () => {
  it("a change to a time point the variable lacks: adds it to the 'at' list", () => {
    const { c, src, files } = compilePlan(`${forflyttning("bedomning")}question forandring "Förändring" {\n  change forflyttning from bedomning to uppfoljning\n}\n`);
    const d = single(c, "ISU0303");
    expect(d.message).toBe("question 'forandring': variable 'forflyttning' is not recorded at 'uppfoljning'");
    expect(rangeOf(d)).toEqual(find(src, "uppfoljning", "to uppfoljning"));
    expect(d.hint).toBe("add 'uppfoljning' to its 'at' list, so that it is recorded at both time points the change compares");
    expect(d.fixes!.map((f) => f.title)).toEqual(["Record 'forflyttning' at 'uppfoljning' too"]);
    expect(applyFix(files, d.fixes![0]!)[PLAN]).toContain(`: svarighet at bedomning, uppfoljning {`);
    fixedIsClean(files, d.fixes![0]);
  });
  it("a group read where its source is not recorded: the fix goes to the source variable", () => {
    const { c, src, files } = compilePlan(`${ALDER}${ALDERSGRUPP}question aldrar "Åldrar" {\n  count aldersgrupp at uppfoljning\n}\n`);
    const d = single(c, "ISU0303");
    expect(d.message).toBe("question 'aldrar': group 'aldersgrupp' is not recorded at 'uppfoljning'");
    expect(rangeOf(d)).toEqual(find(src, "uppfoljning", "aldersgrupp at uppfoljning"));
    expect(d.hint).toBe("add 'uppfoljning' to the 'at' list of its source variable 'alder', or ask at 'bedomning'");
    expect(d.fixes!.map((f) => f.title)).toEqual(["Record 'alder' at 'uppfoljning' too", "Ask at 'bedomning'"]);
    fixedIsClean(files, d.fixes![0]);
    fixedIsClean(files, d.fixes![1]);
  });
  it("a group fixed to one time point cannot be read at another", () => {
    const { c } = compilePlan(
      `variable alder "Ålder" : integer 18..120 at bedomning, uppfoljning\ngroup aldersgrupp "Åldersgrupp" from alder at bedomning { "18–64 år" = 18..64  "65 år och äldre" = 65.. }\nquestion aldrar "Åldrar" { count aldersgrupp at uppfoljning }\n`,
    );
    const d = single(c, "ISU0303");
    expect(d.hint).toBe("group 'aldersgrupp' is formed from 'alder' at 'bedomning' only; ask at 'bedomning'");
    expect(d.fixes!.map((f) => f.title)).toEqual(["Ask at 'bedomning'"]);
  });
  it("a group's own source time point and a variable's condition are checked too", () => {
    const { c } = compilePlan(
      `${ALDER}group aldersgrupp "Åldersgrupp" from alder at uppfoljning { "18–64 år" = 18..64  "65–79 år" = 65..79  "80 år och äldre" = 80.. }\nvariable larm "Trygghetslarm" : boolean at uppfoljning { when alder at uppfoljning >= 80 }\nquestion aldrar "Åldrar" { count aldersgrupp by larm }\n`,
    );
    expect(codes(c)).toEqual([
      "ISU0303 group 'aldersgrupp': variable 'alder' is not recorded at 'uppfoljning'",
      "ISU0303 variable 'larm': variable 'alder' is not recorded at 'uppfoljning'",
    ]);
  });
});

describe("ISU0304 ambiguous-timepoint", () => {
  it("offers each time point; the first fix makes the plan clean", () => {
    const { c, src, files } = compilePlan(`${KON}${forflyttning("bedomning, uppfoljning")}question behov "Behov" {\n  crosstab forflyttning by kon\n}\n`);
    const d = single(c, "ISU0304");
    expect(d.message).toBe("question 'behov': variable 'forflyttning' is recorded at 'bedomning' and 'uppfoljning'; the analysis does not say at which");
    expect(rangeOf(d)).toEqual(find(src, "forflyttning", "crosstab forflyttning by"));
    expect(d.hint).toBe("write 'forflyttning at bedomning' (or at 'uppfoljning')");
    expect(d.fixes!.map((f) => f.title)).toEqual(["Read 'forflyttning' at 'bedomning'", "Read 'forflyttning' at 'uppfoljning'"]);
    expect(applyFix(files, d.fixes![0]!)[PLAN]).toContain("crosstab forflyttning at bedomning by kon");
    fixedIsClean(files, d.fixes![0]);
  });
  it("an attainment's measurement suggests its latest time point first", () => {
    const { c } = compilePlan(`${forflyttning("bedomning, uppfoljning")}${mal("bedomning")}question mal "Mål" { attainment forflyttning against forflyttning_mal }\n`);
    const d = single(c, "ISU0304");
    expect(d.fixes![0]!.title).toBe("Read 'forflyttning' at 'uppfoljning'");
  });
  it("splits and conditions need no 'at': they use the record known when the analysis reads", () => {
    const { c } = compilePlan(`${forflyttning("bedomning, uppfoljning")}${boende("bedomning, uppfoljning")}question q "Q" { count forflyttning at uppfoljning by boende where boende = ensam }\n`);
    expect(codes(c)).toEqual([]);
    expect(c.model!.questions[0]!.splits[0]!.parts[0]).toEqual({ kind: "variable", name: "boende", timepoint: "uppfoljning" });
  });
});

describe("ISU0305 change-needs-two-timepoints", () => {
  it("a change from a later to an earlier time point: the fix swaps them", () => {
    const { c, src, files } = compilePlan(`${forflyttning("bedomning, uppfoljning")}question forandring "Förändring" {\n  change forflyttning from uppfoljning to bedomning\n}\n`);
    const d = single(c, "ISU0305");
    expect(d.message).toBe("question 'forandring': change of 'forflyttning' goes from 'uppfoljning' back to the earlier 'bedomning'");
    expect(rangeOf(d)).toEqual(find(src, "uppfoljning to bedomning"));
    expect(d.fixes![0]!.preferred).toBe(true);
    expect(applyFix(files, d.fixes![0]!)[PLAN]).toContain("change forflyttning from bedomning to uppfoljning");
    fixedIsClean(files, d.fixes![0]);
  });
  it("from and to the same time point: the fix picks the next one the variable is recorded at", () => {
    const { c, files } = compilePlan(`${forflyttning("bedomning, uppfoljning")}question forandring "Förändring" { change forflyttning from bedomning to bedomning }\n`);
    const d = single(c, "ISU0305");
    expect(d.message).toBe("question 'forandring': change of 'forflyttning' goes from 'bedomning' to the same time point");
    expect(d.hint).toBe("compare with a later time point: 'from bedomning to uppfoljning'");
    expect(d.fixes!.map((f) => f.title)).toEqual(["Change to 'uppfoljning'"]);
    fixedIsClean(files, d.fixes![0]);
  });
});

describe("ISU0306 change-on-nominal", () => {
  it("an attainment on a number is not on an ordinal value set", () => {
    const { c, src } = compilePlan(
      `variable vikt "Vikt" : decimal 30..250 unit "kg" at uppfoljning\nvariable vikt_mal "Målvikt" : decimal 30..250 unit "kg" at bedomning\nquestion mal "Mål" {\n  attainment vikt against vikt_mal\n}\n`,
    );
    const d = single(c, "ISU0306");
    expect(d.message).toBe("question 'mal': attainment needs an ordered scale, but 'vikt' is a decimal number, not on an ordinal value set");
    expect(rangeOf(d)).toEqual(find(src, "vikt", "attainment vikt against"));
    expect(d.fixes).toBeUndefined();
  });
  it("a change of a multiple-choice variable", () => {
    const { c } = compilePlan(`variable insats "Insatser" : multiple insatser at bedomning, uppfoljning\nquestion q "Q" { change insats from bedomning to uppfoljning }\n`);
    const d = single(c, "ISU0306");
    expect(d.message).toBe("question 'q': change needs an ordered scale, but 'insats' is multiple choice on value set 'insatser', not on an ordinal value set");
  });
});

describe("ISU0307 ordinal-without-direction", () => {
  it("fixes the value set in the imported file that declares it", () => {
    const shared = `valueset niva "Nivå" ordinal {\n  1 "Låg"\n  2 "Medel"\n  3 "Hög"\n}\n`;
    const { c, src, files } = compilePlan(
      `import "./gemensamt.isu"\nvariable trivsel "Trivsel" : niva at bedomning, uppfoljning { definition "Hur brukaren trivs." }\nquestion q "Q" {\n  change trivsel from bedomning to uppfoljning\n}\n`,
      { "/virtual/gemensamt.isu": shared },
    );
    const d = single(c, "ISU0307");
    expect(d.message).toBe("question 'q': change of 'trivsel' needs to know which end of value set 'niva' is better");
    expect(d.file).toBe(PLAN);
    expect(rangeOf(d)).toEqual(find(src, "trivsel", "change trivsel from"));
    expect(d.fixes!.map((f) => f.title)).toEqual(["Declare 'niva' ordinal better higher", "Declare 'niva' ordinal better lower"]);
    const edit = d.fixes![0]!.edits[0]!;
    expect(edit.file).toBe("/virtual/gemensamt.isu");
    expect(edit.range.start).toMatchObject({ line: 1, column: 29 });
    expect(applyFix(files, d.fixes![0]!)["/virtual/gemensamt.isu"]).toContain(`valueset niva "Nivå" ordinal better higher {`);
    fixedIsClean(files, d.fixes![0]);
  });
});

describe("ISU0308 summary-on-non-numeric", () => {
  it("a multiple-choice variable: the fix counts it instead", () => {
    const { c, src, files } = compilePlan(`variable insats "Insatser" : multiple insatser at bedomning\nquestion q "Q" {\n  summary insats\n}\n`);
    const d = single(c, "ISU0308");
    expect(d.message).toBe("question 'q': summary needs a number, but 'insats' is multiple choice on value set 'insatser'");
    expect(rangeOf(d)).toEqual(find(src, "insats", "summary insats"));
    expect(d.fixes!.map((f) => f.title)).toEqual(["Use 'count insats'"]);
    expect(applyFix(files, d.fixes![0]!)[PLAN]).toContain("  count insats\n");
    fixedIsClean(files, d.fixes![0]);
  });
  it("free text has no fix", () => {
    const { c } = compilePlan(`variable ovrigt "Övrigt" : text at bedomning { reason "Brukarens egna ord behövs." }\nquestion q "Q" { summary ovrigt }\n`);
    const d = single(c, "ISU0308");
    expect(d.message).toBe("question 'q': summary needs a number, but 'ovrigt' is free text");
    expect(d.hint).toBe("summarise an integer or decimal variable instead");
    expect(d.fixes).toBeUndefined();
  });
});

describe("ISU0309 not-categorical", () => {
  it("counting a number that has a group: the preferred fix counts the group", () => {
    const { c, src, files } = compilePlan(`${ALDER}${ALDERSGRUPP}question q "Q" {\n  count alder\n}\n`);
    const d = single(c, "ISU0309");
    expect(d.message).toBe("question 'q': count needs categories, but 'alder' is an integer");
    expect(rangeOf(d)).toEqual(find(src, "alder", "count alder"));
    expect(d.hint).toBe("use its group 'aldersgrupp' instead");
    expect(d.fixes!.map((f) => [f.title, f.preferred])).toEqual([
      ["Use group 'aldersgrupp'", true],
      ["Use 'summary alder'", undefined],
    ]);
    fixedIsClean(files, d.fixes![0]);
    fixedIsClean(files, d.fixes![1]);
  });
  it("a crosstab by a date", () => {
    const { c } = compilePlan(`${KON}variable beslut "Beslutsdatum" : date at bedomning\nquestion q "Q" { crosstab kon by beslut }\n`);
    const d = single(c, "ISU0309");
    expect(d.message).toBe("question 'q': crosstab needs categories, but 'beslut' is a date");
    expect(d.fixes).toBeUndefined();
  });
  it("counting a multiple-choice variable is allowed", () => {
    const { c } = compilePlan(`${KON}variable insats "Insatser" : multiple insatser at bedomning\nquestion q "Q" { count insats by kon }\n`);
    expect(codes(c)).toEqual([]);
  });
});

describe("ISU0310 split-not-categorical", () => {
  it("a split by a group whose source is numeric is allowed", () => {
    const { c } = compilePlan(`${KON}${ALDER}${ALDERSGRUPP}question q "Q" { count kon by aldersgrupp }\n`);
    expect(codes(c)).toEqual([]);
  });
  it("a split by the numeric variable itself is not, and the fix uses its group", () => {
    const { c, src, files } = compilePlan(`${KON}${ALDER}${ALDERSGRUPP}question q "Q" {\n  count kon\n  by alder\n}\n`);
    const d = single(c, "ISU0310");
    expect(d.message).toBe("question 'q': cannot split by 'alder', which is an integer");
    expect(rangeOf(d)).toEqual(find(src, "alder", "by alder"));
    expect(d.hint).toBe("split by its group 'aldersgrupp'");
    expect(d.fixes!.map((f) => f.title)).toEqual(["Split by group 'aldersgrupp'"]);
    fixedIsClean(files, d.fixes![0]);
  });
  it("a split by multiple choice, inside a combined split", () => {
    const { c, src } = compilePlan(`${KON}variable insats "Insatser" : multiple insatser at bedomning\nquestion q "Q" { count kon by kon * insats }\n`);
    const d = single(c, "ISU0310");
    expect(d.message).toBe("question 'q': cannot split by 'insats', which is multiple choice on value set 'insatser'");
    expect(rangeOf(d)).toEqual(find(src, "insats", "* insats"));
    expect(d.hint).toBe("split by a single-choice variable, or ask 'crosstab insats by …' to compare its choices");
  });
  it("a split by a yes/no variable is allowed", () => {
    const { c } = compilePlan(`${KON}variable larm "Trygghetslarm" : boolean at bedomning\nquestion q "Q" { count kon by larm }\n`);
    expect(codes(c)).toEqual([]);
  });
});

describe("ISU0311 attainment-valueset-mismatch", () => {
  it("a goal that is a number against an ordinal measurement", () => {
    const { c, src } = compilePlan(`${forflyttning("uppfoljning")}variable forflyttning_mal "Mål" : integer 0..4 at bedomning\nquestion mal "Mål" {\n  attainment forflyttning against forflyttning_mal\n}\n`);
    const d = single(c, "ISU0311");
    expect(d.message).toBe("question 'mal': goal 'forflyttning_mal' is an integer, but 'forflyttning' is on value set 'svarighet'");
    expect(rangeOf(d)).toEqual(find(src, "forflyttning_mal", "against forflyttning_mal"));
    expect(d.fixes).toBeUndefined();
  });
  it("a goal on another value set: the fix changes the goal's type", () => {
    const { c, files } = compilePlan(
      `valueset niva "Nivå" ordinal better higher { 1 "Låg" 2 "Medel" 3 "Hög" }\n${forflyttning("uppfoljning")}${mal("bedomning", "niva")}question mal "Mål" { attainment forflyttning against forflyttning_mal }\n`,
    );
    const d = single(c, "ISU0311");
    expect(d.fixes!.map((f) => f.title)).toEqual(["Declare 'forflyttning_mal' on value set 'svarighet'"]);
    fixedIsClean(files, d.fixes![0]);
  });
});

describe("ISU0312 variable-without-timepoint", () => {
  it("several time points: one fix per time point, inserted after the type", () => {
    const { c, src, files } = compilePlan(`variable alder "Ålder" : integer 18..120 unit "år"\nquestion q "Q" { summary alder }\n`);
    const d = single(c, "ISU0312");
    expect(d.message).toBe("variable 'alder' does not say when it is recorded; the plan has the time points 'bedomning' and 'uppfoljning'");
    expect(rangeOf(d)).toEqual(find(src, "alder", "variable alder"));
    expect(d.fixes!.map((f) => f.title)).toEqual(["Record 'alder' at 'bedomning'", "Record 'alder' at 'uppfoljning'"]);
    expect(applyFix(files, d.fixes![0]!)[PLAN]).toContain(`integer 18..120 unit "år" at bedomning\n`);
    fixedIsClean(files, d.fixes![0]);
  });
  it("no time point at all", () => {
    const src = `plan p "P" {\n  language sv\n  purpose "Att visa."\n}\nvalueset kon "Kön" { kvinna "Kvinna" man "Man" annat "Annat" other }\nvariable kon "Kön" : kon\nquestion q "Q" { count kon }\n`;
    const c = compileFiles({ [PLAN]: src });
    const d = single(c, "ISU0312");
    expect(d.message).toBe("variable 'kon' is recorded at no time point: the plan declares none");
    expect(rangeOf(d)).toEqual(find(src, "kon", "variable kon"));
  });
  it("one time point: a variable without 'at' is recorded there", () => {
    const src = `plan p "P" {\n  language sv\n  purpose "Att visa."\n}\ntimepoint bedomning "Bedömning" { when "vid utredning" }\nvalueset kon "Kön" { kvinna "Kvinna" man "Man" annat "Annat" other }\nvariable kon "Kön" : kon\nquestion q "Q" { count kon }\n`;
    const c = compileFiles({ [PLAN]: src });
    expect(codes(c)).toEqual([]);
    expect(c.model!.variables[0]!.timepoints).toEqual(["bedomning"]);
  });
});

describe("ISU0401 split-recorded-later", () => {
  it("a change may be split by a variable recorded at the follow-up (a time point it reads)", () => {
    const { c } = compilePlan(`${forflyttning("bedomning, uppfoljning")}${boende("uppfoljning")}question forandring "Förändring" { change forflyttning from bedomning to uppfoljning by boende }\n`);
    expect(codes(c)).toEqual([]);
    expect(c.model!.questions[0]!.splits[0]!.parts[0]).toEqual({ kind: "variable", name: "boende", timepoint: "uppfoljning" });
  });
  it("a 'where' on a variable recorded only later", () => {
    const { c, src, files } = compilePlan(`${forflyttning("bedomning")}${boende("uppfoljning")}question q "Q" {\n  count forflyttning\n  where boende = ensam\n}\n`);
    const d = single(c, "ISU0401");
    expect(d.message).toBe("question 'q': condition variable 'boende' is recorded only at 'uppfoljning', after the analysis reads 'bedomning'");
    expect(rangeOf(d)).toEqual(find(src, "boende", "where boende = ensam"));
    expect(d.hint).toBe("record 'boende' at 'bedomning' too (add it to its 'at' list), or restrict by something known by 'bedomning'");
    expect(d.fixes!.map((f) => f.title)).toEqual(["Record 'boende' at 'bedomning' too"]);
    expect(applyFix(files, d.fixes![0]!)[PLAN]).toContain(": boende at bedomning, uppfoljning\n");
    fixedIsClean(files, d.fixes![0]);
  });
  it("an explicit later 'at' on a split is reported too, with a fix to the earlier record", () => {
    const { c, files } = compilePlan(`${forflyttning("bedomning")}${boende("bedomning, uppfoljning")}question q "Q" { count forflyttning by boende at uppfoljning }\n`);
    const d = single(c, "ISU0401");
    expect(d.message).toBe("question 'q': split by 'boende' at 'uppfoljning' uses a record taken after the analysis reads 'bedomning'");
    expect(d.fixes!.map((f) => f.title)).toEqual(["Use 'boende' at 'bedomning'"]);
    fixedIsClean(files, d.fixes![0]);
  });
  it("a group whose source is recorded only later", () => {
    const { c } = compilePlan(`${forflyttning("bedomning")}variable alder "Ålder" : integer 18..120 at uppfoljning\n${ALDERSGRUPP}question q "Q" { count forflyttning by aldersgrupp }\n`);
    const d = single(c, "ISU0401");
    expect(d.message).toBe("question 'q': split group 'aldersgrupp' is recorded only at 'uppfoljning', after the analysis reads 'bedomning'");
    expect(d.fixes!.map((f) => f.title)).toEqual(["Record 'alder' at 'bedomning' too"]);
  });
});

describe("ISU0402 condition-recorded-later", () => {
  it("an explicit later record in a condition, with a fix to the earlier one", () => {
    const { c, src, files } = compilePlan(
      `${boende("bedomning, uppfoljning")}variable larm "Trygghetslarm" : boolean at bedomning {\n  when boende at uppfoljning = ensam\n}\nquestion q "Q" { count larm by boende }\n`,
    );
    const d = single(c, "ISU0402");
    expect(d.message).toBe("variable 'larm': its condition reads 'boende' at 'uppfoljning', after 'larm' is first recorded at 'bedomning'");
    expect(rangeOf(d)).toEqual(find(src, "boende", "when boende at uppfoljning"));
    expect(d.fixes!.map((f) => f.title)).toEqual(["Use 'boende' at 'bedomning'"]);
    fixedIsClean(files, d.fixes![0]);
  });
  it("a condition on a field of the same form is fine", () => {
    const { c } = compilePlan(`${boende("bedomning")}variable larm "Trygghetslarm" : boolean at bedomning { when boende = ensam }\nquestion q "Q" { count larm by boende }\n`);
    expect(codes(c)).toEqual([]);
  });
  it("a variable recorded at both time points whose condition is known only at the later", () => {
    const { c, files } = compilePlan(`${boende("uppfoljning")}variable larm "Trygghetslarm" : boolean at bedomning, uppfoljning { when boende = ensam }\nquestion q "Q" { count larm at uppfoljning by boende }\n`);
    const d = single(c, "ISU0402");
    expect(d.message).toBe("variable 'larm': its condition reads variable 'boende', recorded only at 'uppfoljning', after 'larm' is first recorded at 'bedomning'");
    expect(d.hint).toBe("record 'boende' at 'bedomning' too (add it to its 'at' list), or record 'larm' no earlier than 'uppfoljning'");
    fixedIsClean(files, d.fixes![0]);
  });
});

describe("ISU0403 goal-not-before-measurement", () => {
  it("a goal read at the same time point as the measurement", () => {
    const { c, src, files } = compilePlan(`${forflyttning("uppfoljning")}${mal("bedomning, uppfoljning")}question mal "Mål" {\n  attainment forflyttning against forflyttning_mal at uppfoljning\n}\n`);
    const d = single(c, "ISU0403");
    expect(d.message).toBe("question 'mal': goal 'forflyttning_mal' is read at 'uppfoljning', the same time point as the measurement 'forflyttning' at 'uppfoljning'");
    expect(rangeOf(d)).toEqual(find(src, "forflyttning_mal at uppfoljning", "against forflyttning_mal at uppfoljning"));
    expect(d.hint).toBe("read the goal earlier: 'forflyttning_mal at bedomning'");
    expect(d.fixes!.map((f) => [f.title, f.preferred])).toEqual([["Read goal 'forflyttning_mal' at 'bedomning'", true]]);
    const c2 = fixedIsClean(files, d.fixes![0]);
    expect(c2.model!.questions[0]!.analysis).toEqual({
      kind: "attainment",
      target: { kind: "variable", name: "forflyttning", timepoint: "uppfoljning" },
      goal: { kind: "variable", name: "forflyttning_mal", timepoint: "bedomning" },
    });
  });
  it("a goal read at the measurement's time point when the measurement is also recorded later: the fix measures later", () => {
    const { c, files } = compilePlan(`${forflyttning("bedomning, uppfoljning")}${mal("bedomning")}question mal "Mål" { attainment forflyttning at bedomning against forflyttning_mal }\n`);
    const d = single(c, "ISU0403");
    expect(d.hint).toBe("measure at a later time point: 'attainment forflyttning at uppfoljning against forflyttning_mal'");
    expect(d.fixes!.map((f) => [f.title, f.preferred])).toEqual([["Measure 'forflyttning' at 'uppfoljning'", true]]);
    expect(applyFix(files, d.fixes![0]!)[PLAN]).toContain("attainment forflyttning at uppfoljning against forflyttning_mal }");
    fixedIsClean(files, d.fixes![0]);
  });
  it("a goal read after the measurement, with no record that would fix it", () => {
    const { c } = compilePlan(`${forflyttning("bedomning")}${mal("uppfoljning")}question mal "Mål" { attainment forflyttning against forflyttning_mal }\n`);
    const d = single(c, "ISU0403");
    expect(d.message).toBe("question 'mal': goal 'forflyttning_mal' is read at 'uppfoljning', after the measurement 'forflyttning' at 'bedomning'");
    expect(d.hint).toBe("record the goal 'forflyttning_mal' at a time point before 'bedomning', when the goal is set");
    expect(d.fixes).toBeUndefined();
  });
});

describe("Group B rules stay silent on names that do not resolve", () => {
  it("only ISU0101 for misspelled names in every role", () => {
    const { c } = compilePlan(
      `${forflyttning("bedomning, uppfoljning")}${mal("bedomning")}${boende("bedomning")}variable larm "Trygghetslarm" : boolean at bedomning { when boendx = ensam }\n` +
        `question a "A" { change forflytning from bedomning to uppfoljnig }\n` +
        `question b "B" { count forflyttning at uppfoljnig by boendx where boendx = ensam }\n` +
        `question c "C" { attainment forflyttnin at uppfoljning against forflyttning_mal }\n` +
        `question d "D" { summary alderr }\n` +
        `question e "E" { count larm by boende }\n`,
    );
    expect(new Set(c.diagnostics.map((d) => d.code))).toEqual(new Set(["ISU0101"]));
  });
});
