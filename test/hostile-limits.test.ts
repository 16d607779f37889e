// Hostile input at the limits (issue 7): conditions nested thousands deep
// (ISU0007), numbers beyond what the outputs hold (ISU0207) and a min_cell
// that switches small-cell protection off (ISU0802). Whatever could hang —
// the CLI, the language server — runs in a child process with a timeout, so
// a hang fails the test instead of blocking the run.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic as LspDiagnostic } from "vscode-languageserver-protocol";
import type * as A from "../compiler/syntax/ast.js";
import { compile, type Compilation } from "../compiler/compile.js";
import type { Diagnostic } from "../compiler/syntax/diagnostic.js";
import { FormatError, formatIsu } from "../compiler/format/index.js";
import { DECIMAL_MAX, INTEGER_MAX, INTEGER_MIN } from "../compiler/vocabulary/numbers.js";
import { MAX_CONDITION_NESTING } from "../grammar/nesting.js";
import { ensureBuilt } from "./support/build.js";
import { openPglite, openSqlite, type TestDb } from "./support/databases.js";
import { LspClient, uriOf } from "./support/lsp-client.js";

const root = path.resolve(__dirname, "..");
const bin = path.join(root, "bin", "isu.js");
const hostile = path.join(root, "test", "fixtures", "hostile");
const NUMBERS = path.join(hostile, "limits-numbers.isu");
const EXTREMES = path.join(hostile, "limits-extremes.isu");
const TIMEOUT_MS = 60_000;

let tmp: string;

beforeAll(() => {
  ensureBuilt(root);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "isu-limits-"));
}, 240_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  out: string;
}

/** The CLI in a child process; a run that outlives the timeout is killed (status null). */
function isu(args: string[]): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", timeout: TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, signal: r.signal, out: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

function expectNoCrash(r: Run): void {
  expect(r.signal, "the CLI was killed: it hung").toBeNull();
  expect(r.out).not.toMatch(/internal error|Maximum call stack|RangeError|\n\s+at /);
}

const codes = (c: Compilation): string[] => c.diagnostics.map((d) => d.code);

// ---------------------------------------------------------------- nesting

const parens = (n: number): string => `${"(".repeat(n)}kon = kvinna${")".repeat(n)}`;
const nots = (n: number): string => `${"not ".repeat(n)}kon = kvinna`;
const notParens = (n: number): string => `${"not (".repeat(n)}kon = kvinna${")".repeat(n)}`;

/** A plan with a `when` condition on a variable and a `where` condition on a question. */
function nestedPlan(conds: { when?: string; where?: string }): string {
  return `plan djup "Djupt nästlat" {
  language sv
  purpose "Att pröva djupt nästlade villkor."
}
timepoint t "T" { when "nu" }
valueset kon "Kön" {
  kvinna "Kvinna"
  man "Man"
  annat "Annat" other
}
variable kon "Kön" : kon at t { definition "Kön." }
variable stod "Stöd" : kon at t {
  definition "Stöd."
  when ${conds.when ?? "kon = kvinna"}
}
question q "Fråga" {
  count stod
  where ${conds.where ?? "kon = kvinna"}
}
`;
}

/** How deep a condition of the AST nests (`not` and each `and`/`or` inside parentheses). */
function astDepth(c: A.Condition | undefined): number {
  if (!c) return 0;
  if (c.kind === "not") return 1 + astDepth(c.operand);
  if (c.kind === "compare") return 0;
  return Math.max(...c.parts.map(astDepth));
}

const SHAPES: { name: string; cond: string; /** Characters before the first token beyond the limit. */ beyond: number }[] = [
  { name: "400 nested parentheses", cond: parens(400), beyond: MAX_CONDITION_NESTING },
  { name: "10,000 nested parentheses", cond: parens(10_000), beyond: MAX_CONDITION_NESTING },
  { name: "2,000 `not`", cond: nots(2_000), beyond: MAX_CONDITION_NESTING * 4 },
  { name: "100,000 `not`", cond: nots(100_000), beyond: MAX_CONDITION_NESTING * 4 },
  { name: "5,000 `not (`", cond: notParens(5_000), beyond: (MAX_CONDITION_NESTING / 2) * 5 },
];

