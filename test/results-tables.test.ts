// The results stage's tables (compiler/results/tables/), checked against an
// independent computation: seeded individual-level records for the four
// examples are aggregated here into the finest-grain counts rows a counts
// query returns, rolled up by the code under test, and every published figure
// is compared with the same figure counted person by person from the records
// (test/support/tables-reference.ts). The protection problem is checked on
// the true values: every count is the sum of its cells and every relation holds.
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { questionGrain, type CountsRow } from "../compiler/model/grain.js";
import type { PlanModel } from "../compiler/model/index.js";
import type { ProtectionOutcome, ProtectionProblem, Relation } from "../compiler/results/protect/problem.js";
import type { HiddenReason, PublishedRow, Results } from "../compiler/results/published.js";
import { CountsError, protectionProblem, readBasis, resultsFromCounts, rollUp } from "../compiler/results/tables/index.js";
import { collectCounts } from "../compiler/results/collect.js";
import { openSqlite } from "./support/databases.js";
import { loadRecords, registrationDay } from "./support/load-records.js";
import { expectedTables, grainRows, Readings, type ExpectedTable } from "./support/tables-reference.js";
import { seededRandom, syntheticRecords, type SyntheticData } from "./support/synthetic.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const EXAMPLES = ["hemtjanst_ibic", "barn_och_unga", "ekonomiskt_bistand", "vald_nara_relation"];

const models = new Map<string, PlanModel>();
function modelOf(name: string): PlanModel {
  let m = models.get(name);
  if (!m) {
    const c = compile(path.join(root, "examples", `${name}.isu`));
    if (!c.model)
      throw new Error(
        `${name} does not compile: ${c.diagnostics
          .filter((d) => d.severity === "error")
          .map((d) => `${d.code} ${d.message}`)
          .join("; ")}`,
      );
    m = c.model;
    models.set(name, m);
  }
  return m;
}

interface Case {
  model: PlanModel;
  data: SyntheticData;
  readings: Readings;
  counts: { question: string; rows: CountsRow[] }[];
  basis: CountsRow[];
}

const cases = new Map<string, Case>();

/** Counts rows in a shuffled order; with `numbers`, integer-looking codes come back as numbers (as some drivers give them). Built once per arguments. */
function makeCase(example: string, individuals: number, seed: number, opts: { numbers?: boolean } = {}): Case {
  const key = JSON.stringify([example, individuals, seed, opts.numbers === true]);
  const known = cases.get(key);
  if (known) return known;
  const c = buildCase(example, individuals, seed, opts);
  cases.set(key, c);
  return c;
}

function buildCase(example: string, individuals: number, seed: number, opts: { numbers?: boolean }): Case {
  const model = modelOf(example);
  const data = syntheticRecords(model, { individuals, seed });
  const readings = new Readings(model, data);
  const rnd = seededRandom(seed * 7 + 1);
  const counts = model.questions.map((q) => {
    const columns = questionGrain(model, q).columns;
    const rows = grainRows(readings, q, columns).map((r) => {
      if (!opts.numbers) return r;
      const out: CountsRow = {};
      for (const [k, v] of Object.entries(r)) out[k] = typeof v === "string" && k !== "row_kind" && /^\d+$/.test(v) ? Number(v) : v;
      return out;
    });
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    return { question: q.name, rows };
  });
  return { model, data, readings, counts, basis: basisRows(model, data, readings) };
}

/** The `isu_basis` rows, counted from the records. */
function basisRows(model: PlanModel, data: SyntheticData, r: Readings): CountsRow[] {
  const rows: CountsRow[] = [{ item: "individuals", timepoint: null, variable: null, n: data.individuals.length }];
  for (const tp of model.timepoints) {
    const recs = data.registrations[tp.name] ?? [];
    rows.push({ item: "registrations", timepoint: tp.name, variable: null, n: recs.length });
    for (const v of model.variables.filter((x) => x.timepoints.includes(tp.name))) {
      const ref = { kind: "variable" as const, name: v.name, timepoint: tp.name };
      const usable = (id: string) =>
        v.type.kind === "choice" ? (v.type.multiple ? r.multiple(ref, id) !== null : r.single(ref, id) !== null) : r.raw(v.name, tp.name, id) !== null && r.raw(v.name, tp.name, id) !== undefined;
      rows.push({ item: "missing", timepoint: tp.name, variable: v.name, n: recs.filter((rec) => !usable(rec.individ_id)).length });
    }
  }
  return rows;
}

