// The handbook's view: plain data, already in the output language and already
// safe for its format (see escape.ts), so the templates only lay it out.
// Absent facts are null rather than missing: templates compile in strict mode.

/** A piece of running text: plain, a name shown as code, or a link to an anchor. */
export interface Part {
  text: string;
  code: boolean;
  /** Anchor id (without '#') when the part links inside the handbook. */
  href: string | null;
}

export interface FactRow {
  key: string;
  value: Part[];
}

export interface CellView {
  value: Part[];
  /** Styling hint for HTML: improved, unchanged, worsened, missing, total. */
  cls: string | null;
}

export interface RowView {
  cells: CellView[];
  cls: string | null;
}

export interface TableView {
  /** "result" for the tables that answer questions (cells hold figures), null for reference tables. */
  cls: string | null;
  caption: string | null;
  /** Which generated query returns the table's figures (its id in queries.json and the SQL scripts). */
  query: Part[] | null;
  header: string[];
  rows: RowView[];
  notes: string[];
}

export interface TocEntry {
  href: string;
  text: string;
  children: TocEntry[];
}

export interface QuestionView {
  id: string;
  heading: string;
  label: string;
  name: string;
  facts: FactRow[];
  tables: TableView[];
  notes: string[];
}

export interface TimepointView {
  id: string;
  heading: string;
  label: string;
  name: string;
  facts: FactRow[];
  table: TableView | null;
  none: string | null;
}

export interface EntryView {
  id: string;
  /** true under a subsection (codebook), false directly under a section (groups). */
  deep: boolean;
  label: string;
  name: string;
  facts: FactRow[];
  table: TableView | null;
}

/** A reliability topic: fixed guidance, then what this plan adds to it. */
export interface TopicView {
  heading: string;
  paragraphs: string[];
  listIntro: string | null;
  items: Part[][];
  table: TableView | null;
}

export interface SectionView {
  id: string;
  heading: string;
}

export interface HandbookView {
  lang: string;
  title: string;
  subtitle: string;
  intro: string;
  generatedFrom: string;
  planName: string;
  facts: FactRow[];
  toc: { heading: string; entries: TocEntry[] };
  purpose: SectionView & { paragraphs: string[] };
  questions: SectionView & { intro: string; legend: string; none: string | null; items: QuestionView[] };
  schedule: SectionView & { intro: string; keyNote: string; items: TimepointView[] };
  codebook: SectionView & {
    intro: string;
    variables: SectionView & { items: EntryView[] };
    valuesets: SectionView & { items: EntryView[] };
  };
  groups: SectionView & { intro: string; none: string | null; items: EntryView[] };
  protection: SectionView & {
    personal: string[];
    key: string[];
    smallNumbers: string;
    sensitive: { heading: string; intro: string; table: TableView | null; none: string | null };
    legalBasis: { heading: string; items: string[][]; none: string | null };
    notes: { heading: string; items: string[][] } | null;
    freeText: { heading: string; intro: string; table: TableView | null; none: string | null };
    minimisation: { heading: string; intro: string | null; items: Part[][]; none: string | null };
  };
  reliability: SectionView & { intro: string; topics: TopicView[] };
  scenarios: SectionView & { intro: string; table: TableView; outro: string };
  checklist: SectionView & { intro: string; parts: { heading: string; items: { number: number; text: string }[] }[] };
  diagnostics: SectionView & { intro: string | null; table: TableView | null; none: string | null };
}
