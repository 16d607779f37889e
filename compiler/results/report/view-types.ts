// The report's view: plain data in the report's language, not yet escaped
// for any format (each renderer escapes as it writes), so HTML and Markdown
// lay out one and the same content.
import type { HiddenReason } from "../published.js";

export interface HeaderCell {
  text: string;
  colspan: number;
  rowspan: number;
  scope: "col" | "colgroup";
}

export interface CellView {
  text: string;
  /** Why the figure is hidden; null for a figure shown or a text cell. */
  hidden: HiddenReason | null;
  /** Styling hint for HTML: improved, unchanged, worsened, missing, size. */
  cls: string | null;
}

export interface RowView {
  /** The row's header (th scope="row"). */
  head: string;
  cells: CellView[];
  cls: string | null;
}

export interface TableView {
  id: string;
  caption: string;
  /** One or two rows of column headers; the first holds the corner cell. */
  header: HeaderCell[][];
  rows: RowView[];
  notes: string[];
  /** The reasons of the table's hidden figures, each once, in footnote order. */
  hidden: HiddenReason[];
}

export interface ChartView {
  id: string;
  /** The SVG as vega wrote it, with role="img" and its label added. */
  svg: string;
  /** The short text alternative (aria-label). */
  label: string;
  /** The chart in words, shown under it. */
  summary: string;
}

export interface QuestionView {
  id: string;
  number: number;
  heading: string;
  title: string;
  name: string;
  description: string;
  reference: string | null;
  tables: TableView[];
  chart: ChartView | null;
  chartSummary: string;
  notes: string[];
}

export interface FactRow {
  key: string;
  value: string;
}

export interface TopicView {
  heading: string;
  paragraphs: string[];
}

export interface ReportView {
  lang: string;
  title: string;
  subtitle: string;
  intro: string;
  facts: FactRow[];
  toc: { heading: string; entries: { href: string; text: string }[] };
  basis: { id: string; heading: string; intro: string; facts: FactRow[]; tables: TableView[] };
  reliability: { id: string; heading: string; intro: string; topics: TopicView[] };
  questions: { id: string; heading: string; legend: string; items: QuestionView[] };
  protection: { id: string; heading: string; intro: string; facts: FactRow[]; statement: string };
  scenarios: { id: string; heading: string; intro: string; table: TableView; outro: string };
  /** The footnote of each hidden reason, in marker order. */
  hiddenNotes: { reason: string; marker: number; text: string }[];
}