const showAll = async (): Promise<ProtectionOutcome> => ({ hidden: new Map(), ranges: [] });

/** Primary suppression only (protection itself is tested elsewhere), derived figures hidden with their counts. */
async function primaryOnly(p: ProtectionProblem): Promise<ProtectionOutcome> {
  const hidden = new Map<string, HiddenReason>();
  for (const c of p.counts) if (c.value >= 1 && c.value < p.minCell) hidden.set(c.id, "primary");
  for (const d of p.derived) if (d.counts.some((id) => hidden.has(id))) hidden.set(d.id, "derived");
  return { hidden, ranges: p.counts.filter((c) => hidden.has(c.id)).map((c) => ({ id: c.id, low: 0, high: c.value + p.minCell })) };
}

/** A published row's key in the reference's spelling. */
function rowKey(r: PublishedRow): string {
  const k = r.key;
  if (k.category) return String(k.category.code);
  if (k.row) return `${k.row.code}|${k.column!.code}`;
  if (k.from) return `${k.from.code}->${k.to!.code}`;
  return String(k.outcome!.code);
}

const close = (got: number | null, want: number | null, tolerance: number) => (got === null || want === null ? got === want : Math.abs(got - want) <= tolerance + 1e-9);
const decimals = (x: number, d: number) => Math.abs(x * 10 ** d - Math.round(x * 10 ** d)) < 1e-6;

/** Every difference between the published tables (nothing hidden) and the reference, as readable lines. */
function differences(results: Results, c: Case): string[] {
  const out: string[] = [];
  for (const q of c.model.questions) {
    const pq = results.questions.find((x) => x.name === q.name)!;
    const expected: ExpectedTable[] = expectedTables(c.readings, q);
    if (pq.tables.map((t) => t.id).join() !== expected.map((t) => t.id).join()) out.push(`${q.name}: tables ${pq.tables.map((t) => t.id)} ≠ ${expected.map((t) => t.id)}`);
    for (const et of expected) {
      const t = pq.tables.find((x) => x.id === et.id);
      if (!t) continue;
      if (t.groups.length !== et.groups.length) out.push(`${t.id}: ${t.groups.length} groups, want ${et.groups.length}`);
      et.groups.forEach((eg, gi) => {
        const g = t.groups[gi];
        const at = `${t.id} [${eg.split.join(",")}]`;
        if (!g) return;
        if (JSON.stringify(g.split.map((m) => m.code)) !== JSON.stringify(eg.split)) out.push(`${at}: group ${gi} is [${g.split.map((m) => m.code)}]`);
        if (g.size.value !== eg.size) out.push(`${at}: size ${g.size.value}, want ${eg.size}`);
        if (g.missing.value !== eg.missing) out.push(`${at}: missing ${g.missing.value}, want ${eg.missing}`);
        const rows = t.rows.filter((r) => JSON.stringify(r.split.map((m) => m.code)) === JSON.stringify(eg.split));
        const got = rows.map((r) => [rowKey(r), r.n.value]);
        if (JSON.stringify(got) !== JSON.stringify(eg.rows)) out.push(`${at}: rows ${JSON.stringify(got)}, want ${JSON.stringify(eg.rows)}`);
        for (const r of rows) {
          const want = eg.size === 0 ? null : r.n.value! / eg.size;
          if (!close(r.share.value, want, 0.0005) || (r.share.value !== null && !decimals(r.share.value, 3))) out.push(`${at} ${rowKey(r)}: share ${r.share.value}, want ${want}`);
        }
        if (eg.summary) {
          if (g.n?.value !== eg.summary.n) out.push(`${at}: n ${g.n?.value}, want ${eg.summary.n}`);
          for (const w of ["mean", "median", "q1", "q3"] as const) {
            const v = g[w]?.value ?? null;
            if (!close(v, eg.summary[w], 0.05) || (v !== null && !decimals(v, 1))) out.push(`${at}: ${w} ${v}, want ${eg.summary[w]}`);
          }
        } else if (g.n || g.mean) out.push(`${at}: summary figures on a ${q.analysis.kind}`);
      });
    }
  }
  return out;
}

const holds = (rel: Relation, values: number[]) => {
  const s = rel.terms.reduce((acc, t) => acc + t.coef * values[t.cell]!, 0);
  return s >= rel.lo - 1e-6 && s <= rel.hi + 1e-6;
};

