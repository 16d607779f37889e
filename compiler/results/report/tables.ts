// A question's published tables laid out for reading: counts and shares side
// by side per group, group sizes and bortfall in the same table, a change's
// transitions and a crosstab as one matrix per group. Every figure of the
// table reaches the page; rows of a shape not laid out here (none today)
// fall back to a long list, so no figure is ever dropped.
import type { Figure, HiddenReason, PublishedGroup, PublishedMember, PublishedQuestion, PublishedRow, PublishedTable } from "../published.js";
import type { Numbers } from "./numbers.js";
import type { ReportStrings } from "./strings.js";
import type { CellView, HeaderCell, RowView, TableView } from "./view-types.js";

/** Footnote order of the hidden reasons, the same in every table. */
export const HIDDEN_REASONS: HiddenReason[] = ["suppressed", "derived"];

type Role = keyof PublishedRow["key"];
/** A table before it is numbered: its title, not yet its caption. */
type Laid = Omit<TableView, "caption" | "hidden"> & { title: string };

const col = (text: string, colspan = 1, rowspan = 1): HeaderCell => ({ text, colspan, rowspan, scope: colspan > 1 ? "colgroup" : "col" });
const text = (t: string, cls: string | null = null): CellView => ({ text: t, hidden: null, cls });
const sameSplit = (a: PublishedMember[], b: PublishedMember[]) => a.length === b.length && a.every((m, i) => m.code === b[i]!.code);
const memberKey = (m: PublishedMember | undefined) => (m ? (m.code ?? "\u0000") : "");

/** Members of a role in the order the rows first name them. */
function members(rows: PublishedRow[], role: Role): PublishedMember[] {
  const seen = new Map<string, PublishedMember>();
  for (const r of rows) {
    const m = r.key[role];
    if (m && !seen.has(memberKey(m))) seen.set(memberKey(m), m);
  }
  return [...seen.values()];
}

const OUTCOME_CLASS: Record<string, string> = { improved: "improved", unchanged: "unchanged", worsened: "worsened", reached: "improved", not_reached: "worsened" };

export class QuestionTables {
  constructor(
    private readonly s: ReportStrings,
    private readonly num: Numbers,
  ) {}

  groupLabel(split: PublishedMember[]): string {
    return split.length === 0 ? this.s.cells.all : split.map((m) => m.label).join(" · ");
  }

  splitTitle(t: PublishedTable): string {
    return t.split ? this.s.by(t.split.parts.map((p) => p.label).join(" × ")) : this.s.overall;
  }

  private figure(f: Figure, kind: "count" | "share" | "stat", cls: string | null = null): CellView {
    const t = kind === "count" ? this.num.count(f) : kind === "share" ? this.num.share(f) : this.num.stat(f);
    return { text: t, hidden: f.hidden ?? null, cls: f.value === null && !f.hidden ? "undefined" : cls };
  }

  private pair(r: PublishedRow | undefined, cls: string | null = null): CellView[] {
    return r ? [this.figure(r.n, "count", cls), this.figure(r.share, "share", cls)] : [text(""), text("")];
  }

  /** Every table of a question, captioned "Table 2a. …" in order. */
  tables(q: PublishedQuestion, number: number): TableView[] {
    const out: Laid[] = [];
    for (const t of q.tables) out.push(...this.laidOut(q, t));
    const letters = "abcdefghijklmnopqrstuvwxyz";
    const seen = new Map<string, number>();
    return out.map(({ title, ...t }, i) => {
      const hidden = HIDDEN_REASONS.filter((r) => t.rows.some((row) => row.cells.some((c) => c.hidden === r)));
      // One published table can be laid out as several (a change's outcomes and transitions): each gets its own id.
      const nth = (seen.get(t.id) ?? 0) + 1;
      seen.set(t.id, nth);
      const notes = t.rows.some((row) => row.cells.some((c) => c.cls === "undefined")) ? [this.s.undefinedNote, ...t.notes] : t.notes;
      return { ...t, id: nth === 1 ? t.id : `${t.id}-${nth}`, caption: `${this.s.table(number, out.length > 1 ? (letters[i] ?? String(i + 1)) : "")}. ${title}`, hidden, notes };
    });
  }

  private laidOut(q: PublishedQuestion, t: PublishedTable): Laid[] {
    const by = this.splitTitle(t);
    const rowsOf = (g: PublishedGroup) => t.rows.filter((r) => sameSplit(r.split, g.split));
    const notes = q.multiple ? [this.s.multiple] : [];
    const out: Laid[] = [];
    const used = new Set<PublishedRow>();
    const take = (rows: PublishedRow[]) => rows.forEach((r) => used.add(r));

    if (q.analysis === "summary") {
      out.push({ id: t.id, title: `${this.s.statistics}, ${by}`, ...this.summary(t), notes: [] });
    }
    const outcomeRows = t.rows.filter((r) => r.key.outcome);
    if (outcomeRows.length > 0) {
      take(outcomeRows);
      out.push({ id: t.id, title: `${this.s.outcomes}, ${by}`, ...this.outcomes(t, outcomeRows), notes });
    }
    const categoryRows = t.rows.filter((r) => r.key.category && Object.keys(r.key).length === 1);
    if (categoryRows.length > 0) {
      take(categoryRows);
      out.push({ id: t.id, title: `${this.s.distribution}, ${by}`, ...this.categories(t, categoryRows), notes });
    }
    for (const [a, b, title] of [
      ["from", "to", this.s.transitionsOf],
      ["row", "column", this.s.crosstabOf],
    ] as const) {
      for (const g of t.groups) {
        const rows = rowsOf(g).filter((r) => r.key[a] && r.key[b]);
        if (rows.length === 0) continue;
        take(rows);
        const group = t.split ? `${this.groupLabel(g.split)} (${by})` : this.s.overall;
        // A change's group sizes and bortfall are in its outcome table already.
        out.push({ id: t.id, title: title(group), ...this.matrix(rows, a, b, g, q.analysis === "change", outcomeRows.length === 0), notes });
      }
    }
    const rest = t.rows.filter((r) => !used.has(r));
    if (rest.length > 0 || out.length === 0) out.push({ id: t.id, title: by, ...this.list(t, rest), notes });
    return out;
  }