describe("ISU0007 nesting-too-deep", () => {
  for (const shape of SHAPES) {
    for (const where of ["where", "when"] as const) {
      it(`${shape.name} in a ${where} condition: one ISU0007 at the first level beyond ${MAX_CONDITION_NESTING}, and no formatting`, async () => {
        const text = nestedPlan({ [where]: shape.cond });
        const c = compile("/virtual/deep.isu", { rootText: text });
        expect(codes(c)).toEqual(["ISU0007"]);
        const d = c.diagnostics[0]!;
        expect(d.severity).toBe("error");
        const start = text.indexOf(`${where} ${shape.cond.slice(0, 5)}`) + where.length + 1;
        expect(d.range.start.offset).toBe(start + shape.beyond);
        expect(d.message).toContain(`deeper than ${MAX_CONDITION_NESTING} levels`);
        const err = await formatIsu(text).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(FormatError);
        expect([(err as FormatError).line, (err as FormatError).column]).toEqual([d.range.start.line, d.range.start.column]);
      });
    }
  }

  it(`${MAX_CONDITION_NESTING} levels are read whole; ${MAX_CONDITION_NESTING + 1} are not`, () => {
    for (const cond of [nots(MAX_CONDITION_NESTING), notParens(MAX_CONDITION_NESTING / 2), parens(MAX_CONDITION_NESTING)]) {
      const c = compile("/virtual/ok.isu", { rootText: nestedPlan({ where: cond, when: cond }) });
      expect(codes(c), cond).toEqual([]);
      const q = c.program.files[0]!.ast.declarations.find((x): x is A.QuestionDecl => x.kind === "Question")!;
      if (cond.startsWith("not")) expect(astDepth(q.where[0])).toBe(cond.startsWith("not (") ? MAX_CONDITION_NESTING / 2 : MAX_CONDITION_NESTING);
      expect(c.model, "a plan at the limit builds").toBeDefined();
    }
    for (const cond of [nots(MAX_CONDITION_NESTING + 1), parens(MAX_CONDITION_NESTING + 1), `not ${notParens(MAX_CONDITION_NESTING / 2)}`]) {
      expect(codes(compile("/virtual/deep.isu", { rootText: nestedPlan({ where: cond }) })), cond).toEqual(["ISU0007"]);
    }
  });

  it("levels do not add up across the parts of a condition, nor across conditions", () => {
    const chain = Array.from({ length: 500 }, (_, i) => `not (kon = ${i % 2 ? "man" : "kvinna"})`).join(" and ");
    const c = compile("/virtual/wide.isu", { rootText: nestedPlan({ where: chain, when: `(${chain}) or kon in (kvinna, man)` }) });
    expect(codes(c)).toEqual([]);
  });

  it("a too-deep condition does not hide an error elsewhere in the file", () => {
    const text = nestedPlan({ where: parens(1_000) }).replace("count stod", "count stod\n  by okand");
    expect(codes(compile("/virtual/deep.isu", { rootText: text })).sort()).toEqual(["ISU0007", "ISU0101"]);
  });

  describe("the CLI", () => {
    let file: string;
    let text: string;
    beforeAll(() => {
      file = path.join(tmp, "deep.isu");
      text = nestedPlan({ where: parens(10_000), when: nots(100_000) });
      fs.writeFileSync(file, text);
    });

    it("check reports both conditions at file:line:col and exits 1", () => {
      const r = isu(["check", file]);
      expectNoCrash(r);
      expect(r.status).toBe(1);
      const lines = text.split("\n");
      const whenLine = lines.findIndex((l) => l.startsWith("  when not")) + 1;
      const whereLine = lines.findIndex((l) => l.startsWith("  where (")) + 1;
      expect(r.out).toContain(`${file}:${whenLine}:${"  when ".length + 1 + MAX_CONDITION_NESTING * 4}: error ISU0007`);
      expect(r.out).toContain(`${file}:${whereLine}:${"  where ".length + 1 + MAX_CONDITION_NESTING}: error ISU0007`);
      expect(r.out).toContain("2 errors");
    });

    it("build writes nothing and exits 1", () => {
      const out = path.join(tmp, "deep-out");
      const r = isu(["build", file, "--out", out]);
      expectNoCrash(r);
      expect(r.status).toBe(1);
      expect(r.out).toContain("ISU0007");
      expect(fs.existsSync(out)).toBe(false);
    });

    it("fmt leaves the file untouched, names the place and exits 1", () => {
      const r = isu(["fmt", file]);
      expectNoCrash(r);
      expect(r.status).toBe(1);
      const whenLine = text.split("\n").findIndex((l) => l.startsWith("  when not")) + 1;
      expect(r.out).toContain(`${file}:${whenLine}:${"  when ".length + 1 + MAX_CONDITION_NESTING * 4}:`);
      expect(fs.readFileSync(file, "utf8")).toBe(text);
    });
  });
});

