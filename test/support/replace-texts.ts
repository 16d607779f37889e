// Every text of a compiled plan model (not its names) replaced by texts from
// a supplier, in a fixed order: the hostile-output tests and the fuzz
// campaign use it to put any text where a plan's texts go, past the checker.
import type { Localized, PlanModel, ValuesetModel } from "../../compiler/model/index.js";

export interface ReplaceHooks {
  /** A value's label instead of the next text (no text is taken then). */
  valueLabel?: (valueset: ValuesetModel, setIndex: number, valueIndex: number) => Localized | undefined;
  /** A value's definition instead of the next text (no text is taken then). */
  valueDefinition?: (valueset: ValuesetModel, setIndex: number, valueIndex: number) => Localized | undefined;
  /** Called after a value set's values are done, in order (to add values, say). */
  afterValues?: (valueset: ValuesetModel, setIndex: number) => void;
}

export function replaceTexts(m: PlanModel, next: () => string, hooks: ReplaceHooks = {}): PlanModel {
  const h = structuredClone(m);
  const loc = (l: Localized | undefined): Localized | undefined => {
    if (!l) return l;
    const t = next();
    return Object.fromEntries(Object.keys(l).map((k) => [k, t]));
  };
  h.title = loc(h.title)!;
  h.organisation = next();
  h.version = next();
  h.purpose = loc(h.purpose ?? { [h.language]: "p" });
  h.notes = h.notes.map((x) => loc(x)!);
  h.legalBasis = [...h.legalBasis, { [h.language]: "lb" }].map((x) => loc(x)!);
  for (const tp of h.timepoints) {
    tp.label = loc(tp.label)!;
    tp.when = loc(tp.when ?? { [h.language]: "w" });
    tp.definition = loc(tp.definition ?? { [h.language]: "d" });
  }
  h.valuesets.forEach((vs, i) => {
    vs.label = loc(vs.label)!;
    vs.definition = loc(vs.definition ?? { [h.language]: "d" });
    vs.values.forEach((v, j) => {
      v.label = hooks.valueLabel?.(vs, i, j) ?? loc(v.label)!;
      v.definition = hooks.valueDefinition?.(vs, i, j) ?? loc(v.definition ?? { [h.language]: "d" });
      for (const c of v.classifications) c.code = next();
    });
    hooks.afterValues?.(vs, i);
  });
  for (const v of h.variables) {
    v.label = loc(v.label)!;
    v.definition = loc(v.definition ?? { [h.language]: "d" });
    if (v.unit) v.unit = loc(v.unit);
    if (v.reason) v.reason = loc(v.reason);
    if (v.otherDescription) v.otherDescription.label = loc(v.otherDescription.label)!;
    for (const c of v.classifications) c.code = next();
  }
  for (const g of h.groups) {
    g.label = loc(g.label)!;
    for (const e of g.entries) e.label = loc(e.label)!;
  }
  for (const q of h.questions) {
    q.label = loc(q.label)!;
    q.notes = [...q.notes, "n"].map(() => next());
  }
  for (const d of h.openDiagnostics) d.message = next();
  return h;
}
