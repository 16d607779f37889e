// The finest cells of one question, read from its counts rows: every
// combination of members and missing of the grain's dims and keys, zero cells
// included — an outsider does not know which of them are empty. A summary's
// value key takes the distinct values the counts hold (the histogram's bins):
// an outsider is assumed to know which values occur, which can only narrow
// what the audit finds possible, never widen it.
import { ANSWERED, type GrainColumn, type GrainKey, type QuestionGrain } from "../../model/grain.js";
import type { Coordinate, CountsRow, FinestCell } from "./types.js";

type RowKind = FinestCell["kind"];

/** Why the counts cannot be read, naming the question and what to do. */
export class CountsError extends Error {}

function fail(grain: QuestionGrain, what: string): never {
  throw new CountsError(`counts of question '${grain.question}': ${what}. Run this plan's counts query (queries.<dialect>.sql) again on its own database, or export its result as it is.`);
}

const TRUE = new Set(["true", "t", "1"]);
const FALSE = new Set(["false", "f", "0"]);

/** A member's index for a code as a database or a CSV file gives it back (an integer code "01" may come back as 1). */
function memberIndex(grain: QuestionGrain, col: GrainColumn, raw: string | number): number {
  const text = String(raw).trim();
  const exact = col.members.findIndex((m) => m.code === text);
  if (exact >= 0) return exact;
  if (col.ref.kind === "variable" && col.members.length === 2 && col.members[0]!.code === "true") {
    if (TRUE.has(text.toLowerCase())) return 0;
    if (FALSE.has(text.toLowerCase())) return 1;
  }
  const x = Number(text);
  if (text !== "" && Number.isFinite(x)) {
    const numeric = col.members.findIndex((m) => m.code.trim() !== "" && Number(m.code) === x);
    if (numeric >= 0) return numeric;
  }
  return fail(grain, `column '${col.column}' holds '${text}', which is not a code of ${col.ref.name} in this plan`);
}

const isMissing = (raw: string | number | null | undefined): raw is null | undefined | "" => raw === null || raw === undefined || raw === "";

function isValueKey(k: GrainKey): boolean {
  return k.role === "value";
}

/** The coordinates an axis takes: its members' indexes, then null (missing). */
function axis(size: number): Coordinate[] {
  return [...Array.from({ length: size }, (_, i) => i), null];
}

function keyAxis(k: GrainKey, kind: RowKind, values: number[]): Coordinate[] {
  if (isValueKey(k)) return axis(values.length);
  if (k.multiple && kind === "individuals") return axis(1);
  return axis(k.members.length);
}

function product(axes: Coordinate[][]): Coordinate[][] {
  let out: Coordinate[][] = [[]];
  for (const a of axes) out = out.flatMap((prefix) => a.map((c) => [...prefix, c]));
  return out;
}

const tupleKey = (kind: RowKind, coords: Coordinate[]) => `${kind}|${coords.map((c) => (c === null ? "-" : c)).join(",")}`;

/** The whole number in a row's `n`. */
function countOf(grain: QuestionGrain, raw: string | number | null | undefined): number {
  const n = Number(raw);
  if (isMissing(raw) || !Number.isInteger(n) || n < 0) fail(grain, `a row has n = '${String(raw)}', not a whole number ≥ 0`);
  return n;
}

function numberOf(grain: QuestionGrain, raw: string | number): number {
  const x = Number(String(raw).trim());
  if (!Number.isFinite(x)) fail(grain, `column 'value' holds '${String(raw)}', not a number`);
  return x;
}

/** Every finest cell of the question with its count; `values` are a summary's distinct values, ascending. */
export function finestCells(grain: QuestionGrain, rows: CountsRow[]): { cells: FinestCell[]; values: number[] } {
  for (const c of grain.columns) if (rows.length > 0 && !(c in rows[0]!)) fail(grain, `the rows have no column '${c}'`);
  const valueKey = grain.keys.findIndex(isValueKey);
  const values =
    valueKey < 0
      ? []
      : [
          ...new Set(
            rows
              .map((r) => r[grain.keys[valueKey]!.column])
              .filter((x): x is string | number => !isMissing(x))
              .map((x) => numberOf(grain, x)),
          ),
        ].sort((a, b) => a - b);
  const kinds: RowKind[] = grain.choices ? ["individuals", "choices"] : ["individuals"];
  const cells: FinestCell[] = [];
  const index = new Map<string, number>();
  for (const kind of kinds) {
    const axes = [...grain.dims.map((d) => axis(d.members.length)), ...grain.keys.map((k) => keyAxis(k, kind, values))];
    for (const coords of product(axes)) {
      index.set(tupleKey(kind, coords), cells.length);
      cells.push({ kind, dims: coords.slice(0, grain.dims.length), keys: coords.slice(grain.dims.length), value: 0 });
    }
  }
  // A chosen option is bounded by the answered individuals of the same cell.
  for (const c of cells) {
    if (c.kind !== "choices") continue;
    const keys = c.keys.map((x, i) => (grain.keys[i]!.multiple && x !== null ? 0 : x));
    c.answered = index.get(tupleKey("individuals", [...c.dims, ...keys]));
  }
  const valueIndex = new Map(values.map((v, i) => [v, i]));
  for (const row of rows) {
    const kind = row.row_kind;
    if (kind !== "individuals" && (kind !== "choices" || !grain.choices)) fail(grain, `a row has row_kind '${String(kind)}'`);
    const dims = grain.dims.map((d) => {
      const raw = row[d.column];
      return isMissing(raw) ? null : memberIndex(grain, d, raw);
    });
    const keys = grain.keys.map((k): Coordinate => {
      const raw = row[k.column];
      if (isMissing(raw)) return null;
      if (isValueKey(k)) return valueIndex.get(numberOf(grain, raw))!;
      if (k.multiple && kind === "individuals") {
        if (String(raw) !== ANSWERED) fail(grain, `an 'individuals' row holds '${String(raw)}' in the multiple-choice column '${k.column}' (expected '${ANSWERED}' or NULL)`);
        return 0;
      }
      return memberIndex(grain, k, raw);
    });
    const at = index.get(tupleKey(kind, [...dims, ...keys]));
    if (at === undefined) fail(grain, `a row does not fit the question's grain`);
    cells[at].value += countOf(grain, row.n);
  }
  return { cells, values };
}