// ---------------------------------------------------------------- numbers

/** The lines of a fixture marked `// ISU0207` (and `ISU0202`), by code. */
function marked(file: string, code: string): number[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .flatMap((l, i) => (new RegExp(`//.*\\b${code}\\b`).test(l) && !l.trimStart().startsWith("//") ? [i + 1] : []));
}

function checkJson(file: string): { run: Run; diagnostics: Diagnostic[] } {
  const run = isu(["check", file, "--format", "json"]);
  expectNoCrash(run);
  const diagnostics = run.status === null ? [] : (JSON.parse(run.out.slice(run.out.indexOf("{"))) as { diagnostics: Diagnostic[] }).diagnostics;
  return { run, diagnostics };
}

describe("ISU0207 number-out-of-range", () => {
  it("every number beyond the limits gets one ISU0207 naming it and the limit, and check finishes (codes at 2^53 hung ISU0202's hint)", () => {
    const { run, diagnostics } = checkJson(NUMBERS);
    expect(run.status).toBe(1);
    const at = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => d.range.start.line);
    expect(at("ISU0207")).toEqual(marked(NUMBERS, "ISU0207"));
    // 9007199254740993 and 9007199254740992 are one float but two codes: only the real repeat is a duplicate.
    expect(at("ISU0202")).toEqual(marked(NUMBERS, "ISU0202"));
    expect(diagnostics.filter((d) => !["ISU0207", "ISU0202"].includes(d.code))).toEqual([]);
    const text = fs.readFileSync(NUMBERS, "utf8").split("\n");
    for (const d of diagnostics.filter((x) => x.code === "ISU0207")) {
      const raw = text[d.range.start.line - 1]!.slice(d.range.start.column - 1, d.range.end.column - 1);
      expect(d.message).toContain(raw);
      expect(d.message).toMatch(raw.includes(".") || d.message.includes("decimal") ? new RegExp(DECIMAL_MAX.replace(".", "\\.")) : new RegExp(`${INTEGER_MIN}\\.\\.${INTEGER_MAX}`));
      expect(d.hint).toMatch(/^use /);
      expect(d.severity).toBe("error");
    }
    const dup = diagnostics.find((d) => d.code === "ISU0202")!;
    expect(dup.hint).not.toMatch(/e\.g\./); // no free code is offered beyond the integer range
  });

  it("build on such a plan finishes, writes nothing and exits 1", () => {
    const out = path.join(tmp, "numbers-out");
    const r = isu(["build", NUMBERS, "--out", out]);
    expectNoCrash(r);
    expect(r.status).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("a 400-digit code or bound is reported (shortened), never written as Infinity or null", () => {
    const huge = "9".repeat(400);
    const file = path.join(tmp, "huge.isu");
    fs.writeFileSync(
      file,
      `plan p "P" {\n  language sv\n  purpose "Att pröva långa tal."\n  min_cell ${huge}\n}\ntimepoint t "T" { when "nu" }\nvalueset s "S" {\n  1 "Ett"\n  ${huge} "Lång"\n  annat "Annat" other\n}\nvariable kod "Kod" : s at t { definition "d" }\nvariable heltal "Heltal" : integer 0..${huge} at t { definition "d" }\nvariable belopp "Belopp" : decimal -${huge}.5..0 at t { definition "d" }\nquestion q "Q" { count kod }\nquestion r "R" { summary heltal  where belopp > -${huge} }\n`,
    );
    const { run, diagnostics } = checkJson(file);
    expect(run.status).toBe(1);
    expect(diagnostics.map((d) => `${d.code} ${d.range.start.line}`)).toEqual(["ISU0207 4", "ISU0207 9", "ISU0207 13", "ISU0207 14", "ISU0207 16"]);
    for (const d of diagnostics) expect(d.message).toMatch(/\(40[01] digits\)/);
    const out = path.join(tmp, "huge-out");
    const b = isu(["build", file, "--out", out]);
    expectNoCrash(b);
    expect(b.status).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  describe("the extremes that are allowed", () => {
    const out = (): string => path.join(tmp, "extremes-out");
    beforeAll(() => {
      const r = isu(["build", EXTREMES, "--out", out()]);
      expectNoCrash(r);
      expect(r.status, r.out).toBe(0);
    });

    it("check has no ISU0207 for them", () => {
      const { diagnostics } = checkJson(EXTREMES);
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    });

    it("form.json and the record schema carry the bounds exactly", () => {
      const form = fs.readFileSync(path.join(out(), "form.json"), "utf8");
      const record = JSON.parse(fs.readFileSync(path.join(out(), "record.bedomning.schema.json"), "utf8")) as { properties: Record<string, { minimum?: number; maximum?: number }> };
      expect(form).not.toMatch(/null,?\s*$|Infinity|e\+/m);
      expect(form).toContain(`"max": ${DECIMAL_MAX}`);
      expect(form).toContain(`"min": -${DECIMAL_MAX}`);
      expect(form).toContain(`"max": ${INTEGER_MAX}`);
      expect(form).toContain(`"min": ${INTEGER_MIN}`);
      expect(record.properties["heltal"]).toMatchObject({ minimum: INTEGER_MIN, maximum: INTEGER_MAX });
      expect(record.properties["belopp"]).toMatchObject({ minimum: -Number(DECIMAL_MAX), maximum: Number(DECIMAL_MAX) });
    });

    const NEXT_DECIMAL = "100000000000"; // DECIMAL_MAX + 0.0001
    for (const [name, open] of [
      ["SQLite", async () => openSqlite()],
      ["PostgreSQL (PGlite)", openPglite],
    ] as const) {
      it(`${name} accepts the extreme values and rejects the next ones`, async () => {
        const db: TestDb = await open();
        try {
          await db.exec(fs.readFileSync(path.join(out(), `schema.${db.dialect}.sql`), "utf8"));
          const codes = (await db.query(`SELECT code FROM vs_koder ORDER BY sort_order`)).map((r) => Number(r["code"]));
          expect(codes).toEqual([INTEGER_MIN, 0, INTEGER_MAX]);
          let n = 0;
          const insert = async (kod: string, heltal: string, belopp: string): Promise<void> => {
            const id = `p${++n}`;
            await db.exec(`INSERT INTO individ (individ_id) VALUES ('${id}')`);
            await db.exec(`INSERT INTO reg_bedomning (individ_id, kod, heltal, belopp) VALUES ('${id}', ${kod}, ${heltal}, ${belopp})`);
          };
          const rejects = async (kod: string, heltal: string, belopp: string): Promise<void> => {
            let error: unknown;
            try {
              await insert(kod, heltal, belopp);
            } catch (e) {
              error = e;
            }
            expect(error, `accepted kod ${kod}, heltal ${heltal}, belopp ${belopp}`).toBeDefined();
            expect(String((error as Error).message)).toMatch(/check constraint|foreign key|out of range/i);
          };
          await insert(String(INTEGER_MAX), String(INTEGER_MAX), DECIMAL_MAX);
          await insert(String(INTEGER_MIN), String(INTEGER_MIN), `-${DECIMAL_MAX}`);
          // REAL (SQLite) holds the nearest double, which reads back as the bound; numeric (PostgreSQL) the digits themselves.
          const back = await db.query(`SELECT kod, heltal, belopp FROM reg_bedomning ORDER BY individ_id`);
          expect(back.map((r) => [Number(r["kod"]), Number(r["heltal"]), String(Number(r["belopp"]))])).toEqual([
            [INTEGER_MAX, INTEGER_MAX, DECIMAL_MAX],
            [INTEGER_MIN, INTEGER_MIN, `-${DECIMAL_MAX}`],
          ]);
          await rejects("0", String(INTEGER_MAX + 1), "0");
          await rejects("0", String(INTEGER_MIN - 1), "0");
          await rejects("0", "0", NEXT_DECIMAL);
          await rejects("0", "0", `-${NEXT_DECIMAL}`);
          await rejects(String(INTEGER_MAX + 1), "0", "0");
        } finally {
          await db.close();
        }
      });
    }
  });
});

// ---------------------------------------------------------------- min_cell

function minCellPlan(minCell: string, opts: { sensitive?: boolean; rule?: string } = {}): string {
  return `plan p "P" {
  language sv
  purpose "Att pröva min_cell."
  legal_basis "SoL 26 kap."
  min_cell ${minCell}${opts.rule ? `\n  rule low-min-cell ${opts.rule}` : ""}
}
timepoint t "T" { when "nu" }
valueset kon "Kön" {
  kvinna "Kvinna"
  man "Man"
  annat "Annat" other
}
variable kon "Kön" : kon at t { definition "Kön." }
variable halsa "Hälsa" : kon at t {
  definition "Hälsa."${opts.sensitive ? "\n  sensitive health" : ""}
}
question q "Fråga" {
  count halsa
  by kon
}
`;
}

describe("ISU0802 low-min-cell", () => {
  it("min_cell 1 and 2 are warnings, 3 and more nothing", () => {
    for (const n of ["1", "2"]) {
      const c = compile("/virtual/p.isu", { rootText: minCellPlan(n) });
      expect(c.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(["ISU0802 warning"]);
      expect(c.diagnostics[0]!.message).toContain(`min_cell ${n}`);
      expect(c.diagnostics[0]!.fixes?.[0]?.edits[0]?.newText).toBe("5");
    }
    for (const n of ["3", "5", "10"]) expect(codes(compile("/virtual/p.isu", { rootText: minCellPlan(n) }))).toEqual([]);
    // Below 1 (and decimals) is ISU0902's.
    expect(codes(compile("/virtual/p.isu", { rootText: minCellPlan("0") }))).toEqual(["ISU0902"]);
  });

  it("with sensitive data it is an error naming the sensitive variable, and nothing is built", () => {
    const c = compile("/virtual/p.isu", { rootText: minCellPlan("1", { sensitive: true }) });
    expect(c.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(["ISU0802 error"]);
    expect(c.diagnostics[0]!.message).toContain("'halsa' is sensitive health");
    expect(c.model).toBeUndefined();
  });

  it("the plan's own rule setting decides: off silences it, warning lowers it", () => {
    expect(codes(compile("/virtual/p.isu", { rootText: minCellPlan("1", { rule: "off" }) }))).toEqual([]);
    expect(codes(compile("/virtual/p.isu", { rootText: minCellPlan("1", { sensitive: true, rule: "off" }) }))).toEqual([]);
    const lowered = compile("/virtual/p.isu", { rootText: minCellPlan("1", { sensitive: true, rule: "warning" }) });
    expect(lowered.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(["ISU0802 warning"]);
  });

  it("isu check: exit 1 with sensitive data, and with --strict without it", () => {
    const plain = path.join(tmp, "min-cell-1.isu");
    const sensitive = path.join(tmp, "min-cell-1-sensitive.isu");
    fs.writeFileSync(plain, minCellPlan("1"));
    fs.writeFileSync(sensitive, minCellPlan("1", { sensitive: true }));
    const ok = isu(["check", plain]);
    expect(ok.status).toBe(0);
    expect(ok.out).toContain(`${plain}:5:12: warning ISU0802`);
    expect(isu(["check", plain, "--strict"]).status).toBe(1);
    const bad = isu(["check", sensitive]);
    expect(bad.status).toBe(1);
    expect(bad.out).toContain(`${sensitive}:5:12: error ISU0802`);
  });
});

// ---------------------------------------------------------------- language server

describe("the language server on such files", () => {
  const REQUEST_FAILED = -32803;
  let client: LspClient;

  beforeAll(async () => {
    client = LspClient.start({ root });
    await client.initialize();
  }, 120_000);

  afterAll(async () => {
    await client?.stop();
  });

  /**
   * Sends a request and fails when it errs or takes longer than the timeout.
   * A rename the server refuses with a reason (RequestFailed: no name there,
   * not a valid code) is an answer too, never an internal error.
   */
  async function answer(method: string, params: unknown): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${method}: no answer within 30 s`)), 30_000)));
    try {
      return await Promise.race([client.request(method, params), timeout]);
    } catch (e) {
      const code = (e as { code?: number }).code;
      if (method.endsWith("ename") && code === REQUEST_FAILED) return { refused: (e as Error).message };
      throw new Error(`${method} failed (${code}): ${(e as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Every feature the server offers, at `position` (and on the whole document). */
  async function everyFeature(uri: string, position: { line: number; character: number }, diagnostics: LspDiagnostic[]): Promise<Record<string, unknown>> {
    const doc = { textDocument: { uri } };
    const at = { ...doc, position };
    const range = { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } };
    const out: Record<string, unknown> = {};
    const requests: [string, unknown][] = [
      ["textDocument/completion", at],
      ["textDocument/hover", at],
      ["textDocument/definition", at],
      ["textDocument/typeDefinition", at],
      ["textDocument/references", { ...at, context: { includeDeclaration: true } }],
      ["textDocument/documentHighlight", at],
      ["textDocument/prepareRename", at],
      ["textDocument/rename", { ...at, newName: "nytt_namn" }],
      ["textDocument/documentSymbol", doc],
      ["workspace/symbol", { query: "" }],
      ["textDocument/foldingRange", doc],
      ["textDocument/semanticTokens/full", doc],
      ["textDocument/codeAction", { ...doc, range, context: { diagnostics } }],
      ["textDocument/formatting", { ...doc, options: { tabSize: 2, insertSpaces: true } }],
      ["textDocument/documentLink", doc],
      ["textDocument/inlayHint", { ...doc, range }],
    ];
    for (const [method, params] of requests) out[method] = await answer(method, params);
    return out;
  }

  it("a file with 10,000 nested parentheses and 100,000 `not`: ISU0007 published, every feature answers", async () => {
    const text = nestedPlan({ where: parens(10_000), when: nots(100_000) });
    const uri = uriOf(path.join(tmp, "lsp-deep.isu"));
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 60_000);
    expect(published.diagnostics.map((d) => d.code)).toEqual(["ISU0007", "ISU0007"]);
    const lines = text.split("\n");
    const countLine = lines.findIndex((l) => l.includes("count stod"));
    const res = await everyFeature(uri, { line: countLine, character: "  count st".length }, published.diagnostics);
    expect((res["textDocument/documentSymbol"] as { name: string }[]).map((s) => s.name)).toContain("q");
    expect((res["textDocument/semanticTokens/full"] as { data: number[] }).data.length).toBeGreaterThan(0);
    expect(res["textDocument/hover"]).toBeTruthy();
    expect(res["textDocument/formatting"]).toBeNull(); // the formatter refuses; the diagnostic says why
    // On the deep line itself too.
    const whereLine = lines.findIndex((l) => l.startsWith("  where ("));
    await everyFeature(uri, { line: whereLine, character: 5_000 }, published.diagnostics);
    expect(client.alive).toBe(true);
    expect(client.stderr).not.toMatch(/Maximum call stack|RangeError/);
    await client.close(uri);
  }, 180_000);

  it("a plan with codes at 2^53 and 400-digit bounds: diagnostics published, every feature answers", async () => {
    const text = fs.readFileSync(NUMBERS, "utf8").replace("100000000000", "9".repeat(400));
    const uri = uriOf(path.join(tmp, "lsp-numbers.isu"));
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 60_000);
    expect(published.diagnostics.filter((d) => d.code === "ISU0202")).toHaveLength(1);
    expect(published.diagnostics.filter((d) => d.code === "ISU0207").length).toBe(marked(NUMBERS, "ISU0207").length);
    const dupLine = marked(NUMBERS, "ISU0202")[0]! - 1;
    await everyFeature(uri, { line: dupLine, character: 4 }, published.diagnostics);
    expect(client.alive).toBe(true);
    await client.close(uri);
  }, 180_000);
});
