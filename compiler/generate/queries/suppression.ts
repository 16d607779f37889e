// Small-cell suppression as SQL over the `grid` CTE (one row per split cell ×
// category cell, zeros included, with `n` and `small`).
//
// Policy (docs/outputs.md, "Aggregation queries"): a count from 1 to
// min_cell − 1 is hidden (primary). The table is a product of dimensions —
// each split part, and the category cells with the missing cell as one more
// member. For each dimension take the members that hold a primary cell; when
// that is a single member of a dimension that has others, add the member with
// the smallest positive total (ties: plan order, missing last). Hide every cell
// whose every coordinate is in those sets. Every line of the table (all cells
// that differ in one coordinate only, whose sum another figure publishes) then
// holds no hidden cell or at least two, so no hidden cell can be got back by
// subtraction from a total. For change, whose outcome rows total the
// transitions, the hidden categories must also reach two outcome classes.

/** The ORDER BY that picks the complementary member: smallest positive total first, then plan order, missing (0) last. */
function pickOrder(keys: string[], first: string): string {
  return [first, "CASE WHEN total > 0 THEN 0 ELSE 1 END", "total", `CASE WHEN ${keys[0]} = 0 THEN 1 ELSE 0 END`, ...keys].join(", ");
}

/** CTEs computing each dimension's hidden members, then `hgrid` (grid with `hid`). */
export function suppressionCtes(splitKeys: string[], catKeys: string[], classes: boolean): { name: string; body: string }[] {
  const out: { name: string; body: string }[] = [];
  const closure = (keys: string[], extra: string[]) => {
    const cols = [...keys, ...extra].join(", ");
    return [
      `SELECT ${cols}, hit, total, SUM(hit) OVER () AS hits,`,
      `  ROW_NUMBER() OVER (ORDER BY ${pickOrder(keys, "hit")}) AS rk`,
      `FROM (SELECT ${cols}, MAX(small) AS hit, SUM(n) AS total FROM grid GROUP BY ${cols}) p`,
    ].join("\n");
  };
  splitKeys.forEach((k, i) => {
    out.push({
      name: `h${i + 1}_pick`,
      body: closure([k], []),
    });
    out.push({ name: `h${i + 1}`, body: `SELECT ${k}, CASE WHEN hit = 1 OR (hits = 1 AND rk = 1) THEN 1 ELSE 0 END AS hidden FROM h${i + 1}_pick` });
  });
  const ck = catKeys.join(", ");
  out.push({ name: "hc_pick", body: closure(catKeys, ["cls"]) });
  if (!classes) {
    out.push({ name: "hc", body: `SELECT ${ck}, CASE WHEN hit = 1 OR (hits = 1 AND rk = 1) THEN 1 ELSE 0 END AS hidden FROM hc_pick` });
  } else {
    out.push({
      name: "hc_first",
      body: [
        `SELECT ${ck}, cls, total, hidden,`,
        "  MIN(CASE WHEN hidden = 1 THEN cls END) OVER () AS lo,",
        "  MAX(CASE WHEN hidden = 1 THEN cls END) OVER () AS hi",
        `FROM (SELECT ${ck}, cls, total, CASE WHEN hit = 1 OR (hits = 1 AND rk = 1) THEN 1 ELSE 0 END AS hidden FROM hc_pick) p`,
      ].join("\n"),
    });
    out.push({
      name: "hc_class",
      body: `SELECT ${ck}, cls, hidden, lo, hi, ROW_NUMBER() OVER (ORDER BY ${pickOrder(catKeys, "CASE WHEN hidden = 0 AND cls <> lo THEN 0 ELSE 1 END")}) AS rk FROM hc_first`,
    });
    out.push({ name: "hc", body: `SELECT ${ck}, CASE WHEN hidden = 1 OR (lo = hi AND rk = 1 AND cls <> lo) THEN 1 ELSE 0 END AS hidden FROM hc_class` });
  }
  const all = [...splitKeys, ...catKeys];
  const joins = [...splitKeys.map((k, i) => `JOIN h${i + 1} ON h${i + 1}.${k} = g.${k}`), `JOIN hc ON ${catKeys.map((k) => `hc.${k} = g.${k}`).join(" AND ")}`];
  const hid = [...splitKeys.map((_, i) => `h${i + 1}.hidden = 1`), "hc.hidden = 1"].join(" AND ");
  out.push({
    name: "hgrid",
    body: [`SELECT ${all.map((k) => `g.${k}`).join(", ")}, g.cls, g.n, g.small,`, `  CASE WHEN ${hid} THEN 1 ELSE 0 END AS hid`, "FROM grid g", ...joins].join("\n"),
  });
  return out;
}
