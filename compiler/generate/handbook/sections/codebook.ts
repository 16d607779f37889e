// Section 4: every variable and every value set, with definitions, codes and markers.
import type { VariableModel } from "../../../model/index.js";
import { anchor, text, type Describer } from "../describe.js";
import { fact, plainTable, questionLinks } from "../view-parts.js";
import type { EntryView, FactRow } from "../view-types.js";
import { lookup } from "../../../model/lookup.js";

export function variableView(d: Describer, v: VariableModel): EntryView {
  const { s } = d;
  const C = s.codebook;
  const facts: FactRow[] = [fact(C.definition, [text(v.definition ? d.label(v.definition) : C.noDefinition)])];
  facts.push(fact(C.type, d.type(v, false)));
  if (v.unit) facts.push(fact(C.unit, [text(d.plain(d.local(v.unit)))]));
  if (v.type.kind === "integer" || v.type.kind === "decimal") {
    const r = d.range(v.type.min, v.type.max);
    if (r) facts.push(fact(C.range, [text(r)]));
  }
  facts.push(fact(C.timepoints, d.joined(v.timepoints.map((t) => d.link(d.timepoint(t), anchor.timepoint(t))))));
  facts.push(fact(C.requirement, [text(v.required ? s.schedule.required : s.schedule.optional)]));
  if (v.condition) facts.push(fact(C.condition, [text(d.condition(v.condition, v.timepoints))]));
  if (v.classifications.length) facts.push(fact(C.classification, [text(v.classifications.map((c) => d.classification(c.system, c.version, c.code)).join("; "))]));
  if (v.sensitive.length) facts.push(fact(C.sensitive, [text(d.list(v.sensitive.map((c) => s.protection.categories[c] ?? d.plain(c))))]));
  if (v.reason) facts.push(fact(C.reason, [text(d.plain(d.local(v.reason)))]));
  const od = v.otherDescription;
  if (od) {
    const codes = d.list(od.codes.map((c) => d.valueLabel({ kind: "variable", name: v.name, timepoint: v.timepoints[0] ?? "" }, c)));
    const part = od.declared ? d.link(d.label(od.label), anchor.variable(od.name)) : text(d.label(od.label));
    facts.push(fact(C.otherDescription, [part, text(" ("), d.code(od.name), text(`) – ${codes}`)]));
  }
  const describes = lookup(d.model).describedBy(v.name);
  if (v.usedBy.length) facts.push(fact(C.usedBy, questionLinks(d, v.usedBy)));
  else if (describes) facts.push(fact(C.usedBy, [text(C.describesOther), d.link(d.label(describes.label), anchor.variable(describes.name))]));
  else facts.push(fact(C.usedBy, [text(C.unused)]));
  return { id: anchor.variable(v.name), deep: true, label: d.label(v.label) || d.plain(v.name), name: d.fmt.code(v.name), facts, table: null };
}

export function valuesetView(d: Describer, name: string): EntryView {
  const { s, model } = d;
  const C = s.codebook;
  const vs = d.valuesets.get(name)!;
  const scale = vs.scale === "nominal" ? C.nominal : vs.direction === "higher" ? C.ordinalHigher : vs.direction === "lower" ? C.ordinalLower : C.ordinal;
  const facts: FactRow[] = [fact(C.scale, [text(scale)])];
  if (vs.definition) facts.push(fact(C.definition, [text(d.label(vs.definition))]));
  const users = model.variables.filter((v) => v.type.kind === "choice" && v.type.valueset === name);
  facts.push(fact(C.usedByVariables, users.length ? d.joined(users.map((v) => d.link(d.label(v.label), anchor.variable(v.name)))) : [text(C.unusedValueset)]));
  const rows = vs.values.map((v) => {
    const markers = [v.other ? C.other : null, v.missing ? C.missing : null].filter((m): m is string => !!m);
    return [
      [d.code(v.code)],
      [text(d.label(v.label))],
      [text(v.definition ? d.label(v.definition) : "")],
      [text(markers.join("; "))],
      [text(v.classifications.map((c) => d.classification(c.system, c.version, c.code)).join("; "))],
    ];
  });
  return {
    id: anchor.valueset(name),
    deep: true,
    label: d.label(vs.label) || d.plain(name),
    name: d.fmt.code(name),
    facts,
    table: plainTable(null, [C.code, C.label, C.definition, C.marker, C.classification], rows),
  };
}
