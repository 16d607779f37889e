// The counts queries, proven by running them: every example plan and the
// q-*.isu fixtures are loaded with seeded synthetic records (30 to a few
// thousand individuals, skewed so that some groups are small) through the
// generated schema into SQLite (better-sqlite3, and the real sqlite3 CLI
// running the whole script), a real PostgreSQL server and DuckDB; every row
// every query returns is compared with an independent computation from the
// records (test/support/reference.ts). The SQL Server script is checked by
// parsing it as T-SQL.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import fc from "fast-check";
import pkg from "node-sql-parser";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { openEngine } from "../compiler/data/engines/index.js";
import { ANSWERED, questionGrain } from "../compiler/model/grain.js";
import { DIALECTS, DIALECT_NAMES, type DialectName } from "../compiler/sql/dialects/index.js";
import { BASIS_ID, basisQuery, countsQuery, generateQueries, queriesGenerator } from "../compiler/generate/queries/index.js";
import type { PlanModel } from "../compiler/model/index.js";
import { startPostgresServer } from "./support/databases.js";
import { loadRecords, type SqlDb } from "./support/load-records.js";
import { referenceBasis, referenceCounts, type Row } from "./support/reference.js";
import { syntheticRecords, type RegistrationRecord, type SyntheticData } from "./support/synthetic.js";
import { generatePlan } from "./bench/generate-plan.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "isu-queries-"));

interface PlanCase {
  file: string;
  model: PlanModel;
}

function modelOf(file: string, rootText?: string): PlanModel {
  const c = compile(file, rootText === undefined ? {} : { rootText });
  if (!c.model)
    throw new Error(
      `${file} does not compile to a plan: ${c.diagnostics
        .filter((d) => d.severity === "error")
        .map((d) => `${d.code} ${d.message}`)
        .join("; ")}`,
    );
  return c.model;
}

/** Example plans (files with a plan block; modules like gemensamt.isu have none) and the query fixtures. */
function planCases(): PlanCase[] {
  const examples = fs
    .readdirSync(path.join(root, "examples"))
    .filter((f) => f.endsWith(".isu"))
    .map((f) => path.join(root, "examples", f))
    .filter((f) => /^\s*plan\s/m.test(fs.readFileSync(f, "utf8")));
  const fixtures = fs
    .readdirSync(path.join(root, "test/fixtures/plans"))
    .filter((f) => /^q-.*\.isu$/.test(f))
    .map((f) => path.join(root, "test/fixtures/plans", f));
  return [...fixtures, ...examples].map((file) => ({ file, model: modelOf(file) }));
}

const CASES = planCases();
/** Data set sizes: a tiny team, a usual one, a large one. */
const SIZES = [30, 400, 2500];

// ---- databases

interface Engine {
  name: string;
  dialect: DialectName;
  open?: () => Promise<SqlDb & { close(): Promise<void>; file?: string }>;
  unavailable?: string;
}

function sqliteFile(file: string): SqlDb & { close(): Promise<void>; file: string } {
  const db = new Database(file);
  db.pragma("foreign_keys = ON");
  return {
    dialect: "sqlite",
    file,
    exec: async (sql) => void db.exec(sql),
    query: async (sql) => db.prepare(sql).all() as Record<string, unknown>[],
    close: async () => void db.close(),
  };
}

let files = 0;
const server = await startPostgresServer();
afterAll(() => {
  if ("stop" in server) server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});
const HAS_DUCKDB = (DIALECT_NAMES as string[]).includes("duckdb");
const ENGINES: Engine[] = [
  { name: "SQLite", dialect: "sqlite", open: async () => sqliteFile(path.join(tmp, `db${files++}.sqlite`)) },
  "open" in server ? { name: "PostgreSQL server", dialect: "postgres", open: () => server.open() } : { name: "PostgreSQL server", dialect: "postgres", unavailable: server.unavailable },
  HAS_DUCKDB
    ? { name: "DuckDB", dialect: "duckdb" as DialectName, open: () => openEngine(`duckdb:${path.join(tmp, `db${files++}.duckdb`)}`, { create: true }) }
    : { name: "DuckDB", dialect: "duckdb" as DialectName, unavailable: "no DuckDB dialect in compiler/sql/dialects yet" },
];

// ---- comparing rows

