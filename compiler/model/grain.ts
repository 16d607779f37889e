// A question's finest grain: the columns its counts query groups by, so that
// every table the question publishes (the whole population, each split and
// combined split, the outcome totals) is a sum of the query's rows. The
// counts queries (generate/queries) write this grain in SQL; the results
// stage (results/) rolls it up and protects it. One definition serves both,
// so they cannot disagree on a column name or a member's order.
//
// A counts row: `row_kind`, one column per dimension and per key holding a
// member's code (NULL = missing: no registration, no value, a `missing`
// code, a number no band covers), and `n`, the individuals in that cell.
//   row_kind 'individuals'  every individual of the question's population
//                           (`where`) is counted exactly once; a multiple-
//                           choice key holds ANSWERED when the individual
//                           has a usable answer (possibly no option), NULL
//                           when not;
//   row_kind 'choices'      only with a multiple-choice key: one count per
//                           answered individual and chosen option (the
//                           option's code in that key; `missing` codes are
//                           never counted as options).
// A `value` key (summary) holds the number itself: the rows are the
// variable's histogram, so medians and quartiles are exact.
import type { AnalysisModel, GroupModel, Localized, MeasureRef, PlanModel, QuestionModel, VariableModel } from "./index.js";
import { lookup } from "./lookup.js";

/** One row of a counts query, by column: codes as text, `value` and `n` as numbers, NULL as null. */
export type CountsRow = Record<string, string | number | null>;

/** The code a multiple-choice key carries on an answered individual's 'individuals' row. */
export const ANSWERED = "*";

/** Column names every counts query uses; a dimension with such a name gets a suffix. */
export const GRAIN_FIXED_COLUMNS = ["row_kind", "n", "key_sum", "category", "row", "column", "from", "to", "target", "goal", "value"] as const;

export interface GrainMember {
  code: string;
  /** The plan's label; absent for the built-in members of a yes/no variable (`true`, `false`). */
  label?: Localized;
}

export interface GrainColumn {
  /** The counts query's column. */
  column: string;
  ref: MeasureRef;
  /** The variable's or group's label. */
  label: Localized;
  /** Answer members in plan order (the scale order for ordinal sets); [] for a numeric value. */
  members: GrainMember[];
  multiple: boolean;
}

export type GrainRole = "category" | "row" | "column" | "from" | "to" | "target" | "goal" | "value";

export interface GrainKey extends GrainColumn {
  role: GrainRole;
}

export interface QuestionGrain {
  question: string;
  analysis: AnalysisModel["kind"];
  /** Split parts, each once however many splits use it, in first-use order. */
  dims: GrainColumn[];
  /** The question's `by` splits, as indexes into `dims`, in plan order. */
  splits: { id: string; dims: number[] }[];
  /** The analysis' own columns. */
  keys: GrainKey[];
  /** Whether some key is multiple choice (the query then has 'choices' rows). */
  choices: boolean;
  /** change and attainment: which end of the scale is better. */
  direction?: "higher" | "lower";
  /** A counts row's columns, in order. */
  columns: string[];
}

function sameRef(a: MeasureRef, b: MeasureRef): boolean {
  return a.kind === b.kind && a.name === b.name && a.timepoint === b.timepoint;
}

function column(model: PlanModel, ref: MeasureRef, name: string): GrainColumn {
  const index = lookup(model);
  if (ref.kind === "group") {
    const g: GroupModel | undefined = index.group(ref.name);
    if (!g) throw new Error(`the plan model has no group '${ref.name}'`);
    return { column: name, ref, label: g.label, members: g.entries.map((e) => ({ code: e.code, label: e.label })), multiple: false };
  }
  const v: VariableModel | undefined = index.variable(ref.name);
  if (!v) throw new Error(`the plan model has no variable '${ref.name}'`);
  if (v.type.kind === "boolean") return { column: name, ref, label: v.label, members: [{ code: "true" }, { code: "false" }], multiple: false };
  if (v.type.kind === "integer" || v.type.kind === "decimal") return { column: name, ref, label: v.label, members: [], multiple: false };
  if (v.type.kind !== "choice") throw new Error(`variable '${v.name}' is ${v.type.kind}: it has no members to count`);
  const vs = index.valueset(v.type.valueset);
  if (!vs) throw new Error(`the plan model has no value set '${v.type.valueset}'`);
  const members = vs.values.filter((x) => !x.missing).map((x) => ({ code: x.code, label: x.label }));
  return { column: name, ref, label: v.label, members, multiple: v.type.multiple };
}

function keyRefs(a: AnalysisModel): { role: GrainRole; ref: MeasureRef }[] {
  switch (a.kind) {
    case "count":
      return [{ role: "category", ref: a.target }];
    case "summary":
      return [{ role: "value", ref: a.target }];
    case "crosstab":
      return [
        { role: "row", ref: a.row },
        { role: "column", ref: a.column },
      ];
    case "change":
      return [
        { role: "from", ref: { kind: "variable", name: a.variable, timepoint: a.from } },
        { role: "to", ref: { kind: "variable", name: a.variable, timepoint: a.to } },
      ];
    case "attainment":
      return [
        { role: "target", ref: a.target },
        { role: "goal", ref: a.goal },
      ];
  }
}

/** The finest grain of one question. */
export function questionGrain(model: PlanModel, q: QuestionModel): QuestionGrain {
  const taken = new Set<string>(GRAIN_FIXED_COLUMNS);
  const dims: GrainColumn[] = [];
  const splits = q.splits.map((split) => ({
    id: split.id,
    dims: split.parts.map((part) => {
      const known = dims.findIndex((d) => sameRef(d.ref, part));
      if (known >= 0) return known;
      let name = part.name;
      if (taken.has(name)) name = `${part.name}_${part.timepoint}`;
      for (let k = 2; taken.has(name); k++) name = `${part.name}_${k}`;
      taken.add(name);
      const d = column(model, part, name);
      if (d.multiple) throw new Error(`question '${q.name}' splits by '${part.name}', which is multiple choice`);
      dims.push(d);
      return dims.length - 1;
    }),
  }));
  const keys = keyRefs(q.analysis).map(({ role, ref }) => ({ ...column(model, ref, role), role }));
  const grain: QuestionGrain = {
    question: q.name,
    analysis: q.analysis.kind,
    dims,
    splits,
    keys,
    choices: keys.some((k) => k.multiple),
    columns: ["row_kind", ...dims.map((d) => d.column), ...keys.map((k) => k.column), "n"],
  };
  if (q.analysis.kind === "change" || q.analysis.kind === "attainment") {
    const name = q.analysis.kind === "change" ? q.analysis.variable : q.analysis.target.name;
    const v = lookup(model).variable(name);
    const vs = v && v.type.kind === "choice" ? lookup(model).valueset(v.type.valueset) : undefined;
    if (vs?.direction) grain.direction = vs.direction;
  }
  return grain;
}
