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
 * and the counts nest (so each part's sum follows from them). Linear in the
 * cells, with marks reused across calls (a report has a share per row, each
 * over a group of up to every unknown).
 */
export class ImpliedByCounts {
  private part: Int32Array;
  private coef: Float64Array;
  private partStamp: Int32Array;
  private coefStamp: Int32Array;
  private stamp = 0;

  constructor(numCells: number) {
    this.part = new Int32Array(numCells);
    this.coef = new Float64Array(numCells);
    this.partStamp = new Int32Array(numCells);
    this.coefStamp = new Int32Array(numCells);
  }

  test(terms: { cells: number[]; coefs: number[] }, counts: number[][]): boolean {
    const stamp = ++this.stamp;
    // Largest first: each count must lie within one part so far (or outside all), else two counts overlap without nesting.
    const order = counts.map((_, k) => k).sort((a, b) => counts[b].length - counts[a].length);
    for (const k of order) {
      const cells = counts[k];
      if (cells.length === 0) continue;
      const first = this.partStamp[cells[0]] === stamp ? this.part[cells[0]] : -1;
      for (const c of cells) {
        const p = this.partStamp[c] === stamp ? this.part[c] : -1;
        if (p !== first) return false;
        this.part[c] = k;
        this.partStamp[c] = stamp;
      }
    }
    for (let i = 0; i < terms.cells.length; i++) {
      const c = terms.cells[i];
      if (this.partStamp[c] !== stamp) return false; // a term outside every count
      this.coef[c] = terms.coefs[i];
      this.coefStamp[c] = stamp;
    }
    const partCoef = new Float64Array(counts.length).fill(NaN);
    for (const cells of counts)
      for (const c of cells) {
        const p = this.part[c];
        const v = this.coefStamp[c] === stamp ? this.coef[c] : 0;
        const seen = partCoef[p];
        if (Number.isNaN(seen)) partCoef[p] = v;
        else if (Math.abs(seen - v) > 1e-12 * Math.max(1, Math.abs(seen))) return false;
      }
    return true;
  }
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
  // Columns in the same rows, by a hash of their row lists (checked for equality within a bucket).
  const buckets = new Map<number, number[][]>();
  const same = (a: number[], b: number[]): boolean => a.length === b.length && a.every((r, k) => r === b[k]);
  const classes: number[][] = [];
  for (let c = 0; c < numCols; c++) {
    const rows = rowsOf[c];
    let h = rows.length;
    for (const r of rows) h = (Math.imul(h, 0x01000193) ^ r) | 0;
    const bucket = buckets.get(h);
    const cls = bucket?.find((m) => same(rowsOf[m[0]], rows));
    if (cls) cls.push(c);
    else if (bucket) bucket.push([c]);
    else buckets.set(h, [[c]]);
  }
  for (const bucket of buckets.values()) classes.push(...bucket);
  const kept: number[] = [];
  let mixed = false;
  for (const members of classes) {
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