/** A row as plain values: codes as text or null, value and n as numbers. */
function plain(row: Record<string, unknown>): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null || v === undefined ? null : k === "n" || k === "value" ? Number(v) : typeof v === "string" ? v : String(v)]));
}

const canonical = (rows: Row[]): string[] => rows.map((r) => JSON.stringify(r)).sort();

/** Every difference between a query's rows and the reference's, as readable lines. */
function differences(id: string, columns: string[], got: Record<string, unknown>[], want: Row[]): string[] {
  const out: string[] = [];
  for (const [i, row] of got.entries()) {
    if (Object.keys(row).join(",") !== columns.join(",")) out.push(`${id} row ${i}: columns ${Object.keys(row).join(",")}, the grain says ${columns.join(",")}`);
    if (!(Number(row.n) > 0)) out.push(`${id} row ${i}: n is ${String(row.n)}; only non-empty cells are returned`);
  }
  const a = canonical(got.map(plain));
  const b = canonical(want.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null]))));
  const extra = a.filter((x) => !b.includes(x));
  const lacking = b.filter((x) => !a.includes(x));
  if (new Set(a).size !== a.length) out.push(`${id}: a cell is returned twice`);
  for (const x of extra.slice(0, 5)) out.push(`${id}: unexpected row ${x}`);
  for (const x of lacking.slice(0, 5)) out.push(`${id}: missing row ${x}`);
  return out;
}

interface RunResult {
  problems: string[];
  /** Every query's rows, in query order, as the engine returned them. */
  rows: Row[][];
  choices: number;
  missing: number;
}

/** Runs every question's counts query and isu_basis, comparing each with the reference. */
async function runAll(db: SqlDb, model: PlanModel, data: SyntheticData): Promise<RunResult> {
  const d = DIALECTS[db.dialect];
  const result: RunResult = { problems: [], rows: [], choices: 0, missing: 0 };
  for (const q of model.questions) {
    const c = countsQuery(model, q, d);
    let rows: Record<string, unknown>[];
    try {
      rows = await db.query(c.sql);
    } catch (e) {
      result.problems.push(`${c.id}: ${(e as Error).message}`);
      continue;
    }
    result.problems.push(...differences(c.id, c.grain.columns, rows, referenceCounts(model, data, q.name)));
    result.rows.push(rows.map(plain));
    result.choices += rows.filter((r) => r.row_kind === "choices").length;
    result.missing += rows.filter((r) => c.grain.columns.some((k) => k !== "n" && r[k] === null)).length;
  }
  const basis = await db.query(basisQuery(model, d).sql);
  const want = referenceBasis(model, data);
  // isu_basis comes in plan order: compared row by row.
  if (JSON.stringify(basis.map(plain)) !== JSON.stringify(want))
    result.problems.push(`${BASIS_ID}: got ${JSON.stringify(basis.map(plain)).slice(0, 400)}, expected ${JSON.stringify(want).slice(0, 400)}`);
  result.rows.push(basis.map(plain));
  return result;
}

/** The whole queries.sqlite.sql through the sqlite3 CLI in JSON mode: every query's rows, one after the other. */
function sqliteCli(file: string, script: string): { status: number | null; stderr: string; rows: Row[] } {
  const scriptFile = path.join(tmp, `queries-${files++}.sql`);
  fs.writeFileSync(scriptFile, script);
  const r = spawnSync("sqlite3", ["-bail", "-json", file, `.read ${scriptFile}`], { encoding: "utf8", maxBuffer: 1 << 28 });
  // Each query prints one JSON array (nothing when it has no rows).
  const text = r.stdout.trim();
  const rows = text ? (JSON.parse(`[${text.replace(/\]\n\[/g, "],[")}]`) as Record<string, unknown>[][]).flat().map(plain) : [];
  return { status: r.status, stderr: r.stderr, rows };
}

