// The parser and the AST builder: every construct of the language gives the
// expected AST node (fields and source ranges), and broken text gives one
// clear syntax error while the rest of the file is still read and checked.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type * as A from "../compiler/syntax/ast.js";
import { writtenTexts } from "../compiler/syntax/localized-text.js";
import { compile } from "../compiler/compile.js";
import { parseSource, type SourceFile } from "../compiler/syntax/source.js";
import { DECLARATION_STARTS, ITEM_STARTS, parser } from "../grammar/parser.js";
import { isuLexer } from "../grammar/tokens.js";

const root = path.resolve(__dirname, "..");

function parse(text: string): SourceFile {
  return parseSource("/virtual/plan.isu", text);
}

/** Parses text that must be free of syntax errors. */
function parseClean(text: string): A.FileAst {
  const sf = parse(text);
  expect(sf.syntax.map((s) => `${s.range.start.line}:${s.range.start.column} ${s.message}`)).toEqual([]);
  return sf.ast;
}

function decl<K extends A.Declaration["kind"]>(ast: A.FileAst, kind: K, name?: string): Extract<A.Declaration, { kind: K }> {
  const d = ast.declarations.find((x) => x.kind === kind && (name === undefined || ("name" in x && x.name.text === name)));
  expect(d, `${kind} ${name ?? ""}`).toBeDefined();
  return d as Extract<A.Declaration, { kind: K }>;
}

/** The source text a range covers, so ranges are checked against the text itself. */
function slice(text: string, r: A.Range): string {
  return text.slice(r.start.offset, r.end.offset);
}

/** Checks a position's line and column against its offset. */
function consistent(text: string, p: A.Position): void {
  const before = text.slice(0, p.offset);
  const line = before.split("\n").length;
  const column = p.offset - (before.lastIndexOf("\n") + 1) + 1;
  expect({ line: p.line, column: p.column }).toEqual({ line, column });
}

function compileText(text: string) {
  return compile("/virtual/plan.isu", { host: { readFile: (p) => (p === "/virtual/plan.isu" ? text : undefined) } });
}

function syntaxErrors(text: string) {
  return compileText(text).diagnostics.filter((d) => d.code === "ISU0001");
}

describe("lexer", () => {
  it("reads keywords as keywords and longer words as names", () => {
    const { tokens } = isuLexer.tokenize("count countries at at_home integer integers kön");
    expect(tokens.map((t) => `${t.tokenType.name}:${t.image}`)).toEqual([
      "Count:count",
      "Identifier:countries",
      "At:at",
      "Identifier:at_home",
      "Integer:integer",
      "Identifier:integers",
      "Identifier:kön",
    ]);
  });

  it("reads numbers, ranges and operators", () => {
    const { tokens } = isuLexer.tokenize("-3 1.5 18..120 80.. ..64 <= >= != < > = * , :");
    expect(tokens.map((t) => `${t.tokenType.name}:${t.image}`)).toEqual([
      "NumberLiteral:-3",
      "NumberLiteral:1.5",
      "NumberLiteral:18",
      "DotDot:..",
      "NumberLiteral:120",
      "NumberLiteral:80",
      "DotDot:..",
      "DotDot:..",
      "NumberLiteral:64",
      "LessEq:<=",
      "GreaterEq:>=",
      "NotEquals:!=",
      "Less:<",
      "Greater:>",
      "Equals:=",
      "Star:*",
      "Comma:,",
      "Colon::",
    ]);
  });
});

