// The generated schema is proven by running it: on SQLite, on PGlite and, when
// the machine has one, on a real PostgreSQL server; on DuckDB in memory and in
// a file. Each plan's script must run
// on a fresh database, fill the value-set tables with exactly the plan's codes
// and labels, accept good registrations (missing data included) and make the
// database itself reject every kind of bad row. SQL Server is parsed, not run.
// Expected tables, columns and constraints are worked out here from the model,
// independently of compiler/generate/storage-layout.ts.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import sqlParser from "node-sql-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { ddlGenerator, generateDdl } from "../compiler/generate/ddl/index.js";
import { DIALECTS, type Dialect } from "../compiler/sql/dialects/index.js";
import { tr, type PlanModel, type ValuesetModel, type VariableModel } from "../compiler/model/index.js";
import { openPglite, openSqlite, startPostgresServer, type TestDb } from "./support/databases.js";
import { DuckDBInstance } from "@duckdb/node-api";
import { openDuckdb, type DuckDb } from "./support/duckdb.js";
import { splitStatements } from "./support/tsql.js";

const root = path.resolve(__dirname, "..");
const fixtureDir = path.join(root, "test", "fixtures", "plans");
const exampleDir = path.join(root, "examples");

// ---------------------------------------------------------------- plans

interface Plan {
  name: string;
  model?: PlanModel;
  /** Why the plan is skipped (examples only; fixtures must compile). */
  skip?: string;
}

function load(file: string): Plan {
  const name = path.relative(root, file);
  const c = compile(file);
  if (c.errors > 0) {
    const first = c.diagnostics.find((d) => d.severity === "error")!;
    return { name, skip: `${c.errors} error(s), first ${first.code} at line ${first.range.start.line}: ${first.message}` };
  }
  if (!c.model) return { name, skip: "declares no plan (a file for import)" };
  return { name, model: c.model };
}

const fixtures = fs
  .readdirSync(fixtureDir)
  .filter((f) => /^ddl-.*\.isu$/.test(f))
  .sort()
  .map((f) => load(path.join(fixtureDir, f)));
const examples = (fs.existsSync(exampleDir) ? fs.readdirSync(exampleDir) : [])
  .filter((f) => f.endsWith(".isu"))
  .sort()
  .map((f) => load(path.join(exampleDir, f)));
for (const p of examples) if (p.skip) console.warn(`ddl.test: skipping ${p.name}: ${p.skip}`);

const fixture = (name: string): PlanModel => {
  const p = fixtures.find((x) => x.name.endsWith(name));
  if (!p?.model) throw new Error(`fixture ${name} does not compile: ${p?.skip ?? "missing"}`);
  return p.model;
};

// ---------------------------------------------------------------- engines

const server = await startPostgresServer();
const serverSkip = "unavailable" in server ? server.unavailable : undefined;
if (serverSkip) console.warn(`ddl.test: PostgreSQL server tests skipped: ${serverSkip}`);
afterAll(() => {
  if (!("unavailable" in server)) server.stop();
});

type Db = TestDb | DuckDb;

interface Engine {
  name: string;
  dialect: Dialect;
  open(): Promise<Db>;
  skip?: string;
}

// The Debian sqlite3 CLI (SQLite 3.40 here): the scripts are applied with it,
// and it is older than the SQLite in better-sqlite3 (whose date() refuses
// 2026-02-30 where 3.40's gives it back unchanged; whose parser takes deeper
// expressions). Each statement runs in a fresh `sqlite3` process on one file.
const hasSqlite3 = spawnSync("sqlite3", ["-version"]).status === 0;
const cliDir = fs.mkdtempSync(path.join(os.tmpdir(), "isu-ddl-cli-"));
afterAll(() => fs.rmSync(cliDir, { recursive: true, force: true }));
let cliDbs = 0;

function openSqliteCli(): TestDb {
  const file = path.join(cliDir, `db-${cliDbs++}.sqlite`);
  const run = (sql: string, json: boolean): string => {
    const r = spawnSync("sqlite3", ["-batch", "-bail", ...(json ? ["-json"] : []), file], { input: `PRAGMA foreign_keys = ON;\n${sql};\n`, encoding: "utf8", maxBuffer: 64 << 20 });
    if (r.status !== 0 || r.stderr) throw new Error(r.stderr || `sqlite3 exited with ${r.status}`);
    return r.stdout;
  };
  return {
    name: "sqlite",
    dialect: "sqlite",
    exec: async (sql) => void run(sql, false),
    query: async (sql) => {
      const out = run(sql, true).trim();
      return out ? (JSON.parse(out) as Record<string, unknown>[]) : [];
    },
    close: async () => fs.rmSync(file, { force: true }),
  };
}

const engines: Engine[] = [
  { name: "sqlite", dialect: DIALECTS.sqlite, open: async () => openSqlite() },
  { name: "sqlite3-cli", dialect: DIALECTS.sqlite, open: async () => openSqliteCli(), ...(hasSqlite3 ? {} : { skip: "no sqlite3 on PATH" }) },
  { name: "pglite", dialect: DIALECTS.postgres, open: openPglite },
  {
    name: "postgres-server",
    dialect: DIALECTS.postgres,
    open: () => ("unavailable" in server ? Promise.reject(new Error(server.unavailable)) : server.open()),
    ...(serverSkip ? { skip: serverSkip } : {}),
  },
  { name: "duckdb", dialect: DIALECTS.duckdb, open: () => openDuckdb() },
  // The script applied to a file, which is closed and reopened before the tests read it.
  { name: "duckdb-file", dialect: DIALECTS.duckdb, open: () => openDuckdb(true) },
];

