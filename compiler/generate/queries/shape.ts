// The one shape every query has, fast and portable on SQLite, PostgreSQL and
// SQL Server (no ROLLUP/CUBE, no FILTER):
//   pop    one row per individual in the population (`where`), with the
//          split members and the analysis values as small integers;
//   cells  the finest grain, aggregated once: n per split cell × category
//          cell (the missing cell has every category key 0);
//   sizes  individuals per split cell, rolled up from that;
//   fs*/fc the frames of members with codes and labels (so empty cells show 0);
//   grid   frames × cells; then the suppression CTEs and the result rows.
import type { Member } from "./measures.js";
import type { QueryTexts } from "./texts.js";
import { suppressionCtes } from "./suppression.js";

export interface Cte {
  name: string;
  body: string;
  /** A `--` line above the CTE for whoever reads the SQL. */
  note?: string;
}

/** A split part as a dimension of the table: members 1..K, 0 = missing. */
export interface SplitDim {
  key: string;
  /** Prefix of the result columns (`kon` → kon_code, kon_label). */
  prefix: string;
  /** Label of the part, for the manifest. */
  title: string;
  members: Member[];
  /** SQL giving the member of an individual. */
  index: string;
  /** The single member of an unsplit query: not written to the result. */
  constant?: boolean;
}

/** The category cells of an analysis (without the missing cell, which is added). */
export interface CategoryFrame {
  keys: string[];
  /** Result columns the frame carries (codes and labels). */
  columns: string[];
  rows: { keys: number[]; cls: number; values: (string | null)[] }[];
}

export interface ResultColumn {
  name: string;
  meaning: string;
  sql: string;
}

export interface Sql {
  quote(id: string): string;
  string(v: string): string;
  /** Casts so that division gives a fraction. */
  dec(expr: string): string;
  texts: QueryTexts;
}

export interface QueryParts {
  /** Columns of `pop` after the split members: `expr AS name`. */
  popColumns: string[];
  /** Whether `pop` carries the individual key (for joins to multiple-choice tables). */
  needsKey: boolean;
  /** CTEs after `pop` that define at least `cells` and `sizes`. */
  ctes: Cte[];
  frame: CategoryFrame;
  /** Change: `c1` of the outcome total cells, which the suppression keeps shown where it can (queries/suppression.ts). */
  outcomeRow?: number;
  /** The result: CTEs it needs, then the final SELECT built by the helpers. */
  result(h: ResultHelpers): { ctes?: Cte[]; select: string };
}

export interface ResultHelpers {
  sql: Sql;
  minCell: number;
  dims: SplitDim[];
  splitKeys: string[];
  catKeys: string[];
  /** Result columns naming each split part's member of row alias `x`. */
  splitColumns(x: string): ResultColumn[];
  /** JOINs of the split frames to row alias `x`. */
  splitJoins(x: string): string[];
  /** ORDER BY terms for the split members of `x` (missing last). */
  splitOrder(x: string): string[];
  /** `a.s1 = b.s1 AND …` */
  sameSplit(a: string, b: string): string;
  /** Columns n, share, missing_n, suppressed, missing_suppressed for row `g`, its missing cell `gm` and sizes `z`. */
  counts(g: string, gm: string, z: string, meanings: { n: string; share: string; missingN: string; suppressed: string; missingSuppressed: string }): ResultColumn[];
  select(columns: ResultColumn[], from: string[], order: string[]): string;
}

/** `SELECT … UNION ALL SELECT …` of literal rows, the first naming the columns. */
export function literalRows(names: string[], rows: string[][]): string {
  return rows.map((r, i) => `SELECT ${r.map((v, j) => (i === 0 ? `${v} AS ${names[j]}` : v)).join(", ")}`).join("\nUNION ALL ");
}

