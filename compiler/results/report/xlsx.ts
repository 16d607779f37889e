// report.xlsx: the figures for further work in a spreadsheet. A first sheet
// with the data basis, one sheet per question, a last sheet on the
// protection. Tables are long lists, one line per published row, with each
// member's code and label side by side; counts and shares are numbers (a
// share is the fraction, shown as per cent), a hidden figure is the text ".."
// with a note saying why and a footnote under its table.
import ExcelJS from "exceljs";
import type { Figure, HiddenReason, PublishedQuestion, PublishedTable, Results } from "../published.js";
import { reportStrings, type ReportStrings } from "./strings.js";
import { HIDDEN_REASONS } from "./tables.js";
import { HIDDEN, Numbers, UNDEFINED } from "./numbers.js";
import { referenceLevel } from "./reference.js";

const ROLES = ["category", "row", "column", "from", "to", "outcome"] as const;
const STATS = ["n", "mean", "median", "q1", "q3"] as const;
/** Excel refuses these in a sheet name, and names longer than 31 characters. */
const SHEET_NAME_LIMIT = 31;

/** Unique sheet names within Excel's limits, in order. */
export function sheetNames(wanted: string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((w) => {
    const clean =
      w
        .replace(/[[\]:*?/\\]/g, " ")
        .replace(/\s+/g, " ")
        .replace(/^'+|'+$/g, "")
        .trim() || "-";
    let name = clean.slice(0, SHEET_NAME_LIMIT).trim();
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${clean.slice(0, SHEET_NAME_LIMIT - String(i).length - 1).trim()} ${i}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

class SheetWriter {
  private readonly hiddenSeen = new Set<HiddenReason>();
  constructor(
    readonly ws: ExcelJS.Worksheet,
    private readonly s: ReportStrings,
    private readonly minCell: number,
    private readonly sharePrecision: number,
  ) {}

  line(values: (string | number | null)[], bold = false): ExcelJS.Row {
    const row = this.ws.addRow(values.map((v) => (v === null ? "" : v)));
    if (bold) row.font = { bold: true };
    return row;
  }

  /** Writes a figure into a cell: the number, or ".." with the reason as a note. */
  figure(row: ExcelJS.Row, column: number, f: Figure | undefined, kind: "count" | "share" | "stat"): void {
    if (!f) return;
    const cell = row.getCell(column);
    if (f.value === null && !f.hidden) {
      cell.value = UNDEFINED;
      cell.note = this.s.undefinedNote;
      cell.alignment = { horizontal: "right" };
      return;
    }
    if (f.value === null) {
      const reason = f.hidden!;
      this.hiddenSeen.add(reason);
      cell.value = HIDDEN;
      cell.note = this.s.hidden[reason](this.minCell);
      cell.alignment = { horizontal: "right" };
      return;
    }
    cell.value = f.value;
    if (kind === "share") cell.numFmt = this.sharePrecision > 2 ? `0.${"0".repeat(this.sharePrecision - 2)}%` : "0%";
  }

  /** Footnotes for the hidden reasons used since the last call. */
  footnotes(): void {
    for (const r of HIDDEN_REASONS) if (this.hiddenSeen.has(r)) this.line([`${HIDDEN} ${this.s.hidden[r](this.minCell)}`]).font = { italic: true };
    this.hiddenSeen.clear();
  }
}

function splitHeads(t: PublishedTable, s: ReportStrings): string[] {
  return (t.split?.parts ?? []).flatMap((p) => [`${p.label} (${s.cells.code})`, `${p.label} (${s.cells.label})`]);
}

function writeTable(w: SheetWriter, q: PublishedQuestion, t: PublishedTable, s: ReportStrings): void {
  const C = s.cells;
  w.line([t.id, t.split ? s.by(t.split.parts.map((p) => p.label).join(" × ")) : s.overall], true);
  const parts = t.split?.parts.length ?? 0;
  const roles = ROLES.filter((r) => t.rows.some((row) => row.key[r]));
  if (t.rows.length > 0) {
    w.line([...splitHeads(t, s), ...roles.flatMap((r) => [`${s.roles[r]} (${C.code})`, `${s.roles[r]} (${C.label})`]), C.n, C.share], true);
    for (const r of t.rows) {
      const row = w.line([...r.split.flatMap((m) => [m.code, m.label]), ...roles.flatMap((role) => [r.key[role]?.code ?? null, r.key[role]?.label ?? null])]);
      const at = parts * 2 + roles.length * 2 + 1;
      w.figure(row, at, r.n, "count");
      w.figure(row, at + 1, r.share, "share");
    }
    w.line([]);
  }
  const stats = q.analysis === "summary" ? STATS : [];
  w.line([...splitHeads(t, s), C.size, C.missing, ...stats.map((k) => C[k])], true);
  for (const g of t.groups) {
    const row = w.line(g.split.flatMap((m) => [m.code, m.label]));
    const at = parts * 2 + 1;
    w.figure(row, at, g.size, "count");
    w.figure(row, at + 1, g.missing, "count");
    stats.forEach((k, i) => w.figure(row, at + 2 + i, g[k], k === "n" ? "count" : "stat"));
  }
  w.footnotes();
  w.line([]);
}

export async function xlsxReport(results: Results): Promise<Buffer> {
  const s = reportStrings(results.language);
  const num = new Numbers(s.locale, results.precision);
  const wb = new ExcelJS.Workbook();
  wb.creator = "ISU compiler";
  wb.title = results.title;
  const names = sheetNames([s.sheets.basis, ...results.questions.map((q, i) => `${i + 1} ${q.title}`), s.sheets.protection]);
  const writer = (name: string) => new SheetWriter(wb.addWorksheet(name), s, results.minCell, results.precision.share);

  const basis = writer(names[0]!);
  basis.line([results.title], true).font = { bold: true, size: 14 };
  basis.line([s.facts.plan, results.plan]);
  if (results.version) basis.line([s.facts.version, results.version]);
  basis.line([s.facts.period, results.basis.period ? s.basis.period(results.basis.period.from, results.basis.period.to) : s.basis.noPeriod]);
  basis.line([s.facts.source, s.sources[results.source] ?? results.source]);
  basis.line([s.facts.minCell, results.minCell]);
  basis.figure(basis.line([s.basis.individuals]), 2, results.basis.individuals, "count");
  basis.line([]);
  basis.line([s.basis.registrations], true);
  basis.line([`${s.basis.timepoint} (${s.cells.code})`, `${s.basis.timepoint} (${s.cells.label})`, s.cells.n], true);
  for (const t of results.basis.registrations) basis.figure(basis.line([t.timepoint, t.label]), 3, t.n, "count");
  basis.line([]);
  basis.line([s.basis.missing], true);
  basis.line([`${s.basis.variable} (${s.cells.code})`, `${s.basis.variable} (${s.cells.label})`, s.basis.timepoint, s.cells.n], true);
  for (const m of results.basis.missing) basis.figure(basis.line([m.variable, m.label, m.timepoint]), 4, m.n, "count");
  basis.footnotes();
  basis.ws.getColumn(1).width = 28;
  basis.ws.getColumn(2).width = 28;

  results.questions.forEach((q, i) => {
    const w = writer(names[i + 1]!);
    w.line([`${s.question(i + 1)}. ${q.title}`], true).font = { bold: true, size: 13 };
    w.line([q.name, `${s.analyses[q.analysis]}: ${q.description}`]);
    if (q.reference) w.line([s.reference, referenceLevel(q.reference, q.analysis, s, num), q.reference.label, q.reference.source ?? null]);
    if (q.multiple) w.line([s.multiple]);
    w.line([s.shareOfGroup]);
    for (const n of q.notes) w.line([n]);
    w.line([]);
    for (const t of q.tables) writeTable(w, q, t, s);
    w.ws.columns.forEach((c) => (c.width = 18));
  });

  const P = s.protection;
  const p = results.protection;
  const prot = writer(names[names.length - 1]!);
  prot.line([s.sections.protection], true).font = { bold: true, size: 13 };
  prot.line([P.method, P.methods[p.method]]);
  prot.line([P.minCell, p.minCell]);
  prot.line([P.cells, p.cells]);
  prot.line([P.hiddenPrimary, p.hiddenPrimary]);
  prot.line([P.hiddenSecondary, p.hiddenSecondary]);
  prot.line([P.narrowest, p.audit.narrowestRange ?? P.none]);
  if (p.audit.narrowestCell) {
    const c = p.audit.narrowestCell;
    prot.line(["", c.table, c.description, c.low, c.high]);
  }
  prot.line([P.pinned, p.audit.pinned]);
  prot.line([]);
  prot.line([p.statement]);
  prot.line([]);
  for (const r of HIDDEN_REASONS) prot.line([HIDDEN, s.hidden[r](results.minCell)]);
  prot.ws.getColumn(1).width = 40;
  prot.ws.getColumn(2).width = 30;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