// Every question's counts and the basis on every engine equal the reference; on
// SQLite the sqlite3 CLI runs the whole script and gives the same rows, and every
// engine returns the rows in the same order.
describe("counts queries against the reference computation", () => {
  CASES.forEach((c, index) => {
    const name = path.relative(root, c.file);
    const sizes = SIZES.map((s, i) => ({ individuals: s + index * 7, seed: 1000 * (i + 1) + index }));
    for (const size of sizes) {
      const data = syntheticRecords(c.model, size);
      const sqliteOrder: Row[][][] = [];
      for (const engine of ENGINES) {
        const title = `${name}, ${size.individuals} individuals: every row of every counts query and isu_basis on ${engine.name} equals the reference`;
        if (engine.unavailable) {
          it.skip(`${title} (skipped: ${engine.unavailable})`, () => {});
          continue;
        }
        it(title, async () => {
          const db = await engine.open!();
          try {
            await loadRecords(db, c.model, data);
            const result = await runAll(db, c.model, data);
            expect(result.problems.slice(0, 20)).toEqual([]);
            // Not vacuous: missing members and (with multiple choice) choices rows are there.
            expect(result.missing).toBeGreaterThan(0);
            if (c.model.questions.some((q) => questionGrain(c.model, q).choices) && size.individuals > 100) expect(result.choices).toBeGreaterThan(0);
            if (engine.dialect === "sqlite") sqliteOrder.push(result.rows);
            else if (sqliteOrder[0]) expect(result.rows).toEqual(sqliteOrder[0]);
          } finally {
            await db.close();
          }
          if (db.file) {
            const cli = sqliteCli(db.file, generateQueries(c.model, DIALECTS.sqlite).script);
            expect(cli.stderr).toBe("");
            expect(cli.status).toBe(0);
            expect(cli.rows).toEqual(sqliteOrder[0]!.flat());
          }
        });
      }
    }
  });

  it("small and empty populations, any seed, still equal the reference (SQLite)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: CASES.length - 1 }), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 1_000_000 }), async (which, individuals, seed) => {
        const c = CASES[which]!;
        const data = syntheticRecords(c.model, { individuals, seed });
        const db = sqliteFile(":memory:");
        await loadRecords(db, c.model, data);
        const result = await runAll(db, c.model, data);
        await db.close();
        expect(result.problems.slice(0, 10)).toEqual([]);
      }),
      { numRuns: 12, seed: 20270101 },
    );
  });
});

describe("isu_basis of a very large plan", () => {
  // More variables at a time point than one scan's columns (200) and more rows than one UNION's terms (400),
  // on the engines whose limits those are (PostgreSQL: 1,664 columns; SQLite: 500 compound terms).
  const model = modelOf(path.join(tmp, "large.isu"), generatePlan(3000));
  const variables = Math.max(...model.timepoints.map((tp) => model.variables.filter((v) => v.timepoints.includes(tp.name)).length));
  const data = syntheticRecords(model, { individuals: 40, seed: 3 });
  for (const engine of ENGINES.filter((e) => e.dialect !== "duckdb")) {
    const title = `${model.variables.length} variables (${variables} at one time point): isu_basis on ${engine.name} equals the reference`;
    if (engine.unavailable) {
      it.skip(`${title} (skipped: ${engine.unavailable})`, () => {});
      continue;
    }
    it(
      title,
      async () => {
        expect(variables).toBeGreaterThan(200);
        expect(referenceBasis(model, data).length).toBeGreaterThan(400);
        const db = await engine.open!();
        try {
          await loadRecords(db, model, data);
          const rows = await db.query(basisQuery(model, DIALECTS[engine.dialect]).sql);
          expect(rows.map(plain)).toEqual(referenceBasis(model, data));
        } finally {
          await db.close();
        }
      },
      180_000,
    );
  }
});

// ---- Hand-made records whose rows are written out in full.

async function rowsOf(model: PlanModel, data: SyntheticData, question: string): Promise<unknown[][]> {
  const db = sqliteFile(":memory:");
  await loadRecords(db, model, data);
  const c = countsQuery(
    model,
    model.questions.find((q) => q.name === question)!,
    DIALECTS.sqlite,
  );
  const rows = await db.query(c.sql);
  await db.close();
  return rows.map((r) => c.grain.columns.map((k) => r[k]));
}

