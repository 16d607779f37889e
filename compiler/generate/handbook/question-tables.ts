// The tables that will answer each question, drawn empty: rows, columns and
// what each cell will hold. They mirror the aggregation queries' results: one
// table for all individuals and one per split; counts with their share of all
// individuals in the group (missing included); one missing count per group;
// no totals, which the queries do not publish.
import type { MeasureRef, QuestionModel, SplitModel, ValuesetModel } from "../../model/index.js";
import { queryId } from "../queries/index.js";
import { text, type Category, type Describer } from "./describe.js";
import type { CellView, RowView, TableView } from "./view-types.js";

/** The groups a split divides individuals into: its categories, then "not recorded". */
interface SplitAxis {
  split: SplitModel;
  title: string;
  categories: string[];
}

const cell = (t: string, cls: string | null = null): CellView => ({ value: [text(t)], cls });
const row = (cells: CellView[], cls: string | null = null): RowView => ({ cells, cls });
/** The top-left cell of a two-way table: what the rows are, and what the columns are. */
const corner = (rows: string, columns: string): string => `${rows} ↓ · ${columns} →`;

/** The categories of a combined split (`by kon * aldersgrupp`): every combination, first part slowest. */
function product(lists: Category[][]): Category[] {
  let out: Category[] | undefined;
  for (const list of lists) out = out ? out.flatMap((a) => list.map((b) => ({ code: `${a.code}|${b.code}`, label: `${a.label} · ${b.label}` }))) : list;
  return out ?? [];
}

export class QuestionTables {
  constructor(private readonly d: Describer) {}

  private axis(split: SplitModel): SplitAxis {
    return {
      split,
      title: split.parts.map((p) => this.d.measure(p)).join(" × "),
      categories: product(split.parts.map((p) => this.d.categories(p))).map((c) => c.label),
    };
  }

  /** Group heads for rows or columns: each split category and "not recorded", or "All" without a split. */
  private groups(axis: SplitAxis | undefined): string[] {
    const C = this.d.s.cells;
    return axis ? [...axis.categories, C.notRecorded] : [C.total];
  }

  /** One row per group, the last one styled as missing when it is "not recorded". */
  private groupRows(axis: SplitAxis | undefined, cells: () => CellView[]): RowView[] {
    const heads = this.groups(axis);
    return heads.map((h, i) => (axis && i === heads.length - 1 ? row([cell(h, "missing"), ...cells()], "missing") : row([cell(h), ...cells()])));
  }

  /** Every table for a question: one for all individuals, then one per split, as the queries return them. */
  tables(q: QuestionModel, number: number): TableView[] {
    const Q = this.d.s.questions;
    const splitAxes = q.splits.map((sp) => this.axis(sp));
    const axes: (SplitAxis | undefined)[] = [undefined, ...splitAxes];
    const out: TableView[] = [];
    const caption = (title: string, axis: SplitAxis | undefined) => `${title}, ${axis ? Q.by(axis.title) : Q.overall}`;
    const a = q.analysis;
    switch (a.kind) {
      case "count":
        for (const axis of axes) out.push(this.count(a.target, axis, caption(this.d.measure(a.target), axis)));
        break;
      case "summary":
        for (const axis of axes) out.push(this.summary(a.target, axis, caption(this.d.measure(a.target), axis)));
        break;
      case "crosstab":
        out.push(this.crosstab(a.row, a.column, splitAxes));
        break;
      case "change": {
        const vs = this.d.valuesetOf(this.d.variables.get(a.variable));
        out.push(this.transition(vs, a.from, a.to, splitAxes));
        for (const axis of axes) out.push(this.outcome("change", axis, caption(Q.changeSummary, axis)));
        break;
      }
      case "attainment":
        for (const axis of axes) out.push(this.outcome("attainment", axis, caption(Q.attainmentSummary, axis)));
        break;
    }
    // Every table of a question comes from its one counts query.
    out.forEach((t) => (t.query = [text(`${Q.query}: `), this.d.code(queryId(q.name))]));
    const letters = "abcdefghijklmnopqrstuvwxyz";
    out.forEach((t, i) => (t.caption = `${Q.table(number, out.length > 1 ? (letters[i] ?? String(i + 1)) : "")}. ${t.caption ?? ""}`));
    return out;
  }

  /** Notes every split table shares: where individuals without the split value go, and expected numbers. */
  private splitNotes(axis: SplitAxis | undefined): string[] {
    if (!axis) return [];
    const { model, s } = this.d;
    const notes = [s.questions.splitMissing(axis.title)];
    const groups = axis.categories.length;
    if (model.expected !== undefined && groups > 0) notes.push(s.questions.expected(model.expected, groups, Math.round(model.expected / groups)));
    return notes;
  }

  /** The other tables of a question are also reported per category of each split. */
  private perSplitNotes(splits: SplitAxis[]): string[] {
    return splits.map((sp) => this.d.s.questions.perSplit(sp.title, this.d.list(sp.categories)));
  }

