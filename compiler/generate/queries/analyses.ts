// What each kind of analysis puts into the common query shape: its columns in
// `pop`, its finest-grain cells, its category frame and its result rows.
import type { AnalysisModel, MeasureRef } from "../../model/index.js";
import { INDIVID_KEY } from "../../sql/storage.js";
import type { CategoricalReading, MeasureReader, SingleReading } from "./measures.js";
import { literalRows, type CategoryFrame, type Cte, type QueryParts, type ResultHelpers } from "./shape.js";
import { lookup } from "../../model/lookup.js";

/** Outcome classes of a transition; 0 is the missing cell. */
export const IMPROVED = 1;
export const UNCHANGED = 2;
export const WORSENED = 3;

function splitList(keys: string[], prefix = ""): string {
  return keys.map((k) => `${prefix}${k}`).join(", ");
}

/**
 * Cells for analyses whose values are all single-valued: the category keys are
 * SQL over `pop` columns, with every key 0 for the missing cell.
 */
function singleCells(splitKeys: string[], keyExprs: string[], name = "cells"): Cte[] {
  const s = splitList(splitKeys);
  const keys = keyExprs.map((_, i) => `c${i + 1}`);
  const inner = `SELECT ${s}, ${keyExprs.map((e, i) => `${e} AS ${keys[i]}`).join(", ")} FROM pop`;
  return [
    {
      name,
      note: "the finest grain, aggregated once: individuals per group and category cell",
      body: `SELECT ${s}, ${keys.join(", ")}, COUNT(*) AS n\nFROM (${inner}) p\nGROUP BY ${s}, ${keys.join(", ")}`,
    },
    { name: "sizes", body: `SELECT ${s}, SUM(n) AS size FROM ${name} GROUP BY ${s}` },
  ];
}

/** Keys that are the readings' own members when all are answered, else the missing cell. */
function jointKeys(cols: string[]): string[] {
  if (cols.length === 1) return [cols[0]!];
  const ok = cols.map((c) => `${c} <> 0`).join(" AND ");
  return cols.map((c) => `CASE WHEN ${ok} THEN ${c} ELSE 0 END`);
}

/** pop columns, CTEs and whether the key is needed, for count/crosstab over one or two readings. */
function categoricalCells(r: MeasureReader, splitKeys: string[], readings: CategoricalReading[]): Pick<QueryParts, "popColumns" | "needsKey" | "ctes"> {
  if (readings.every((x) => x.kind === "single")) {
    return {
      popColumns: readings.map((x, i) => `${(x as SingleReading).index} AS a${i + 1}`),
      needsKey: false,
      ctes: singleCells(splitKeys, jointKeys(readings.map((_, i) => `a${i + 1}`))),
    };
  }
  // Multiple choice: an individual counts once under every option chosen, among
  // those with a usable answer; the missing cell counts the individuals without.
  const q = r.dialect.quote;
  const s = splitList(splitKeys);
  const ok = (p: string) => readings.map((x, i) => (x.kind === "single" ? `${p}a${i + 1} <> 0` : `${p}p${i + 1} = 1`)).join(" AND ");
  const keys = readings.map((_, i) => `c${i + 1}`);
  const joins = readings.flatMap((x, i) => (x.kind === "multi" ? [`JOIN ${x.table} ch${i + 1} ON ch${i + 1}.${q(INDIVID_KEY)} = p.id`] : []));
  const keyExprs = readings.map((x, i) => (x.kind === "single" ? `p.a${i + 1}` : x.codeIndex(`ch${i + 1}`)));
  return {
    popColumns: readings.map((x, i) => (x.kind === "single" ? `${x.index} AS a${i + 1}` : `${x.present} AS p${i + 1}`)),
    needsKey: true,
    ctes: [
      { name: "base", body: `SELECT ${s}, ok, COUNT(*) AS n\nFROM (SELECT ${s}, CASE WHEN ${ok("")} THEN 1 ELSE 0 END AS ok FROM pop) p\nGROUP BY ${s}, ok` },
      { name: "chosen", body: [`SELECT ${splitList(splitKeys, "p.")}, ${keyExprs.map((e, i) => `${e} AS ${keys[i]}`).join(", ")}`, "FROM pop p", ...joins, `WHERE ${ok("p.")}`].join("\n") },
      {
        name: "cells",
        body: [
          `SELECT ${s}, ${keys.join(", ")}, COUNT(*) AS n FROM chosen WHERE ${keys.map((k) => `${k} <> 0`).join(" AND ")} GROUP BY ${s}, ${keys.join(", ")}`,
          `UNION ALL SELECT ${s}, ${keys.map(() => "0").join(", ")}, n FROM base WHERE ok = 0`,
        ].join("\n"),
      },
      { name: "sizes", body: `SELECT ${s}, SUM(n) AS size FROM base GROUP BY ${s}` },
    ],
  };
}

