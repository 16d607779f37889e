// What a report publishes: results.json exactly, and the only input of the
// report's renderers (HTML, Markdown, XLSX, PDF, charts). Every figure here
// has passed protection; a hidden figure is null with the reason it is
// hidden. schemas/results.schema.json describes the same shape for other tools.

/**
 * Why a figure is not shown. A hidden count never says whether it is small
 * itself or hidden to protect a small one: "small" alone would tell that it
 * lies in 1..min_cell − 1. The protection summary gives the totals of each.
 */
export type HiddenReason =
  /** a count from 1 to min_cell − 1, or hidden so that no such count can be derived from the figures shown */
  | "suppressed"
  /** a share, mean, median or quartile whose count is hidden */
  | "derived";

export interface Figure {
  /** null when hidden. Counts are whole numbers; shares are fractions 0..1 rounded to `precision.share` decimals; means, medians and quartiles rounded to `precision.mean`. */
  value: number | null;
  hidden?: HiddenReason;
}

export interface PublishedMember {
  /** null: the individuals without a usable value (bortfall). */
  code: string | null;
  label: string;
}

/** One line of a table: a split cell × what it counts. */
export interface PublishedRow {
  /** The row's split cell, one member per split part; [] for the whole population. */
  split: PublishedMember[];
  /**
   * What the row counts, by role: `category` (count), `row` and `column`
   * (crosstab), `from` and `to` (a change's transition), `outcome`
   * (a change's improved/unchanged/worsened, an attainment's reached/not_reached).
   */
  key: Partial<Record<"category" | "row" | "column" | "from" | "to" | "outcome", PublishedMember>>;
  n: Figure;
  /** n / size of the split cell. */
  share: Figure;
}

/** The figures of one split cell (a group). */
export interface PublishedGroup {
  split: PublishedMember[];
  /** Individuals in the group, bortfall included: a published cell too. */
  size: Figure;
  /** Individuals in the group without a usable value (bortfall). */
  missing: Figure;
  /** summary only: individuals with a value, and the figures over them. */
  n?: Figure;
  mean?: Figure;
  median?: Figure;
  q1?: Figure;
  q3?: Figure;
}

export interface PublishedSplitPart {
  kind: "variable" | "group";
  name: string;
  timepoint: string;
  label: string;
}

export interface PublishedTable {
  /** `<question>__total` or `<question>__by_<split id>`, as in queries.json. */
  id: string;
  /** null for the whole population. */
  split: { id: string; parts: PublishedSplitPart[] } | null;
  groups: PublishedGroup[];
  /** [] for a summary. */
  rows: PublishedRow[];
}

/** A question's reference level ("önskat läge", the plan's `reference`). */
export interface PublishedReference {
  /** `share`: of those who reach the goal (attainment) or improve (change); `value`: a mean (summary). */
  kind: "share" | "value";
  /** A share as a fraction 0..1 (like the rows' `share`: 60 % is 0.6), or a mean in the variable's unit. */
  value: number;
  /** What the result is compared with ("Riket 2024"), in the report's language. */
  label: string;
  /** Where the level comes from, in the report's language. */
  source?: string;
}

export interface PublishedQuestion {
  name: string;
  title: string;
  analysis: "count" | "summary" | "crosstab" | "change" | "attainment";
  /** What is counted, in words ("Förändring i Förflyttning från Bedömning till Uppföljning"). */
  description: string;
  /** Whether an individual can count under several categories (multiple choice). */
  multiple: boolean;
  reference?: PublishedReference;
  tables: PublishedTable[];
  notes: string[];
}

export interface PublishedBasis {
  /** Individuals in the database. */
  individuals: Figure;
  /** Individuals with a registration, per time point in plan order. */
  registrations: { timepoint: string; label: string; n: Figure }[];
  /** Bortfall per variable and time point it is recorded at. */
  missing: { variable: string; label: string; timepoint: string; n: Figure }[];
  /** First and last registration date, when the database has them (ISO dates). */
  period?: { from: string; to: string };
}

export interface ProtectionSummary {
  method: "suppression" | "noise";
  minCell: number;
  /** Cells published as counts (group sizes and bortfall included). */
  cells: number;
  hiddenPrimary: number;
  hiddenSecondary: number;
  /** The audit: for each hidden cell, the values consistent with everything published. */
  audit: {
    /** Every hidden cell's interval is at least this wide (max − min). */
    narrowestRange: number | null;
    /** The cell with the narrowest range. */
    narrowestCell?: { table: string; description: string; low: number; high: number };
    /** Hidden cells whose range is a single value: 0 after protection. */
    pinned: number;
  };
  /** The method's guarantee and its limits, in the report's language. */
  statement: string;
}

export interface Results {
  plan: string;
  title: string;
  version?: string;
  /** The language of every text in the file. */
  language: string;
  minCell: number;
  precision: { share: number; mean: number };
  /** Where the counts came from: "sqlite", "postgres", "duckdb", "counts" (a CSV file) or "simulated". */
  source: string;
  basis: PublishedBasis;
  questions: PublishedQuestion[];
  protection: ProtectionSummary;
}
