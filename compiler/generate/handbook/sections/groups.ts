// Section 5: comparison groups, their bands or code mappings, and where they are used.
import type { QuestionModel } from "../../../model/index.js";
import { anchor, text, type Describer } from "../describe.js";
import { fact, plainTable, questionLinks } from "../view-parts.js";
import type { EntryView, FactRow, Part } from "../view-types.js";

export function groupView(d: Describer, name: string): EntryView {
  const { s, model } = d;
  const G = s.groups;
  const g = d.groups.get(name)!;
  const source = d.variables.get(g.source);
  const sourceParts: Part[] = [d.link(d.label(source?.label) || d.plain(g.source), anchor.variable(g.source))];
  if (g.sourceTimepoint) sourceParts.push(text(` ${s.conditions.at(d.timepoint(g.sourceTimepoint))}`));
  const facts: FactRow[] = [fact(G.source, sourceParts), fact(G.kind, [text(g.kind === "bands" ? G.bands : G.codes)])];
  const decimal = source?.type.kind === "decimal";
  const ref = { kind: "variable" as const, name: g.source, timepoint: g.sourceTimepoint ?? "" };
  const rows: Part[][][] = g.entries.map((e) => {
    let covers: Part[];
    if (g.kind === "bands") {
      const band = decimal ? G.decimalBand(e.low === undefined ? undefined : d.num(e.low), e.high === undefined ? undefined : d.num(e.high)) : (d.range(e.low, e.high) ?? "");
      covers = [text(`${band}${source?.unit ? ` ${d.plain(d.local(source.unit))}` : ""}`)];
    } else {
      covers = d.joined((e.values ?? []).map((c) => text(`${d.fmt.code(c)} ${d.valueLabel(ref, c)}`)));
    }
    return [[d.code(e.code)], [text(d.label(e.label))], covers];
  });
  if (g.kind === "codes") {
    const mapped = new Set(g.entries.flatMap((e) => e.values ?? []));
    const rest = (d.valuesetOf(source)?.values ?? []).filter((v) => !mapped.has(v.code));
    if (rest.length) rows.push([[text("")], [text(G.unmapped)], d.joined(rest.map((v) => text(`${d.fmt.code(v.code)} ${d.label(v.label)}`)))]);
  }
  const users = model.questions.filter((q) => q.splits.some((sp) => sp.parts.some((p) => p.name === name)) || usesMeasure(q, name)).map((q) => q.name);
  facts.push(fact(G.usedBy, users.length ? questionLinks(d, users) : [text(G.unused)]));
  return {
    id: anchor.group(name),
    deep: false,
    label: d.label(g.label) || d.plain(name),
    name: d.fmt.code(name),
    facts,
    table: plainTable(null, [s.codebook.code, G.entry, G.covers], rows),
  };
}

/** Whether a question reads a measure in its analysis or its `where`. */
function usesMeasure(q: QuestionModel, name: string): boolean {
  const a = q.analysis;
  const refs = a.kind === "crosstab" ? [a.row, a.column] : a.kind === "attainment" ? [a.target, a.goal] : a.kind === "change" ? [] : [a.target];
  if (refs.some((r) => r.name === name)) return true;
  const walk = (c: NonNullable<QuestionModel["where"]>): boolean => (c.kind === "compare" ? c.subject.name === name : c.kind === "not" ? walk(c.operand) : c.parts.some(walk));
  return q.where ? walk(q.where) : false;
}