/** The usual result: one row per category cell of each split cell, in frame order. */
function cellRows(h: ResultHelpers, category: { name: string; meaning: string }[], nMeaning: string): { select: string } {
  const m = h.sql.texts.meaning;
  const sameCat = h.catKeys.map((k) => `fc.${k} = g.${k}`).join(" AND ");
  const columns = [
    ...h.splitColumns("g"),
    ...category.map((c) => ({ ...c, sql: `fc.${c.name}` })),
    ...h.counts("g", "gm", "z", { n: nMeaning, share: m.share, missingN: m.missingN, suppressed: m.suppressed(h.minCell), missingSuppressed: m.missingSuppressed }),
  ];
  return {
    select: h.select(
      columns,
      [
        "FROM hgrid g",
        `JOIN hgrid gm ON ${h.sameSplit("gm", "g")} AND ${h.catKeys.map((k) => `gm.${k} = 0`).join(" AND ")}`,
        `LEFT JOIN sizes z ON ${h.sameSplit("z", "g")}`,
        `JOIN fc ON ${sameCat}`,
        ...h.splitJoins("g"),
        `WHERE g.${h.catKeys[0]} <> 0`,
      ],
      [...h.splitOrder("g"), ...h.catKeys.map((k) => `g.${k}`)],
    ),
  };
}

function measureTitle(r: MeasureReader, ref: MeasureRef): string {
  return r.label(ref.kind === "group" ? r.group(ref.name).label : r.variable(ref.name).label);
}

export function analysisParts(a: AnalysisModel, r: MeasureReader, splitKeys: string[]): QueryParts {
  const m = r.texts.meaning;
  switch (a.kind) {
    case "count": {
      const reading = r.categorical(a.target);
      const frame: CategoryFrame = {
        keys: ["c1"],
        columns: ["category_code", "category_label"],
        rows: reading.members.map((x, i) => ({ keys: [i + 1], cls: 0, values: [x.code, x.label] })),
      };
      return {
        ...categoricalCells(r, splitKeys, [reading]),
        frame,
        result: (h) =>
          cellRows(
            h,
            [
              { name: "category_code", meaning: m.categoryCode },
              { name: "category_label", meaning: m.categoryLabel },
            ],
            reading.kind === "multi" ? m.nMultiple : m.n,
          ),
      };
    }
    case "crosstab": {
      const row = r.categorical(a.row);
      const col = r.categorical(a.column);
      const rows: CategoryFrame["rows"] = [];
      row.members.forEach((x, i) => col.members.forEach((y, j) => rows.push({ keys: [i + 1, j + 1], cls: 0, values: [x.code, x.label, y.code, y.label] })));
      const rowTitle = measureTitle(r, a.row);
      const colTitle = measureTitle(r, a.column);
      return {
        ...categoricalCells(r, splitKeys, [row, col]),
        frame: { keys: ["c1", "c2"], columns: ["row_code", "row_label", "column_code", "column_label"], rows },
        result: (h) =>
          cellRows(
            h,
            [
              { name: "row_code", meaning: m.rowCode(rowTitle) },
              { name: "row_label", meaning: m.rowLabel(rowTitle) },
              { name: "column_code", meaning: m.columnCode(colTitle) },
              { name: "column_label", meaning: m.columnLabel(colTitle) },
            ],
            row.kind === "multi" || col.kind === "multi" ? m.nMultiple : m.n,
          ),
      };
    }
    case "attainment": {
      const target = r.scale(a.target.name, a.target.timepoint);
      const goal = r.scale(a.goal.name, a.goal.timepoint);
      if (goal.valueset.name !== target.valueset.name)
        throw new Error(`attainment compares '${a.target.name}' (value set '${target.valueset.name}') with '${a.goal.name}' (value set '${goal.valueset.name}'); both must use the same value set`);
      const atLeast = target.valueset.direction === "lower" ? "a1 <= a2" : "a1 >= a2";
      const t = r.texts;
      return {
        popColumns: [`${target.index} AS a1`, `${goal.index} AS a2`],
        needsKey: false,
        ctes: singleCells(splitKeys, [`CASE WHEN a1 = 0 OR a2 = 0 THEN 0 WHEN ${atLeast} THEN 1 ELSE 2 END`]),
        frame: {
          keys: ["c1"],
          columns: ["category_code", "category_label"],
          rows: [
            { keys: [1], cls: 0, values: ["reached", t.reached] },
            { keys: [2], cls: 0, values: ["not_reached", t.notReached] },
          ],
        },
        result: (h) =>
          cellRows(
            h,
            [
              { name: "category_code", meaning: m.categoryCode },
              { name: "category_label", meaning: m.categoryLabel },
            ],
            m.n,
          ),
      };
    }
    case "change":
      return changeParts(a, r, splitKeys);
    case "summary":
      return summaryParts(a, r, splitKeys);
  }
}

