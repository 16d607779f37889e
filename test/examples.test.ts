// The examples users copy from: every complete plan in the language
// reference and the README checks without errors, every other `isu` snippet
// there parses, and every plan in examples/ compiles clean to a model.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { parseSource } from "../compiler/syntax/source.js";
import { keywordTokens } from "../grammar/tokens.js";

const root = path.resolve(__dirname, "..");

interface Snippet {
  doc: string;
  /** 1-based line of the opening fence. */
  line: number;
  text: string;
}

/** Every ```isu fenced block of a Markdown file. */
export function isuBlocks(doc: string): Snippet[] {
  const text = fs.readFileSync(path.join(root, doc), "utf8");
  const out: Snippet[] = [];
  const re = /^```isu[ \t]*\r?\n([\s\S]*?)^```[ \t]*$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ doc, line: text.slice(0, m.index).split("\n").length, text: m[1]! });
  }
  return out;
}

/** A complete plan: the snippet declares a plan block. */
const isPlan = (s: Snippet): boolean => parseSource("/snippet.isu", s.text).ast.declarations.some((d) => d.kind === "Plan");

/** Compiles a snippet as a file beside the examples, so `import "./gemensamt.isu"` finds the shared module. */
function compileSnippet(s: Snippet) {
  const file = path.join(root, "examples", `__snippet_${path.basename(s.doc, ".md")}_${s.line}.isu`);
  return compile(file, {
    host: {
      readFile: (p) => {
        if (p === file) return s.text;
        try {
          return fs.readFileSync(p, "utf8");
        } catch {
          return undefined;
        }
      },
    },
  });
}

const show = (ds: { code: string; message: string; range: { start: { line: number } } }[]) => ds.map((d) => `${d.range.start.line}: ${d.code} ${d.message}`);

describe("snippets in the documentation", () => {
  for (const doc of ["docs/language.md", "README.md"]) {
    const snippets = isuBlocks(doc);

    it(`${doc} has isu examples, among them complete plans`, () => {
      expect(snippets.length).toBeGreaterThan(0);
      expect(snippets.filter(isPlan).length).toBeGreaterThan(0);
    });

    for (const s of snippets) {
      if (isPlan(s)) {
        it(`${doc}:${s.line}: the plan checks without errors`, () => {
          const c = compileSnippet(s);
          expect(show(c.diagnostics.filter((d) => d.severity === "error"))).toEqual([]);
          expect(c.model, "a plan without errors has a model").toBeDefined();
        });
      } else {
        it(`${doc}:${s.line}: the fragment parses`, () => {
          const sf = parseSource("/snippet.isu", s.text);
          expect(sf.syntax.map((p) => `${p.range.start.line}:${p.range.start.column} ${p.message}`)).toEqual([]);
          expect(sf.ast.declarations.length).toBeGreaterThan(0);
        });
      }
    }
  }

  it("the language reference lists exactly the keywords the lexer reserves", () => {
    const doc = fs.readFileSync(path.join(root, "docs", "language.md"), "utf8");
    const para = /\*\*Keywords\*\* are reserved and cannot be names: `([^`]+)`/.exec(doc.replace(/\n/g, " "));
    expect(para, "the Keywords paragraph").not.toBeNull();
    const listed = para![1]!.split(/\s+/).sort();
    const reserved = keywordTokens.map((t) => (t.PATTERN as RegExp).source).sort();
    expect(listed).toEqual(reserved);
  });

  it("the language reference shows all five analyses in one complete plan", () => {
    const plans = isuBlocks("docs/language.md").filter(isPlan);
    const kinds = (s: Snippet) => new Set(parseSource("/snippet.isu", s.text).ast.declarations.flatMap((d) => (d.kind === "Question" ? d.analyses.map((a) => a.kind) : [])));
    expect(plans.some((p) => ["count", "summary", "crosstab", "change", "attainment"].every((k) => kinds(p).has(k as never)))).toBe(true);
  });
});

describe("examples/", () => {
  const plans = fs
    .readdirSync(path.join(root, "examples"))
    .filter((f) => f.endsWith(".isu"))
    .sort();

  it("holds the four domain plans and the shared module", () => {
    expect(plans).toEqual(expect.arrayContaining(["hemtjanst_ibic.isu", "vald_nara_relation.isu", "ekonomiskt_bistand.isu", "barn_och_unga.isu", "gemensamt.isu"]));
  });

  for (const f of plans) {
    it(`${f} checks with no diagnostic at all`, () => {
      const c = compile(path.join(root, "examples", f));
      expect(show(c.diagnostics)).toEqual([]);
    });
  }

  const domain = plans.filter((f) => f !== "gemensamt.isu");
  for (const f of domain) {
    it(`${f} is a complete follow-up: purpose, legal basis, 2–3 time points, all five analyses, splits, where, expected, min_cell`, () => {
      const c = compile(path.join(root, "examples", f));
      const m = c.model!;
      expect(m).toBeDefined();
      expect(m.purpose?.[m.language]?.length).toBeGreaterThan(50);
      expect(m.legalBasis.length).toBeGreaterThan(0);
      expect(m.timepoints.length).toBeGreaterThanOrEqual(2);
      expect(m.timepoints.length).toBeLessThanOrEqual(3);
      expect(m.expected).toBeGreaterThan(0);
      const kinds = new Set(m.questions.map((q) => q.analysis.kind));
      expect([...kinds].sort()).toEqual(["attainment", "change", "count", "crosstab", "summary"]);
      expect(m.questions.some((q) => q.splits.length >= 2)).toBe(true);
      expect(m.questions.some((q) => q.splits.some((s) => s.parts.length >= 2))).toBe(true);
      expect(m.questions.some((q) => q.where)).toBe(true);
      expect(m.variables.some((v) => v.condition && v.type.kind === "text")).toBe(true);
      expect(m.valuesets.some((vs) => vs.values.some((v) => v.other))).toBe(true);
      expect(m.valuesets.some((vs) => vs.values.some((v) => v.missing))).toBe(true);
      expect(m.groups.some((g) => g.kind === "bands")).toBe(true);
      expect(m.groups.some((g) => g.kind === "codes")).toBe(true);
      const systems = new Set([...m.variables.flatMap((v) => v.classifications), ...m.valuesets.flatMap((vs) => vs.values.flatMap((v) => v.classifications))].map((x) => x.system));
      expect(systems.size).toBeGreaterThanOrEqual(1);
    });
  }

  it("between them, the plans use ICF, KSI with a version and KVÅ, and one plan is translated to English", () => {
    const models = domain.map((f) => compile(path.join(root, "examples", f)).model!);
    const codes = models.flatMap((m) => [...m.variables.flatMap((v) => v.classifications), ...m.valuesets.flatMap((vs) => vs.values.flatMap((v) => v.classifications))]);
    expect(codes.some((x) => x.system === "icf")).toBe(true);
    expect(codes.some((x) => x.system === "ksi" && x.version)).toBe(true);
    expect(codes.some((x) => x.system === "kva")).toBe(true);
    expect(models.some((m) => m.translations.includes("en"))).toBe(true);
    expect(models.filter((m) => m.files.some((f) => f.endsWith("gemensamt.isu"))).length).toBeGreaterThanOrEqual(1);
  });
});
