// `simulate()` and `loadSimulated()`: every record follows the plan's record
// schemas (ajv), every conditional field is answered only while its
// condition holds (read from the model, independently of the form the
// simulator uses), and the data load into real SQLite, PostgreSQL and DuckDB
// databases with the row counts the data have, the same seed giving the same
// contents.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import type { ConditionModel, PlanModel } from "../compiler/model/index.js";
import { buildRecordSchemas } from "../compiler/generate/record-schema/index.js";
import { storageLayout } from "../compiler/generate/storage-layout.js";
import { isPersonnummerShaped, isWellFormedKey } from "../compiler/sql/key.js";
import { DatabaseError, openEngine, type Engine } from "../compiler/data/engines/index.js";
import { BATCH_INDIVIDUALS, loadSimulated, loadSimulation, simulate, simulateBatches, type SimulatedData, type SimulatedRecord } from "../compiler/data/simulate/index.js";
import { startPostgresServer, type PgServer } from "./support/databases.js";

const root = path.resolve(__dirname, "..");
const EXAMPLES = ["hemtjanst_ibic", "barn_och_unga", "ekonomiskt_bistand", "vald_nara_relation"].map((n) => path.join(root, "examples", `${n}.isu`));
const FIXTURES = fs
  .readdirSync(path.join(root, "test", "fixtures", "plans"))
  .filter((f) => f.endsWith(".isu"))
  .map((f) => path.join(root, "test", "fixtures", "plans", f));

function modelOf(file: string): PlanModel {
  const c = compile(file);
  if (!c.model) throw new Error(`${file} has no model (${c.errors} errors)`);
  return c.model;
}

const PLANS = [...EXAMPLES, ...FIXTURES].map((file) => ({ name: path.basename(file, ".isu"), file }));

// ---------------------------------------------------------------- an independent reading of conditions

type Value = SimulatedRecord[string] | undefined;

/** The answer a measure refers to, for one individual: a variable's value, or the group entry its source value falls in. */
function measureValue(model: PlanModel, records: Map<string, SimulatedRecord>, ref: { kind: "variable" | "group"; name: string; timepoint: string }): Value {
  const record = records.get(ref.timepoint);
  if (ref.kind === "variable") return record?.[ref.name];
  const g = model.groups.find((x) => x.name === ref.name)!;
  const v = record?.[g.source];
  if (v === null || v === undefined || Array.isArray(v)) return null;
  const source = model.variables.find((x) => x.name === g.source)!;
  for (const e of g.entries) {
    if (e.values) {
      if (e.values.includes(String(v))) return e.code;
    } else if (typeof v === "number") {
      const highOk = e.high === undefined || (source.type.kind === "decimal" ? v < e.high : v <= e.high);
      if ((e.low === undefined || v >= e.low) && highOk) return e.code;
    }
  }
  return null;
}

function isMissingCode(model: PlanModel, ref: { kind: string; name: string }, code: Value): boolean {
  if (ref.kind !== "variable") return false;
  const v = model.variables.find((x) => x.name === ref.name)!;
  if (v.type.kind !== "choice") return false;
  const vs = v.type.valueset;
  return !!model.valuesets.find((x) => x.name === vs)?.values.some((x) => x.missing && x.code === String(code));
}

/** Whether a model condition holds for one individual; a test on an unanswered measure is false. */
function conditionHolds(model: PlanModel, c: ConditionModel, records: Map<string, SimulatedRecord>): boolean {
  if (c.kind === "and") return c.parts.every((p) => conditionHolds(model, p, records));
  if (c.kind === "or") return c.parts.some((p) => conditionHolds(model, p, records));
  if (c.kind === "not") return !conditionHolds(model, c.operand, records);
  const v = measureValue(model, records, c.subject);
  if (v === null || v === undefined) return false;
  const eq = (a: unknown, b: unknown) => String(a) === String(b);
  const values = Array.isArray(v) ? v : [v];
  switch (c.op) {
    case "=":
      return values.some((x) => eq(x, c.values[0]));
    case "!=":
      return Array.isArray(v) ? !v.some((x) => eq(x, c.values[0])) : !eq(v, c.values[0]);
    case "in":
      if (c.values.length) return values.some((x) => c.values.some((y) => eq(x, y)));
      return values.some((x) => !isMissingCode(model, c.subject, x) && (c.low === undefined || Number(x) >= c.low) && (c.high === undefined || Number(x) <= c.high));
    default: {
      if (Array.isArray(v) || isMissingCode(model, c.subject, v)) return false;
      const x = Number(v);
      const y = Number(c.values[0]);
      return c.op === "<" ? x < y : c.op === "<=" ? x <= y : c.op === ">" ? x > y : x >= y;
    }
  }
}