/** Outcome class of a move from scale position i to j (1-based, scale order). */
export function outcomeOf(i: number, j: number, direction: "higher" | "lower"): number {
  if (i === j) return UNCHANGED;
  return (direction === "higher" ? j > i : j < i) ? IMPROVED : WORSENED;
}

function changeParts(a: Extract<AnalysisModel, { kind: "change" }>, r: MeasureReader, splitKeys: string[]): QueryParts {
  const from = r.scale(a.variable, a.from);
  const to = r.scale(a.variable, a.to);
  const direction = from.valueset.direction!;
  // The outcome totals are cells of their own, in a frame row one past the scale, so that the suppression can keep them shown.
  const totalRow = from.members.length + 1;
  const rows: CategoryFrame["rows"] = [];
  from.members.forEach((x, i) => to.members.forEach((y, j) => rows.push({ keys: [i + 1, j + 1], cls: outcomeOf(i + 1, j + 1, direction), values: [x.code, x.label, y.code, y.label] })));
  for (const cls of [IMPROVED, UNCHANGED, WORSENED]) rows.push({ keys: [totalRow, cls], cls, values: [null, null, null, null] });
  const m = r.texts.meaning;
  const t = r.texts;
  const fromTp = r.label(lookup(r.model).timepoint(a.from)!.label);
  const toTp = r.label(lookup(r.model).timepoint(a.to)!.label);
  const s = splitList(splitKeys);
  const [moves, sizes] = singleCells(splitKeys, jointKeys(["a1", "a2"]), "moves");
  const better = direction === "higher" ? "c2 > c1" : "c2 < c1";
  return {
    popColumns: [`${from.index} AS a1`, `${to.index} AS a2`],
    needsKey: false,
    ctes: [
      moves!,
      {
        name: "cells",
        note: `the transitions and the missing cell, then the outcome totals (c1 = ${totalRow}, c2 = outcome)`,
        body: [
          `SELECT ${s}, c1, c2, n FROM moves`,
          `UNION ALL SELECT ${s}, ${totalRow}, cls, SUM(n)`,
          `FROM (SELECT ${s}, CASE WHEN c1 = c2 THEN ${UNCHANGED} WHEN ${better} THEN ${IMPROVED} ELSE ${WORSENED} END AS cls, n FROM moves WHERE c1 <> 0) m`,
          `GROUP BY ${s}, cls`,
        ].join("\n"),
      },
      sizes!,
    ],
    frame: { keys: ["c1", "c2"], columns: ["from_code", "from_label", "to_code", "to_label"], rows },
    outcomeRow: totalRow,
    result: (h) => {
      const ctes: Cte[] = [
        {
          name: "fo",
          body: literalRows(
            ["cls", "outcome_code", "outcome_label"],
            [
              [String(IMPROVED), h.sql.string("improved"), h.sql.string(t.improved)],
              [String(UNCHANGED), h.sql.string("unchanged"), h.sql.string(t.unchanged)],
              [String(WORSENED), h.sql.string("worsened"), h.sql.string(t.worsened)],
            ],
          ),
        },
      ];
      const columns = [
        ...h.splitColumns("g"),
        { name: "row_type", meaning: m.rowType, sql: `CASE WHEN g.c1 = ${totalRow} THEN ${h.sql.string("outcome")} ELSE ${h.sql.string("transition")} END` },
        { name: "from_code", meaning: m.fromCode(fromTp), sql: "fc.from_code" },
        { name: "from_label", meaning: m.fromLabel(fromTp), sql: "fc.from_label" },
        { name: "to_code", meaning: m.toCode(toTp), sql: "fc.to_code" },
        { name: "to_label", meaning: m.toLabel(toTp), sql: "fc.to_label" },
        { name: "outcome_code", meaning: m.outcomeCode, sql: "fo.outcome_code" },
        { name: "outcome_label", meaning: m.outcomeLabel, sql: "fo.outcome_label" },
        ...h.counts("g", "gm", "z", { n: m.n, share: m.share, missingN: m.missingN, suppressed: m.suppressed(h.minCell), missingSuppressed: m.missingSuppressed }),
      ];
      const select = h.select(
        columns,
        [
          "FROM hgrid g",
          `JOIN hgrid gm ON ${h.sameSplit("gm", "g")} AND gm.c1 = 0 AND gm.c2 = 0`,
          `LEFT JOIN sizes z ON ${h.sameSplit("z", "g")}`,
          "JOIN fc ON fc.c1 = g.c1 AND fc.c2 = g.c2",
          "JOIN fo ON fo.cls = g.cls",
          ...h.splitJoins("g"),
          "WHERE g.c1 <> 0",
        ],
        [...h.splitOrder("g"), "g.c1", "g.c2"],
      );
      return { ctes, select };
    },
  };
}