describe("the grain on hand-made records", () => {
  const model = modelOf(
    "/virtual/plan.isu",
    `
plan p "P" { language sv  min_cell 5  purpose "Test." }
timepoint a "A" { when "först" }
timepoint b "B" { when "sedan" }
valueset kon "Kön" { kvinna "Kvinna"  man "Man"  annat "Annat" other }
valueset skala "Skala" ordinal better higher { definition "Tre steg."  1 "Låg"  2 "Mellan"  3 "Hög"  9 "Vet ej" missing }
valueset stod "Stöd" { s1 "A"  s2 "B"  vet_ej "Vet ej" missing }
variable kon "Kön" : kon at a
variable alder "Ålder" : integer 0..120 at a { definition "Ålder i år." }
group aldersgrupp "Åldersgrupp" from alder {
  unga "Unga" = ..64
  aldre "Äldre" = 65..
}
variable x "X" : skala at a, b { definition "Ett mått." }
variable stod "Stöd" : multiple stod at a
question forandring "Förändras X?" { change x from a to b  by kon }
question stodet "Vilket stöd?" { count stod  by aldersgrupp  where not kon = man }
question aldern "Hur gamla?" { summary alder  by kon }
`,
  );
  const rec = (id: string, a: Omit<RegistrationRecord, "individ_id"> | null, b?: Omit<RegistrationRecord, "individ_id">) => ({
    id,
    a: a && { individ_id: id, ...a },
    b: b && { individ_id: id, ...b },
  });
  const people = [
    rec("p1", { kon: "kvinna", alder: 70, x: 1, stod: ["s1", "s2"] }, { x: 2 }),
    rec("p2", { kon: "kvinna", alder: 30, x: 2, stod: [] }, { x: 2 }),
    rec("p3", { kon: "man", alder: 80, x: 3, stod: ["s1"] }, { x: 9 }),
    rec("p4", { kon: null, alder: null, x: 9, stod: ["vet_ej"] }),
    rec("p5", null),
    rec("p6", { kon: "kvinna", alder: 70, x: 1, stod: ["s2", "vet_ej"] }, { x: 3 }),
  ];
  const data: SyntheticData = {
    individuals: people.map((p) => p.id),
    registrations: { a: people.flatMap((p) => (p.a ? [p.a as RegistrationRecord] : [])), b: people.flatMap((p) => (p.b ? [p.b as RegistrationRecord] : [])) },
  };

  it("change: from and to are scale codes; a missing code, no registration and no follow-up are NULL", async () => {
    expect(await rowsOf(model, data, "forandring")).toEqual([
      ["individuals", "kvinna", "1", "2", 1],
      ["individuals", "kvinna", "1", "3", 1],
      ["individuals", "kvinna", "2", "2", 1],
      ["individuals", "man", "3", null, 1],
      ["individuals", null, null, null, 2],
    ]);
  });

  it("multiple choice: * for an answer (none chosen too), NULL for only `missing` codes or no registration; choices rows per option; `not` holds on a missing value", async () => {
    // Not man: p1, p2, p6 (kvinna), p4 (kon NULL), p5 (no registration).
    expect(await rowsOf(model, data, "stodet")).toEqual([
      ["choices", "aldre", "s1", 1],
      ["choices", "aldre", "s2", 2],
      ["individuals", "aldre", ANSWERED, 2],
      ["individuals", "unga", ANSWERED, 1],
      ["individuals", null, null, 2],
    ]);
  });

  it("summary: the value itself, NULL when missing", async () => {
    expect(await rowsOf(model, data, "aldern")).toEqual([
      ["individuals", "kvinna", 30, 1],
      ["individuals", "kvinna", 70, 2],
      ["individuals", "man", 80, 1],
      ["individuals", null, null, 2],
    ]);
  });
});

// ---- The files

