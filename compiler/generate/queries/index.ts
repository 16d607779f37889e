// The counts queries: one per question, returning its finest grain
// (model/grain.ts, queries/counts.ts), and `isu_basis`, the data basis
// (queries/basis.ts), per SQL dialect, with a manifest (queries.json) naming
// each query's question, analysis and columns. They return unprotected counts
// for analysts with database access; `isu report` publishes protected
// results. docs/outputs.md ("Aggregation queries") describes them.
import { jsonText } from "../json.js";
import type { AnalysisModel, MeasureRef, PlanModel, QuestionModel } from "../../model/index.js";
import { tr } from "../../model/index.js";
import type { GrainKey, QuestionGrain } from "../../model/grain.js";
import { lookup } from "../../model/lookup.js";
import { BASIS_COLUMNS, BASIS_ID, basisQuery } from "./basis.js";
import { countsQuery } from "./counts.js";
import { queryTexts } from "./texts.js";
import { DIALECTS, type Dialect, type DialectName } from "../../sql/dialects/index.js";
import { collecting, type GenerateOptions, type Generator as OutputGenerator, type OutputEmitter } from "../output.js";

export { countsQuery, type CountsQuery } from "./counts.js";
export { basisQuery, BASIS_ID, type BasisQuery } from "./basis.js";

export interface QueryColumn {
  name: string;
  meaning: string;
}

export interface Query {
  /** The question's name, or `isu_basis`. */
  id: string;
  /** null for `isu_basis`. */
  question: string | null;
  /** The question's label (the data basis: its title). */
  title: string;
  analysis: AnalysisModel["kind"] | null;
  /** The question's `by` splits as counts columns (a combined split names several). */
  splits?: { id: string; columns: string[] }[];
  columns: QueryColumn[];
  sql: string;
}

export interface QuerySet {
  dialect: DialectName;
  queries: Query[];
  /** Every query, each after a comment naming it, as one script. */
  script: string;
}

/** The id of the query that holds a question's counts (every table of the question comes from it). */
export function queryId(question: string): string {
  return question;
}

function describeAnalysis(a: AnalysisModel): string {
  const at = (m: MeasureRef) => `${m.name} at ${m.timepoint}`;
  switch (a.kind) {
    case "count":
    case "summary":
      return `${a.kind} ${at(a.target)}`;
    case "crosstab":
      return `crosstab ${at(a.row)} by ${at(a.column)}`;
    case "change":
      return `change ${a.variable} from ${a.from} to ${a.to}`;
    case "attainment":
      return `attainment ${at(a.target)} against ${at(a.goal)}`;
  }
}

function columnMeanings(model: PlanModel, grain: QuestionGrain, lang: string): QueryColumn[] {
  const m = queryTexts(lang).meaning;
  const label = (l: Parameters<typeof tr>[0]) => tr(l, lang, model.language);
  const key = (k: GrainKey): string => {
    if (k.multiple) return m.multiple(label(k.label));
    switch (k.role) {
      case "category":
        return m.category(label(k.label));
      case "row":
        return m.row(label(k.label));
      case "column":
        return m.column(label(k.label));
      case "value":
        return m.value(label(k.label));
      default: {
        const tp = lookup(model).timepoint(k.ref.timepoint);
        return m.scale(label(k.label), tp ? label(tp.label) : k.ref.timepoint);
      }
    }
  };
  return [
    { name: "row_kind", meaning: m.rowKind(grain.choices) },
    ...grain.dims.map((d) => ({ name: d.column, meaning: m.dim(label(d.label)) })),
    ...grain.keys.map((k) => ({ name: k.column, meaning: key(k) })),
    { name: "n", meaning: m.n(grain.choices) },
  ];
}