function summaryParts(a: Extract<AnalysisModel, { kind: "summary" }>, r: MeasureReader, splitKeys: string[]): QueryParts {
  const v = r.numeric(a.target);
  const s = splitList(splitKeys);
  const dec = r.dialect.toDecimal;
  const m = r.texts.meaning;
  return {
    popColumns: [`${v} AS v`],
    needsKey: false,
    ctes: [
      { name: "stats", body: `SELECT ${s}, COUNT(v) AS n, COUNT(*) - COUNT(v) AS missing, SUM(v) AS total, MIN(v) AS lo, MAX(v) AS hi\nFROM pop\nGROUP BY ${s}` },
      { name: "cells", body: `SELECT ${s}, 1 AS c1, n FROM stats\nUNION ALL SELECT ${s}, 0, missing FROM stats` },
      { name: "sizes", body: `SELECT ${s}, n + missing AS size FROM stats` },
      // Median without PERCENTILE functions: the middle one or two values by row number.
      {
        name: "med",
        body: [
          `SELECT ${s}, ${dec("SUM(v)")} / COUNT(*) AS median`,
          `FROM (SELECT ${s}, v, ROW_NUMBER() OVER (PARTITION BY ${s} ORDER BY v) AS rn, COUNT(*) OVER (PARTITION BY ${s}) AS cnt FROM pop WHERE v IS NOT NULL) x`,
          "WHERE rn IN ((cnt + 1) / 2, (cnt + 2) / 2)",
          `GROUP BY ${s}`,
        ].join("\n"),
      },
    ],
    frame: { keys: ["c1"], columns: [], rows: [{ keys: [1], cls: 0, values: [] }] },
    result: (h) => {
      // Statistics describe the individuals with a value: hidden when they are fewer than min_cell.
      const stat = (name: string, meaning: string, expr: string) => ({ name, meaning, sql: `CASE WHEN g.small = 1 THEN NULL ELSE ${expr} END` });
      const counts = h.counts("g", "gm", "z", { n: m.nSummary, share: m.share, missingN: m.missingN, suppressed: m.suppressedSummary(h.minCell), missingSuppressed: m.missingSuppressed });
      const columns = [
        ...h.splitColumns("g"),
        ...counts.slice(0, 2),
        stat("mean", m.mean, `${dec("st.total")} / NULLIF(st.n, 0)`),
        stat("median", m.median, "md.median"),
        stat("min", m.min, "st.lo"),
        stat("max", m.max, "st.hi"),
        ...counts.slice(2),
      ];
      return {
        select: h.select(
          columns,
          [
            "FROM hgrid g",
            `JOIN hgrid gm ON ${h.sameSplit("gm", "g")} AND gm.c1 = 0`,
            `LEFT JOIN sizes z ON ${h.sameSplit("z", "g")}`,
            `LEFT JOIN stats st ON ${h.sameSplit("st", "g")}`,
            `LEFT JOIN med md ON ${h.sameSplit("md", "g")}`,
            ...h.splitJoins("g"),
            "WHERE g.c1 = 1",
          ],
          h.splitOrder("g").length ? h.splitOrder("g") : ["g.c1"],
        ),
      };
    },
  };
}
