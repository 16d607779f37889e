// The aggregation queries: one named query per question and split (the whole
// population, then one per `by` split), per SQL dialect, and a manifest
// (queries.json) that names each query's question, split, analysis and result
// columns. The result shape and the suppression policy are described in
// docs/outputs.md ("Aggregation queries"); the shape itself is in queries/shape.ts.
import { jsonText } from "../json.js";
import type { AnalysisModel, MeasureRef, PlanModel, QuestionModel, SplitModel } from "../../model/index.js";
import { tr } from "../../model/index.js";
import { analysisParts } from "./analyses.js";
import { conditionSql } from "./conditions.js";
import { MeasureReader, POP_KEY } from "./measures.js";
import { assembleQuery, type SplitDim, type Sql } from "./shape.js";
import { queryTexts } from "./texts.js";
import { DIALECTS, type Dialect, type DialectName } from "../../sql/dialects/index.js";
import { collecting, type GenerateOptions, type Generator as OutputGenerator, type OutputEmitter } from "../output.js";

export interface QueryColumn {
  name: string;
  meaning: string;
}

export interface QuerySplit {
  id: string;
  parts: (MeasureRef & { label: string })[];
}

export interface Query {
  /** `<question>__total` or `<question>__by_<split id>`. */
  id: string;
  question: string;
  /** The question's label. */
  title: string;
  /** null for the whole population. */
  split: QuerySplit | null;
  analysis: AnalysisModel["kind"];
  columns: QueryColumn[];
  sql: string;
}

export interface QuerySet {
  dialect: DialectName;
  queries: Query[];
  /** Every query, each after a comment naming it, as one script. */
  script: string;
}

export interface QueryOptions {
  /** Complementary suppression passes before the closing rule (queries/suppression.ts); tests lower it to reach that rule. */
  passes?: number;
}

export function queryId(question: string, split: SplitModel | null): string {
  return split ? `${question}__by_${split.id}` : `${question}__total`;
}

/** Column names every result may already use; a split part with such a name gets a suffix. */
const FIXED_COLUMNS = new Set(["category", "row", "column", "from", "to", "outcome", "n", "share", "missing", "mean", "median", "min", "max", "suppressed", "row_type"]);