  private count(target: MeasureRef, axis: SplitAxis | undefined, caption: string): TableView {
    const C = this.d.s.cells;
    const Q = this.d.s.questions;
    const multiple = this.d.isMultiple(target);
    const columns = this.groups(axis);
    const values = (t: string, cls: string | null = null) => columns.map(() => cell(t, cls));
    const rows = this.d.categories(target).map((c) => row([cell(c.label), ...values(C.countShare)]));
    rows.push(row([cell(C.missing, "missing"), ...values(C.count, "missing")], "missing"));
    const notes = [Q.shareOfGroup, ...(multiple ? [Q.shareMultiple] : []), ...this.splitNotes(axis)];
    return { cls: "result", caption, query: null, header: [this.d.measureLabel(target), ...columns], rows, notes };
  }

  private summary(target: MeasureRef, axis: SplitAxis | undefined, caption: string): TableView {
    const C = this.d.s.cells;
    const v = this.d.variables.get(target.name);
    const unit = v?.unit && this.d.local(v.unit);
    const rows = this.groupRows(axis, () => [cell(C.n), cell(C.stat), cell(C.stat), cell(C.stat), cell(C.stat), cell(C.count, "missing")]);
    const notes = [this.d.s.questions.summaryValid(unit ? this.d.plain(unit) : undefined), ...this.splitNotes(axis)];
    return { cls: "result", caption, query: null, header: [axis?.title ?? "", C.n, C.mean, C.median, C.min, C.max, C.missing], rows, notes };
  }

  /** A two-way table of categories with a single missing count below it. */
  private matrix(rowLabels: string[], columnLabels: string[], content: (i: number, j: number) => CellView): RowView[] {
    const C = this.d.s.cells;
    const rows = rowLabels.map((label, i) => row([cell(label), ...columnLabels.map((_, j) => content(i, j))]));
    rows.push(row([cell(C.missing, "missing"), cell(C.count, "missing"), ...columnLabels.slice(1).map(() => cell("", "missing"))], "missing"));
    return rows;
  }

  private crosstab(r: MeasureRef, c: MeasureRef, splits: SplitAxis[]): TableView {
    const C = this.d.s.cells;
    const Q = this.d.s.questions;
    const columns = this.d.categories(c).map((x) => x.label);
    const rows = this.matrix(
      this.d.categories(r).map((x) => x.label),
      columns,
      () => cell(C.countShare),
    );
    const notes = [Q.shareOfGroup, Q.missingEither];
    if (this.d.isMultiple(r) || this.d.isMultiple(c)) notes.push(Q.shareMultiple);
    notes.push(...this.perSplitNotes(splits));
    return {
      cls: "result",
      query: null,
      caption: Q.crosstab(this.d.measure(r), this.d.measure(c)),
      header: [corner(this.d.measure(r), this.d.measure(c)), ...columns],
      rows,
      notes,
    };
  }

  private transition(vs: ValuesetModel | undefined, from: string, to: string, splits: SplitAxis[]): TableView {
    const C = this.d.s.cells;
    const Q = this.d.s.questions;
    const scale = (vs?.values ?? []).filter((v) => !v.missing);
    const better = (a: number, b: number) => (vs?.direction === "higher" ? b > a : b < a);
    const labels = scale.map((v) => this.d.label(v.label));
    const rows = this.matrix(labels, labels, (i, j) => {
      const [sym, cls] = i === j ? ["=", "unchanged"] : better(i, j) ? ["+", "improved"] : ["−", "worsened"];
      return cell(`${C.countShare} ${sym}`, vs?.direction ? cls : null);
    });
    const notes = [Q.transitionLegend];
    const best = vs?.direction === "higher" ? scale[scale.length - 1] : scale[0];
    const worst = vs?.direction === "higher" ? scale[0] : scale[scale.length - 1];
    if (vs?.direction && best && worst) notes.push(Q.changeRule(this.d.label(best.label), this.d.label(worst.label)));
    notes.push(Q.shareOfGroup, ...this.perSplitNotes(splits));
    return {
      cls: "result",
      query: null,
      caption: Q.transition(this.d.timepoint(from), this.d.timepoint(to)),
      header: [corner(this.d.timepoint(from), this.d.timepoint(to)), ...labels],
      rows,
      notes,
    };
  }

  private outcome(kind: "change" | "attainment", axis: SplitAxis | undefined, caption: string): TableView {
    const C = this.d.s.cells;
    const heads = kind === "change" ? [C.improved, C.unchanged, C.worsened] : [C.reached, C.notReached];
    const classes = kind === "change" ? ["improved", "unchanged", "worsened"] : ["improved", "worsened"];
    const rows = this.groupRows(axis, () => [...heads.map((_, i) => cell(C.countShare, classes[i] ?? null)), cell(C.count, "missing")]);
    const notes = [this.d.s.questions.shareOfGroup, ...this.splitNotes(axis)];
    return { cls: "result", caption, query: null, header: [axis?.title ?? "", ...heads, C.missing], rows, notes };
  }
}
