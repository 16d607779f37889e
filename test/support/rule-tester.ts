// One harness for the rule tests (test/rules/<code>-<name>.test.ts), after
// ESLint's RuleTester: a rule gets tables of plans that must pass it and plans
// that must fail it with exactly the listed diagnostics; a fix named by a case
// is applied and the result checked again. Plans are virtual files served to
// compile() through its host, so a test never touches the disk.
//
//   const t = ruleTester("ISU0201");
//   t.valid([{ name: "a known code", plan: text }]);
//   t.invalid([{ name: "a misspelt code", plan: bad,
//     diagnostics: [{ message: "value set 'kon' has no value 'kvina'", hint: "did you mean 'kvinna'?", ...at(bad, "kvina") }],
//     output: text }]);
//
// What a table cannot say (the model built, an edit's place) goes in ordinary
// describe/it blocks beside it, with the helpers exported here.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { rulesByCode } from "../../compiler/checks/engine/registry.js";
import type { Rule } from "../../compiler/checks/engine/rule.js";
import { compile, type Compilation } from "../../compiler/compile.js";
import { passingExamplePath } from "../../compiler/docs/diagnostics-doc.js";
import type { Diagnostic, Fix, Severity } from "../../compiler/syntax/diagnostic.js";

export const root = path.resolve(__dirname, "..", "..");
/** The checked file of every virtual plan; imports are resolved next to it. */
export const PLAN = "/virtual/plan.isu";

export type Files = Record<string, string>;

/** A plan as one text (served as PLAN) or as virtual files (checked from `root`, PLAN by default). */
export interface PlanInput {
  plan?: string;
  files?: Files;
  root?: string;
}

export interface ValidCase extends PlanInput {
  name: string;
  /** Also require no diagnostic of any other rule. */
  clean?: boolean;
  /** How many diagnostics other rules give, by code. */
  counts?: Record<string, number>;
}

/** One expected diagnostic; only the fields given are compared (ESLint's rule too). */
export interface ExpectedDiagnostic {
  message: string | RegExp;
  /** null: the diagnostic has no hint. */
  hint?: string | RegExp | null;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: Severity;
  /** The file it is reported in (PLAN when not given and the plan has one file). */
  file?: string;
  /** The source text its range covers. */
  text?: string;
  /** The titles of its fixes, in order; [] for none. */
  fixes?: (string | RegExp)[];
}

export interface InvalidCase extends PlanInput {
  name: string;
  /** Every diagnostic of the rule under test, in the order compile() reports them. */
  diagnostics: ExpectedDiagnostic[];
  /**
   * The text after applying a fix (the preferred one of the first diagnostic,
   * unless `fix` says otherwise): the checked file's text, or the changed files.
   * The result is compiled again and must no longer give that diagnostic.
   */
  output?: string | Files;
  /** Pieces of text the fixed checked file contains, where the whole text would say too much. */
  outputContains?: string[];
  fix?: { diagnostic?: number; index?: number };
  /** The fixed plan must give no diagnostic at all. */
  outputClean?: boolean;
  /** The codes of the other rules' diagnostics, in order; not compared when absent. */
  others?: string[];
  /** How many diagnostics other rules give, by code; 0 for none (e.g. no undefined-name noise). */
  counts?: Record<string, number>;
}

export function filesOf(input: PlanInput): { files: Files; rootPath: string } {
  const files = { ...(input.files ?? { [PLAN]: input.plan ?? "" }) };
  if (input.files && input.plan !== undefined) files[PLAN] = input.plan;
  return { files, rootPath: input.root ?? PLAN };
}

export function run(files: Files, rootPath = PLAN): Compilation {
  return compile(rootPath, { host: { readFile: (p) => files[p] } });
}

export function runPlan(text: string): Compilation {
  return run({ [PLAN]: text });
}

export function only(c: Compilation, code: string): Diagnostic[] {
  return c.diagnostics.filter((d) => d.code === code);
}

export const messages = (ds: Diagnostic[]): string[] => ds.map((d) => d.message);
export const codeMessages = (c: Compilation): string[] => c.diagnostics.map((d) => `${d.code} ${d.message}`);