/** Each individual's records by time point. */
function byIndividual(data: SimulatedData): Map<string, Map<string, SimulatedRecord>> {
  const out = new Map<string, Map<string, SimulatedRecord>>(data.individuals.map((id) => [id, new Map()]));
  for (const [tp, records] of Object.entries(data.registrations)) for (const r of records) out.get(r.individ_id)!.set(tp, r);
  return out;
}

const answered = (v: Value): boolean => v !== null && v !== undefined;

describe("simulate(): records that follow the plan", () => {
  for (const plan of PLANS) {
    it(`${plan.name}: every record validates against its record schema, and conditional fields are answered exactly while their condition holds`, () => {
      const model = modelOf(plan.file);
      const data = simulate(model, { individuals: 400, seed: 11 });
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      let records = 0;
      for (const s of buildRecordSchemas(model, { lang: model.language })) {
        const validate = ajv.compile(s.schema);
        for (const r of data.registrations[s.timepoint]!) {
          records++;
          if (!validate(r)) throw new Error(`${s.timepoint} ${r.individ_id}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(r)}`);
        }
      }
      expect(records).toBeGreaterThan(400 * 0.9);
      const people = byIndividual(data);
      let shownAndAnswered = 0;
      for (const v of model.variables) {
        for (const tp of v.timepoints) {
          const c = v.conditionAt?.[tp] ?? v.condition;
          if (!c) continue;
          for (const recs of people.values()) {
            const r = recs.get(tp);
            if (!r) continue;
            const holds = conditionHolds(model, c, recs);
            if (!holds) expect(answered(r[v.name]), `${v.name} at ${tp} for ${r.individ_id}: answered although its condition does not hold`).toBe(false);
            else if (v.required) expect(answered(r[v.name]), `${v.name} at ${tp} for ${r.individ_id}: required and shown but unanswered`).toBe(true);
            if (holds && answered(r[v.name])) shownAndAnswered++;
          }
        }
      }
      if (model.variables.some((v) => v.condition)) expect(shownAndAnswered).toBeGreaterThan(0);
    });
  }

  it("has the messiness of real registers: missing codes, empty optional answers, 'other' with its description, empty multiple choice, fewer follow-ups, small groups", () => {
    const model = modelOf(EXAMPLES[0]!);
    const data = simulate(model, { individuals: 3000, seed: 5 });
    const [first, second] = model.timepoints.map((t) => data.registrations[t.name]!.length);
    expect(first).toBeGreaterThan(2700);
    expect(second).toBeLessThan(first! * 0.95);
    const all = Object.values(data.registrations).flat();
    const missingCodes = new Set(model.valuesets.flatMap((vs) => vs.values.filter((x) => x.missing).map((x) => `${vs.name}:${x.code}`)));
    const choice = model.variables.filter((v) => v.type.kind === "choice");
    const codeOf = (v: (typeof choice)[number]) => (v.type.kind === "choice" ? v.type.valueset : "");
    expect(all.some((r) => choice.some((v) => !Array.isArray(r[v.name]) && missingCodes.has(`${codeOf(v)}:${r[v.name]}`)))).toBe(true);
    const multiple = choice.filter((v) => v.type.kind === "choice" && v.type.multiple);
    expect(multiple.length).toBeGreaterThan(0);
    expect(all.some((r) => multiple.some((v) => Array.isArray(r[v.name]) && (r[v.name] as unknown[]).length === 0))).toBe(true);
    expect(all.some((r) => multiple.some((v) => Array.isArray(r[v.name]) && (r[v.name] as unknown[]).length > 1))).toBe(true);
    const optional = model.variables.filter((v) => !v.required && !v.condition);
    if (optional.length) expect(all.some((r) => optional.some((v) => r[v.name] === null))).toBe(true);
    // Every 'other' answer has its description (the record schema requires it); some are given.
    const described = model.variables.filter((v) => v.otherDescription);
    const others = all.filter((r) => described.some((v) => answered(r[v.otherDescription!.name])));
    expect(others.length).toBeGreaterThan(0);
    // Skewed: in some single-choice variable the rarest answer is under 5 % of the most common one.
    const skewed = choice.some((v) => {
      const counts = new Map<string, number>();
      for (const r of all) if (answered(r[v.name]) && !Array.isArray(r[v.name])) counts.set(String(r[v.name]), (counts.get(String(r[v.name])) ?? 0) + 1);
      const xs = [...counts.values()];
      return xs.length > 2 && Math.min(...xs) < 0.05 * Math.max(...xs);
    });
    expect(skewed).toBe(true);
  });

  it("gives pseudonymous keys: unique, well formed, never personnummer-shaped", () => {
    const data = simulate(modelOf(EXAMPLES[0]!), { individuals: 20_000, seed: 9 });
    expect(new Set(data.individuals).size).toBe(20_000);
    for (const id of data.individuals) {
      expect(isWellFormedKey(id)).toBe(true);
      expect(isPersonnummerShaped(id)).toBe(false);
      expect(id).not.toMatch(/^\d{10}(\d{2})?$/);
    }
  });

  it("is seeded: the same seed gives the same data, another seed other data", () => {
    const model = modelOf(EXAMPLES[1]!);
    const a = JSON.stringify(simulate(model, { individuals: 500, seed: 3 }));
    expect(JSON.stringify(simulate(model, { individuals: 500, seed: 3 }))).toBe(a);
    expect(JSON.stringify(simulate(model, { individuals: 500, seed: 4 }))).not.toBe(a);
  });
});

