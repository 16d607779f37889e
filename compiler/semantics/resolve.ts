// Name resolution: one symbol table across the root file and everything it
// imports, and a record of every reference (name or value code) with its target.
// Resolution never reports: the checks read what it found and did not find.
import type * as A from "../syntax/ast.js";
import type { Program } from "./program.js";

export type SymbolKind = "plan" | "timepoint" | "valueset" | "variable" | "group" | "question";

export interface Sym<D extends A.Declaration = A.Declaration> {
  kind: SymbolKind;
  name: string;
  decl: D;
  file: string;
  /** Position in declaration order over the whole program (imports first). */
  index: number;
}

export type RefRole = "type" | "at" | "varref" | "varref-at" | "change-variable" | "change-from" | "change-to" | "group-source" | "plan-order";

export interface Reference {
  file: string;
  range: A.Range;
  name: string;
  /** Kinds that may stand here. */
  expected: SymbolKind[];
  role: RefRole;
  target?: Sym;
}

export interface ValueReference {
  file: string;
  range: A.Range;
  code: string;
  /** The variable or group whose values the code must belong to. */
  subject: Sym;
  /** The value set that must define it, when the subject has one. */
  valueset?: Sym<A.ValuesetDecl>;
  /** The defining value, when found. */
  value?: A.ValueDecl;
  /** The group entry, when the subject is a group. */
  entry?: A.GroupEntry;
  where: "group" | "condition";
}

export interface Duplicate {
  sym: Sym;
  first: Sym;
}

export interface Resolution {
  program: Program;
  plan?: Sym<A.PlanDecl>;
  plans: Sym<A.PlanDecl>[];
  timepoints: Map<string, Sym<A.TimepointDecl>>;
  valuesets: Map<string, Sym<A.ValuesetDecl>>;
  variables: Map<string, Sym<A.VariableDecl>>;
  groups: Map<string, Sym<A.GroupDecl>>;
  questions: Map<string, Sym<A.QuestionDecl>>;
  duplicates: Duplicate[];
  refs: Reference[];
  valueRefs: ValueReference[];
  /** Time point name → its 0-based order: the root plan's `timepoints` list, else declaration order. */
  timepointOrder: Map<string, number>;
}

export function valuesetOf(r: Resolution, v: A.VariableDecl): Sym<A.ValuesetDecl> | undefined {
  return v.type.kind === "valueset" ? r.valuesets.get(v.type.valueset.text) : undefined;
}

/** A variable or group by name (they share one namespace). */
export function lookupMeasure(r: Resolution, name: string): Sym<A.VariableDecl> | Sym<A.GroupDecl> | undefined {
  return r.variables.get(name) ?? r.groups.get(name);
}

