// Small-cell suppression as SQL over the `grid` CTE (one row per split cell ×
// category cell, zeros included, with `n` and `small`). The policy is stated
// in docs/outputs.md ("Aggregation queries"); in short:
//
// 1. Primary: a count from 1 to min_cell − 1 is hidden.
// 2. Lines: the cells of one group (its categories and its missing cell), and
//    the cells that differ only in one split part, add up to totals other
//    figures publish. A line with exactly one hidden cell would give it away,
//    so its smallest positive other cell is hidden too (ties: plan order,
//    missing last). Each pass looks at what the previous one left.
//    Change publishes its outcome totals (improved, unchanged, worsened) as
//    cells of their own, so its group splits into lines that keep them shown:
//    each outcome's region (its transitions and its total), where another
//    transition is hidden before the total is; and the outcome line (the
//    three totals and the missing cell, which add up to the group).
// 3. If a line still has one hidden cell after the last pass, every
//    dimension's hidden members are crossed (with a second member where a
//    dimension has only one; for change, whole regions' transitions and an
//    outcome line member as needed): every line then holds none or at least two.

/** Complementary passes before the closing rule (4 settle every table the tests generate). */
export const PASSES = 4;

export interface SuppressionDims {
  /** Split keys; `constant` marks the single member of an unsplit query. */
  splits: { key: string; constant?: boolean }[];
  catKeys: string[];
  /**
   * Change: `c1` of the outcome total cells (one past the scale; `c2` = `cls`).
   * Its region and outcome lines replace the group line.
   */
  outcomeRow?: number;
}

const POSITIVE_FIRST = "CASE WHEN n > 0 THEN 0 ELSE 1 END, n";
const missingLast = (key: string) => `CASE WHEN ${key} = 0 THEN 1 ELSE 0 END`;

/** One pass: `from` → `name`, with `hid` the new state and `was` the old. */
function passCte(name: string, from: string, d: SuppressionDims): { name: string; body: string } {
  const splitKeys = d.splits.map((s) => s.key);
  const cols = [...splitKeys, ...d.catKeys, "cls", "n", "small"];
  const group = splitKeys.join(", ");
  const catOrder = [missingLast(d.catKeys[0]!), ...d.catKeys].join(", ");
  const windows: string[] = [];
  const picks: string[] = [];
  let source = from;
  if (d.outcomeRow === undefined) {
    windows.push(`SUM(hid) OVER (PARTITION BY ${group}) AS cnt_g`, `ROW_NUMBER() OVER (PARTITION BY ${group} ORDER BY hid, ${POSITIVE_FIRST}, ${catOrder}) AS rk_g`);
    picks.push("(cnt_g = 1 AND rk_g = 1)");
  } else {
    // Region (cls) of a group: transitions first, its total only when none is left.
    const total = `CASE WHEN c1 = ${d.outcomeRow} THEN 1 ELSE 0 END`;
    windows.push(`SUM(hid) OVER (PARTITION BY ${group}, cls) AS cnt_r`, `ROW_NUMBER() OVER (PARTITION BY ${group}, cls ORDER BY hid, ${total}, ${POSITIVE_FIRST}, ${d.catKeys.join(", ")}) AS rk_r`);
    picks.push("(c1 <> 0 AND cnt_r = 1 AND rk_r = 1)");
    // Outcome line (o = 1): the three totals and the missing cell.
    windows.push(`SUM(hid) OVER (PARTITION BY ${group}, o) AS cnt_o`, `ROW_NUMBER() OVER (PARTITION BY ${group}, o ORDER BY hid, ${POSITIVE_FIRST}, ${catOrder}) AS rk_o`);
    picks.push("(o = 1 AND cnt_o = 1 AND rk_o = 1)");
    source = `(SELECT ${cols.join(", ")}, hid, CASE WHEN c1 = 0 OR c1 = ${d.outcomeRow} THEN 1 ELSE 0 END AS o FROM ${from})`;
  }
  d.splits.forEach((s, i) => {
    if (s.constant) return;
    const line = [...splitKeys.filter((k) => k !== s.key), ...d.catKeys].join(", ");
    windows.push(`SUM(hid) OVER (PARTITION BY ${line}) AS cnt_${i + 1}`);
    windows.push(`ROW_NUMBER() OVER (PARTITION BY ${line} ORDER BY hid, ${POSITIVE_FIRST}, ${missingLast(s.key)}, ${s.key}) AS rk_${i + 1}`);
    picks.push(`(cnt_${i + 1} = 1 AND rk_${i + 1} = 1)`);
  });
  return {
    name,
    body: [
      `SELECT ${cols.join(", ")}, hid AS was, CASE WHEN hid = 1 OR ${picks.join(" OR ")} THEN 1 ELSE 0 END AS hid`,
      `FROM (SELECT ${cols.join(", ")}, hid,${d.outcomeRow === undefined ? "" : " o,"}`,
      `  ${windows.join(",\n  ")}`,
      `FROM ${source} v) w`,
    ].join("\n"),
  };
}

/** The ORDER BY that picks a dimension's extra member: smallest positive total, then plan order, missing (0) last. */
function pickOrder(keys: string[], first: string): string {
  return [first, "CASE WHEN total > 0 THEN 0 ELSE 1 END", "total", missingLast(keys[0]!), ...keys].join(", ");
}