// ---------------------------------------------------------------- loading into real databases

/** Rows per table as the data have them, counted from the records (not from the loader's rows). */
function expectedCounts(model: PlanModel, data: SimulatedData): Record<string, number> {
  const out: Record<string, number> = { isu_plan: 1, individ: data.individuals.length };
  for (const vs of model.valuesets) out[`vs_${vs.name}`] = vs.values.length;
  for (const tp of model.timepoints) {
    const records = data.registrations[tp.name]!;
    out[`reg_${tp.name}`] = records.length;
    for (const v of model.variables.filter((x) => x.timepoints.includes(tp.name) && x.type.kind === "choice" && x.type.multiple)) {
      out[`reg_${tp.name}__${v.name}`] = records.reduce((s, r) => s + (Array.isArray(r[v.name]) ? (r[v.name] as unknown[]).length : 0), 0);
    }
  }
  return out;
}

async function counts(engine: Engine): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await engine.tables()) out[t] = Number((await engine.query(`SELECT count(*) AS n FROM "${t}"`))[0]!["n"]);
  return out;
}

/** Every table's rows in a fixed order, as text: what "the same contents" means. */
async function dump(engine: Engine, model: PlanModel): Promise<string> {
  const lines: string[] = [];
  const order: Record<string, string> = {};
  for (const l of storageLayout(model)) {
    order[l.table] = "individ_id";
    for (const ct of l.choiceTables) order[ct.name] = "individ_id, code";
  }
  for (const t of await engine.tables()) {
    const rows = await engine.query(`SELECT * FROM "${t}" ORDER BY ${order[t] ?? "1"}`);
    lines.push(`${t}\n${rows.map((r) => JSON.stringify(r)).join("\n")}`);
  }
  return lines.join("\n");
}