// ---------------------------------------------------------------- the layout, worked out from the model

const valuesetOf = (m: PlanModel, v: VariableModel): ValuesetModel => m.valuesets.find((s) => v.type.kind === "choice" && s.name === v.type.valueset)!;
const isMultiple = (v: VariableModel): boolean => v.type.kind === "choice" && v.type.multiple;
const at = (m: PlanModel, tp: string): VariableModel[] => m.variables.filter((v) => v.timepoints.includes(tp));
const implicitDescription = (v: VariableModel): string | undefined => (v.otherDescription && !v.otherDescription.declared ? v.otherDescription.name : undefined);

function expectedColumns(m: PlanModel, tp: string): string[] {
  const cols = ["individ_id", "registrerad_datum"];
  for (const v of at(m, tp)) {
    if (!isMultiple(v)) cols.push(v.name);
    const d = implicitDescription(v);
    if (d) cols.push(d);
  }
  return cols;
}

function expectedTables(m: PlanModel): string[] {
  const t = ["isu_plan", "individ", ...m.valuesets.map((s) => `vs_${s.name}`)];
  for (const tp of m.timepoints) {
    t.push(`reg_${tp.name}`);
    for (const v of at(m, tp.name)) if (isMultiple(v)) t.push(`reg_${tp.name}__${v.name}`);
  }
  return t.sort();
}

// ---------------------------------------------------------------- rows

const TRICKY = "Fri text med 'citat', -- streck, */ slut, /* början, \"dubbla\", \\ och ; DROP TABLE individ;";

/** A code as the database stores it. */
const codeValue = (vs: ValuesetModel, code: string): string | number => (vs.codeType === "integer" ? Number(code) : code);

type Value = string | number | boolean | null;

function literal(d: Dialect, v: Value): string {
  if (v === null) return "NULL";
  if (typeof v === "boolean") return d.booleanLiteral(v);
  if (typeof v === "number") return String(v);
  return d.string(v);
}

/** A valid answer: "low" takes the lower bound and the first scale value, "high" the upper bound and the last value (a missing code, where there is one). */
function goodValue(m: PlanModel, v: VariableModel, variant: "low" | "high"): Value {
  switch (v.type.kind) {
    case "choice": {
      const vs = valuesetOf(m, v);
      const value = variant === "low" ? (vs.values.find((x) => !x.missing) ?? vs.values[0]!) : vs.values[vs.values.length - 1]!;
      return codeValue(vs, value.code);
    }
    case "integer":
      return variant === "low" ? (v.type.min ?? v.type.max ?? 3) : (v.type.max ?? (v.type.min ?? 0) + 1000);
    case "decimal":
      return variant === "low" ? (v.type.min ?? v.type.max ?? 2.5) : (v.type.max ?? (v.type.min ?? 0) + 1000.25);
    case "boolean":
      return variant === "low";
    case "date":
      return variant === "low" ? "2024-02-29" : "2031-12-31";
    case "text":
      return TRICKY;
  }
}

function goodRow(m: PlanModel, tp: string, variant: "low" | "high" | "null"): Record<string, Value> {
  const row: Record<string, Value> = { registrerad_datum: variant === "null" ? null : "2024-03-01" };
  for (const v of at(m, tp)) {
    if (!isMultiple(v)) row[v.name] = variant === "null" ? null : goodValue(m, v, variant);
    const d = implicitDescription(v);
    if (d) row[d] = variant === "null" ? null : TRICKY;
  }
  return row;
}

function insert(d: Dialect, table: string, row: Record<string, Value | { sql: string }>): string {
  const cols = Object.keys(row);
  const vals = cols.map((c) => {
    const v = row[c]!;
    return v !== null && typeof v === "object" ? v.sql : literal(d, v);
  });
  return `INSERT INTO ${d.quote(table)} (${cols.map(d.quote).join(", ")}) VALUES (${vals.join(", ")})`;
}

const FK = /foreign key/i;
const CHECK = /check constraint/i;
const UNIQUE = /unique constraint|duplicate key/i;
const PG_TYPE = /invalid input syntax|out of range/i;
const DUCKDB_TYPE = /Conversion Error/;

async function rejects(db: Db, sql: string, reason: RegExp): Promise<void> {
  let error: Error | undefined;
  try {
    await db.exec(sql);
  } catch (e) {
    error = e as Error;
  }
  expect(error, `the database accepted: ${sql}`).toBeDefined();
  expect(error!.message, sql).toMatch(reason);
}

interface BadValue {
  what: string;
  column: string;
  sql: string;
  reason: RegExp;
}

