// Section 3: what is registered at each time point, and when a field is required or shown.
import type { VariableModel } from "../../../model/index.js";
import { anchor, text, type Describer } from "../describe.js";
import { fact, plainTable } from "../view-parts.js";
import type { FactRow, Part, TimepointView } from "../view-types.js";
import { lookup } from "../../../model/lookup.js";

/** Required or optional, and when the field is shown, as registered at one time point. */
function requirement(d: Describer, v: VariableModel, tp: string): string {
  const S = d.s.schedule;
  const condition = v.conditionAt?.[tp] ?? v.condition;
  if (!condition) return v.required ? S.required : S.optional;
  const c = d.condition(condition, [tp]);
  return v.required ? S.requiredWhen(c) : S.optionalWhen(c);
}

export function timepointView(d: Describer, name: string, number: string): TimepointView {
  const { model, s } = d;
  const S = s.schedule;
  const tp = lookup(model).timepoint(name)!;
  const facts: FactRow[] = [];
  if (tp.when) facts.push(fact(S.when, [text(d.plain(d.local(tp.when)))]));
  if (tp.definition) facts.push(fact(S.definition, [text(d.label(tp.definition))]));
  const rows: Part[][][] = [];
  for (const v of model.variables.filter((x) => x.timepoints.includes(name))) {
    rows.push([[d.link(d.label(v.label) || d.plain(v.name), anchor.variable(v.name))], [d.code(v.name)], d.type(v), [text(requirement(d, v, name))]]);
    const od = v.otherDescription;
    if (od && !od.declared) {
      // The form adds this field itself and requires it whenever an `other` code is chosen.
      const ref = { kind: "variable" as const, name: v.name, timepoint: name };
      const labels = od.codes.map((c) => d.valueLabel(ref, c));
      const C = s.conditions;
      const when = `${d.measureLabel(ref)} ${d.isMultiple(ref) ? C.includesAnyOf(labels) : C.isOneOf(labels)}`;
      rows.push([[text(d.label(od.label))], [d.code(od.name)], [text(s.types.text)], [text(S.requiredWhen(when))]]);
    }
  }
  facts.push(fact(S.countKey, [text(String(rows.length))]));
  return {
    id: anchor.timepoint(name),
    heading: `${number} ${d.timepoint(name)}`,
    label: d.timepoint(name),
    name: d.fmt.code(name),
    facts,
    table: rows.length ? plainTable(null, [S.variable, S.name, S.answer, S.requirement], rows) : null,
    none: rows.length ? null : S.none,
  };
}