export function resolve(program: Program): Resolution {
  const r: Resolution = {
    program,
    plans: [],
    timepoints: new Map(),
    valuesets: new Map(),
    variables: new Map(),
    groups: new Map(),
    questions: new Map(),
    duplicates: [],
    refs: [],
    valueRefs: [],
    timepointOrder: new Map(),
  };

  // 1. Declare. Variables and groups share a namespace: both stand after `by`.
  let index = 0;
  const measures = new Map<string, Sym>();
  for (const sf of program.files) {
    for (const d of sf.ast.declarations) {
      if (d.kind === "Import") continue;
      const kind = ({ Plan: "plan", Timepoint: "timepoint", Valueset: "valueset", Variable: "variable", Group: "group", Question: "question" } as const)[d.kind];
      const sym = { kind, name: d.name.text, decl: d, file: sf.path, index: index++ } as Sym;
      if (kind === "plan") {
        r.plans.push(sym as Sym<A.PlanDecl>);
        if (sf.path === program.root && !r.plan) r.plan = sym as Sym<A.PlanDecl>;
        continue;
      }
      const table = kind === "variable" || kind === "group" ? measures : (r[`${kind}s` as "timepoints"] as Map<string, Sym>);
      const first = table.get(sym.name);
      if (first) {
        r.duplicates.push({ sym, first });
        continue;
      }
      table.set(sym.name, sym);
      if (kind === "variable") r.variables.set(sym.name, sym as Sym<A.VariableDecl>);
      if (kind === "group") r.groups.set(sym.name, sym as Sym<A.GroupDecl>);
    }
  }
  // Listed time points first, in list order; any left out (ISU0903) follow in declaration order.
  const listed =
    timepointsSetting(r)
      ?.names.map((n) => n.text)
      .filter((n) => r.timepoints.has(n)) ?? [];
  const declared = [...r.timepoints.values()].sort((a, b) => a.index - b.index).map((t) => t.name);
  [...new Set([...listed, ...declared])].forEach((t, i) => r.timepointOrder.set(t, i));

  // 2. Link.
  for (const sf of program.files) {
    const file = sf.path;
    const ref = (n: A.Name, expected: SymbolKind[], role: RefRole): Sym | undefined => {
      let target: Sym | undefined;
      for (const k of expected) {
        target =
          k === "variable"
            ? r.variables.get(n.text)
            : k === "group"
              ? r.groups.get(n.text)
              : k === "timepoint"
                ? r.timepoints.get(n.text)
                : k === "valueset"
                  ? r.valuesets.get(n.text)
                  : k === "question"
                    ? r.questions.get(n.text)
                    : undefined;
        if (target) break;
      }
      const reference: Reference = { file, range: n.range, name: n.text, expected, role };
      if (target) reference.target = target;
      r.refs.push(reference);
      return target;
    };
    const varRef = (v: A.VarRef, expected: SymbolKind[]): Sym | undefined => {
      const t = ref(v.name, expected, "varref");
      if (v.timepoint) ref(v.timepoint, ["timepoint"], "varref-at");
      return t;
    };
    const valueRef = (subject: Sym | undefined, lit: A.ValueLit, where: ValueReference["where"]): void => {
      if (!subject || lit.kind === "boolean") return;
      if (subject.kind === "group") {
        const g = subject.decl as A.GroupDecl;
        if (lit.kind !== "code" && !g.entries.some((e) => !e.name)) return;
        const entry = g.entries.find((e, i) => (e.name ? e.name.text : String(i + 1)) === lit.raw);
        const vr: ValueReference = { file, range: lit.range, code: lit.raw, subject, where };
        if (entry) vr.entry = entry;
        r.valueRefs.push(vr);
        return;
      }
      const v = subject.decl as A.VariableDecl;
      if (v.type.kind !== "valueset") return;
      const vs = r.valuesets.get(v.type.valueset.text);
      if (!vs) return;
      const value = vs.decl.values.find((x) => x.code.value === lit.raw || (lit.kind === "number" && x.code.kind === "number" && Number(x.code.value) === lit.value));
      const vr: ValueReference = { file, range: lit.range, code: lit.raw, subject, valueset: vs, where };
      if (value) vr.value = value;
      r.valueRefs.push(vr);
    };
    const condition = (c: A.Condition): void => {
      switch (c.kind) {
        case "or":
        case "and":
          c.parts.forEach(condition);
          break;
        case "not":
          condition(c.operand);
          break;
        case "compare": {
          const subject = varRef(c.subject, ["variable", "group"]);
          if (c.op === "=" || c.op === "!=" || c.op === "in") for (const v of c.values) valueRef(subject, v, "condition");
          break;
        }
      }
    };

    for (const d of sf.ast.declarations) {
      switch (d.kind) {
        case "Plan":
          for (const st of d.settings) if (st.key === "timepoints") for (const n of st.names) ref(n, ["timepoint"], "plan-order");
          break;
        case "Variable":
          if (d.type.kind === "valueset") ref(d.type.valueset, ["valueset"], "type");
          for (const tp of d.timepoints) ref(tp, ["timepoint"], "at");
          if (d.condition) condition(d.condition);
          break;
        case "Group": {
          const source = ref(d.source.name, ["variable"], "group-source");
          if (d.source.timepoint) ref(d.source.timepoint, ["timepoint"], "varref-at");
          for (const e of d.entries) for (const v of e.values) valueRef(source, v, "group");
          break;
        }
        case "Question":
          for (const a of d.analyses) {
            switch (a.kind) {
              case "count":
                varRef(a.target, ["variable", "group"]);
                break;
              case "summary":
                varRef(a.target, ["variable"]);
                break;
              case "crosstab":
                varRef(a.target, ["variable", "group"]);
                varRef(a.other, ["variable", "group"]);
                break;
              case "change":
                ref(a.variable, ["variable"], "change-variable");
                ref(a.from, ["timepoint"], "change-from");
                ref(a.to, ["timepoint"], "change-to");
                break;
              case "attainment":
                varRef(a.target, ["variable"]);
                varRef(a.goal, ["variable"]);
                break;
            }
          }
          for (const s of d.splits) for (const p of s.parts) varRef(p, ["variable", "group"]);
          d.where.forEach(condition);
          break;
        default:
          break;
      }
    }
  }
  return r;
}

/** The root plan's `timepoints` setting (the first, when given twice: ISU0902). */
export function timepointsSetting(r: Resolution): Extract<A.PlanSetting, { key: "timepoints" }> | undefined {
  return r.plan?.decl.settings.find((s): s is Extract<A.PlanSetting, { key: "timepoints" }> => s.key === "timepoints");
}

/** Every reference whose target is the given symbol. */
export function referencesTo(r: Resolution, sym: Sym): Reference[] {
  return r.refs.filter((x) => x.target === sym);
}