/** Values the database must refuse in a registration column, with why. */
function badValues(m: PlanModel, tp: string, engine: Engine): BadValue[] {
  const sqlite = engine.dialect.name === "sqlite";
  const duckdb = engine.dialect.name === "duckdb";
  const typeReason = sqlite ? CHECK : duckdb ? DUCKDB_TYPE : PG_TYPE;
  const d = engine.dialect;
  const out: BadValue[] = [
    { what: "a date that does not exist", column: "registrerad_datum", sql: d.string("2024-02-30"), reason: typeReason },
    { what: "text that is not a date", column: "registrerad_datum", sql: d.string("igår"), reason: typeReason },
    // DuckDB's DATE holds year 0; the record schema and the other engines do not.
    { what: "year 0", column: "registrerad_datum", sql: d.string("0000-06-01"), reason: sqlite || duckdb ? CHECK : PG_TYPE },
  ];
  for (const v of at(m, tp)) {
    const t = v.type;
    if (t.kind === "choice" && !t.multiple) {
      const vs = valuesetOf(m, v);
      out.push({ what: "an undefined code", column: v.name, sql: vs.codeType === "integer" ? "987654" : d.string("finns_inte"), reason: FK });
    }
    if (t.kind === "integer" || t.kind === "decimal") {
      const step = t.kind === "integer" ? 1 : 0.25;
      if (t.min !== undefined) out.push({ what: "a number below the range", column: v.name, sql: String(t.min - step), reason: CHECK });
      if (t.max !== undefined) out.push({ what: "a number above the range", column: v.name, sql: String(t.max + step), reason: CHECK });
      out.push({ what: "text in a number column", column: v.name, sql: d.string("många"), reason: typeReason });
      // PostgreSQL rounds 1.5 into an integer column on assignment; SQLite would keep it as a real.
      if (t.kind === "integer" && sqlite) out.push({ what: "a fraction in an integer column", column: v.name, sql: String((t.min ?? t.max ?? 0) + 0.5), reason: CHECK });
    }
    if (t.kind === "boolean") {
      out.push({ what: "a boolean that is neither true nor false", column: v.name, sql: sqlite ? "2" : d.string("kanske"), reason: typeReason });
      out.push({ what: "text in a boolean column", column: v.name, sql: d.string("ja"), reason: typeReason });
    }
    if (t.kind === "date") out.push({ what: "text that is not a date", column: v.name, sql: d.string("2024-13-01"), reason: typeReason });
  }
  return out;
}

const textOf = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const asBool = (v: unknown): boolean => v === true || v === 1 || v === "1" || v === "true" || v === "t";

/** The expected read-back (as text, normalised) of a good value. */
function normalise(m: PlanModel, col: string, tp: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  const variable = at(m, tp).find((x) => x.name === col);
  const kind = variable?.type.kind;
  if (kind === "integer" || kind === "decimal") return Number(v);
  if (kind === "boolean") return asBool(v);
  if (kind === "choice" && valuesetOf(m, variable!).codeType === "integer") return Number(v);
  return String(v);
}

// ---------------------------------------------------------------- the database suite, per plan and engine