describe("generated files", () => {
  const c = CASES.find((x) => x.model.questions.some((q) => q.splits.length && questionGrain(x.model, q).choices))!;
  const files = queriesGenerator(c.model, { lang: c.model.language, dialects: DIALECT_NAMES });

  it("writes one script per dialect and queries.json", () => {
    expect(files.map((f) => f.path).sort()).toEqual(["queries.json", ...DIALECT_NAMES.map((d) => `queries.${d}.sql`)].sort());
  });

  it("every script says plainly that its counts are not for publication, and names each query in a comment right before it", () => {
    for (const name of DIALECT_NAMES) {
      const set = generateQueries(c.model, DIALECTS[name]);
      const script = files.find((f) => f.path === `queries.${name}.sql`)!.content;
      expect(script).toContain("NOT FOR PUBLICATION");
      expect(script).toContain("isu report");
      expect(set.queries.map((q) => q.id)).toEqual([...c.model.questions.map((q) => q.name), BASIS_ID]);
      for (const q of set.queries) {
        const at = script.indexOf(`-- query: ${q.id}\n`);
        expect(at, q.id).toBeGreaterThan(-1);
        const after = script.slice(at);
        if (q.question) expect(after).toContain(`-- question: ${q.question} — ${q.title}`);
        expect(after.indexOf(`${q.sql};`)).toBeGreaterThan(0);
      }
      // Portable: none of the shortcuts some engines lack.
      expect(script).not.toMatch(/\bGROUPING\s+SETS\b|\bFILTER\s*\(|\bROLLUP\b|\bCUBE\b|\bPERCENTILE|\bLIMIT\b/i);
    }
  });

  it("queries.json lists each question's counts query and isu_basis, with the grain's columns, their meanings and the SQL of every dialect", () => {
    const manifest = JSON.parse(files.find((f) => f.path === "queries.json")!.content) as {
      plan: string;
      minCell: number;
      dialects: string[];
      queries: {
        id: string;
        question: string | null;
        title: string;
        analysis: string | null;
        splits?: { id: string; columns: string[] }[];
        columns: { name: string; meaning: string }[];
        sql: Record<string, string>;
      }[];
    };
    expect(manifest.plan).toBe(c.model.name);
    expect(manifest.dialects).toEqual(DIALECT_NAMES);
    expect(manifest.queries.map((q) => q.id)).toEqual([...c.model.questions.map((q) => q.name), BASIS_ID]);
    for (const q of manifest.queries) {
      const question = c.model.questions.find((x) => x.name === q.question);
      if (question) {
        const grain = questionGrain(c.model, question);
        expect(q.title).toBe(question.label[c.model.language]);
        expect(q.analysis).toBe(question.analysis.kind);
        expect(q.columns.map((x) => x.name)).toEqual(grain.columns);
        expect(q.splits).toEqual(grain.splits.map((s) => ({ id: s.id, columns: s.dims.map((i) => grain.dims[i]!.column) })));
        for (const name of DIALECT_NAMES) expect(q.sql[name]).toBe(countsQuery(c.model, question, DIALECTS[name]).sql);
      } else {
        expect(q.id).toBe(BASIS_ID);
        expect(q.columns.map((x) => x.name)).toEqual(["item", "timepoint", "variable", "n"]);
        for (const name of DIALECT_NAMES) expect(q.sql[name]).toBe(basisQuery(c.model, DIALECTS[name]).sql);
      }
      for (const col of q.columns) expect(col.meaning.length, `${q.id}.${col.name}`).toBeGreaterThan(3);
    }
  });

  it("a model the checker should have stopped gets a message naming the question, not a crash deep in SQL", () => {
    const broken: PlanModel = structuredClone(c.model);
    const q = broken.questions[0]!;
    const nominal = broken.variables.find(
      (v) => v.type.kind === "choice" && !v.type.multiple && broken.valuesets.find((s) => s.name === (v.type as { valueset: string }).valueset)?.scale === "nominal",
    )!;
    q.analysis = { kind: "change", variable: nominal.name, from: nominal.timepoints[0]!, to: nominal.timepoints[0]! };
    q.splits = [];
    expect(() => generateQueries(broken, DIALECTS.sqlite)).toThrow(new RegExp(`question '${q.name}'.*not on an ordinal value set`));
  });
});

describe("SQL Server", () => {
  const parser = new pkg.Parser();
  for (const c of CASES) {
    it(`${path.relative(root, c.file)}: every query and the whole script parse as T-SQL`, () => {
      const set = generateQueries(c.model, DIALECTS.mssql);
      for (const q of set.queries) expect(() => parser.astify(q.sql, { database: "transactsql" }), q.id).not.toThrow();
      const ast = parser.astify(set.script, { database: "transactsql" });
      expect(Array.isArray(ast) ? ast.length : 1).toBe(set.queries.length);
      expect(set.script).not.toMatch(/\bFILTER\s*\(|\bGROUPING\s+SETS\b|\bROLLUP\b|\bCUBE\b|\bPERCENTILE|\bLIMIT\b|\bTRUE\b|\bFALSE\b/);
      // SQL Server allows no subquery in a GROUP BY list or inside an aggregate: flags are read a level below.
      for (const line of set.script.split("\n").filter((l) => /\bGROUP BY\b/.test(l))) expect(line).not.toMatch(/\bSELECT\b|\bEXISTS\b/);
      expect(set.script).not.toMatch(/\b(SUM|COUNT|MIN|MAX)\((?:(?!\)\s+AS\b).)*\bEXISTS\b/);
    });
  }
});