/** A question's counts query with its manifest fields. */
export function buildQuery(model: PlanModel, q: QuestionModel, dialect: Dialect, lang: string = model.language): Query {
  const c = countsQuery(model, q, dialect);
  return {
    id: c.id,
    question: q.name,
    title: tr(q.label, lang, model.language),
    analysis: q.analysis.kind,
    splits: c.grain.splits.map((s) => ({ id: s.id, columns: s.dims.map((i) => c.grain.dims[i]!.column) })),
    columns: columnMeanings(model, c.grain, lang),
    sql: c.sql,
  };
}

/** `isu_basis` with its manifest fields. */
export function buildBasisQuery(model: PlanModel, dialect: Dialect, lang: string = model.language): Query {
  const m = queryTexts(lang).meaning;
  const meanings: Record<(typeof BASIS_COLUMNS)[number], string> = { item: m.item, timepoint: m.timepoint, variable: m.variable, n: m.basisN };
  return {
    id: BASIS_ID,
    question: null,
    title: queryTexts(lang).basisTitle,
    analysis: null,
    columns: BASIS_COLUMNS.map((name) => ({ name, meaning: meanings[name] })),
    sql: basisQuery(model, dialect).sql,
  };
}

function queryComment(query: Query, q: QuestionModel | null, dialect: Dialect): string {
  const lines = q
    ? [
        `query: ${query.id}`,
        `question: ${query.question} — ${query.title}`,
        `analysis: ${describeAnalysis(q.analysis)}`,
        `splits: ${query.splits?.length ? query.splits.map((s) => s.columns.join(" × ")).join(", ") : "none"}`,
        `columns: ${query.columns.map((c) => c.name).join(", ")}`,
      ]
    : [`query: ${query.id}`, `${query.title}: individuals, registrations per time point, missing values per variable`, `columns: ${query.columns.map((c) => c.name).join(", ")}`];
  return dialect.comment(lines.join("\n"));
}

function scriptHeader(model: PlanModel, dialect: Dialect, lang: string): string {
  const title = tr(model.title, lang, model.language);
  const lines = [
    `${title} (plan ${model.name}${model.version ? `, version ${model.version}` : ""})`,
    `Counts queries for ${dialect.title}, generated by the ISU compiler; do not edit, change the plan and rebuild.`,
    "",
    "NOT FOR PUBLICATION. These queries return unprotected counts, small cells included, for analysts",
    "who already have access to the database. Publish results with `isu report`, which protects them",
    `(min_cell ${model.minCell}) over all tables of the plan together.`,
    "",
    "One query per question: its finest grain, one row per non-empty cell of its splits and analysis",
    "(row_kind, one column per split part and key holding the member's code, NULL = missing, and n);",
    "every table of the question is a sum of these rows. Then isu_basis: individuals, registrations, missing values.",
    "queries.json lists every query with its columns; docs/outputs.md describes them.",
    "",
    "Where isu cannot connect: export each query's rows as CSV under a line #query,<id>, after",
    "#query,isu_plan and SELECT plan_name, version FROM isu_plan, and run isu report --counts <file>",
    '(docs/report.md, "Counts from a system the tool cannot reach", has the export scripts).',
  ];
  // First statement: the client reads the rest as UTF-8 (see Dialect.clientEncoding).
  return `${dialect.comment(lines.join("\n"))}${dialect.clientEncoding ? `\n${dialect.clientEncoding}${dialect.terminator}` : ""}`;
}

/** One query as the script shows it: a comment naming it, then the statement. */
function queryBlock(query: Query, q: QuestionModel | null, dialect: Dialect): string {
  return `${queryComment(query, q, dialect)}\n${query.sql}${dialect.terminator}`;
}

/** Every query of the plan in order: each question's, then the data basis. */
function* planQueries(model: PlanModel): Generator<QuestionModel | null> {
  yield* model.questions;
  yield null;
}

function build(model: PlanModel, q: QuestionModel | null, dialect: Dialect, lang: string): Query {
  return q ? buildQuery(model, q, dialect, lang) : buildBasisQuery(model, dialect, lang);
}