/** The closing rule's CTEs over the hidden cells of `from`: h<i> per split part and hc for the categories. */
function closureCtes(from: string, d: SuppressionDims): { name: string; body: string }[] {
  const out: { name: string; body: string }[] = [];
  const pick = (keys: string[], extra: string[]) => {
    const cols = [...keys, ...extra].join(", ");
    return [
      `SELECT ${cols}, hit, total, SUM(hit) OVER () AS hits,`,
      `  ROW_NUMBER() OVER (ORDER BY ${pickOrder(keys, "hit")}) AS rk`,
      `FROM (SELECT ${cols}, MAX(hid) AS hit, SUM(n) AS total FROM ${from} GROUP BY ${cols}) p`,
    ].join("\n");
  };
  d.splits.forEach((s, i) => {
    out.push({ name: `h${i + 1}_pick`, body: pick([s.key], []) });
    out.push({ name: `h${i + 1}`, body: `SELECT ${s.key}, CASE WHEN hit = 1 OR (hits = 1 AND rk = 1) THEN 1 ELSE 0 END AS hidden FROM h${i + 1}_pick` });
  });
  const ck = d.catKeys.join(", ");
  out.push({ name: "hc_pick", body: pick(d.catKeys, ["cls"]) });
  if (d.outcomeRow === undefined) {
    out.push({ name: "hc", body: `SELECT ${ck}, CASE WHEN hit = 1 OR (hits = 1 AND rk = 1) THEN 1 ELSE 0 END AS hidden FROM hc_pick` });
    return out;
  }
  // Change: a region with one hidden member gets all its transitions hidden
  // (and its total when it has a single transition); then an outcome line with
  // one hidden member gets its smallest other member; then the regions again.
  const R = d.outcomeRow;
  const region = (name: string, from: string, col: string) => ({
    name,
    body: [
      `SELECT ${ck}, cls, total, CASE WHEN ${col} = 1 OR (c1 <> 0 AND rh = 1 AND (c1 <> ${R} OR nt = 1)) THEN 1 ELSE 0 END AS hit`,
      `FROM (SELECT ${ck}, cls, total, ${col}, SUM(${col}) OVER (PARTITION BY cls) AS rh, SUM(CASE WHEN c1 <> ${R} THEN 1 ELSE 0 END) OVER (PARTITION BY cls) AS nt FROM ${from}) p`,
    ].join("\n"),
  });
  out.push(region("hc_region", "hc_pick", "hit"));
  out.push({
    name: "hc_outcome",
    body: [
      `SELECT ${ck}, cls, total, CASE WHEN hit = 1 OR (o = 1 AND oh = 1 AND rk = 1) THEN 1 ELSE 0 END AS hit2`,
      `FROM (SELECT ${ck}, cls, total, hit, o, SUM(hit) OVER (PARTITION BY o) AS oh,`,
      `  ROW_NUMBER() OVER (PARTITION BY o ORDER BY ${pickOrder(d.catKeys, "hit")}) AS rk`,
      `FROM (SELECT ${ck}, cls, total, hit, CASE WHEN c1 = 0 OR c1 = ${R} THEN 1 ELSE 0 END AS o FROM hc_region) q) p`,
    ].join("\n"),
  });
  out.push(region("hc_region2", "hc_outcome", "hit2"));
  out.push({ name: "hc", body: `SELECT ${ck}, hit AS hidden FROM hc_region2` });
  return out;
}

/** CTEs from `grid` to `hgrid` (grid with `hid`, 1 for a hidden cell). */
export function suppressionCtes(d: SuppressionDims, passes: number = PASSES): { name: string; body: string; note?: string }[] {
  const splitKeys = d.splits.map((s) => s.key);
  const all = [...splitKeys, ...d.catKeys];
  const out: { name: string; body: string; note?: string }[] = [
    { name: "pass0", note: `small-cell suppression (docs/outputs.md): the small cells, then ${passes} passes over the lines`, body: `SELECT ${all.join(", ")}, cls, n, small, small AS hid FROM grid` },
  ];
  for (let i = 1; i <= passes + 1; i++) out.push(passCte(`pass${i}`, `pass${i - 1}`, d));
  const last = `pass${passes}`;
  // One more pass that would still hide something means a line is alone: close.
  out.push({ name: "closing", note: "1 when a line still holds a single hidden cell: then the hidden members are crossed", body: `SELECT MAX(hid - was) AS needed FROM pass${passes + 1}` });
  out.push(...closureCtes(last, d));
  const joins = [...splitKeys.map((k, i) => `JOIN h${i + 1} ON h${i + 1}.${k} = g.${k}`), `JOIN hc ON ${d.catKeys.map((k) => `hc.${k} = g.${k}`).join(" AND ")}`];
  const crossed = [...splitKeys.map((_, i) => `h${i + 1}.hidden = 1`), "hc.hidden = 1"].join(" AND ");
  out.push({
    name: "hgrid",
    note: "hid = 1: the cell is hidden",
    body: [
      `SELECT ${all.map((k) => `g.${k}`).join(", ")}, g.cls, g.n, g.small,`,
      `  CASE WHEN g.hid = 1 OR (z.needed = 1 AND ${crossed}) THEN 1 ELSE 0 END AS hid`,
      `FROM ${last} g`,
      "CROSS JOIN closing z",
      ...joins,
    ].join("\n"),
  });
  return out;
}
