// What a component's linear program can leave out without changing any
// count's range: the relations of a shown share (its n and group size are
// shown, so the share adds nothing), and the unknowns whose column is a mix
// of two others' (the values of a summary's histogram between the smallest
// and the largest, in the same cells: only Σ value·count matters, and
// any such sum is reached by the two extremes). Every solution of the
// smaller program is one of the whole program with the left-out unknowns 0,
// so its whole-number solutions stay witnesses.

/**
 * Whether a relation says nothing the counts it comes with do not: its
 * coefficient is constant over each part the counts cut their cells into,
 * and the counts nest (so each part's sum follows from them).
 */
export function impliedByCounts(terms: { cells: number[]; coefs: number[] }, counts: number[][]): boolean {
  const sets = counts.map((c) => new Set(c));
  for (let i = 0; i < sets.length; i++)
    for (let j = i + 1; j < sets.length; j++) {
      const [a, b] = sets[i].size <= sets[j].size ? [sets[i], sets[j]] : [sets[j], sets[i]];
      let shared = 0;
      for (const c of a) if (b.has(c)) shared++;
      if (shared !== 0 && shared !== a.size) return false; // overlapping without nesting
    }
  const coefOf = new Map<number, number>();
  terms.cells.forEach((c, k) => coefOf.set(c, terms.coefs[k]));
  const partCoef = new Map<string, number>();
  const union = new Set<number>();
  for (const s of sets) for (const c of s) union.add(c);
  for (const c of terms.cells) if (!union.has(c)) return false;
  for (const c of union) {
    const part = sets.map((s) => (s.has(c) ? 1 : 0)).join("");
    const coef = coefOf.get(c) ?? 0;
    const seen = partCoef.get(part);
    if (seen === undefined) partCoef.set(part, coef);
    else if (Math.abs(seen - coef) > 1e-12 * Math.max(1, Math.abs(seen))) return false;
  }
  return true;
}

/**
 * The unknowns to keep: of those in the same rows, only the two whose
 * columns are the extremes when all columns lie on one line (one when they
 * are equal); all of them otherwise. `mixed`: some were left out as mixes of
 * two others, so the kept program no longer has every whole-number solution
 * (a sum of values reached only through the values in between).
 */
export function keptColumns(numCols: number, rowCells: number[][], rowCoefs: (number[] | null)[]): { kept: number[]; mixed: boolean } {
  const rowsOf: number[][] = Array.from({ length: numCols }, () => []);
  const coefsOf: number[][] = Array.from({ length: numCols }, () => []);
  rowCells.forEach((cells, ri) => {
    const coefs = rowCoefs[ri];
    cells.forEach((c, k) => {
      rowsOf[c].push(ri);
      coefsOf[c].push(coefs ? coefs[k] : 1);
    });
  });
  const classes = new Map<string, number[]>();
  for (let c = 0; c < numCols; c++) {
    const key = rowsOf[c].join(",");
    const list = classes.get(key);
    if (list) list.push(c);
    else classes.set(key, [c]);
  }
  const kept: number[] = [];
  let mixed = false;
  for (const members of classes.values()) {
    if (members.length <= 2 || rowsOf[members[0]].length === 0) {
      kept.push(...(rowsOf[members[0]].length === 0 ? [] : members));
      continue;
    }
    const ends = extremes(members, coefsOf);
    if (ends.length === 2 && members.length > 2) mixed = true;
    kept.push(...ends);
  }
  return { kept: kept.sort((a, b) => a - b), mixed };
}

function extremes(members: number[], coefsOf: number[][]): number[] {
  const base = coefsOf[members[0]];
  const other = members.find((m) => coefsOf[m].some((v, r) => v !== base[r]));
  if (other === undefined) return [members[0]]; // identical columns: one stands for all
  const dir = coefsOf[other].map((v, r) => v - base[r]);
  let pivot = 0;
  dir.forEach((d, r) => {
    if (Math.abs(d) > Math.abs(dir[pivot])) pivot = r;
  });
  let low = members[0];
  let high = members[0];
  let tLow = 0;
  let tHigh = 0;
  for (const m of members) {
    const col = coefsOf[m];
    const t = (col[pivot] - base[pivot]) / dir[pivot];
    for (let r = 0; r < col.length; r++) if (Math.abs(base[r] + t * dir[r] - col[r]) > 1e-9 * Math.max(1, Math.abs(col[r]))) return members;
    if (t < tLow) [low, tLow] = [m, t];
    if (t > tHigh) [high, tHigh] = [m, t];
  }
  return low === high ? [low] : [low, high].sort((a, b) => a - b);
}
