// The protection problem, as the results stage hands it to protection: the
// unknowns an outsider does not know (the counts of the finest-grain cells of
// every question, whole numbers ≥ 0), every count the report would publish as
// a sum of unknowns, and the figures derived from counts (shares, means) with
// the linear bounds their rounded values imply. Protection decides which
// counts to hide; it knows nothing of tables, plans or SQL.

/** Σ coef · unknown[cell]. */
export type Linear = { cell: number; coef: number }[];

/** lo ≤ Σ terms ≤ hi: something an outsider knows whatever is hidden. */
export interface Relation {
  terms: Linear;
  lo: number;
  hi: number;
}

export interface Unknown {
  /** The true count. */
  value: number;
}

/** A count the report would publish (a table's n, a group size, a bortfall). */
export interface CountItem {
  /** Unique within the problem; the results stage maps it back to a figure. */
  id: string;
  /** The table it is published in (for the protection summary). */
  table: string;
  /** What it counts, in words, for the protection summary. */
  description: string;
  /** The unknowns it sums (each with coefficient 1). */
  cells: number[];
  /** Σ value of `cells`. */
  value: number;
}

/**
 * A figure shown only when every count it depends on is shown (a share needs
 * its n and its group size; a mean its n). When shown, its rounded value adds
 * `relations` to what an outsider knows.
 */
export interface DerivedItem {
  id: string;
  counts: string[];
  relations: Relation[];
}

export interface ProtectionProblem {
  minCell: number;
  unknowns: Unknown[];
  counts: CountItem[];
  derived: DerivedItem[];
  /** Relations that hold whatever is published (a chosen option's count is at most the answered individuals of its cell). */
  known: Relation[];
}

/** Why protection hides a figure: a small count, a count hidden to protect one, a figure computed from a hidden count. The report publishes the first two alike. */
export type Suppression = "primary" | "secondary" | "derived";

export interface CellRange {
  id: string;
  low: number;
  high: number;
}

export interface ProtectionOutcome {
  /** Hidden counts and derived figures by id, with why. Everything else is shown. */
  hidden: Map<string, Suppression>;
  /** For every hidden count: the smallest and largest value consistent with everything shown (the audit). */
  ranges: CellRange[];
}
