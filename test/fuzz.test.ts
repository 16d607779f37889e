// Property-based robustness: plans damaged in the ways editing damages them
// (cut off, lines lost, doubled or swapped, stray words, random characters)
// never make compile() throw or a check crash, and every diagnostic points
// inside its file with line and column that agree with the offset.
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Position } from "../compiler/syntax/ast.js";
import { compile, type Compilation } from "../compiler/compile.js";

const root = path.resolve(__dirname, "..");
const examplesDir = path.join(root, "examples");
const exampleFiles = fs
  .readdirSync(examplesDir)
  .filter((f) => f.endsWith(".isu"))
  .sort();
const sources = exampleFiles.map((f) => ({ path: path.join(examplesDir, f), text: fs.readFileSync(path.join(examplesDir, f), "utf8") }));

// `npm test` runs each property a fixed 100 times from a fixed seed; `npm run fuzz` sets FUZZ_RUNS (and FUZZ_SEED, else a random seed, printed).
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? Date.now() % 2 ** 31 : 20260101;
if (process.env.FUZZ_RUNS) process.stdout.write(`fuzz: ${RUNS} runs per property, seed ${SEED}\n`);
const TIMEOUT = 30_000 + RUNS * 100;

/** Compiles `text` as if it were the example at `file`; its imports are read from disk. */
function compileAs(file: string, text: string): Compilation {
  return compile(
    file,
    {
      host: {
        readFile: (p) => {
          if (p === file) return text;
          try {
            return fs.readFileSync(p, "utf8");
          } catch {
            return undefined;
          }
        },
      },
    },
    TIMEOUT,
  );
}

/** Line and column of an offset, counting \n, \r\n and a lone \r as one line break each. */
function expectedPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The property every compilation must have, whatever the input. */
function wellFormed(c: Compilation): void {
  const internal = c.diagnostics.filter((d) => d.code === "ISU0000");
  expect(internal.map((d) => d.message)).toEqual([]);
  for (const d of c.diagnostics) {
    const sf = c.program.byPath.get(d.file);
    expect(sf, `diagnostic ${d.code} names a file of the program: ${d.file}`).toBeDefined();
    const len = sf!.text.length;
    const { start, end } = d.range;
    const where = `${d.code} ${d.message} at ${start.offset}..${end.offset} of ${len}`;
    expect(0 <= start.offset && start.offset <= end.offset && end.offset <= len, where).toBe(true);
    const check = (p: Position, what: string) => expect({ line: p.line, column: p.column }, `${where}: ${what}`).toEqual(expectedPosition(sf!.text, p.offset));
    check(start, "start");
    check(end, "end");
    expect(d.message.length, where).toBeGreaterThan(0);
    expect(d.message, where).not.toMatch(/\n/);
  }
}

const source = fc.constantFrom(...sources);

/** Words the language and its users write, plus the characters that break texts and blocks. */
const token = fc.constantFrom(
  "plan",
  "import",
  "timepoint",
  "valueset",
  "variable",
  "group",
  "question",
  "count",
  "summary",
  "crosstab",
  "change",
  "attainment",
  "by",
  "where",
  "at",
  "from",
  "to",
  "against",
  "and",
  "or",
  "not",
  "in",
  "other",
  "missing",
  "ordinal",
  "better",
  "lower",
  "multiple",
  "integer",
  "text",
  "when",
  "label",
  "en",
  "code",
  "ksi",
  "2022",
  "rule",
  "ISU0601",
  "off",
  "kon",
  "alder",
  "bedomning",
  "annat",
  "kön",
  "{",
  "}",
  "(",
  ")",
  ",",
  ":",
  "=",
  "!=",
  "<=",
  "..",
  "*",
  '"',
  '"""',
  '"text"',
  "/*",
  "*/",
  "//",
  "0",
  "-1",
  "1.5",
  "\n",
  "#",
  "§",
);

const lines = (t: string) => t.split("\n");