export function assembleQuery(opts: { sql: Sql; dims: SplitDim[]; from: string; where?: string; parts: QueryParts; minCell: number; popKey: string; passes?: number }): {
  sql: string;
  columns: ResultColumn[];
} {
  const { sql, dims, parts } = opts;
  const splitKeys = dims.map((d) => d.key);
  const catKeys = parts.frame.keys;
  const lit = (v: string | null) => (v === null ? "NULL" : sql.string(v));

  const popCols = [...(parts.needsKey ? [`${opts.popKey}.${sql.quote("individ_id")} AS id`] : []), ...dims.map((d) => `${d.index} AS ${d.key}`), ...parts.popColumns];
  const ctes: Cte[] = [
    {
      name: "pop",
      note: "one row per individual in the population; members and values as numbers, 0 = missing",
      body: [`SELECT\n  ${popCols.join(",\n  ")}`, opts.from, ...(opts.where ? [`WHERE ${opts.where}`] : [])].join("\n"),
    },
  ];
  ctes.push(...parts.ctes);

  dims.forEach((d, i) => {
    const rows = d.constant ? [["1"]] : [...d.members.map((m, j) => [String(j + 1), lit(m.code), lit(m.label)]), ["0", "NULL", lit(sql.texts.missing)]];
    ctes.push({ name: `fs${i + 1}`, ...(d.constant ? {} : { note: `the groups of ${d.prefix}, missing last` }), body: literalRows(d.constant ? ["m"] : ["m", "code", "label"], rows) });
  });
  const frameRows = [...parts.frame.rows.map((r) => [...r.keys.map(String), String(r.cls), ...r.values.map(lit)]), [...catKeys.map(() => "0"), "0", ...parts.frame.columns.map(() => "NULL")]];
  ctes.push({ name: "fc", note: "the category cells, with the missing cell (keys 0)", body: literalRows([...catKeys, "cls", ...parts.frame.columns], frameRows) });

  const small = opts.minCell > 1 ? `CASE WHEN COALESCE(x.n, 0) BETWEEN 1 AND ${opts.minCell - 1} THEN 1 ELSE 0 END` : "0";
  ctes.push({
    name: "grid",
    note: `every cell, zeros included; small = a count from 1 to min_cell - 1 (${opts.minCell - 1})`,
    body: [
      `SELECT ${[...dims.map((_, i) => `f${i + 1}.m AS ${splitKeys[i]}`), ...catKeys.map((k) => `fc.${k}`)].join(", ")}, fc.cls, COALESCE(x.n, 0) AS n,`,
      `  ${small} AS small`,
      `FROM fs1 f1`,
      ...dims.slice(1).map((_, i) => `CROSS JOIN fs${i + 2} f${i + 2}`),
      "CROSS JOIN fc",
      `LEFT JOIN cells x ON ${[...splitKeys.map((k, i) => `x.${k} = f${i + 1}.m`), ...catKeys.map((k) => `x.${k} = fc.${k}`)].join(" AND ")}`,
    ].join("\n"),
  });
  if (opts.minCell > 1) {
    ctes.push(
      ...suppressionCtes(
        { splits: dims.map((d) => (d.constant ? { key: d.key, constant: true } : { key: d.key })), catKeys, ...(parts.outcomeRow === undefined ? {} : { outcomeRow: parts.outcomeRow }) },
        opts.passes,
      ),
    );
  } else {
    ctes.push({ name: "hgrid", note: "min_cell 1: nothing is hidden", body: `SELECT ${[...splitKeys, ...catKeys].join(", ")}, cls, n, small, 0 AS hid FROM grid` });
  }

  let resultColumns: ResultColumn[] = [];
  const visible = dims.map((d, i) => ({ d, i })).filter((x) => !x.d.constant);
  const h: ResultHelpers = {
    sql,
    minCell: opts.minCell,
    dims,
    splitKeys,
    catKeys,
    splitColumns: () =>
      visible.flatMap(({ d, i }) => [
        { name: `${d.prefix}_code`, meaning: sql.texts.meaning.splitCode(d.title), sql: `f${i + 1}.code` },
        { name: `${d.prefix}_label`, meaning: sql.texts.meaning.splitLabel(d.title), sql: `f${i + 1}.label` },
      ]),
    splitJoins: (x) => visible.map(({ i }) => `JOIN fs${i + 1} f${i + 1} ON f${i + 1}.m = ${x}.${splitKeys[i]}`),
    splitOrder: (x) => visible.flatMap(({ i }) => [`CASE WHEN ${x}.${splitKeys[i]} = 0 THEN 1 ELSE 0 END`, `${x}.${splitKeys[i]}`]),
    sameSplit: (a, b) => splitKeys.map((k) => `${a}.${k} = ${b}.${k}`).join(" AND "),
    counts: (g, gm, z, m) => [
      { name: "n", meaning: m.n, sql: `CASE WHEN ${g}.hid = 1 THEN NULL ELSE ${g}.n END` },
      { name: "share", meaning: m.share, sql: `CASE WHEN ${g}.hid = 1 THEN NULL ELSE ${sql.dec(`${g}.n`)} / NULLIF(${z}.size, 0) END` },
      { name: "missing_n", meaning: m.missingN, sql: `CASE WHEN ${gm}.hid = 1 THEN NULL ELSE ${gm}.n END` },
      { name: "suppressed", meaning: m.suppressed, sql: `${g}.hid` },
      { name: "missing_suppressed", meaning: m.missingSuppressed, sql: `${gm}.hid` },
    ],
    select: (columns, from, order) => {
      resultColumns = columns;
      return [`SELECT\n  ${columns.map((c) => `${c.sql} AS ${sql.quote(c.name)}`).join(",\n  ")}`, ...from, `ORDER BY ${order.join(", ")}`].join("\n");
    },
  };
  const result = parts.result(h);
  ctes.push(...(result.ctes ?? []));
  const cte = (c: Cte) => `${c.note ? `-- ${c.note}\n` : ""}${c.name} AS (\n${indent(c.body)}\n)`;
  return { sql: `WITH\n${ctes.map(cte).join(",\n")}\n${result.select}`, columns: resultColumns };
}

function indent(s: string): string {
  return s
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}