let dir: string;
let pgServer: PgServer | undefined;
let pgUnavailable = "";
let pgDatabases = 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "isu-simulate-"));
  const s = await startPostgresServer();
  if ("unavailable" in s) pgUnavailable = s.unavailable;
  else pgServer = s;
});
afterAll(() => {
  pgServer?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function newPostgresUrl(): Promise<string> {
  const admin = await openEngine(`postgres://postgres@127.0.0.1:${pgServer!.port}/postgres`);
  const name = `isu_sim_${process.pid}_${pgDatabases++}`;
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  return `postgres://postgres@127.0.0.1:${pgServer!.port}/${name}`;
}

const ENGINES: { kind: string; url: () => Promise<string> }[] = [
  { kind: "sqlite", url: async () => path.join(dir, `s${Math.random().toString(36).slice(2)}.db`) },
  { kind: "postgres", url: newPostgresUrl },
  { kind: "duckdb", url: async () => path.join(dir, `d${Math.random().toString(36).slice(2)}.duckdb`) },
];

describe("loadSimulated(): into real databases", () => {
  for (const e of ENGINES) {
    it(`${e.kind}: every table gets the rows the data have, and the same seed gives the same contents`, async () => {
      if (e.kind === "postgres" && !pgServer) throw new Error(`PostgreSQL server needed: ${pgUnavailable}`);
      for (const file of [EXAMPLES[0]!, EXAMPLES[2]!, path.join(root, "test", "fixtures", "plans", "ddl-types.isu")]) {
        const model = modelOf(file);
        const dumps: string[] = [];
        for (let i = 0; i < 2; i++) {
          const data = simulate(model, { individuals: 700, seed: 21 });
          const engine = await openEngine(await e.url(), { create: true });
          try {
            await loadSimulated(engine, model, data);
            expect(await counts(engine)).toEqual(expectedCounts(model, data));
            dumps.push(await dump(engine, model));
          } finally {
            await engine.close();
          }
        }
        expect(dumps[1]).toBe(dumps[0]);
      }
    });
  }

  it("streams: batches of any size join to simulate()'s data, and loadSimulation stores what loadSimulated stores", async () => {
    const model = modelOf(EXAMPLES[3]!);
    const opts = { individuals: BATCH_INDIVIDUALS + 1500, seed: 6 };
    const whole = simulate(model, opts);
    const joined: SimulatedData = { seed: 6, individuals: [], registrations: Object.fromEntries(model.timepoints.map((t) => [t.name, []])) };
    for (const b of simulateBatches(model, opts, 977)) {
      joined.individuals.push(...b.individuals);
      for (const [tp, records] of Object.entries(b.registrations)) joined.registrations[tp]!.push(...records);
    }
    expect(JSON.stringify(joined)).toBe(JSON.stringify(whole));
    const a = await openEngine(path.join(dir, "whole.db"), { create: true });
    const b = await openEngine(path.join(dir, "streamed.db"), { create: true });
    try {
      await loadSimulated(a, model, whole);
      const seen: number[] = [];
      const stored = await loadSimulation(b, model, opts, { onProgress: (p) => seen.push(p.done) });
      expect(stored.registrations).toBe(Object.values(whole.registrations).reduce((n, r) => n + r.length, 0));
      expect(seen).toEqual([0, BATCH_INDIVIDUALS, opts.individuals]);
      expect(await counts(b)).toEqual(expectedCounts(model, whole));
      expect(await dump(b, model)).toBe(await dump(a, model));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("refuses a database that already holds tables, and a failed load leaves the database empty", async () => {
    const model = modelOf(EXAMPLES[0]!);
    const file = path.join(dir, "twice.db");
    const engine = await openEngine(file, { create: true });
    try {
      await loadSimulated(engine, model, simulate(model, { individuals: 50, seed: 1 }));
      const again = loadSimulated(engine, model, simulate(model, { individuals: 50, seed: 2 }));
      await expect(again).rejects.toThrow(DatabaseError);
      await expect(again).rejects.toThrow(/already holds tables .*use a new file name or delete the file/);
    } finally {
      await engine.close();
    }
    // A code outside the value set fails on its foreign key halfway through: nothing stays.
    const broken = simulate(model, { individuals: 50, seed: 3 });
    const tp = model.timepoints[0]!.name;
    const choice = model.variables.find((v) => v.type.kind === "choice" && !v.type.multiple && v.timepoints.includes(tp) && !v.condition)!;
    broken.registrations[tp]![10]![choice.name] = "no_such_code";
    const fresh = await openEngine(path.join(dir, "rollback.db"), { create: true });
    try {
      await expect(loadSimulated(fresh, model, broken)).rejects.toThrow(/FOREIGN KEY/i);
      expect(await fresh.tables()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