function databaseSuite(m: PlanModel, engine: Engine): void {
  const d = engine.dialect;
  const q = d.quote;
  let db: Db;
  let scriptError: unknown;
  const script = generateDdl(m, d);

  // Every test below stands alone on the one database the script created.
  beforeAll(async () => {
    db = await engine.open();
    try {
      await db.exec(script);
    } catch (e) {
      scriptError = e;
    }
  });
  afterAll(async () => {
    await db?.close();
  });

  const tables = async (): Promise<string[]> =>
    (
      await db.query(
        d.name === "sqlite"
          ? "SELECT name AS t FROM sqlite_schema WHERE type = 'table' ORDER BY name"
          : "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name",
      )
    )
      .map((r) => String(r.t))
      .sort();
  const columns = async (table: string): Promise<string[]> =>
    d.name === "sqlite"
      ? (await db.query(`PRAGMA table_info(${q(table)})`)).map((r) => String(r.name))
      : (await db.query(`SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${d.string(table)} ORDER BY ordinal_position`)).map((r) =>
          String(r.c),
        );

  /** An individual with a registration at every time point; with "low", every non-missing multiple-choice code too. */
  const register = async (id: string, variant: "low" | "high" | "null"): Promise<void> => {
    await db.exec(insert(d, "individ", { individ_id: id }));
    for (const tp of m.timepoints) {
      await db.exec(insert(d, `reg_${tp.name}`, { individ_id: id, ...goodRow(m, tp.name, variant) }));
      if (variant !== "low") continue;
      for (const v of at(m, tp.name).filter(isMultiple)) {
        const vs = valuesetOf(m, v);
        for (const x of vs.values.filter((y) => !y.missing)) await db.exec(insert(d, `reg_${tp.name}__${v.name}`, { individ_id: id, code: codeValue(vs, x.code) }));
      }
    }
  };

  it("runs on a fresh database without error", () => {
    expect(scriptError).toBeUndefined();
  });

  it("creates exactly the tables and registration columns of the storage layout", async () => {
    expect(await tables()).toEqual(expectedTables(m));
    for (const tp of m.timepoints) expect(await columns(`reg_${tp.name}`), `reg_${tp.name}`).toEqual(expectedColumns(m, tp.name));
  });

  it("records the plan it was generated from", async () => {
    const rows = await db.query(`SELECT plan_name, title, version, language FROM ${q("isu_plan")}`);
    expect(rows).toEqual([{ plan_name: m.name, title: tr(m.title, m.language, m.language), version: m.version ?? null, language: m.language }]);
  });

  it("fills every value-set table with exactly the plan's codes, labels, order, flags and definitions", async () => {
    for (const vs of m.valuesets) {
      const rows = await db.query(`SELECT CAST(code AS ${d.types.text}) AS code, label, sort_order, is_missing, is_other, definition FROM ${q(`vs_${vs.name}`)} ORDER BY sort_order`);
      const got = rows.map((r) => ({
        code: String(r.code),
        label: r.label,
        sort_order: Number(r.sort_order),
        is_missing: asBool(r.is_missing),
        is_other: asBool(r.is_other),
        definition: r.definition,
      }));
      const want = vs.values.map((v) => ({
        code: String(codeValue(vs, v.code)),
        label: tr(v.label, m.language, m.language),
        sort_order: v.order,
        is_missing: v.missing,
        is_other: v.other,
        definition: v.definition ? tr(v.definition, m.language, m.language) : null,
      }));
      expect(got, `vs_${vs.name}`).toEqual(want);
    }
  });

  it("accepts good registrations, missing answers and multiple choices, and reads them back unchanged", async () => {
    const ids = { low: "good-low", high: "good-high", null: "good-null" } as const;
    for (const [variant, id] of Object.entries(ids) as ["low" | "high" | "null", string][]) await register(id, variant);
    for (const tp of m.timepoints) {
      for (const [variant, id] of Object.entries(ids) as ["low" | "high" | "null", string][]) {
        const row = goodRow(m, tp.name, variant);
        const cols = Object.keys(row);
        const [back] = await db.query(`SELECT ${cols.map((c) => `CAST(${q(c)} AS ${d.types.text}) AS ${q(c)}`).join(", ")} FROM ${q(`reg_${tp.name}`)} WHERE individ_id = ${d.string(id)}`);
        for (const c of cols) expect(normalise(m, c, tp.name, back![c]), `${tp.name}.${c} (${variant})`).toEqual(normalise(m, c, tp.name, row[c]));
      }
      // "low" chose every value that is not a missing code; "high" answered none.
      for (const v of at(m, tp.name).filter(isMultiple)) {
        const vs = valuesetOf(m, v);
        const chosen = vs.values.filter((x) => !x.missing).map((x) => codeValue(vs, x.code));
        const child = `reg_${tp.name}__${v.name}`;
        const back = async (id: string) => (await db.query(`SELECT CAST(code AS ${d.types.text}) AS code FROM ${q(child)} WHERE individ_id = ${d.string(id)}`)).map((r) => String(r.code)).sort();
        expect(await back(ids.low), child).toEqual(chosen.map(String).sort());
        expect(await back(ids.high), child).toEqual([]);
      }
    }
  });

  it("keeps pseudonyms out of personnummer shape: accepts pseudonyms, rejects personnummer and samordningsnummer", async () => {
    for (const ok of ["a3f1c9e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6", "ISU-000123", "12345", "1912121212-x"]) await db.exec(insert(d, "individ", { individ_id: ok }));
    for (const bad of ["19121212-1212", "191212121212", "121212-1212", "121212+1212", "1212121212", "19811262-2389", "811262 2389", "19811262 2389"])
      await rejects(db, insert(d, "individ", { individ_id: bad }), CHECK);
    // Stepping around the shape, and keys the record schema refuses (test/hostile-keys.test.ts has the rest).
    for (const bad of [
      "19121212\u20131212",
      "SE191212121212",
      "pnr:1912121212",
      "\uFF11\uFF12\uFF11\uFF12\uFF11\uFF12\uFF11\uFF12\uFF11\uFF12",
      "19121212\u200B1212",
      "121212-1212 ",
      " 1212121212",
      "",
      "   ",
    ])
      await rejects(db, insert(d, "individ", { individ_id: bad }), CHECK);
    await rejects(db, insert(d, "individ", { individ_id: "ISU-000123" }), UNIQUE);
  });

  it("rejects a registration for an individual not in individ, and a second registration at the same time point", async () => {
    await register("twice", "low");
    for (const tp of m.timepoints) {
      await rejects(db, insert(d, `reg_${tp.name}`, { individ_id: "finns-inte", ...goodRow(m, tp.name, "low") }), FK);
      await rejects(db, insert(d, `reg_${tp.name}`, { individ_id: "twice", ...goodRow(m, tp.name, "high") }), UNIQUE);
    }
  });

  it("rejects undefined codes, numbers out of range, bad booleans and dates, each in its own column", async () => {
    let n = 0;
    for (const tp of m.timepoints) {
      for (const bad of badValues(m, tp.name, engine)) {
        const id = `bad-${n++}`;
        await db.exec(insert(d, "individ", { individ_id: id }));
        const row = goodRow(m, tp.name, "low");
        await rejects(db, insert(d, `reg_${tp.name}`, { individ_id: id, ...row, [bad.column]: { sql: bad.sql } }), bad.reason);
        // The same row without the bad value goes in: the rejection was for that value.
        await db.exec(insert(d, `reg_${tp.name}`, { individ_id: id, ...row }));
      }
    }
    expect(n).toBeGreaterThan(0);
  });

  it("rejects multiple-choice rows with an unknown code, without a registration, or chosen twice", async () => {
    await register("choices", "high");
    for (const tp of m.timepoints) {
      for (const v of at(m, tp.name).filter(isMultiple)) {
        const vs = valuesetOf(m, v);
        const child = `reg_${tp.name}__${v.name}`;
        const first = codeValue(vs, vs.values[0]!.code);
        await rejects(db, insert(d, child, { individ_id: "choices", code: vs.codeType === "integer" ? 987654 : "finns_inte" }), FK);
        await db.exec(insert(d, "individ", { individ_id: `unregistered-${child}` }));
        await rejects(db, insert(d, child, { individ_id: `unregistered-${child}`, code: first }), FK);
        await db.exec(insert(d, child, { individ_id: "choices", code: first }));
        await rejects(db, insert(d, child, { individ_id: "choices", code: first }), UNIQUE);
      }
    }
  });

  const count = async (t: string, id: string) => Number((await db.query(`SELECT COUNT(*) AS n FROM ${q(t)} WHERE individ_id = ${d.string(id)}`))[0]!.n);
  const regTables = expectedTables(m).filter((x) => x.startsWith("reg_"));
  const eraseIndivid = `DELETE FROM ${q("individ")} WHERE individ_id = ${d.string("erased")}`;

  if (d.deleteCascade === false) {
    it("erases an individual in the order the header gives: choices, registrations, commit, then individ (no cascade)", async () => {
      await register("erased", "low");
      await register("kept", "low");
      // One DELETE is refused and changes nothing: the foreign keys do not cascade.
      await rejects(db, eraseIndivid, FK);
      expect(await count("individ", "erased")).toBe(1);
      for (const t of regTables) expect(await count(t, "erased"), t).toBeGreaterThan(0);
      const children = regTables.filter((t) => t.includes("__"));
      await db.exec(`${[...children, ...regTables.filter((t) => !children.includes(t))].map((t) => `DELETE FROM ${q(t)} WHERE individ_id = ${d.string("erased")};`).join("\n")}`);
      await db.exec(eraseIndivid);
      expect(await count("individ", "erased")).toBe(0);
      for (const t of regTables) {
        expect(await count(t, "erased"), t).toBe(0);
        expect(await count(t, "kept"), t).toBeGreaterThan(0);
      }
    });
  } else {
    it("erases an individual everywhere with one DELETE (right to erasure)", async () => {
      await register("erased", "low");
      await register("kept", "low");
      for (const t of regTables) expect(await count(t, "erased"), t).toBeGreaterThan(0);
      await db.exec(eraseIndivid);
      for (const t of regTables) {
        expect(await count(t, "erased"), t).toBe(0);
        expect(await count(t, "kept"), t).toBeGreaterThan(0);
      }
    });
  }

  if (d.name === "postgres") {
    it("stores labels and definitions as catalog comments", async () => {
      const rows = await db.query(
        `SELECT c.relname AS t, a.attname AS c, col_description(c.oid, a.attnum) AS d FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid WHERE c.relnamespace = current_schema()::regnamespace AND a.attnum > 0 AND c.relname LIKE 'reg\\_%'`,
      );
      const described = new Map(rows.map((r) => [`${r.t}.${r.c}`, String(r.d ?? "")]));
      for (const tp of m.timepoints) {
        const [tc] = await db.query(`SELECT obj_description(${d.string(q(`reg_${tp.name}`))}::regclass, 'pg_class') AS d`);
        expect(String(tc!.d)).toContain(tr(tp.label, m.language, m.language));
        for (const v of at(m, tp.name).filter((x) => !isMultiple(x))) {
          const label = tr(v.label, m.language, m.language);
          expect(described.get(`reg_${tp.name}.${v.name}`)!.split("\n")[0]).toBe(v.unit ? `${label} (${tr(v.unit, m.language, m.language)})` : label);
          if (v.definition) expect(described.get(`reg_${tp.name}.${v.name}`)).toContain(tr(v.definition, m.language, m.language));
        }
      }
    });
  } else if (d.name === "duckdb") {
    it("stores labels and definitions as catalog comments", async () => {
      const rows = await db.query(`SELECT table_name AS t, column_name AS c, comment AS d FROM duckdb_columns() WHERE schema_name = current_schema() AND table_name LIKE 'reg\\_%' ESCAPE '\\'`);
      const described = new Map(rows.map((r) => [`${r.t}.${r.c}`, String(r.d ?? "")]));
      for (const tp of m.timepoints) {
        const [tc] = await db.query(`SELECT comment AS d FROM duckdb_tables() WHERE schema_name = current_schema() AND table_name = ${d.string(`reg_${tp.name}`)}`);
        expect(String(tc!.d)).toContain(tr(tp.label, m.language, m.language));
        for (const v of at(m, tp.name).filter((x) => !isMultiple(x))) {
          const label = tr(v.label, m.language, m.language);
          expect(described.get(`reg_${tp.name}.${v.name}`)!.split("\n")[0]).toBe(v.unit ? `${label} (${tr(v.unit, m.language, m.language)})` : label);
          if (v.definition) expect(described.get(`reg_${tp.name}.${v.name}`)).toContain(tr(v.definition, m.language, m.language));
        }
      }
    });
  } else {
    it("keeps labels as -- comments in the stored table definitions", async () => {
      for (const tp of m.timepoints) {
        const [r] = await db.query(`SELECT sql FROM sqlite_schema WHERE name = ${d.string(`reg_${tp.name}`)}`);
        for (const v of at(m, tp.name).filter((x) => !isMultiple(x))) {
          const label = tr(v.label, m.language, m.language);
          for (const line of (v.unit ? `${label} (${tr(v.unit, m.language, m.language)})` : label).split("\n")) expect(String(r!.sql)).toContain(`-- ${line}`.trimEnd());
        }
      }
    });
  }
}