describe("AST of every construct", () => {
  it("import", () => {
    const text = `import "./gemensamt.isu"\n`;
    const d = decl(parseClean(text), "Import");
    expect(d.path.value).toBe("./gemensamt.isu");
    expect(slice(text, d.path.range)).toBe(`"./gemensamt.isu"`);
    expect(slice(text, d.range)).toBe(`import "./gemensamt.isu"`);
  });

  it("plan setting `timepoints`: the time point order, each name with its range", () => {
    const text = [`plan p {`, `  timepoints inskrivning, uppf_6m,`, `    uppf_12m`, `}`].join("\n");
    const s = decl(parseClean(text), "Plan", "p").settings[0]!;
    expect(s.key).toBe("timepoints");
    if (s.key !== "timepoints") return;
    expect(s.names.map((n) => n.text)).toEqual(["inskrivning", "uppf_6m", "uppf_12m"]);
    expect(s.names.map((n) => slice(text, n.range))).toEqual(["inskrivning", "uppf_6m", "uppf_12m"]);
    expect(s.names[2]!.range.start).toMatchObject({ line: 3, column: 5 });
    expect(slice(text, s.keyRange)).toBe("timepoints");
    expect(slice(text, s.range)).toBe("timepoints inskrivning, uppf_6m,\n    uppf_12m");
  });

  it("plan header and every setting", () => {
    const text = [
      `plan hemtjanst "Hemtjänst" {`,
      `  label en "Home care"`,
      `  organisation "Vård och omsorg"`,
      `  version "2027.1"`,
      `  language sv`,
      `  translations en, fi`,
      `  min_cell 5`,
      `  expected 400`,
      `  purpose """`,
      `    Att följa förändring.`,
      `      Indraget stycke.`,
      `  """`,
      `  note "Första anteckningen"`,
      `  note "Andra anteckningen"`,
      `  legal_basis "SoL 3 kap. 3 §"`,
      `  rule ISU0601 off`,
      `  rule small-cells warning`,
      `}`,
    ].join("\n");
    const p = decl(parseClean(text), "Plan", "hemtjanst");
    expect(p.label.text?.value).toBe("Hemtjänst");
    expect(p.label.translations.map((t) => [t.lang.text, t.text.value])).toEqual([["en", "Home care"]]);
    expect(slice(text, p.name.range)).toBe("hemtjanst");
    expect(p.name.range.start).toEqual({ offset: 5, line: 1, column: 6 });
    expect(p.range.start.line).toBe(1);
    expect(p.range.end.line).toBe(18);
    const s = p.settings;
    expect(s.map((x) => x.key)).toEqual(["label", "organisation", "version", "language", "translations", "min_cell", "expected", "purpose", "note", "note", "legal_basis", "rule", "rule"]);
    const byKey = <K extends A.PlanSetting["key"]>(k: K) => s.filter((x): x is Extract<A.PlanSetting, { key: K }> => x.key === k);
    expect(byKey("label")[0]!.lang.text).toBe("en");
    expect(byKey("label")[0]!.text.value).toBe("Home care");
    expect(byKey("organisation")[0]!.text.value).toBe("Vård och omsorg");
    expect(byKey("version")[0]!.text.value).toBe("2027.1");
    expect(byKey("language")[0]!.lang.text).toBe("sv");
    expect(byKey("translations")[0]!.langs.map((l) => l.text)).toEqual(["en", "fi"]);
    expect(byKey("min_cell")[0]!.number.value).toBe(5);
    expect(byKey("expected")[0]!.number).toMatchObject({ value: 400, raw: "400" });
    const purpose = byKey("purpose")[0]!.text;
    expect(purpose.triple).toBe(true);
    // Triple-quoted texts lose the first and last empty line and their common indentation.
    expect(purpose.value).toBe("Att följa förändring.\n  Indraget stycke.");
    expect(byKey("note").map((n) => n.text.value)).toEqual(["Första anteckningen", "Andra anteckningen"]);
    expect(byKey("legal_basis")[0]!.text.value).toBe("SoL 3 kap. 3 §");
    // The same texts, gathered: the purpose, each note, each legal basis.
    expect(p.purpose?.text).toEqual(purpose);
    expect(p.notes.map((n) => n.text?.value)).toEqual(["Första anteckningen", "Andra anteckningen"]);
    expect(p.legalBases.map((n) => n.text?.value)).toEqual(["SoL 3 kap. 3 §"]);
    expect(byKey("rule").map((r) => `${r.rule.text} ${r.severity.text}`)).toEqual(["ISU0601 off", "small-cells warning"]);
    const ruleSetting = byKey("rule")[0]!;
    expect(slice(text, ruleSetting.range)).toBe("rule ISU0601 off");
    expect(slice(text, ruleSetting.keyRange)).toBe("rule");
  });

  it("time points with and without a block", () => {
    const text = [
      `timepoint bedomning "Bedömning" {`,
      `  when "vid utredning"`,
      `  label en "Assessment"`,
      `  definition "När utredningen avslutas."`,
      `  definition en "When the investigation ends."`,
      `}`,
      `timepoint uppfoljning "Uppföljning"`,
      `timepoint avslut`,
    ].join("\n");
    const ast = parseClean(text);
    const b = decl(ast, "Timepoint", "bedomning");
    expect(b.label.text?.value).toBe("Bedömning");
    expect(b.when?.text?.value).toBe("vid utredning");
    expect(b.label.translations.map((t) => [t.lang.text, t.text.value])).toEqual([["en", "Assessment"]]);
    expect(slice(text, b.label.range)).toBe(`"Bedömning" {\n  when "vid utredning"\n  label en "Assessment"`);
    expect(writtenTexts(b.definition).map((d) => [d.lang?.text, d.text.value])).toEqual([
      [undefined, "När utredningen avslutas."],
      ["en", "When the investigation ends."],
    ]);
    expect(slice(text, b.range)).toBe(text.split("\n").slice(0, 6).join("\n"));
    const u = decl(ast, "Timepoint", "uppfoljning");
    expect(u.when).toBeUndefined();
    expect(slice(text, u.range)).toBe(`timepoint uppfoljning "Uppföljning"`);
    const a = decl(ast, "Timepoint", "avslut");
    expect(a.label.text).toBeUndefined();
    expect(a.label.translations).toEqual([]);
    // A label written nowhere sits, empty, right after the name.
    expect(a.label.range.start).toEqual(a.name.range.end);
    expect(a.label.range.end).toEqual(a.name.range.end);
    expect(ast.declarations.map((d) => ("name" in d ? d.name.text : "")).filter((n) => n)).toEqual(["bedomning", "uppfoljning", "avslut"]);
  });

  it("value sets: scale, direction, codes, other, missing, value settings", () => {
    const text = [
      `valueset svarighet "Svårighetsgrad" ordinal better lower {`,
      `  label en "Severity"`,
      `  definition "ICF:s bedömningsfaktor."`,
      `  0 "Inga svårigheter" { label en "No difficulty"  definition "0–4 %"  definition en "0–4 %" }`,
      `  1 "Lätta svårigheter"`,
      `  8 "Ej specificerat" missing`,
      `  9 "Ej tillämpligt" missing { code icf "d4" }`,
      `}`,
      `valueset insats "Insats" nominal {`,
      `  hemtjanst "Hemtjänst" { code ksi 2022 "SMB PH ZZ" code kva "DU007" }`,
      `  annat "Annat" other`,
      `  vet_ej "Vet ej" missing other`,
      `}`,
      `valueset trygghet "Trygghet" ordinal better higher { 1 "Otrygg" 2 "Trygg" }`,
      `valueset plain "Utan skala" { a "A" }`,
    ].join("\n");
    const ast = parseClean(text);
    const s = decl(ast, "Valueset", "svarighet");
    expect(s.scale?.value).toBe("ordinal");
    expect(slice(text, s.scale!.range)).toBe("ordinal");
    expect(s.direction?.value).toBe("lower");
    expect(slice(text, s.direction!.range)).toBe("lower");
    expect(s.label.translations[0]!.text.value).toBe("Severity");
    expect(s.definition?.text?.value).toBe("ICF:s bedömningsfaktor.");
    expect(s.values.map((v) => [v.code.kind, v.code.value, v.label.text.value, !!v.other, !!v.missing])).toEqual([
      ["number", "0", "Inga svårigheter", false, false],
      ["number", "1", "Lätta svårigheter", false, false],
      ["number", "8", "Ej specificerat", false, true],
      ["number", "9", "Ej tillämpligt", false, true],
    ]);
    const zero = s.values[0]!;
    expect(zero.label.translations.map((t) => t.text.value)).toEqual(["No difficulty"]);
    expect(writtenTexts(zero.definition).map((d) => d.lang?.text ?? "-")).toEqual(["-", "en"]);
    expect(slice(text, zero.range)).toBe(`0 "Inga svårigheter" { label en "No difficulty"  definition "0–4 %"  definition en "0–4 %" }`);
    expect(slice(text, s.values[2]!.missing!)).toBe("missing");
    expect(s.values[3]!.classifications[0]).toMatchObject({ kind: "Classification", system: { text: "icf" }, code: { value: "d4" } });
    expect(s.values[3]!.classifications[0]!.version).toBeUndefined();

    const i = decl(ast, "Valueset", "insats");
    expect(i.scale?.value).toBe("nominal");
    expect(i.direction).toBeUndefined();
    const hem = i.values[0]!;
    expect(hem.code).toMatchObject({ kind: "code", value: "hemtjanst" });
    expect(hem.classifications.map((c) => [c.system.text, c.version?.value, c.code.value])).toEqual([
      ["ksi", "2022", "SMB PH ZZ"],
      ["kva", undefined, "DU007"],
    ]);
    expect(slice(text, hem.classifications[0]!.range)).toBe(`code ksi 2022 "SMB PH ZZ"`);
    expect(slice(text, hem.classifications[0]!.version!.range)).toBe("2022");
    expect(slice(text, i.values[1]!.other!)).toBe("other");
    expect(!!i.values[2]!.other && !!i.values[2]!.missing).toBe(true);

    expect(decl(ast, "Valueset", "trygghet").direction?.value).toBe("higher");
    expect(decl(ast, "Valueset", "trygghet").values.map((v) => v.code.value)).toEqual(["1", "2"]);
    expect(decl(ast, "Valueset", "plain").scale).toBeUndefined();
  });

  it("variables: every type, at, and every setting", () => {
    const text = [
      `variable kon "Kön" : kon at bedomning`,
      `variable insatser "Insatser" : multiple insats at bedomning, uppfoljning`,
      `variable alder "Ålder" : integer 18..120 unit "år" at bedomning`,
      `variable vikt "Vikt" : decimal 0.5..300 at bedomning`,
      `variable antal "Antal" : integer 1.. at bedomning`,
      `variable tak "Tak" : integer ..10`,
      `variable fri "Fritt tal" : integer`,
      `variable larm "Larm" : boolean at bedomning`,
      `variable beslut "Beslutsdatum" : date at bedomning`,
      `variable annat "Annan insats" : text at bedomning {`,
      `  when insatser = annat and not kon in (man, kvinna)`,
      `  reason "Visar om värdemängden behöver kompletteras."`,
      `  optional`,
      `}`,
      `variable forflyttning "Förflyttning" : svarighet at bedomning, uppfoljning {`,
      `  label en "Mobility"`,
      `  definition "Förmåga att gå."`,
      `  definition en "Ability to walk."`,
      `  code icf "d450"`,
      `  required`,
      `  sensitive health`,
      `  sensitive sexual_life`,
      `  unit "steg"`,
      `}`,
    ].join("\n");
    const ast = parseClean(text);
    const kon = decl(ast, "Variable", "kon");
    expect(kon.type).toMatchObject({ kind: "valueset", multiple: false, valueset: { text: "kon" } });
    expect(kon.timepoints.map((t) => t.text)).toEqual(["bedomning"]);
    expect(slice(text, kon.atRange!)).toBe("at bedomning");
    expect(slice(text, kon.type.range)).toBe("kon");

    const ins = decl(ast, "Variable", "insatser");
    expect(ins.type).toMatchObject({ kind: "valueset", multiple: true, valueset: { text: "insats" } });
    expect(ins.timepoints.map((t) => t.text)).toEqual(["bedomning", "uppfoljning"]);
    expect(slice(text, ins.atRange!)).toBe("at bedomning, uppfoljning");
    expect(slice(text, ins.type.range)).toBe("multiple insats");

    const alder = decl(ast, "Variable", "alder");
    expect(alder.type.kind).toBe("integer");
    const bounds = (alder.type as Extract<A.TypeRef, { kind: "integer" }>).bounds!;
    expect([bounds.low?.value, bounds.high?.value]).toEqual([18, 120]);
    expect(slice(text, bounds.range)).toBe("18..120");
    expect(alder.type.unit?.value).toBe("år");

    const vikt = decl(ast, "Variable", "vikt").type as Extract<A.TypeRef, { kind: "decimal" }>;
    expect(vikt.kind).toBe("decimal");
    expect([vikt.bounds?.low?.value, vikt.bounds?.high?.value]).toEqual([0.5, 300]);
    const antal = decl(ast, "Variable", "antal").type as Extract<A.TypeRef, { kind: "integer" }>;
    expect([antal.bounds?.low?.value, antal.bounds?.high]).toEqual([1, undefined]);
    const tak = decl(ast, "Variable", "tak");
    expect([(tak.type as Extract<A.TypeRef, { kind: "integer" }>).bounds?.low, (tak.type as Extract<A.TypeRef, { kind: "integer" }>).bounds?.high?.value]).toEqual([undefined, 10]);
    expect(tak.timepoints).toEqual([]);
    expect(tak.atRange).toBeUndefined();
    expect((decl(ast, "Variable", "fri").type as Extract<A.TypeRef, { kind: "integer" }>).bounds).toBeUndefined();
    expect(decl(ast, "Variable", "larm").type.kind).toBe("boolean");
    expect(decl(ast, "Variable", "beslut").type.kind).toBe("date");

    const annat = decl(ast, "Variable", "annat");
    expect(annat.type.kind).toBe("text");
    expect(annat.reason?.text?.value).toBe("Visar om värdemängden behöver kompletteras.");
    expect(annat.required).toMatchObject({ value: false });
    expect(annat.condition).toMatchObject({
      kind: "and",
      parts: [
        { kind: "compare", subject: { name: { text: "insatser" } }, op: "=", values: [{ kind: "code", value: "annat" }] },
        { kind: "not", operand: { kind: "compare", op: "in", values: [{ value: "man" }, { value: "kvinna" }] } },
      ],
    });
    expect(slice(text, annat.condition!.range)).toBe("insatser = annat and not kon in (man, kvinna)");

    const f = decl(ast, "Variable", "forflyttning");
    expect(f.label.translations.map((t) => t.text.value)).toEqual(["Mobility"]);
    expect(writtenTexts(f.definition).map((d) => [d.lang?.text, d.text.value])).toEqual([
      [undefined, "Förmåga att gå."],
      ["en", "Ability to walk."],
    ]);
    expect(f.classifications.map((c) => `${c.system.text} ${c.code.value}`)).toEqual(["icf d450"]);
    expect(f.required).toMatchObject({ value: true });
    expect(slice(text, f.required!.range)).toBe("required");
    expect(f.sensitive.map((s) => s.text)).toEqual(["health", "sexual_life"]);
    expect(f.unit?.text?.value).toBe("steg");
    expect(f.range.start.line).toBe(15);
    expect(f.range.end.line).toBe(24);
  });

  it("groups: bands, code lists, names, translations, a source time point", () => {
    const text = [
      `group aldersgrupp "Åldersgrupp" from alder {`,
      `  label en "Age group"`,
      `  unga "Under 65 år" = ..64 { label en "Under 65" }`,
      `  "65–79 år" = 65..79`,
      `  aldst "80 år och äldre" = 80..`,
      `}`,
      `group hushall "Hushåll" from boende at bedomning {`,
      `  ensam "Bor ensam" = ensam`,
      `  andra "Bor med andra" = sambo, med_barn, 3`,
      `}`,
    ].join("\n");
    const ast = parseClean(text);
    const g = decl(ast, "Group", "aldersgrupp");
    expect(g.source.name.text).toBe("alder");
    expect(g.source.timepoint).toBeUndefined();
    expect(g.label.translations.map((t) => t.text.value)).toEqual(["Age group"]);
    expect(g.entries.map((e) => [e.name?.text, e.label.text.value, e.band?.low?.value, e.band?.high?.value])).toEqual([
      ["unga", "Under 65 år", undefined, 64],
      [undefined, "65–79 år", 65, 79],
      ["aldst", "80 år och äldre", 80, undefined],
    ]);
    expect(g.entries[0]!.label.translations.map((t) => t.text.value)).toEqual(["Under 65"]);
    expect(slice(text, g.entries[1]!.range)).toBe(`"65–79 år" = 65..79`);
    expect(slice(text, g.entries[1]!.band!.range)).toBe("65..79");
    expect(g.entries.every((e) => e.values.length === 0)).toBe(true);

    const h = decl(ast, "Group", "hushall");
    expect(slice(text, h.source.range)).toBe("boende at bedomning");
    expect(h.source.timepoint?.text).toBe("bedomning");
    expect(h.entries[1]!.values.map((v) => [v.kind, v.raw])).toEqual([
      ["code", "sambo"],
      ["code", "med_barn"],
      ["number", "3"],
    ]);
    expect(h.entries[1]!.band).toBeUndefined();
  });

  it("questions: the five analyses", () => {
    const text = [
      `question a "A" { count insats at bedomning }`,
      `question b "B" { summary alder }`,
      `question c "C" { crosstab insats at bedomning by forflyttning at uppfoljning }`,
      `question d "D" { change forflyttning from bedomning to uppfoljning }`,
      `question e "E" { attainment forflyttning at uppfoljning against forflyttning_mal }`,
    ].join("\n");
    const ast = parseClean(text);
    const a = decl(ast, "Question", "a").analyses;
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ kind: "count", target: { name: { text: "insats" }, timepoint: { text: "bedomning" } } });
    expect(slice(text, a[0]!.range)).toBe("count insats at bedomning");
    expect(decl(ast, "Question", "b").analyses[0]).toMatchObject({ kind: "summary", target: { name: { text: "alder" } } });
    expect((decl(ast, "Question", "b").analyses[0] as { target: A.VarRef }).target.timepoint).toBeUndefined();
    expect(decl(ast, "Question", "c").analyses[0]).toMatchObject({
      kind: "crosstab",
      target: { name: { text: "insats" }, timepoint: { text: "bedomning" } },
      other: { name: { text: "forflyttning" }, timepoint: { text: "uppfoljning" } },
    });
    const d = decl(ast, "Question", "d").analyses[0] as Extract<A.Analysis, { kind: "change" }>;
    expect([d.kind, d.variable.text, d.from.text, d.to.text]).toEqual(["change", "forflyttning", "bedomning", "uppfoljning"]);
    expect(slice(text, d.to.range)).toBe("uppfoljning");
    expect(decl(ast, "Question", "e").analyses[0]).toMatchObject({
      kind: "attainment",
      target: { name: { text: "forflyttning" }, timepoint: { text: "uppfoljning" } },
      goal: { name: { text: "forflyttning_mal" } },
    });
  });

  it("questions: splits, where, label, note", () => {
    const text = [
      `question q "Fråga" {`,
      `  count insats`,
      `  by kon, aldersgrupp`,
      `  by kon * aldersgrupp at bedomning`,
      `  where alder >= 65 and (kon = kvinna or boende in (ensam, sambo)) and not x in 1..3`,
      `  where y != 2`,
      `  label en "Question"`,
      `  note "En anteckning"`,
      `}`,
    ].join("\n");
    const q = decl(parseClean(text), "Question", "q");
    expect(q.label.text?.value).toBe("Fråga");
    expect(q.splits.map((s) => s.parts.map((p) => p.name.text))).toEqual([["kon"], ["aldersgrupp"], ["kon", "aldersgrupp"]]);
    expect(slice(text, q.splits[2]!.range)).toBe("kon * aldersgrupp at bedomning");
    expect(q.splits[2]!.parts[1]!.timepoint?.text).toBe("bedomning");
    expect(q.where).toHaveLength(2);
    const w = q.where[0]!;
    expect(w).toMatchObject({
      kind: "and",
      parts: [
        { kind: "compare", subject: { name: { text: "alder" } }, op: ">=", values: [{ kind: "number", value: 65 }] },
        {
          kind: "or",
          parts: [
            { kind: "compare", subject: { name: { text: "kon" } }, op: "=", values: [{ kind: "code", value: "kvinna" }] },
            { kind: "compare", subject: { name: { text: "boende" } }, op: "in", values: [{ value: "ensam" }, { value: "sambo" }] },
          ],
        },
        { kind: "not", operand: { kind: "compare", op: "in", values: [], band: { low: { value: 1 }, high: { value: 3 } } } },
      ],
    });
    expect(slice(text, w.range)).toBe("alder >= 65 and (kon = kvinna or boende in (ensam, sambo)) and not x in 1..3");
    expect(q.where[1]).toMatchObject({ kind: "compare", op: "!=", values: [{ kind: "number", value: 2 }] });
    expect(q.label.translations.map((t) => t.text.value)).toEqual(["Question"]);
    expect(q.notes.map((n) => n.value)).toEqual(["En anteckning"]);
  });

  it("conditions: `and` binds tighter than `or`, `not` tighter than both, every operator", () => {
    const text = `variable v "V" : text { when a = 1 or b < 2 and not c > 3 or d <= 4 and e != sant and f = true }`;
    const c = decl(parseClean(text), "Variable", "v").condition!;
    const show = (x: A.Condition): string =>
      x.kind === "compare" ? `${x.subject.name.text}${x.op}${x.values.map((v) => v.raw).join(",")}` : x.kind === "not" ? `not(${show(x.operand)})` : `${x.kind}(${x.parts.map(show).join(" ")})`;
    expect(show(c)).toBe("or(a=1 and(b<2 not(c>3)) and(d<=4 e!=sant f=true))");
    const f = (c as { parts: A.Condition[] }).parts[2] as { parts: A.Condition[] };
    expect(f.parts[2]).toMatchObject({ values: [{ kind: "boolean", value: true }] });
  });

  it("texts: escapes, triple quotes, and comments kept aside", () => {
    const text = [`// en radkommentar`, `timepoint t "Säger \\"hej\\"" /* en blockkommentar */ {`, `  definition """En "citerad" text`, `  på två rader"""`, `}`].join("\n");
    const sf = parse(text);
    expect(sf.syntax).toEqual([]);
    const t = decl(sf.ast, "Timepoint", "t");
    expect(t.label.text?.value).toBe('Säger "hej"');
    expect(t.label.text?.triple).toBe(false);
    expect(t.definition?.text).toMatchObject({ triple: true });
    // The first line starts right after the quotes, so there is no common indentation to remove.
    expect(t.definition?.text?.value).toBe(`En "citerad" text\n  på två rader`);
    expect(sf.comments.map((c) => [c.block, c.text])).toEqual([
      [false, "// en radkommentar"],
      [true, "/* en blockkommentar */"],
    ]);
    expect(sf.comments[1]!.range.start).toEqual({ offset: text.indexOf("/*"), line: 2, column: text.split("\n")[1]!.indexOf("/*") + 1 });
  });

  it("keeps declarations in source order, and the file range covers the whole text", () => {
    const text = `question q "Q" { count a }\ntimepoint t "T"\nplan p "P" { language sv }\n`;
    const ast = parseClean(text);
    expect(ast.declarations.map((d) => d.kind)).toEqual(["Question", "Timepoint", "Plan"]);
    expect(ast.range.start.offset).toBe(0);
    expect(ast.range.end.offset).toBe(text.length);
    consistent(text, ast.range.end);
  });

  it("gives every node of a real example a range whose line and column match its offset", () => {
    for (const f of ["hemtjanst_ibic", "vald_nara_relation", "ekonomiskt_bistand", "barn_och_unga", "gemensamt"]) {
      const text = fs.readFileSync(path.join(root, "examples", `${f}.isu`), "utf8");
      const ast = parseClean(text);
      let n = 0;
      const walk = (x: unknown): void => {
        if (Array.isArray(x)) return x.forEach(walk);
        if (!x || typeof x !== "object") return;
        const o = x as Record<string, unknown>;
        if (o["start"] && o["end"] && typeof (o["start"] as A.Position).offset === "number") {
          const r = o as unknown as A.Range;
          consistent(text, r.start);
          consistent(text, r.end);
          expect(r.start.offset).toBeLessThanOrEqual(r.end.offset);
          n++;
          return;
        }
        Object.values(o).forEach(walk);
      };
      walk(ast);
      expect(n).toBeGreaterThan(50);
    }
  });
});

