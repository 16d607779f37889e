// The tables that will answer each question, drawn empty: rows, columns and
// what each cell will hold (n, share, missing), one table per split.
import type { MeasureRef, QuestionModel, SplitModel, ValuesetModel } from "../../model.js";
import { text, type Category, type Describer } from "./describe.js";
import type { CellView, RowView, TableView } from "./view-types.js";

/** The column axis a split gives a table: its categories, then "not recorded", then "All". */
interface SplitAxis {
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
      title: split.parts.map((p) => this.d.measure(p)).join(" × "),
      categories: product(split.parts.map((p) => this.d.categories(p))).map((c) => c.label),
    };
  }

  /** Row heads for an axis: each category, the not-recorded row, and All. */
  private splitRows(axis: SplitAxis | undefined, cells: () => CellView[]): RowView[] {
    const C = this.d.s.cells;
    if (!axis) return [row([cell(C.total, "total"), ...cells()], "total")];
    return [
      ...axis.categories.map((c) => row([cell(c), ...cells()])),
      row([cell(C.notRecorded, "missing"), ...cells()], "missing"),
      row([cell(C.total, "total"), ...cells()], "total"),
    ];
  }

  private splitColumns(axis: SplitAxis | undefined): string[] {
    const C = this.d.s.cells;
    return axis ? [...axis.categories, C.notRecorded, C.total] : [C.total];
  }

  /** Every table for a question: the overall one, then one per split. */
  tables(q: QuestionModel, number: number): TableView[] {
    const Q = this.d.s.questions;
    const axes: (SplitAxis | undefined)[] = [undefined, ...q.splits.map((s) => this.axis(s))];
    const out: TableView[] = [];
    const caption = (title: string, axis: SplitAxis | undefined) => `${title}, ${axis ? Q.by(axis.title) : Q.overall}`;
    const a = q.analysis;
    switch (a.kind) {
      case "count":
        for (const axis of axes) out.push(this.count(a.target, axis, caption(this.d.measure(a.target), axis)));
        break;
      case "summary":
        // One table: each split's categories are rows, so all splits fit side by side.
        for (const axis of q.splits.length ? axes.slice(1) : axes) out.push(this.summary(a.target, axis, caption(this.d.measure(a.target), axis)));
        break;
      case "crosstab":
        out.push(this.crosstab(a.row, a.column, q.splits.map((s) => this.axis(s))));
        break;
      case "change": {
        const vs = this.d.valuesetOf(this.d.variables.get(a.variable));
        out.push(this.transition(vs, a.from, a.to));
        for (const axis of q.splits.length ? axes.slice(1) : axes) out.push(this.outcome("change", axis, caption(Q.changeSummary, axis)));
        break;
      }
      case "attainment":
        for (const axis of q.splits.length ? axes.slice(1) : axes) out.push(this.outcome("attainment", axis, caption(Q.attainmentSummary, axis)));
        break;
    }
    const letters = "abcdefghijklmnopqrstuvwxyz";
    out.forEach((t, i) => (t.caption = `${Q.table(number, out.length > 1 ? (letters[i] ?? String(i + 1)) : "")}. ${t.caption ?? ""}`));
    return out;
  }

  /** Notes every split table shares: where individuals without the split value go, and expected numbers. */
  private splitNotes(axis: SplitAxis | undefined): string[] {
    if (!axis) return [];
    const { model, s } = this.d;
    const notes = [s.questions.splitMissing(axis.title)];
    const columns = axis.categories.length;
    if (model.expected !== undefined && columns > 0) notes.push(s.questions.expected(model.expected, columns, Math.round(model.expected / columns)));
    return notes;
  }

  private count(target: MeasureRef, axis: SplitAxis | undefined, caption: string): TableView {
    const C = this.d.s.cells;
    const multiple = this.d.isMultiple(target);
    const columns = this.splitColumns(axis);
    const values = (t: string, cls: string | null = null) => columns.map(() => cell(t, cls));
    const rows = this.d.categories(target).map((c) => row([cell(c.label), ...values(C.countShare)]));
    if (multiple) rows.push(row([cell(C.none), ...values(C.countShare)]));
    rows.push(row([cell(C.missing, "missing"), ...values(C.count, "missing")], "missing"));
    rows.push(row([cell(C.totalRow, "total"), ...values(C.count, "total")], "total"));
    const notes = [multiple ? this.d.s.questions.shareMultiple : this.d.s.questions.shareOfColumn, ...this.splitNotes(axis)];
    return { cls: "result", caption, header: [this.d.measureLabel(target), ...columns], rows, notes };
  }

  private summary(target: MeasureRef, axis: SplitAxis | undefined, caption: string): TableView {
    const C = this.d.s.cells;
    const unit = this.d.variables.get(target.name)?.unit;
    const rows = this.splitRows(axis, () => [cell(C.n), cell(C.stat), cell(C.stat), cell(C.stat), cell(C.stat), cell(C.count, "missing")]);
    const notes = [this.d.s.questions.summaryValid(unit ? this.d.plain(unit) : undefined), ...this.splitNotes(axis)];
    return { cls: "result", caption, header: [axis?.title ?? "", C.n, C.mean, C.median, C.min, C.max, C.missing], rows, notes };
  }

  private crosstab(r: MeasureRef, c: MeasureRef, splits: SplitAxis[]): TableView {
    const C = this.d.s.cells;
    const Q = this.d.s.questions;
    const columns = this.d.categories(c).map((x) => x.label);
    const rowCells = () => [...columns.map(() => cell(C.countShare)), cell(C.count, "missing"), cell(C.count, "total")];
    const rows = this.d.categories(r).map((x) => row([cell(x.label), ...rowCells()]));
    if (this.d.isMultiple(r)) rows.push(row([cell(C.none), ...rowCells()]));
    const line = (label: string, cls: string) => row([cell(label, cls), ...columns.map(() => cell(C.count, cls)), cell(C.count, cls), cell(C.count, cls)], cls);
    rows.push(line(C.missing, "missing"), line(C.totalRow, "total"));
    const notes = [Q.shareOfRow];
    if (this.d.isMultiple(r) || this.d.isMultiple(c)) notes.push(Q.shareMultiple);
    for (const s of splits) notes.push(Q.crosstabPerSplit(s.title, this.d.list(s.categories)));
    return {
      cls: "result",
      caption: Q.crosstab(this.d.measure(r), this.d.measure(c)),
      header: [corner(this.d.measure(r), this.d.measure(c)), ...columns, C.missing, C.totalRow],
      rows,
      notes,
    };
  }

  private transition(vs: ValuesetModel | undefined, from: string, to: string): TableView {
    const C = this.d.s.cells;
    const Q = this.d.s.questions;
    const scale = (vs?.values ?? []).filter((v) => !v.missing);
    const better = (a: number, b: number) => (vs?.direction === "higher" ? b > a : b < a);
    const symbol = (i: number, j: number) => (i === j ? ["=", "unchanged"] : better(i, j) ? ["+", "improved"] : ["−", "worsened"]);
    const rows = scale.map((v, i) =>
      row([
        cell(this.d.label(v.label)),
        ...scale.map((_, j) => {
          const [sym, cls] = symbol(i, j) as [string, string];
          return cell(`${C.count} ${sym}`, vs?.direction ? cls : null);
        }),
        cell(C.count, "missing"),
      ]),
    );
    rows.push(row([cell(C.missing, "missing"), ...scale.map(() => cell(C.count, "missing")), cell(C.count, "missing")], "missing"));
    const notes = [Q.transitionLegend];
    const best = vs?.direction === "higher" ? scale[scale.length - 1] : scale[0];
    const worst = vs?.direction === "higher" ? scale[0] : scale[scale.length - 1];
    if (vs?.direction && best && worst) notes.push(Q.changeRule(this.d.label(best.label), this.d.label(worst.label)));
    return {
      cls: "result",
      caption: Q.transition(this.d.timepoint(from), this.d.timepoint(to)),
      header: [corner(this.d.timepoint(from), this.d.timepoint(to)), ...scale.map((v) => this.d.label(v.label)), C.missing],
      rows,
      notes,
    };
  }

  private outcome(kind: "change" | "attainment", axis: SplitAxis | undefined, caption: string): TableView {
    const C = this.d.s.cells;
    const heads = kind === "change" ? [C.improved, C.unchanged, C.worsened] : [C.reached, C.notReached];
    const classes = kind === "change" ? ["improved", "unchanged", "worsened"] : ["improved", "worsened"];
    const rows = this.splitRows(axis, () => [...heads.map((_, i) => cell(C.countShare, classes[i] ?? null)), cell(C.count, "missing"), cell(C.count, "total")]);
    const notes = this.splitNotes(axis);
    return { cls: "result", caption, header: [axis?.title ?? "", ...heads, C.missing, C.totalRow], rows, notes };
  }
}
