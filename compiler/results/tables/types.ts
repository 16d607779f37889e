// The true (unprotected) tables of a question, rolled up from its counts at
// the finest grain, and the finest cells each figure sums: protection sees
// the same cells as unknowns, so every published count is a sum of them.
import type { QuestionGrain } from "../../model/grain.js";
import type { QuestionModel } from "../../model/index.js";

export type { CountsRow } from "../../model/grain.js";

/** A coordinate of a finest cell: a member's index in its column's members (a summary's value: its index in `values`), null = missing. */
export type Coordinate = number | null;

/**
 * A cell of the finest grain. `individuals` cells count every individual of
 * the population once (a multiple-choice key: 0 = answered, null = not);
 * `choices` cells count one per answered individual and chosen option.
 */
export interface FinestCell {
  kind: "individuals" | "choices";
  dims: Coordinate[];
  keys: Coordinate[];
  value: number;
  /** choices only: the individuals cell whose answered individuals bound this count. */
  answered?: number;
}

/** A count and the finest cells (indexes into the question's `cells`) it sums. */
export interface Count {
  value: number;
  cells: number[];
}

export type Outcome = "improved" | "unchanged" | "worsened" | "reached" | "not_reached";

/** What a table row counts: member indexes into the grain's keys' members. */
export type RowKey = { category: number } | { row: number; column: number } | { from: number; to: number } | { outcome: Outcome };

export interface KeyRow {
  key: RowKey;
  n: Count;
}

/** A summary's figures over one group's values (null when no one has a value). */
export interface SummaryFigures {
  n: Count;
  /** The value of each of `n`'s cells, in the order of `n.cells`. */
  cellValues: number[];
  mean: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

export interface GroupTable {
  /** Per split part: the member's index in its dimension, null = the missing group. [] for the whole population. */
  members: Coordinate[];
  /** Individuals in the group, bortfall included. */
  size: Count;
  /** Individuals missing a reading of some key of the analysis. */
  missing: Count;
  /** [] for a summary. */
  rows: KeyRow[];
  summary?: SummaryFigures;
}

export interface TrueTable {
  /** `<question>__total` or `<question>__by_<split id>`. */
  id: string;
  /** null: the whole population; else the split and its parts as indexes into the grain's dims. */
  split: { id: string; dims: number[] } | null;
  groups: GroupTable[];
}

export interface QuestionTables {
  question: QuestionModel;
  grain: QuestionGrain;
  /** Every combination of members and missing of the grain's dims and keys, zero cells included. */
  cells: FinestCell[];
  /** summary: the distinct values the counts hold, ascending (the value key's members). */
  values: number[];
  tables: TrueTable[];
}

/** The data basis, from the `isu_basis` counts rows. */
export interface BasisFigures {
  individuals: number;
  registrations: { timepoint: string; n: number }[];
  missing: { variable: string; timepoint: string; n: number }[];
  /** The earliest and the latest registration date (YYYY-MM-DD); absent without registrations. */
  period?: { from: string; to: string };
}