// ---------------------------------------------------------------- SQL Server: parsed, not executed

const tsql = new sqlParser.Parser();
const parseTsql = (sql: string): unknown => tsql.astify(sql, { database: "transactsql" });

// node-sql-parser reads `REFERENCES t (c)` in T-SQL as a call of a table-valued
// function and fails on every valid form of it (checked by the canary test), so
// foreign-key clauses are cut out, counted and matched by shape before parsing.
const TSQL_REFERENCES = / REFERENCES \[(?:[^\]]|\]\])+\] \(\[(?:[^\]]|\]\])+\]\)(?: ON DELETE CASCADE)?/g;

function expectedForeignKeys(m: PlanModel): number {
  let n = 0;
  for (const tp of m.timepoints) {
    n += 1;
    for (const v of at(m, tp.name)) n += isMultiple(v) ? 2 : v.type.kind === "choice" ? 1 : 0;
  }
  return n;
}

function mssqlSuite(m: PlanModel): void {
  const script = generateDdl(m, DIALECTS.mssql);
  it("parses statement by statement as T-SQL (foreign keys matched by shape)", () => {
    const statements = splitStatements(script);
    expect(statements.length).toBeGreaterThan(m.valuesets.length + m.timepoints.length);
    let fks = 0;
    for (const s of statements) {
      const stripped = s.replace(TSQL_REFERENCES, () => {
        fks++;
        return "";
      });
      expect(() => parseTsql(stripped), s).not.toThrow();
    }
    expect(fks).toBe(expectedForeignKeys(m));
  });

  it("describes every registration column with MS_Description", () => {
    for (const tp of m.timepoints)
      for (const v of at(m, tp.name).filter((x) => !isMultiple(x))) expect(script).toContain(`@level1name = N'reg_${tp.name}', @level2type = N'COLUMN', @level2name = N'${v.name}'`);
  });
}