  private sizeCells(g: PublishedGroup): CellView[] {
    return [this.figure(g.missing, "count", "missing"), this.figure(g.size, "count", "size")];
  }

  private summary(t: PublishedTable): Pick<TableView, "header" | "rows"> {
    const C = this.s.cells;
    const header = [[col(t.split ? t.split.parts.map((p) => p.label).join(" × ") : C.group), col(C.n), col(C.mean), col(C.median), col(C.q1), col(C.q3), col(C.missing), col(C.size)]];
    const rows = t.groups.map((g): RowView => ({
      head: this.groupLabel(g.split),
      cells: [this.figure(g.n ?? { value: null }, "count"), ...(["mean", "median", "q1", "q3"] as const).map((k) => this.figure(g[k] ?? { value: null }, "stat")), ...this.sizeCells(g)],
      cls: null,
    }));
    return { header, rows };
  }

  private outcomes(t: PublishedTable, rows: PublishedRow[]): Pick<TableView, "header" | "rows"> {
    const C = this.s.cells;
    const outs = members(rows, "outcome");
    const header = [
      [col(t.split ? t.split.parts.map((p) => p.label).join(" × ") : C.group, 1, 2), ...outs.map((o) => col(o.label, 2)), col(C.missing, 1, 2), col(C.size, 1, 2)],
      outs.flatMap(() => [col(C.n), col(C.share)]),
    ];
    const body = t.groups.map((g): RowView => ({
      head: this.groupLabel(g.split),
      cells: [
        ...outs.flatMap((o) =>
          this.pair(
            rows.find((r) => sameSplit(r.split, g.split) && memberKey(r.key.outcome) === memberKey(o)),
            OUTCOME_CLASS[o.code ?? ""] ?? null,
          ),
        ),
        ...this.sizeCells(g),
      ],
      cls: null,
    }));
    return { header, rows: body };
  }

  /** Categories down, groups across; bortfall and group size as the last rows. */
  private categories(t: PublishedTable, rows: PublishedRow[]): Pick<TableView, "header" | "rows"> {
    const C = this.s.cells;
    const cats = members(rows, "category");
    const header = [[col(C.category, 1, 2), ...t.groups.map((g) => col(this.groupLabel(g.split), 2))], t.groups.flatMap(() => [col(C.n), col(C.share)])];
    const body: RowView[] = cats.map((c) => ({
      head: c.label,
      cells: t.groups.flatMap((g) => this.pair(rows.find((r) => sameSplit(r.split, g.split) && memberKey(r.key.category) === memberKey(c)))),
      cls: null,
    }));
    body.push({ head: C.missing, cells: t.groups.flatMap((g) => [this.figure(g.missing, "count", "missing"), text("")]), cls: "missing" });
    body.push({ head: C.size, cells: t.groups.flatMap((g) => [this.figure(g.size, "count", "size"), text("")]), cls: "size" });
    return { header, rows: body };
  }

  /** One group's two-way table: `a` down, `b` across. */
  private matrix(rows: PublishedRow[], a: Role, b: Role, g: PublishedGroup, change: boolean, sizes: boolean): Pick<TableView, "header" | "rows"> {
    const C = this.s.cells;
    const down = members(rows, a) as PublishedMember[];
    const across = members(rows, b);
    const corner = `${this.s.roles[a]} ↓ · ${this.s.roles[b]} →`;
    const header = [[col(corner, 1, 2), ...across.map((m) => col(m.label, 2))], across.flatMap(() => [col(C.n), col(C.share)])];
    const body: RowView[] = down.map((d, i) => ({
      head: d.label,
      cells: across.flatMap((c, j) => {
        const cls = change ? (i === j ? "unchanged" : null) : null;
        return this.pair(
          rows.find((r) => memberKey(r.key[a]) === memberKey(d) && memberKey(r.key[b]) === memberKey(c)),
          cls,
        );
      }),
      cls: null,
    }));
    if (!sizes) return { header, rows: body };
    const blanks = Math.max(0, across.length * 2 - 1);
    body.push({ head: C.missing, cells: [this.figure(g.missing, "count", "missing"), ...Array.from({ length: blanks }, () => text(""))], cls: "missing" });
    body.push({ head: C.size, cells: [this.figure(g.size, "count", "size"), ...Array.from({ length: blanks }, () => text(""))], cls: "size" });
    return { header, rows: body };
  }

  /** Any other rows: one line each, with the group sizes after them. */
  private list(t: PublishedTable, rows: PublishedRow[]): Pick<TableView, "header" | "rows"> {
    const C = this.s.cells;
    const header = [[col(C.group), col(C.category), col(C.n), col(C.share)]];
    const body: RowView[] = rows.map((r) => ({
      head: this.groupLabel(r.split),
      cells: [
        text(
          Object.values(r.key)
            .map((m) => m.label)
            .join(" → "),
        ),
        ...this.pair(r),
      ],
      cls: null,
    }));
    for (const g of t.groups) {
      body.push({ head: this.groupLabel(g.split), cells: [text(C.missing), this.figure(g.missing, "count", "missing"), text("")], cls: "missing" });
      body.push({ head: this.groupLabel(g.split), cells: [text(C.size), this.figure(g.size, "count", "size"), text("")], cls: "size" });
    }
    return { header, rows: body };
  }
}