export function generateQueries(model: PlanModel, dialect: Dialect, lang: string = model.language): QuerySet {
  const queries: Query[] = [];
  const blocks: string[] = [scriptHeader(model, dialect, lang)];
  for (const q of planQueries(model)) {
    const query = build(model, q, dialect, lang);
    queries.push(query);
    blocks.push(queryBlock(query, q, dialect));
  }
  return { dialect: dialect.name, queries, script: `${blocks.join("\n\n")}\n` };
}

/**
 * queries.json in three pieces: the text before the first query, each
 * query's entry, the text after the last. Concatenated they are exactly
 * jsonText of the whole manifest (queries is its last property), so the
 * manifest can be written one query at a time.
 */
function manifestPieces(model: PlanModel, dialects: DialectName[], lang: string) {
  const head = {
    plan: model.name,
    title: tr(model.title, lang, model.language),
    ...(model.version ? { version: model.version } : {}),
    language: lang,
    minCell: model.minCell,
    dialects,
    queries: [],
  };
  const whole = jsonText(head);
  const empty = "[]\n}\n";
  if (!whole.endsWith(empty)) throw new Error("queries.json: the manifest must end with its queries");
  return {
    head: whole.slice(0, -empty.length),
    entry: (built: Query[], index: number): string => {
      const query = built[0]!;
      const entry = {
        id: query.id,
        question: query.question,
        title: query.title,
        analysis: query.analysis,
        ...(query.splits ? { splits: query.splits } : {}),
        columns: query.columns,
        sql: Object.fromEntries(built.map((b, i) => [dialects[i], b.sql])),
      };
      return `${index === 0 ? "[" : ","}\n    ${jsonText(entry).slice(0, -1).replace(/\n/g, "\n    ")}`;
    },
    tail: (count: number): string => `${count === 0 ? "[]" : "\n  ]"}\n}\n`,
  };
}

/** queries.json: the manifest, with every query's SQL in each requested dialect. */
export function queryManifest(model: PlanModel, sets: QuerySet[], lang: string): string {
  const m = manifestPieces(
    model,
    sets.map((s) => s.dialect),
    lang,
  );
  const count = sets[0]?.queries.length ?? 0;
  const entries = Array.from({ length: count }, (_, i) =>
    m.entry(
      sets.map((s) => s.queries[i]!),
      i,
    ),
  );
  return m.head + entries.join("") + m.tail(count);
}

/**
 * `queries.<dialect>.sql` for each requested dialect and `queries.json`,
 * emitted one query at a time: each query is built once per dialect and
 * written to its script and the manifest, so memory does not grow with the plan.
 */
/** Largest piece handed to the emitter: isu_basis grows with the plan's variables, and is written in slices. */
const PIECE = 64 * 1024;

function emitPieces(emit: OutputEmitter, path: string, text: string): void {
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + PIECE);
    // Never between the two halves of a surrogate pair: each piece is written as UTF-8 on its own.
    if (end < text.length && /[\udc00-\udfff]/.test(text[end]!)) end--;
    emit(path, text.slice(at, end));
    at = end;
  }
}

export function emitQueries(model: PlanModel, opts: GenerateOptions, emit: OutputEmitter): void {
  const dialects = opts.dialects.map((name) => DIALECTS[name]);
  const m = manifestPieces(model, opts.dialects, opts.lang);
  for (const d of dialects) emit(`queries.${d.name}.sql`, scriptHeader(model, d, opts.lang));
  emit("queries.json", m.head);
  let count = 0;
  for (const q of planQueries(model)) {
    const built = dialects.map((d) => build(model, q, d, opts.lang));
    dialects.forEach((d, i) => emitPieces(emit, `queries.${d.name}.sql`, `\n\n${queryBlock(built[i]!, q, d)}`));
    emitPieces(emit, "queries.json", m.entry(built, count++));
  }
  for (const d of dialects) emit(`queries.${d.name}.sql`, "\n");
  emit("queries.json", m.tail(count));
}

/** The same files as whole texts. */
export const queriesGenerator: OutputGenerator = (model, opts) => {
  const c = collecting();
  emitQueries(model, opts, c.emit);
  return c.files();
};