// ---------------------------------------------------------------- the suites

describe("DDL fixtures compile without errors", () => {
  it("has fixtures", () => expect(fixtures.length).toBeGreaterThanOrEqual(2));
  for (const p of fixtures) it(p.name, () => expect(p.skip).toBeUndefined());
});

for (const p of [...fixtures, ...examples]) {
  const m = p.model;
  if (!m) {
    if (examples.includes(p)) describe.skip(`${p.name} (skipped: ${p.skip})`, () => it("compiles", () => undefined));
    continue;
  }
  describe(p.name, () => {
    // The CLI (a process per statement) runs the fixture plans, which hold every type; the drivers run all.
    for (const engine of engines.filter((e) => e.name !== "sqlite3-cli" || fixtures.includes(p))) {
      if (engine.skip) describe.skip(`${engine.name} (skipped: ${engine.skip})`, () => it("runs", () => undefined));
      else describe(engine.name, () => databaseSuite(m, engine));
    }
    describe("mssql", () => mssqlSuite(m));
  });
}

describe("escaping", () => {
  const m = fixture("ddl-escaping.isu");
  const tricky = m.valuesets
    .flatMap((vs) => vs.values.map((v) => ({ vs, v, label: tr(v.label, m.language, m.language) })))
    .filter((x) => /'/.test(x.label) || /--/.test(x.label) || /\*\//.test(x.label));

  it("the fixture has labels with ', -- and */", () => {
    expect(tricky.some((x) => x.label.includes("'"))).toBe(true);
    expect(tricky.some((x) => x.label.includes("--"))).toBe(true);
    expect(tricky.some((x) => x.label.includes("*/"))).toBe(true);
    expect(tricky.some((x) => x.label.includes('"'))).toBe(true);
  });

  for (const engine of engines.filter((e) => !e.skip)) {
    it(`labels with ', --, */ and " read back identical from vs_ tables on ${engine.name}`, async () => {
      const db = await engine.open();
      try {
        await db.exec(generateDdl(m, engine.dialect));
        for (const x of tricky) {
          const [r] = await db.query(`SELECT label FROM ${engine.dialect.quote(`vs_${x.vs.name}`)} WHERE code = ${x.vs.codeType === "integer" ? x.v.code : engine.dialect.string(x.v.code)}`);
          expect(r!.label).toBe(x.label);
        }
      } finally {
        await db.close();
      }
    });
  }

  // Any text: what string() writes reads back as the same text, and nothing in a comment ends it early.
  const piece = fc.oneof(fc.constantFrom("'", "''", "--", "/*", "*/", '"', "\\", "\n", "\r\n", "\r", ";", "N'", "$$", "]", "[", "?", "$1", "%", "_"), fc.string({ unit: "grapheme" }));
  const text = fc.array(piece, { maxLength: 12 }).map((ps) => ps.join("").replace(/\0/g, ""));
  // Drivers only: text reaches the CLI through a UTF-8 pipe, which cannot carry a lone surrogate.
  for (const engine of engines.filter((e) => e.name === "sqlite" || e.name === "pglite" || e.name === "duckdb")) {
    it(`string() and comment() are safe for any text on ${engine.name}`, async () => {
      const db = await engine.open();
      const d = engine.dialect;
      try {
        await fc.assert(
          fc.asyncProperty(text, async (s) => {
            const [r] = await db.query(`${d.comment(s)}\nSELECT ${d.string(s)} AS v, 1 AS one`);
            expect(r).toEqual({ v: s, one: 1 });
          }),
          { numRuns: 150 },
        );
      } finally {
        await db.close();
      }
    });
  }

  // DuckDB: every kind of character string() splices in, COMMENT ON's ASCII-only
  // E'' escapes, and more parts than DuckDB's expression depth of 1,000.
  describe("DuckDB literals", () => {
    const special = fc.oneof(
      piece,
      fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c)),
      fc.constantFrom("\u2028", "\u2029", "\\'", "E'", "\\012", "\\x41", "\\u0041", "1", "7"),
    );
    const texts = fc.array(special, { maxLength: 20 }).map((ps) => ps.join(""));
    /** What DuckDB holds: NUL as U+FFFD everywhere; in a description, Unicode line breaks as line feeds and other C1 controls as U+FFFD. */
    const asValue = (s: string) => s.replace(/\0/g, "\uFFFD");
    const asDescription = (s: string) =>
      asValue(s)
        .replace(/[\u0085\u2028\u2029]/g, "\n")
        .replace(/[\u0080-\u009f]/g, "\uFFFD");
    const d = DIALECTS.duckdb;

    it("string() reads back every text; COMMENT ON keeps it but for the Unicode line breaks and C1 controls", async () => {
      const db = await openDuckdb();
      try {
        await db.exec("CREATE TABLE t (c INTEGER)");
        await fc.assert(
          fc.asyncProperty(texts, async (s) => {
            const [r] = await db.query(`${d.comment(s)}\nSELECT ${d.string(s)} AS v`);
            expect(r!.v).toBe(asValue(s));
            await db.exec([...d.describeTable("t", s), ...d.describeColumn("t", "c", s)].join(";\n"));
            const [t] = await db.query("SELECT comment FROM duckdb_tables() WHERE table_name = 't'");
            const [c] = await db.query("SELECT comment FROM duckdb_columns() WHERE table_name = 't' AND column_name = 'c'");
            expect([t!.comment, c!.comment]).toEqual([asDescription(s), asDescription(s)]);
          }),
          { numRuns: 300 },
        );
      } finally {
        await db.close();
      }
    });

    it("a text of 3,000 lines is one flat literal, as a value and as a description", async () => {
      const s = "rad\n".repeat(3000);
      const db = await openDuckdb();
      try {
        expect((await db.query(`SELECT ${d.string(s)} AS v`))[0]!.v).toBe(s);
        await db.exec(`CREATE TABLE t (c INTEGER);\n${d.describeTable("t", s)[0]}`);
        expect((await db.query("SELECT comment FROM duckdb_tables() WHERE table_name = 't'"))[0]!.comment).toBe(s);
        // The || chain the other dialects write is refused past DuckDB's expression depth.
        await expect(db.query(`SELECT ${DIALECTS.postgres.string(s)} AS v`)).rejects.toThrow(/expression depth/);
      } finally {
        await db.close();
      }
    });
  });
});

