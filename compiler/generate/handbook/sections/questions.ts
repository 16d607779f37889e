// Section 2: each question, its analysis in words, and the tables that will answer it.
import type { MeasureRef, QuestionModel } from "../../../model/index.js";
import { anchor, text, type Describer } from "../describe.js";
import type { QuestionTables } from "../question-tables.js";
import { fact } from "../view-parts.js";
import type { FactRow, QuestionView } from "../view-types.js";

export function questionView(d: Describer, tables: QuestionTables, q: QuestionModel, number: number): QuestionView {
  const { s } = d;
  const Q = s.questions;
  const a = q.analysis;
  let analysis: string;
  switch (a.kind) {
    case "count":
      analysis = d.isMultiple(a.target) ? Q.countMultiple(d.measure(a.target)) : Q.count(d.measure(a.target));
      break;
    case "summary":
      analysis = Q.summary(d.measure(a.target));
      break;
    case "crosstab":
      analysis = Q.crosstab(d.measure(a.row), d.measure(a.column));
      break;
    case "change":
      analysis = Q.change(d.label(d.variables.get(a.variable)?.label) || d.plain(a.variable), d.timepoint(a.from), d.timepoint(a.to));
      break;
    case "attainment":
      analysis = Q.attainment(d.measure(a.target), d.measure(a.goal));
      break;
  }
  const facts: FactRow[] = [fact(Q.analysis, [text(analysis)])];
  facts.push(fact(Q.reads, d.joined(q.reads.map((t) => d.link(d.timepoint(t), anchor.timepoint(t))))));
  facts.push(fact(Q.splits, q.splits.length ? [text(q.splits.map((sp) => sp.parts.map((p) => d.measure(p)).join(" × ")).join("; "))] : [text(Q.noSplits)]));
  if (q.where) facts.push(fact(Q.where, [text(s.conditions.onlyWhere(d.condition(q.where)))]));
  for (const note of q.notes) facts.push(fact(Q.notes, [text(d.plain(note))]));
  const ref = q.reference;
  if (ref) {
    let level: string;
    if (a.kind === "summary") {
      const unit = d.variables.get(a.target.name)?.unit;
      level = Q.referenceMean(d.num(ref.value), unit ? d.plain(d.local(unit)) : undefined);
    } else level = Q.referenceShare(d.num(ref.value), a.kind === "change" ? "change" : "attainment");
    facts.push(fact(Q.reference, [text(Q.referenceText(level, d.label(ref.label), ref.source ? d.plain(d.local(ref.source)) : undefined))]));
  }

  const notes: string[] = [];
  const codesOf = (refs: MeasureRef[]) => {
    const codes = [...new Set(refs.flatMap((m) => d.missingCodes(m)))];
    return codes.length ? d.list(codes) : null;
  };
  if (a.kind === "change") {
    notes.push(Q.missingChange(d.timepoint(a.from), d.timepoint(a.to), codesOf([{ kind: "variable", name: a.variable, timepoint: a.from }])));
  } else if (a.kind === "attainment") {
    const vs = d.valuesetOf(d.variables.get(a.target.name));
    const scale = (vs?.values ?? []).filter((v) => !v.missing);
    const best = vs?.direction === "higher" ? scale[scale.length - 1] : scale[0];
    if (vs?.direction && best) notes.push(Q.attainmentRule(d.measure(a.target), d.measure(a.goal), d.label(best.label)));
    notes.push(Q.missingAttainment(d.measure(a.target), d.measure(a.goal), codesOf([a.target, a.goal])));
  } else {
    const codes = codesOf(a.kind === "crosstab" ? [a.row, a.column] : [a.target]);
    notes.push(codes ? Q.missingCodes(codes) : Q.missingGeneric);
  }
  notes.push(Q.suppression(d.model.minCell));

  return {
    id: anchor.question(q.name),
    heading: Q.question(number),
    label: d.label(q.label) || d.plain(q.name),
    name: d.fmt.code(q.name),
    facts,
    tables: tables.tables(q, number),
    notes,
  };
}