function splitDims(model: PlanModel, split: SplitModel | null, r: MeasureReader): SplitDim[] {
  if (!split) return [{ key: "s1", prefix: "", title: "", members: [], index: "1", constant: true }];
  const used = new Set<string>();
  return split.parts.map((part, i) => {
    const reading = r.categorical(part);
    if (reading.kind !== "single") throw new Error(`question split '${split.id}': '${part.name}' is multiple choice and cannot split a table`);
    let prefix = part.name;
    if (FIXED_COLUMNS.has(prefix) || used.has(prefix)) prefix = `${part.name}_${part.timepoint}`;
    for (let k = 2; FIXED_COLUMNS.has(prefix) || used.has(prefix); k++) prefix = `${part.name}_${k}`;
    used.add(prefix);
    const title = r.label(part.kind === "group" ? r.group(part.name).label : r.variable(part.name).label);
    return { key: `s${i + 1}`, prefix, title, members: reading.members, index: reading.index };
  });
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

export function buildQuery(model: PlanModel, q: QuestionModel, split: SplitModel | null, dialect: Dialect, lang: string = model.language, opts: QueryOptions = {}): Query {
  const r = new MeasureReader(model, dialect, lang);
  const texts = queryTexts(lang);
  const sql: Sql = { quote: dialect.quote, string: dialect.string, dec: dialect.toDecimal, texts };
  try {
    const dims = splitDims(model, split, r);
    const parts = analysisParts(
      q.analysis,
      r,
      dims.map((d) => d.key),
    );
    const where = q.where ? conditionSql(q.where, r) : undefined;
    const built = assembleQuery({ sql, dims, from: r.fromClause(), ...(where ? { where } : {}), parts, minCell: model.minCell, popKey: POP_KEY, ...opts });
    return {
      id: queryId(q.name, split),
      question: q.name,
      title: tr(q.label, lang, model.language),
      split: split ? { id: split.id, parts: split.parts.map((p) => ({ ...p, label: r.label(p.kind === "group" ? r.group(p.name).label : r.variable(p.name).label) })) } : null,
      analysis: q.analysis.kind,
      columns: built.columns.map((c) => ({ name: c.name, meaning: c.meaning })),
      sql: built.sql,
    };
  } catch (e) {
    throw new Error(`cannot generate the query for question '${q.name}'${split ? ` split by ${split.id}` : ""}: ${(e as Error).message}`);
  }
}

function queryComment(model: PlanModel, query: Query, q: QuestionModel, dialect: Dialect): string {
  const lines = [
    `query: ${query.id}`,
    `question: ${query.question} — ${query.title}`,
    `split: ${query.split ? query.split.parts.map((p) => `${p.name} (${p.label})`).join(" × ") : "none (the whole population)"}`,
    `analysis: ${describeAnalysis(q.analysis)}`,
    `columns: ${query.columns.map((c) => c.name).join(", ")}`,
  ];
  return dialect.comment(lines.join("\n"));
}

function scriptHeader(model: PlanModel, dialect: Dialect, lang: string): string {
  const title = tr(model.title, lang, model.language);
  const lines = [
    `${title} (plan ${model.name}${model.version ? `, version ${model.version}` : ""})`,
    `Aggregation queries for ${dialect.name}, generated by the ISU compiler; do not edit, change the plan and rebuild.`,
    "",
    "One query per question and split. Each returns counts with the missing data (bortfall) of its group",
    "and shares of all individuals in the group.",
    model.minCell > 1
      ? `Small-cell suppression: counts from 1 to ${model.minCell - 1} (min_cell ${model.minCell}) are NULL with suppressed = 1, and so are the figures derived from them and the cells hidden to protect them.`
      : "min_cell is 1: no count is hidden.",
    "queries.json lists every query with its columns; docs/outputs.md describes the shape and the policy.",
  ];
  // First statement: the client reads the rest as UTF-8 (see Dialect.clientEncoding).
  return `${dialect.comment(lines.join("\n"))}${dialect.clientEncoding ? `\n${dialect.clientEncoding}${dialect.terminator}` : ""}`;
}

/** One query as the script shows it: a comment naming it, then the statement. */
function queryBlock(model: PlanModel, query: Query, q: QuestionModel, dialect: Dialect): string {
  return `${queryComment(model, query, q, dialect)}\n${query.sql}${dialect.terminator}`;
}

/** Every question's queries in plan order, the whole population first, then each split. */
function* planQueries(model: PlanModel): Generator<{ q: QuestionModel; split: SplitModel | null }> {
  for (const q of model.questions) for (const split of [null, ...q.splits]) yield { q, split };
}

export function generateQueries(model: PlanModel, dialect: Dialect, lang: string = model.language, opts: QueryOptions = {}): QuerySet {
  const queries: Query[] = [];
  const blocks: string[] = [scriptHeader(model, dialect, lang)];
  for (const { q, split } of planQueries(model)) {
    const query = buildQuery(model, q, split, dialect, lang, opts);
    queries.push(query);
    blocks.push(queryBlock(model, query, q, dialect));
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
        split: query.split,
        analysis: query.analysis,
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
export function emitQueries(model: PlanModel, opts: GenerateOptions, emit: OutputEmitter): void {
  const dialects = opts.dialects.map((name) => DIALECTS[name]);
  const m = manifestPieces(model, opts.dialects, opts.lang);
  for (const d of dialects) emit(`queries.${d.name}.sql`, scriptHeader(model, d, opts.lang));
  emit("queries.json", m.head);
  let count = 0;
  for (const { q, split } of planQueries(model)) {
    const built = dialects.map((d) => buildQuery(model, q, split, d, opts.lang));
    dialects.forEach((d, i) => emit(`queries.${d.name}.sql`, `\n\n${queryBlock(model, built[i]!, q, d)}`));
    emit("queries.json", m.entry(built, count++));
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