describe("syntax errors and recovery", () => {
  const tail = [`variable b "B" : integer at t`, `question q "Q" { summary okand }`].join("\n");
  const head = [`plan p "P" { language sv purpose "Syfte." }`, `timepoint t "T"`].join("\n");

  // Each broken line (line 3 of the file) with where its one error belongs.
  const cases: [string, string, number, RegExp][] = [
    ["a missing colon", `variable a "A" integer at t`, 16, /expected ':' but found 'integer'/],
    ["a missing type", `variable a "A" : at t`, 18, /expected a type/],
    ["a split without a name", `question q1 "Q" { summary b by }`, 32, /expected a variable or group after 'by'/],
    ["a value without a label", `valueset v "V" { 1 "a" 2 b 3 "c" }`, 26, /expected a text in quotes/],
    ["a misspelt setting", `timepoint u "U" { whn "sen" }`, 19, /unexpected 'whn': expected a time point setting/],
    ["a word twice", `valueset w "W" { label en en "W" a "A" other }`, 27, /expected a text in quotes/],
    ["a range without ends", `group g "G" from b { "x" = .. }`, 31, /expected a number but found '}'/],
    ["an operator without a value", `question q2 "Q" { count b where b >= }`, 38, /expected a number/],
    ["a stray word between declarations", `hej hopp`, 1, /unexpected 'hej': expected a declaration/],
    ["an unknown character", `valueset x "X" { a "A" other § }`, 30, /unexpected character '§'/],
    ["an unterminated text", `timepoint u "U {`, 13, /unterminated text/],
  ];

  for (const [what, line, column, message] of cases) {
    it(`${what}: one ISU0001 at 3:${column}, and the rest is still checked`, () => {
      const text = `${head}\n${line}\n${tail}\n`;
      const c = compileText(text);
      const syntax = c.diagnostics.filter((d) => d.code === "ISU0001");
      expect(syntax.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`)).toHaveLength(1);
      expect(syntax[0]!.range.start.line).toBe(3);
      expect(syntax[0]!.range.start.column).toBe(column);
      expect(syntax[0]!.message).toMatch(message);
      // The declarations after the broken line are in the AST…
      const names = c.program.files[0]!.ast.declarations.map((d) => ("name" in d ? d.name.text : ""));
      expect(names).toContain("b");
      expect(names).toContain("q");
      // …and still checked: the undefined name on the last line is reported.
      expect(c.diagnostics.some((d) => d.code === "ISU0101" && d.range.start.line === 5 && d.message.includes("okand"))).toBe(true);
    });
  }

  it("reports a missing '}' at the end of the line where it belongs, once", () => {
    const text = [`valueset v "V" {`, `  a "A"`, `  b "B" other`, `variable x "X" : v`, `question q "Q" { count okand }`].join("\n");
    const syntax = syntaxErrors(text);
    expect(syntax.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([`3:14 expected '}' but found 'variable'`]);
    expect(syntax[0]!.range.start.offset).toBe(syntax[0]!.range.end.offset);
    const c = compileText(text);
    expect(c.program.files[0]!.ast.declarations.map((d) => d.kind)).toEqual(["Valueset", "Variable", "Question"]);
    expect(decl(c.program.files[0]!.ast, "Valueset", "v").values.map((v) => v.code.value)).toEqual(["a", "b"]);
    expect(c.diagnostics.some((d) => d.code === "ISU0101" && d.message.includes("okand"))).toBe(true);
  });

  it("skips a broken item inside a block without leaving the block", () => {
    const text = [`valueset v "V" {`, `  "Utan kod" { label en "No code" definition "…" }`, `  b "B" other`, `}`, `question q "Q" { count okand }`].join("\n");
    const sf = parse(text);
    expect(sf.syntax.map((s) => `${s.range.start.line}:${s.range.start.column}`)).toEqual(["2:3"]);
    expect(decl(sf.ast, "Valueset", "v").values.map((v) => v.code.value)).toEqual(["b"]);
    expect(decl(sf.ast, "Valueset", "v").label.translations).toEqual([]);
    expect(decl(sf.ast, "Question", "q").analyses).toHaveLength(1);
  });

  it("an unterminated text: one error at the quote; the next lines are read again", () => {
    const text = [`timepoint t "T {`, `  when "sen"`, `}`, `variable v "V" : integer at t`, `question q "Q" { summary w }`].join("\n");
    const c = compileText(text);
    const syntax = c.diagnostics.filter((d) => d.code === "ISU0001");
    expect(syntax.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([`1:13 unterminated text: a '"' opens a text that does not end on the same line`]);
    expect(slice(text, syntax[0]!.range)).toBe(`"T {`);
    expect(c.program.files[0]!.ast.declarations.map((d) => ("name" in d ? d.name.text : ""))).toEqual(["t", "v", "q"]);
    expect(c.diagnostics.some((d) => d.code === "ISU0101" && d.message.includes("'w'"))).toBe(true);
  });

  it("an unterminated triple-quoted text runs to the end of the file: one error", () => {
    const text = `plan p "P" {\n  purpose """Att följa\n}\nquestion q "Q" { count a }\n`;
    const syntax = syntaxErrors(text);
    expect(syntax.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([`2:11 unterminated text: '"""' opens a text that is never closed with '"""'`]);
  });

  it("unknown characters: one error each, at the character; the rest parses", () => {
    const text = [`timepoint t "T" # `, `variable v "V" : integer at t €`, `question q "Q" { summary v @ }`].join("\n");
    const sf = parse(text);
    expect(sf.syntax.map((s) => `${s.range.start.line}:${s.range.start.column} ${s.message}`)).toEqual([
      "1:17 unexpected character '#'",
      "2:31 unexpected character '€'",
      "3:28 unexpected character '@'",
    ]);
    expect(sf.syntax.every((s) => s.range.end.offset - s.range.start.offset === 1)).toBe(true);
    expect(decl(sf.ast, "Question", "q").analyses[0]).toMatchObject({ kind: "summary", target: { name: { text: "v" } } });
  });

  it("an empty file and a file of comments parse to no declarations and no errors", () => {
    expect(parse("").ast.declarations).toEqual([]);
    expect(parse("").syntax).toEqual([]);
    const sf = parse("// bara en kommentar\n/* och en till */\n");
    expect(sf.ast.declarations).toEqual([]);
    expect(sf.syntax).toEqual([]);
    expect(sf.comments).toHaveLength(2);
  });

  it("a line of a real example broken by deleting or doubling a word gives one error, on that line", () => {
    // Every line without braces or texts spanning lines, every word that is
    // not a text: the mutated file has exactly one ISU0001, on that line, and
    // every later declaration is still in the AST.
    const file = path.join(root, "examples", "ekonomiskt_bistand.isu");
    const lines = fs.readFileSync(file, "utf8").split("\n");
    const original = parse(lines.join("\n")).ast.declarations;
    let tried = 0;
    const failures: string[] = [];
    lines.forEach((line, i) => {
      const trimmed = line.trim();
      if (!trimmed || trimmed.startsWith("//") || /[{}]|"""/.test(line)) return;
      const words = trimmed.split(/\s+/).filter((w) => !w.includes('"'));
      for (const w of words) {
        for (const mutated of [line.replace(` ${w}`, ""), line.replace(w, `${w} ${w}`)]) {
          if (mutated.trim() === trimmed) continue;
          const copy = [...lines];
          copy[i] = mutated;
          const c = compile(file, { rootText: copy.join("\n") });
          const syntax = c.diagnostics.filter((d) => d.code === "ISU0001" && d.file === file);
          if (syntax.length === 0) continue; // e.g. `at a, b` → `at a` is still valid
          tried++;
          const later = original.filter((d) => d.range.start.line > i + 1 && "name" in d).map((d) => (d as { name: A.Name }).name.text);
          const kept = new Set(c.program.byPath.get(file)!.ast.declarations.map((d) => ("name" in d ? d.name.text : "")));
          const lost = later.filter((n) => !kept.has(n));
          const wrong = syntax.length !== 1 || syntax[0]!.range.start.line !== i + 1;
          if (wrong || lost.length)
            failures.push(`${i + 1}: ${mutated.trim()} → ${syntax.map((s) => `${s.range.start.line}: ${s.message}`).join(" | ")}${lost.length ? ` (lost ${lost.join(", ")})` : ""}`);
        }
      }
    });
    expect(tried).toBeGreaterThan(150);
    expect(failures).toEqual([]);
  });
});

describe("messages for words in the wrong place", () => {
  const header = 'plan p "P" {\n  language sv\n  purpose "x"\n}\ntimepoint bedomning "B"\n';
  const syntax = (text: string) => compile("/virtual/words.isu", { host: { readFile: (p) => (p === "/virtual/words.isu" ? text : undefined) } }).diagnostics.filter((d) => d.code === "ISU0001");

  it("says a keyword cannot be a name", () => {
    const d = syntax(header + 'variable reason "R" : integer 0..9 at bedomning\n');
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toContain("'reason' is a keyword of the language and cannot be a name");
    expect(d[0]!.range.start).toMatchObject({ line: 6, column: 10 });
  });

  it("points from 'when' in a question to 'where', and back", () => {
    const q = syntax(header + 'variable alder "Å" : integer 0..9 at bedomning\nquestion q "Q" {\n  summary alder\n  when alder > 3\n}\n');
    expect(q).toHaveLength(1);
    expect(q[0]!.message).toContain("a question restricts its population with 'where'");
    const v = syntax(header + 'variable alder "Å" : integer 0..9 at bedomning {\n  where alder > 3\n}\n');
    expect(v).toHaveLength(1);
    expect(v[0]!.message).toContain("a variable is asked conditionally with 'when'");
  });
});

describe("translated plan texts", () => {
  const text = `plan p "P" {
  purpose """Syfte."""
  purpose en """Purpose."""
  note "A"
  note en "A in English"
  legal_basis "L"
  legal_basis en "L in English"
}
timepoint t "T" {
  when "vid start"
  when en "at the start"
}
variable v "V" : integer 0..9 unit "år" at t {
  unit en "years"
  reason "Skäl."
  reason en "Reason."
  when v > 3
}
`;

  it("reads a language code between the keyword and the text, leaving the untagged text as it was", () => {
    const ast = parseClean(text);
    const p = decl(ast, "Plan");
    const lines = p.settings.flatMap((s) => (s.key === "purpose" || s.key === "note" || s.key === "legal_basis" ? [`${s.key}${s.lang ? ` ${s.lang.text}` : ""}=${s.text.value}`] : []));
    expect(lines).toEqual(["purpose=Syfte.", "purpose en=Purpose.", "note=A", "note en=A in English", "legal_basis=L", "legal_basis en=L in English"]);
    const gathered = (t: A.LocalizedText | undefined) => [t?.text?.value, ...(t?.translations ?? []).map((x) => `${x.lang.text}=${x.text.value}`)];
    expect(gathered(p.purpose)).toEqual(["Syfte.", "en=Purpose."]);
    expect(p.notes.map(gathered)).toEqual([["A", "en=A in English"]]);
    expect(p.legalBases.map(gathered)).toEqual([["L", "en=L in English"]]);
    const note = p.notes[0]!.translations[0]!;
    expect(slice(text, note.range)).toBe('note en "A in English"');
    expect(slice(text, p.settings.find((s) => s.key === "note" && s.lang)!.keyRange)).toBe("note");

    const t = decl(ast, "Timepoint", "t");
    expect(gathered(t.when)).toEqual(["vid start", "en=at the start"]);
    expect(slice(text, t.when!.translations[0]!.lang.range)).toBe("en");

    const v = decl(ast, "Variable", "v");
    expect(v.type.unit?.value).toBe("år");
    // The unit written in the type is the variable's unit, and `unit en` translates it.
    expect(v.unit?.text).toEqual(v.type.unit);
    expect(gathered(v.unit)).toEqual(["år", "en=years"]);
    expect(gathered(v.reason)).toEqual(["Skäl.", "en=Reason."]);
    // A variable's `when` is still a condition, not a translated text.
    expect(v.condition?.kind).toBe("compare");
  });

  it("gathers each text with its translations: which untagged text counts, and where a translation belongs", () => {
    const src = `plan p "P" {
  purpose en "Before."
  note en "Orphan."
  purpose "Syfte."
  purpose "Igen."
  note "A"
  note "B"
  note en "B in English"
  label en "Title"
}
timepoint t { when "först" when "sedan" definition en "D" definition "Def." definition "Def 2." }
variable v "V" : integer unit "år" at t { unit "ignored" reason "first" reason "last" reason en "R" }
variable w "W" : integer at t { unit "m" unit "km" }
`;
    const ast = parseClean(src);
    const p = decl(ast, "Plan");
    const texts = (t: A.LocalizedText | undefined) => ({ text: t?.text?.value, repeated: t?.repeated.map((x) => x.value), translations: t?.translations.map((x) => `${x.lang.text}=${x.text.value}`) });
    // A purpose translation belongs to the purpose wherever it stands; the second untagged purpose counts for nothing (ISU0902 reports it).
    expect(texts(p.purpose)).toEqual({ text: "Syfte.", repeated: ["Igen."], translations: ["en=Before."] });
    // A note translation belongs to the nearest untagged note before it; one before any note translates nothing.
    expect(p.notes.map(texts)).toEqual([
      { text: "A", repeated: [], translations: [] },
      { text: "B", repeated: [], translations: ["en=B in English"] },
    ]);
    expect(p.legalBases).toEqual([]);
    expect(texts(p.label)).toEqual({ text: "P", repeated: [], translations: ["en=Title"] });
    const t = decl(ast, "Timepoint", "t");
    expect(texts(t.when)).toEqual({ text: "först", repeated: ["sedan"], translations: [] });
    expect(texts(t.definition)).toEqual({ text: "Def.", repeated: ["Def 2."], translations: ["en=D"] });
    // As written, for the hover: tagged and untagged in source order.
    expect(writtenTexts(t.definition).map((x) => `${x.lang?.text ?? "-"}=${x.text.value}`)).toEqual(["en=D", "-=Def.", "-=Def 2."]);
    expect(slice(src, t.definition!.range)).toBe(`definition en "D" definition "Def." definition "Def 2."`);
    // A later reason or unit line replaces an earlier one; a unit in the type counts before them all.
    const v = decl(ast, "Variable", "v");
    expect(texts(v.reason)).toEqual({ text: "last", repeated: ["first"], translations: ["en=R"] });
    expect(texts(v.unit)).toEqual({ text: "år", repeated: ["ignored"], translations: [] });
    expect(texts(decl(ast, "Variable", "w").unit)).toEqual({ text: "km", repeated: ["m"], translations: [] });
  });

  it("reports a language code without its text as a syntax error, with the place", () => {
    const sf = parse(`plan p "P" {\n  purpose en\n}\n`);
    expect(sf.syntax).toHaveLength(1);
    expect(sf.syntax[0]!.message).toContain("expected a text in quotes");
    expect(sf.syntax[0]!.range.start.line).toBe(2);
  });
});

// The keyword table (grammar/keywords.ts) says which keywords begin a
// declaration and an item of each block; recovery, completion and the
// incremental cache read it. The grammar's rules must say the same.
describe("the keyword table agrees with the grammar", () => {
  const itemRule: Record<keyof typeof ITEM_STARTS, string> = {
    plan: "planItem",
    timepoint: "timepointItem",
    valueset: "valuesetItem",
    value: "valueItem",
    variable: "variableItem",
    group: "groupItem",
    groupEntry: "translation",
    question: "questionItem",
  };
  const firstTokens = (rule: string) => [...new Set(parser.computeContentAssist(rule, []).map((p) => p.nextTokenType.name))].sort();
  const names = (ts: { name: string }[]) => ts.map((t) => t.name).sort();

  it("a declaration begins with exactly the declaration keywords", () => {
    expect(names(DECLARATION_STARTS)).toEqual(firstTokens("file"));
    expect(names(DECLARATION_STARTS)).toEqual(["Group", "Import", "Plan", "Question", "Timepoint", "Valueset", "Variable"]);
  });

  for (const [kind, rule] of Object.entries(itemRule)) {
    it(`an item of a ${kind} block begins with exactly its item keywords (rule ${rule})`, () => {
      expect(names(ITEM_STARTS[kind as keyof typeof ITEM_STARTS])).toEqual(firstTokens(rule));
    });
  }
});