describe("script and generator", () => {
  const m = fixture("ddl-types.isu");

  it("is deterministic", () => {
    for (const d of Object.values(DIALECTS)) expect(generateDdl(m, d)).toBe(generateDdl(m, d));
  });

  it("writes schema.<dialect>.sql for each requested dialect, in the requested language", () => {
    const files = ddlGenerator(m, { lang: "en", dialects: ["sqlite", "mssql"] });
    expect(files.map((f) => f.path)).toEqual(["schema.sqlite.sql", "schema.mssql.sql"]);
    expect(files[0]!.content).toBe(generateDdl(m, DIALECTS.sqlite, "en"));
    expect(files[1]!.content).toBe(generateDdl(m, DIALECTS.mssql, "en"));
  });

  it("opens with a header naming the plan and version, that it is generated, and that the key is a pseudonym", () => {
    const en = generateDdl(m, DIALECTS.postgres, "en");
    const header = en.slice(0, en.indexOf("\n\n", en.indexOf("pseudonym")));
    expect(header).toContain(`plan ${m.name}`);
    expect(header).toContain(`version ${m.version}`);
    expect(header).toContain(tr(m.title, "en", m.language));
    expect(header).toMatch(/generated by isu build; do not edit/i);
    expect(header.replace(/\n-- /g, " ")).toMatch(/never a personnummer.*keyed HMAC.*secret key stays with the registrar.*unkeyed hash of a personnummer is reversed/s);
    const sv = generateDdl(m, DIALECTS.postgres, "sv");
    expect(sv).toMatch(/Genererat av isu build; redigera inte/);
    expect(sv.replace(/\n-- /g, " ")).toMatch(/aldrig ett personnummer.*nycklad HMAC/s);
  });

  it("uses labels in the requested language, falling back to the plan's own", async () => {
    const db = openSqlite();
    try {
      await db.exec(generateDdl(m, DIALECTS.sqlite, "en"));
      for (const vs of m.valuesets) {
        const rows = await db.query(`SELECT label FROM "vs_${vs.name}" ORDER BY sort_order`);
        expect(rows.map((r) => r.label)).toEqual(vs.values.map((v) => tr(v.label, "en", m.language)));
      }
      expect(m.valuesets.some((vs) => vs.values.some((v) => v.label.en && v.label.en !== v.label.sv))).toBe(true);
    } finally {
      await db.close();
    }
  });

  it("warns in the header when a name is longer than the engine keeps", () => {
    const long = structuredClone(m);
    const name = `v_${"x".repeat(70)}`;
    long.variables.find((v) => v.type.kind === "integer")!.name = name;
    expect(generateDdl(long, DIALECTS.postgres)).toMatch(new RegExp(`VARNING: .*63 byte[\\s\\S]*${name}`));
    expect(generateDdl(long, DIALECTS.sqlite)).not.toContain("VARNING");
    expect(generateDdl(m, DIALECTS.postgres)).not.toContain("VARNING");
  });

  // The limits live in the dialect files (ISU0105 and this header read them):
  // the engines must agree, and docs/outputs.md must say the same.
  it("the engines keep names exactly as long as the dialect files declare, as docs/outputs.md says", async () => {
    const limit = DIALECTS.postgres.maxIdentifierBytes!;
    const pg = await openPglite();
    try {
      await pg.exec(`CREATE TABLE "${"t".repeat(limit)}" (a integer); CREATE TABLE "${"u".repeat(limit + 1)}" (a integer)`);
      const rows = await pg.query(`SELECT relname FROM pg_class WHERE relkind = 'r' AND (relname LIKE 'ttt%' OR relname LIKE 'uuu%') ORDER BY relname`);
      expect(rows.map((r) => r.relname)).toEqual(["t".repeat(limit), "u".repeat(limit)]);
    } finally {
      await pg.close();
    }
    expect(DIALECTS.sqlite.maxIdentifierBytes).toBeUndefined();
    const lite = openSqlite();
    try {
      await lite.exec(`CREATE TABLE "${"s".repeat(1000)}" (a integer)`);
      expect(await lite.query(`SELECT length(name) AS n FROM sqlite_schema WHERE name LIKE 'sss%'`)).toEqual([{ n: 1000 }]);
    } finally {
      await lite.close();
    }
    expect(DIALECTS.duckdb.maxIdentifierBytes).toBeUndefined();
    const duck = await openDuckdb();
    try {
      await duck.exec(`CREATE TABLE "${"d".repeat(1000)}" (a integer)`);
      expect(await duck.query(`SELECT length(table_name) AS n FROM duckdb_tables() WHERE table_name LIKE 'ddd%'`)).toEqual([{ n: 1000 }]);
    } finally {
      await duck.close();
    }
    const doc = fs.readFileSync(path.join(root, "docs", "outputs.md"), "utf8").replace(/\s+/g, " ");
    expect(doc).toContain(`PostgreSQL keeps ${limit} bytes of a name, SQL Server ${DIALECTS.mssql.maxIdentifierBytes}.`);
  });

  it("warns in the header when a variable takes a name the layout already uses", () => {
    const clash = structuredClone(m);
    clash.variables.find((v) => v.name === "alder")!.name = "registrerad_datum";
    expect(generateDdl(clash, DIALECTS.sqlite)).toMatch(/VARNING: skriptet skulle skapa dessa namn två gånger[\s\S]*reg_inskrivning\.registrerad_datum/);
    expect(generateDdl(m, DIALECTS.sqlite)).not.toContain("VARNING");
  });

  it("has no ON DELETE CASCADE on DuckDB (a parser error there) and says in the header how to erase an individual instead", () => {
    const en = generateDdl(m, DIALECTS.duckdb, "en");
    expect(en).not.toContain("CASCADE");
    expect(en.replace(/\n-- /g, " ")).toMatch(
      /^--[^\n]*[\s\S]*DuckDB foreign keys do not cascade: to delete an individual, delete its rows in the multiple-choice tables, then in the registration tables, and commit before/,
    );
    expect(generateDdl(m, DIALECTS.duckdb, "sv").replace(/\n-- /g, " ")).toContain("DuckDB:s främmande nycklar kaskaderar inte");
    for (const d of [DIALECTS.sqlite, DIALECTS.postgres, DIALECTS.mssql]) {
      expect(generateDdl(m, d)).toContain("ON DELETE CASCADE");
      expect(generateDdl(m, d)).not.toContain("kaskaderar");
    }
  });

  // As the DuckDB CLI runs a script: statement after statement, going on after an error.
  it("applies all or nothing on DuckDB: after an error every statement fails and COMMIT rolls back", async () => {
    // Two values with one code: the second INSERT breaks the primary key, midway through the script.
    const clash = structuredClone(m);
    const vs = clash.valuesets[0]!;
    vs.values[1]!.code = vs.values[0]!.code;
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      const statements = await connection.extractStatements(generateDdl(clash, DIALECTS.duckdb));
      const errors: string[] = [];
      for (let i = 0; i < statements.count; i++) {
        try {
          await (await statements.prepare(i)).run();
        } catch (e) {
          errors.push((e as Error).message);
        }
      }
      expect(errors[0]).toMatch(/duplicate key/i);
      expect(errors.length).toBeGreaterThan(5);
      // The rest fails: the transaction is aborted (or a table it would have made is missing when binding).
      for (const e of errors.slice(1)) expect(e).toMatch(/transaction is aborted|does not exist/i);
      expect(errors.some((e) => /transaction is aborted/i.test(e))).toBe(true);
      // COMMIT ended the transaction by rolling it back: nothing is left, and the connection works again.
      expect((await connection.runAndReadAll("SELECT table_name FROM duckdb_tables()")).getRows()).toEqual([]);
      await connection.run("CREATE TABLE after_script (x INTEGER)");
      expect(statements.count).toBeGreaterThan(errors.length);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it("cuts SQL Server descriptions to the 7,500 bytes an extended property holds", () => {
    const [stmt] = DIALECTS.mssql.describeColumn("reg_x", "y", `${"å".repeat(3748)}😀😀 and more`);
    const value = /@value = N'((?:[^']|'')*)'/.exec(stmt!)![1]!.replace(/''/g, "'");
    expect(value.length).toBeLessThanOrEqual(3750);
    expect(value.endsWith("…")).toBe(true);
    expect(value).not.toMatch(/[\uD800-\uDBFF]…$/);
    const [short] = DIALECTS.mssql.describeColumn("reg_x", "y", "Ålder 'år'");
    expect(short).toContain("@value = N'Ålder ''år'''");
  });

  it("node-sql-parser still cannot parse T-SQL REFERENCES (drop the workaround when this fails)", () => {
    expect(() => parseTsql("CREATE TABLE [a] ([x] int NULL REFERENCES [b] ([y]))")).toThrow();
    expect(() => parseTsql("CREATE TABLE [a] ([x] int NULL)")).not.toThrow();
  });
});