describe("compile() on damaged plans", () => {
  it(
    "the examples themselves are well-formed inputs",
    () => {
      for (const s of sources) wellFormed(compileAs(s.path, s.text));
    },
    TIMEOUT,
  );

  it(
    "survives any truncation",
    () => {
      fc.assert(
        fc.property(source, fc.double({ min: 0, max: 1, noNaN: true }), (s, at) => {
          wellFormed(compileAs(s.path, s.text.slice(0, Math.floor(at * s.text.length))));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    "survives deleted, duplicated and swapped lines",
    () => {
      const edit = fc.oneof(
        fc.record({ kind: fc.constant("delete" as const), i: fc.nat(), n: fc.integer({ min: 1, max: 5 }) }),
        fc.record({ kind: fc.constant("duplicate" as const), i: fc.nat(), n: fc.integer({ min: 1, max: 5 }) }),
        fc.record({ kind: fc.constant("swap" as const), i: fc.nat(), n: fc.nat() }),
      );
      fc.assert(
        fc.property(source, fc.array(edit, { minLength: 1, maxLength: 4 }), (s, edits) => {
          let ls = lines(s.text);
          for (const e of edits) {
            const i = e.i % ls.length;
            if (e.kind === "delete") ls = [...ls.slice(0, i), ...ls.slice(i + e.n)];
            else if (e.kind === "duplicate") ls = [...ls.slice(0, i + e.n), ...ls.slice(i, i + e.n), ...ls.slice(i + e.n)];
            else {
              const j = e.n % ls.length;
              [ls[i], ls[j]] = [ls[j]!, ls[i]!];
            }
            if (ls.length === 0) ls = [""];
          }
          wellFormed(compileAs(s.path, ls.join("\n")));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    "survives stray words and punctuation inserted anywhere",
    () => {
      fc.assert(
        fc.property(source, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), token), { minLength: 1, maxLength: 6 }), (s, inserts) => {
          let t = s.text;
          for (const [at, tok] of inserts) {
            const i = Math.floor(at * t.length);
            t = `${t.slice(0, i)} ${tok} ${t.slice(i)}`;
          }
          wellFormed(compileAs(s.path, t));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    "survives words deleted from within lines",
    () => {
      fc.assert(
        fc.property(source, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }), (s, cuts) => {
          const ls = lines(s.text);
          for (const [li, wi] of cuts) {
            const i = li % ls.length;
            const words = ls[i]!.split(" ");
            words.splice(wi % Math.max(1, words.length), 1);
            ls[i] = words.join(" ");
          }
          wellFormed(compileAs(s.path, ls.join("\n")));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    "survives random characters and bytes, including line breaks, NUL and astral characters",
    () => {
      const noise = fc.oneof(
        fc.string({ unit: "binary", minLength: 1, maxLength: 8 }),
        fc.uint8Array({ minLength: 1, maxLength: 8 }).map((b) => Buffer.from(b).toString("latin1")),
        fc.constantFrom("\r", "\r\n", "\u0000", "\uFEFF", "\u2028", "😀", "\uD800", "\t"),
      );
      fc.assert(
        fc.property(source, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), noise), { minLength: 1, maxLength: 6 }), (s, inserts) => {
          let t = s.text;
          for (const [at, n] of inserts) {
            const i = Math.floor(at * t.length);
            t = t.slice(0, i) + n + t.slice(i);
          }
          wellFormed(compileAs(s.path, t));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    "survives text that is nothing like a plan",
    () => {
      fc.assert(
        fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (t) => {
          wellFormed(compileAs(path.join(examplesDir, "slump.isu"), t));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    "survives sequences of the language's own words",
    () => {
      fc.assert(
        fc.property(fc.array(token, { maxLength: 60 }), (toks) => {
          wellFormed(compileAs(path.join(examplesDir, "slump.isu"), toks.join(" ")));
        }),
        { numRuns: RUNS * 2, seed: SEED },
      );
    },
    TIMEOUT,
  );
});
