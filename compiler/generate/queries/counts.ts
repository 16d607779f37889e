// A question's counts query: one statement that returns the question's finest
// grain (model/grain.ts) — every non-empty cell of its split parts × its
// analysis' keys, with `n` — so that every table the question publishes is a
// sum of its rows. The results stage rolls them up and protects them; the
// query itself hides nothing.
//
// Shape, portable to every dialect (no GROUPING SETS, no FILTER):
//   p  per branch, the stored values read per individual: the 'individuals'
//      branch over `individ` with its registrations LEFT JOINed, and for a
//      multiple-choice key a 'choices' branch that joins the child table(s)
//      once more;
//   g  p grouped by those values (cheap types, one scan);
//   m  each grouped stored value mapped to its member's code (text, NULL =
//      missing), the branches UNIONed, then grouped again by code and summed.
import { questionGrain, type GrainColumn, type GrainRole, type QuestionGrain } from "../../model/grain.js";
import type { PlanModel, QuestionModel } from "../../model/index.js";
import type { Dialect } from "../../sql/dialects/index.js";
import { conditionSql } from "./conditions.js";
import { INDIVID_KEY } from "../../sql/storage.js";
import { MeasureReader, POP_KEY, type MultiReading, type Reading } from "./measures.js";

export interface CountsQuery {
  /** The question's name. */
  id: string;
  grain: QuestionGrain;
  sql: string;
}

/** What one grain column reads: a single value, or a multiple-choice key. */
type ColumnSource = { single: Reading } | { multiple: MultiReading };

/** A split part or key as SQL; a key's role says how its variable is read. */
function columnSource(r: MeasureReader, column: GrainColumn, role?: GrainRole): ColumnSource {
  const ref = column.ref;
  if (column.multiple) return { multiple: r.multiple(ref) };
  if (role === "value") return { single: r.numeric(ref) };
  if (role === "from" || role === "to" || role === "target" || role === "goal") return { single: r.scale(ref.name, ref.timepoint) };
  return { single: r.categorical(ref) };
}

function checkAttainment(r: MeasureReader, q: QuestionModel): void {
  const a = q.analysis;
  if (a.kind !== "attainment") return;
  const target = r.scale(a.target.name, a.target.timepoint).valueset;
  const goal = r.scale(a.goal.name, a.goal.timepoint).valueset;
  if (goal.name !== target.name)
    throw new Error(`attainment compares '${a.target.name}' (value set '${target.name}') with '${a.goal.name}' (value set '${goal.name}'); both must use the same value set`);
}

/** One branch: group the stored values (inner g), then map each to its code (the SELECT over g). */
function branch(r: MeasureReader, opts: { kind: string; grain: QuestionGrain; readings: Reading[]; joins: string[]; where: string[] }): string {
  const d = r.dialect;
  // Several columns may read the same stored value (a group and its source): grouped once.
  const raws: string[] = [];
  const rawOf = opts.readings.map((x) => {
    let at = raws.indexOf(x.raw);
    if (at < 0) at = raws.push(x.raw) - 1;
    return `g.r${at + 1}`;
  });
  // Read per individual in p, grouped by the read values outside it: SQL Server allows no subquery (EXISTS) in GROUP BY.
  const read = [`SELECT ${raws.map((x, i) => `${x} AS r${i + 1}`).join(", ")}`, r.fromClause(), ...opts.joins, ...(opts.where.length ? [`WHERE ${opts.where.join("\n  AND ")}`] : [])];
  const keys = raws.map((_, i) => `r${i + 1}`).join(", ");
  const inner = [`SELECT ${keys}, COUNT(*) AS n`, "FROM (", indent(read.join("\n")), ") p", `GROUP BY ${keys}`];
  const names = opts.grain.columns.slice(1, -1);
  const mapped = opts.readings.map((x, i) => `${x.code(rawOf[i]!)} AS ${d.quote(names[i]!)}`);
  return [`SELECT ${d.string(opts.kind)} AS row_kind, ${mapped.join(", ")}, g.n`, `FROM (`, indent(inner.join("\n")), `) g`].join("\n");
}

/** The counts query of one question (see the header). */
export function countsQuery(model: PlanModel, q: QuestionModel, dialect: Dialect): CountsQuery {
  try {
    const grain = questionGrain(model, q);
    const r = new MeasureReader(model, dialect);
    const sources = [...grain.dims.map((d) => columnSource(r, d)), ...grain.keys.map((k) => columnSource(r, k, k.role))];
    checkAttainment(r, q);
    const where = q.where ? [conditionSql(q.where, r)] : [];
    const quote = dialect.quote;
    const branches = [
      branch(r, {
        kind: "individuals",
        grain,
        readings: sources.map((s) => ("single" in s ? s.single : s.multiple.answered)),
        joins: [],
        where,
      }),
    ];
    if (grain.choices) {
      // One row per answered individual and combination of chosen options (two multiple-choice keys: every pair).
      const joins: string[] = [];
      const options: string[] = [];
      const readings = sources.map((s, i) => {
        if ("single" in s) return s.single;
        const alias = `ch${i + 1}`;
        joins.push(`JOIN ${s.multiple.table} ${alias} ON ${alias}.${quote(INDIVID_KEY)} = ${POP_KEY}.${quote(INDIVID_KEY)}`);
        const o = s.multiple.option(alias);
        options.push(o.options);
        return o;
      });
      branches.push(branch(r, { kind: "choices", grain, readings, joins, where: [...where, ...options] }));
    }
    const cols = grain.columns.slice(0, -1).map((c) => (c === "row_kind" ? c : quote(c)));
    const order = cols.flatMap((c) => [`CASE WHEN ${c} IS NULL THEN 1 ELSE 0 END`, c]);
    const sql = [
      `SELECT ${cols.join(", ")}, CAST(SUM(n) AS ${dialect.types.integer}) AS n`,
      "FROM (",
      indent(branches.join("\nUNION ALL\n")),
      ") m",
      `GROUP BY ${cols.join(", ")}`,
      `ORDER BY ${order.join(", ")}`,
    ].join("\n");
    return { id: q.name, grain, sql };
  } catch (e) {
    throw new Error(`cannot generate the counts query for question '${q.name}': ${(e as Error).message}`);
  }
}

export function indent(s: string): string {
  return s
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}