/** 1-based line and column of the n-th occurrence of a piece of text. */
export function at(text: string, needle: string, nth = 1): { line: number; column: number } {
  let i = -1;
  for (let k = 0; k < nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`'${needle}' not found ${nth} times`);
  }
  return position(text, i);
}

/** Start and end of `needle` inside the first occurrence of `context` (a longer, unique text around it). */
export function span(text: string, needle: string, context = needle): { line: number; column: number; endLine: number; endColumn: number } {
  const c = text.indexOf(context);
  const inner = context.indexOf(needle);
  if (c < 0 || inner < 0) throw new Error(`'${needle}' in '${context}' not in source`);
  const s = position(text, c + inner);
  const e = position(text, c + inner + needle.length);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

export function startOf(d: Diagnostic): { line: number; column: number } {
  return { line: d.range.start.line, column: d.range.start.column };
}

export function rangeOf(d: Diagnostic): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: d.range.start.line, column: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column };
}

/** The fix a user most likely wants: the one marked preferred, else the first. */
export function preferredFix(d: Diagnostic): Fix | undefined {
  return d.fixes?.find((f) => f.preferred) ?? d.fixes?.[0];
}

/** The files after a fix's edits (applied from the end of each file, so offsets stay valid). */
export function applyFixToFiles(files: Files, fix: Fix): Files {
  const out = { ...files };
  const byFile = new Map<string, Fix["edits"]>();
  for (const e of fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, edits] of byFile) {
    let text = out[file];
    if (text === undefined) throw new Error(`fix edits '${file}', which is not among the plan's files`);
    for (const e of [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset)) text = text.slice(0, e.range.start.offset) + e.newText + text.slice(e.range.end.offset);
    out[file] = text;
  }
  return out;
}

/** One file's text after a diagnostic's fix (by index; the preferred one by default). */
export function applyFix(text: string, d: Diagnostic, fixIndex?: number, file = d.file): string {
  const fix = fixIndex === undefined ? preferredFix(d) : d.fixes?.[fixIndex];
  if (!fix) throw new Error(`'${d.message}' has no fix ${fixIndex ?? ""}`);
  return applyFixToFiles({ [file]: text }, { ...fix, edits: fix.edits.filter((e) => e.file === file) })[file]!;
}

/** A pattern for a message or hint that contains `text` (ESLint's tests would pin the whole). */
export const containing = (text: string): RegExp => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));

const matcher = (v: string | RegExp): unknown => (typeof v === "string" ? v : expect.stringMatching(v));

/** The fields of `d` that `e` names, so toEqual compares exactly those. */
function project(d: Diagnostic, e: ExpectedDiagnostic, defaultFile: string | undefined, files: Files): Record<string, unknown> {
  const out: Record<string, unknown> = { message: d.message };
  if ("hint" in e) out.hint = d.hint ?? null;
  if (e.line !== undefined) out.line = d.range.start.line;
  if (e.column !== undefined) out.column = d.range.start.column;
  if (e.endLine !== undefined) out.endLine = d.range.end.line;
  if (e.endColumn !== undefined) out.endColumn = d.range.end.column;
  if (e.severity !== undefined) out.severity = d.severity;
  if (e.file !== undefined || defaultFile !== undefined) out.file = d.file;
  if (e.text !== undefined) out.text = files[d.file]?.slice(d.range.start.offset, d.range.end.offset);
  if (e.fixes !== undefined) out.fixes = (d.fixes ?? []).map((f) => f.title);
  return out;
}

function expected(e: ExpectedDiagnostic, defaultFile: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { message: matcher(e.message) };
  if ("hint" in e) out.hint = e.hint === null || e.hint === undefined ? null : matcher(e.hint);
  for (const k of ["line", "column", "endLine", "endColumn", "severity"] as const) if (e[k] !== undefined) out[k] = e[k];
  const file = e.file ?? defaultFile;
  if (file !== undefined) out.file = file;
  if (e.text !== undefined) out.text = e.text;
  if (e.fixes !== undefined) out.fixes = e.fixes.map(matcher);
  return out;
}