/** Every way the problem fails to describe the true values. */
function problemFaults(p: ProtectionProblem): string[] {
  const values = p.unknowns.map((u) => u.value);
  const out: string[] = [];
  for (const c of p.counts) {
    const sum = c.cells.reduce((s, i) => s + values[i]!, 0);
    if (sum !== c.value) out.push(`${c.id}: value ${c.value}, cells sum to ${sum}`);
    if (new Set(c.cells).size !== c.cells.length) out.push(`${c.id}: a cell twice`);
  }
  p.known.forEach((r, i) => !holds(r, values) && out.push(`known relation ${i} does not hold`));
  for (const d of p.derived) d.relations.forEach((r, i) => !holds(r, values) && out.push(`${d.id}: relation ${i} does not hold`));
  const ids = [...p.counts.map((c) => c.id), ...p.derived.map((d) => d.id)];
  if (new Set(ids).size !== ids.length) out.push("ids are not unique");
  const countIds = new Set(p.counts.map((c) => c.id));
  for (const d of p.derived) for (const id of d.counts) if (!countIds.has(id)) out.push(`${d.id} needs an unknown count ${id}`);
  return out;
}

describe("results tables from finest-grain counts", () => {
  it("the examples cover every analysis, multiple choice, a combined split and where-conditions", () => {
    const qs = EXAMPLES.flatMap((e) => modelOf(e).questions.map((q) => ({ q, grain: questionGrain(modelOf(e), q) })));
    expect(new Set(qs.map((x) => x.q.analysis.kind))).toEqual(new Set(["count", "summary", "crosstab", "change", "attainment"]));
    expect(qs.some((x) => x.grain.choices && x.q.analysis.kind === "count")).toBe(true);
    expect(qs.some((x) => x.grain.keys.filter((k) => k.multiple).length === 2)).toBe(true);
    expect(qs.some((x) => x.q.splits.some((s) => s.parts.length > 1))).toBe(true);
    expect(qs.some((x) => x.q.where)).toBe(true);
  });

  const runs: [string, number, number][] = EXAMPLES.flatMap((e, i) => [
    [e, 30, 11 + i],
    [e, 700, 23 + i],
    [e, 5000, 37 + i],
  ]);
  it.each(runs)("%s, %i individuals: every figure equals the count from the records", async (example, individuals, seed) => {
    const c = makeCase(example, individuals, seed);
    const results = await resultsFromCounts(c.model, c.counts, c.basis, { lang: c.model.language, source: "counts", protect: showAll });
    expect(differences(results, c)).toEqual([]);
    expect(results.basis.individuals.value).toBe(individuals);
    expect(results.basis.registrations.map((r) => r.n.value)).toEqual(c.model.timepoints.map((t) => c.data.registrations[t.name]!.length));
  });

  it.each(EXAMPLES)("%s: codes given back as numbers and rows in any order give the same tables", async (example) => {
    const text = await resultsFromCounts(modelOf(example), makeCase(example, 400, 5).counts, makeCase(example, 400, 5).basis, { lang: "sv", source: "counts", protect: showAll });
    const c = makeCase(example, 400, 5, { numbers: true });
    const numbers = await resultsFromCounts(c.model, c.counts, c.basis, { lang: "sv", source: "counts", protect: showAll });
    expect(numbers).toEqual(text);
    expect(differences(numbers, c)).toEqual([]);
  });

  it.each(EXAMPLES)("%s: the exact summary figures before rounding", (example) => {
    const c = makeCase(example, 900, 3);
    for (const q of c.model.questions.filter((x) => x.analysis.kind === "summary")) {
      const qt = rollUp(c.model, questionGrain(c.model, q), c.counts.find((x) => x.question === q.name)!.rows);
      const expected = expectedTables(c.readings, q);
      qt.tables.forEach((t, ti) =>
        t.groups.forEach((g, gi) => {
          const want = expected[ti]!.groups[gi]!.summary!;
          expect([g.summary!.n.value, g.summary!.mean, g.summary!.median, g.summary!.q1, g.summary!.q3].map((x) => (x === null ? null : Math.round(x * 1e9) / 1e9))).toEqual(
            [want.n, want.mean, want.median, want.q1, want.q3].map((x) => (x === null ? null : Math.round(x * 1e9) / 1e9)),
          );
        }),
      );
    }
  });

  it.each(runs)("%s, %i individuals: the protection problem holds for the true values", (example, individuals, seed) => {
    const c = makeCase(example, individuals, seed);
    const tables = c.model.questions.map((q) => rollUp(c.model, questionGrain(c.model, q), c.counts.find((x) => x.question === q.name)!.rows));
    const p = protectionProblem(c.model, tables, readBasis(c.model, c.basis));
    expect(problemFaults(p)).toEqual([]);
    // Every combination of members and missing is an unknown, zero cells included.
    let offset = 0;
    for (const q of c.model.questions) {
      const g = questionGrain(c.model, q);
      const distinct = new Set(
        c.counts
          .find((x) => x.question === q.name)!
          .rows.map((r) => r.value)
          .filter((v) => v !== null && v !== undefined),
      ).size;
      const dims = g.dims.reduce((s, d) => s * (d.members.length + 1), 1);
      const keyAxis = (multipleAxis: (m: number) => number) => g.keys.reduce((s, k) => s * (k.role === "value" ? distinct + 1 : k.multiple ? multipleAxis(k.members.length) : k.members.length + 1), 1);
      offset += dims * keyAxis(() => 2) + (g.choices ? dims * keyAxis((m) => m + 1) : 0);
    }
    const basisCells = c.basis.length;
    expect(p.unknowns.length).toBe(offset + basisCells);
    // Questions of one population are linked, and the basis to those without `where`.
    const linked = p.known.filter((r) => r.lo === 0 && r.hi === 0);
    expect(linked.length).toBeGreaterThanOrEqual(c.model.questions.filter((q) => !q.where).length);
    expect(p.counts.filter((x) => x.table === "isu_basis").length).toBe(c.basis.length);
  });

  it("a count's category and another question's split group of the same people are linked as one number", () => {
    const c = makeCase("barn_och_unga", 700, 8);
    const p = protectionProblemOf(c);
    const item = (id: string) => p.counts.find((x) => x.id === id)!;
    const links = p.known
      .filter((r) => r.lo === 0 && r.hi === 0)
      .map((r) => ({ plus: new Set(r.terms.filter((t) => t.coef > 0).map((t) => t.cell)), minus: new Set(r.terms.filter((t) => t.coef < 0).map((t) => t.cell)) }));
    const same = (x: Set<number>, ys: number[]) => x.size === ys.length && ys.every((y) => x.has(y));
    // placeringar counts placeringsgrupp (no `where`); halsa_forandring splits by it.
    for (const k of [0, 1, 2, 3]) {
      const category = item(`placeringar__total||category=${k}`).cells;
      const group = item(`halsa_forandring__by_placeringsgrupp|${k}|size`).cells;
      expect(links.some((l) => (same(l.plus, category) && same(l.minus, group)) || (same(l.plus, group) && same(l.minus, category)))).toBe(true);
    }
  });

  it.each(EXAMPLES)("%s: hidden counts are null with their reason, and so is every figure derived from them", async (example) => {
    const c = makeCase(example, 300, 9);
    const results = await resultsFromCounts(c.model, c.counts, c.basis, { lang: "en", source: "counts", protect: primaryOnly });
    const all = await resultsFromCounts(c.model, c.counts, c.basis, { lang: "en", source: "counts", protect: showAll });
    const small = (n: number | null) => n !== null && n >= 1 && n < c.model.minCell;
    let hidden = 0;
    results.questions.forEach((q, qi) =>
      q.tables.forEach((t, ti) => {
        const full = all.questions[qi]!.tables[ti]!;
        t.groups.forEach((g, gi) => {
          const f = full.groups[gi]!;
          for (const w of ["size", "missing", "n"] as const) {
            if (!f[w]) continue;
            expect(g[w]!.value === null, `${t.id} ${w}`).toBe(small(f[w]!.value));
            if (small(f[w]!.value)) expect(g[w]!.hidden).toBe("suppressed");
          }
          for (const w of ["mean", "median", "q1", "q3"] as const) {
            if (!f[w] || f[w]!.value === null) continue;
            expect(g[w]!.value === null).toBe(small(f.n!.value));
            if (small(f.n!.value)) expect(g[w]!.hidden).toBe("derived");
          }
        });
        t.rows.forEach((r, ri) => {
          const fr = full.rows[ri]!;
          const group = full.groups.find((g) => JSON.stringify(g.split) === JSON.stringify(fr.split))!;
          expect(r.n.value === null).toBe(small(fr.n.value));
          if (fr.share.value !== null) expect(r.share.value === null, `${t.id} share`).toBe(small(fr.n.value) || small(group.size.value));
          if (r.n.value === null) hidden++;
        });
      }),
    );
    expect(hidden).toBeGreaterThan(0);
    expect(results.protection.hiddenPrimary).toBeGreaterThan(0);
    expect(results.protection.hiddenSecondary).toBe(0);
    expect(results.protection.audit.narrowestRange).toBe(Math.min(...(await primaryOnly(protectionProblemOf(c))).ranges.map((r) => r.high - r.low)));
    expect(results.language).toBe("en");
    expect(results.questions[0]!.tables[1]!.groups.at(-1)!.split[0]!.label).toBe("Missing");
  });

  it.each(EXAMPLES)("%s: the counts queries run on SQLite give the same published tables as the records", async (example) => {
    const c = makeCase(example, 600, 17);
    const db = openSqlite();
    try {
      await loadRecords(db, c.model, c.data);
      const sql = await collectCounts(c.model, db);
      const fromSql = await resultsFromCounts(c.model, sql.counts, sql.basis, { lang: "sv", source: "sqlite", protect: showAll });
      expect(differences(fromSql, c)).toEqual([]);
      const tables = c.model.questions.map((q) => rollUp(c.model, questionGrain(c.model, q), sql.counts.find((x) => x.question === q.name)!.rows));
      expect(problemFaults(protectionProblem(c.model, tables, readBasis(c.model, sql.basis)))).toEqual([]);
      expect(fromSql.basis.individuals.value).toBe(600);
      expect(fromSql.basis.registrations.map((r) => r.n.value)).toEqual(c.model.timepoints.map((t) => c.data.registrations[t.name]!.length));
      // The period: the earliest and the latest registration date the records were loaded with, over every time point.
      const days = c.model.timepoints.flatMap((t) => c.data.registrations[t.name]!.map((_, i) => registrationDay(t.name, c.model, i))).sort();
      expect(fromSql.basis.period).toEqual({ from: days[0], to: days.at(-1) });
    } finally {
      await db.close();
    }
  });

  it("says in words what each question counts, in the report's language", async () => {
    const c = makeCase("hemtjanst_ibic", 100, 2);
    const sv = await resultsFromCounts(c.model, c.counts, c.basis, { lang: "sv", source: "counts", protect: showAll });
    const en = await resultsFromCounts(c.model, c.counts, c.basis, { lang: "en", source: "counts", protect: showAll });
    const change = (r: Results) => r.questions.find((q) => q.name === "forflyttning_forandring")!;
    expect(change(sv).description).toMatch(/^Förändring i .+ från .+ till .+/);
    expect(change(en).description).toMatch(/^Change in .+ from .+ to .+/);
    expect(en.questions.find((q) => q.name === "personlig_vard_forandring")!.description).toMatch(/among those where .+ is at least 80/);
    expect(change(en).tables[1]!.rows.at(-3)!.key.outcome).toEqual({ code: "improved", label: "Improved" });
    expect(sv.questions.find((q) => q.name === "behov")!.multiple).toBe(true);
    expect(sv.precision).toEqual({ share: 3, mean: 1 });
    expect(sv.protection.statement).toMatch(/min_cell/);
  });

  it("counts that do not fit the plan get a clear error naming the question", async () => {
    const c = makeCase("hemtjanst_ibic", 100, 4);
    const bad = c.counts.map((x) => (x.question === "alder_kon" ? { ...x, rows: [{ ...x.rows[0]!, kon: "okand" }, ...x.rows.slice(1)] } : x));
    await expect(resultsFromCounts(c.model, bad, c.basis, { lang: "sv", source: "counts", protect: showAll })).rejects.toThrow(/question 'alder_kon': column 'kon' holds 'okand'/);
    await expect(resultsFromCounts(c.model, c.counts.slice(1), c.basis, { lang: "sv", source: "counts", protect: showAll })).rejects.toThrow(CountsError);
    await expect(resultsFromCounts(c.model, c.counts, c.basis.slice(1), { lang: "sv", source: "counts", protect: showAll })).rejects.toThrow(/no 'individuals' row/);
  });
});

function protectionProblemOf(c: Case): ProtectionProblem {
  const tables = c.model.questions.map((q) => rollUp(c.model, questionGrain(c.model, q), c.counts.find((x) => x.question === q.name)!.rows));
  return protectionProblem(c.model, tables, readBasis(c.model, c.basis), { lang: "en" });
}