function expectCounts(c: Compilation, counts: Record<string, number> | undefined): void {
  for (const [code, n] of Object.entries(counts ?? {}))
    expect(
      codeMessages(c).filter((m) => m.startsWith(code + " ")),
      `${code} diagnostics`,
    ).toHaveLength(n);
}

export interface RuleTesterOptions {
  /** The rule's default severity, when the test pins it. */
  defaultSeverity?: Severity | "off";
  /** The rule cannot be changed by a `rule` setting (meta.configurable === false). */
  fixed?: boolean;
}

export interface RuleTester {
  rule: Rule;
  code: string;
  /** Plans that give no diagnostic of this rule. */
  valid(cases: ValidCase[]): void;
  /** Plans that give exactly the listed diagnostics of this rule. */
  invalid(cases: InvalidCase[]): void;
}

/**
 * The tester of one rule. Creating it adds the rule's catalogue tests: it is
 * registered, its meta is complete, and its passing example is clean and builds.
 * (Its failing example is checked against the expectations written inside it,
 * by test/rules/broken-examples.test.ts.)
 */
export function ruleTester(code: string, options: RuleTesterOptions = {}): RuleTester {
  const rule = rulesByCode.get(code);
  if (!rule) throw new Error(`${code} is not in compiler/checks/engine/registry.ts`);
  const title = `${code} ${rule.meta.name}`;

  describe(`${title}: catalogue`, () => {
    it("has a one-line description, documentation and the expected settings", () => {
      expect(rule.meta.description).not.toContain("\n");
      expect(rule.meta.docs.length).toBeGreaterThan(120);
      expect(rule.meta.configurable === false, "configurable: false").toBe(options.fixed === true);
      if (options.defaultSeverity) expect(rule.meta.defaultSeverity).toBe(options.defaultSeverity);
    });
    it("its passing example is clean and builds a model", () => {
      const c = compile(passingExamplePath(root, rule));
      expect(codeMessages(c)).toEqual([]);
      expect(c.model).toBeDefined();
    });
  });

  return {
    rule,
    code,
    valid(cases) {
      describe(`${title}: valid`, () => {
        for (const k of cases) {
          it(k.name, () => {
            const { files, rootPath } = filesOf(k);
            const c = run(files, rootPath);
            expect(codeMessages(c).filter((m) => m.startsWith(code + " "))).toEqual([]);
            if (k.clean) expect(codeMessages(c)).toEqual([]);
            expectCounts(c, k.counts);
          });
        }
      });
    },
    invalid(cases) {
      describe(`${title}: invalid`, () => {
        for (const k of cases) {
          it(k.name, () => {
            const { files, rootPath } = filesOf(k);
            const c = run(files, rootPath);
            const ds = only(c, code);
            const defaultFile = k.files ? undefined : PLAN;
            // Compare messages first, so a missing or extra diagnostic reads plainly.
            expect(messages(ds)).toEqual(k.diagnostics.map((e) => matcher(e.message)));
            expect(ds.map((d, i) => project(d, k.diagnostics[i]!, defaultFile, files))).toEqual(k.diagnostics.map((e) => expected(e, defaultFile)));
            if (k.others) expect(c.diagnostics.filter((d) => d.code !== code).map((d) => d.code)).toEqual(k.others);
            expectCounts(c, k.counts);
            if (k.output === undefined && k.outputContains === undefined && !k.outputClean) return;
            const d = ds[k.fix?.diagnostic ?? 0]!;
            const fix = k.fix?.index === undefined ? preferredFix(d) : d.fixes?.[k.fix.index];
            expect(fix, `a fix for '${d.message}'`).toBeDefined();
            const fixed = applyFixToFiles(files, fix!);
            if (typeof k.output === "string") expect(fixed[rootPath]).toBe(k.output);
            else if (k.output) for (const [file, text] of Object.entries(k.output)) expect(fixed[file], file).toBe(text);
            for (const piece of k.outputContains ?? []) expect(fixed[rootPath]).toContain(piece);
            const again = run(fixed, rootPath);
            expect(codeMessages(again), "the fixed plan no longer gives the diagnostic").not.toContain(`${code} ${d.message}`);
            if (k.outputClean) expect(codeMessages(again)).toEqual([]);
          });
        }
      });
    },
  };
}
