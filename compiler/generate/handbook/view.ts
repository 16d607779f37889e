// Builds the handbook's view from the plan model: every section's content in
// the chosen language, escaped for the chosen format.
import * as nodePath from "node:path";
import type { MeasureRef, PlanModel, QuestionModel, VariableModel } from "../../model.js";
import { anchor, Describer, text } from "./describe.js";
import { paragraphs, type TextFormat } from "./escape.js";
import { QuestionTables } from "./question-tables.js";
import type { HandbookStrings } from "./strings.js";
import type { EntryView, FactRow, HandbookView, Part, QuestionView, TableView, TimepointView, TocEntry, TopicView } from "./view-types.js";

const SECTION_IDS = {
  purpose: "purpose",
  questions: "questions",
  schedule: "schedule",
  codebook: "codebook",
  variables: "variables",
  valuesets: "valuesets",
  groups: "groups",
  protection: "protection",
  reliability: "reliability",
  scenarios: "scenarios",
  checklist: "checklist",
  diagnostics: "warnings",
} as const;

const fact = (key: string, value: Part[]): FactRow => ({ key, value });
const plainTable = (caption: string | null, header: string[], rows: Part[][][], notes: string[] = []): TableView => ({
  cls: null,
  caption,
  query: null,
  header,
  rows: rows.map((cells) => ({ cells: cells.map((value) => ({ value, cls: null })), cls: null })),
  notes,
});

export function buildView(model: PlanModel, lang: string, s: HandbookStrings, fmt: TextFormat): HandbookView {
  const d = new Describer(model, lang, s, fmt);
  const tables = new QuestionTables(d);
  const title = d.label(model.title) || fmt.text(model.name);
  const S = s.sections;
  const n = (i: number, h: string) => `${i}. ${h}`;

  const questionViews = model.questions.map((q, i) => questionView(d, tables, q, i + 1));
  const timepointViews = model.timepoints.map((t, i) => timepointView(d, t.name, `3.${i + 1}`));

  const toc: TocEntry[] = [
    { href: SECTION_IDS.purpose, text: n(1, S.purpose), children: [] },
    { href: SECTION_IDS.questions, text: n(2, S.questions), children: questionViews.map((q) => ({ href: q.id, text: `${q.heading}. ${q.label}`, children: [] })) },
    { href: SECTION_IDS.schedule, text: n(3, S.schedule), children: timepointViews.map((t) => ({ href: t.id, text: t.heading, children: [] })) },
    {
      href: SECTION_IDS.codebook,
      text: n(4, S.codebook),
      children: [
        { href: SECTION_IDS.variables, text: `4.1 ${S.variables}`, children: [] },
        { href: SECTION_IDS.valuesets, text: `4.2 ${S.valuesets}`, children: [] },
      ],
    },
    { href: SECTION_IDS.groups, text: n(5, S.groups), children: [] },
    { href: SECTION_IDS.protection, text: n(6, S.protection), children: [] },
    { href: SECTION_IDS.reliability, text: n(7, S.reliability), children: [] },
    { href: SECTION_IDS.scenarios, text: n(8, S.scenarios), children: [] },
    { href: SECTION_IDS.checklist, text: n(9, S.checklist), children: [] },
    { href: SECTION_IDS.diagnostics, text: n(10, S.diagnostics), children: [] },
  ];

  const purpose = paragraphs(model.purpose).map(fmt.text);
  return {
    lang: s.htmlLang,
    title,
    subtitle: s.subtitle,
    intro: s.intro,
    generatedFrom: s.generatedFrom,
    planName: fmt.code(model.name),
    facts: titleFacts(d),
    toc: { heading: s.toc, entries: toc },
    purpose: { id: SECTION_IDS.purpose, heading: n(1, S.purpose), paragraphs: purpose.length ? purpose : [s.purpose.none] },
    questions: {
      id: SECTION_IDS.questions,
      heading: n(2, S.questions),
      intro: s.questions.intro,
      legend: s.questions.legend,
      none: questionViews.length ? null : s.questions.none,
      items: questionViews,
    },
    schedule: { id: SECTION_IDS.schedule, heading: n(3, S.schedule), intro: s.schedule.intro, keyNote: s.schedule.keyNote, items: timepointViews },
    codebook: {
      id: SECTION_IDS.codebook,
      heading: n(4, S.codebook),
      intro: s.codebook.intro,
      variables: { id: SECTION_IDS.variables, heading: `4.1 ${S.variables}`, items: model.variables.map((v) => variableView(d, v)) },
      valuesets: { id: SECTION_IDS.valuesets, heading: `4.2 ${S.valuesets}`, items: model.valuesets.map((v) => valuesetView(d, v.name)) },
    },
    groups: {
      id: SECTION_IDS.groups,
      heading: n(5, S.groups),
      intro: s.groups.intro,
      none: model.groups.length ? null : s.groups.none,
      items: model.groups.map((g) => groupView(d, g.name)),
    },
    protection: { id: SECTION_IDS.protection, heading: n(6, S.protection), ...protectionView(d) },
    reliability: { id: SECTION_IDS.reliability, heading: n(7, S.reliability), intro: s.reliability.intro, topics: reliabilityTopics(d) },
    scenarios: {
      id: SECTION_IDS.scenarios,
      heading: n(8, S.scenarios),
      intro: s.scenarios.intro,
      table: plainTable(
        null,
        [s.scenarios.scenario, s.scenarios.shows, s.scenarios.next],
        s.scenarios.list.map((x) => [[text(`${x.letter}. ${x.name}`)], [text(x.shows)], [text(x.next)]]),
      ),
      outro: s.scenarios.outro,
    },
    checklist: { id: SECTION_IDS.checklist, heading: n(9, S.checklist), intro: s.checklist.intro, parts: checklistParts(s) },
    diagnostics: { id: SECTION_IDS.diagnostics, heading: n(10, S.diagnostics), ...diagnosticsView(d) },
  };
}

function titleFacts(d: Describer): FactRow[] {
  const { model, s, fmt } = d;
  const F = s.facts;
  const rows: FactRow[] = [];
  if (model.organisation) rows.push(fact(F.organisation, [text(fmt.text(model.organisation))]));
  if (model.version) rows.push(fact(F.version, [text(fmt.text(model.version))]));
  rows.push(fact(F.plan, [d.code(model.name)]));
  rows.push(fact(F.language, [text(`${s.languageNames[model.language] ?? fmt.text(model.language)} (${fmt.text(model.language)})`)]));
  if (model.translations.length) rows.push(fact(F.translations, [text(d.list(model.translations.map((l) => `${s.languageNames[l] ?? fmt.text(l)} (${fmt.text(l)})`)))]));
  const root = model.files[model.files.length - 1];
  const base = root ? nodePath.dirname(root) : "";
  // Paths relative to the plan's folder: the handbook should not reveal where an author keeps files.
  rows.push(fact(F.files, d.joined(model.files.map((f) => d.code(nodePath.relative(base, f) || nodePath.basename(f))))));
  rows.push(fact(F.minCell, [text(d.num(model.minCell))]));
  if (model.expected !== undefined) rows.push(fact(F.expected, [text(d.num(model.expected))]));
  rows.push(fact(F.contents, [text(F.contentsValue(model.questions.length, model.variables.length, model.timepoints.length))]));
  return rows;
}

function questionView(d: Describer, tables: QuestionTables, q: QuestionModel, number: number): QuestionView {
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

/** Required or optional, and when the field is shown, as registered at one time point. */
function requirement(d: Describer, v: VariableModel, tp: string): string {
  const S = d.s.schedule;
  const condition = v.conditionAt?.[tp] ?? v.condition;
  if (!condition) return v.required ? S.required : S.optional;
  const c = d.condition(condition, [tp]);
  return v.required ? S.requiredWhen(c) : S.optionalWhen(c);
}

function timepointView(d: Describer, name: string, number: string): TimepointView {
  const { model, s } = d;
  const S = s.schedule;
  const tp = model.timepoints.find((t) => t.name === name)!;
  const facts: FactRow[] = [];
  if (tp.when) facts.push(fact(S.when, [text(d.plain(tp.when))]));
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

function questionLinks(d: Describer, names: string[]): Part[] {
  const byName = new Map(d.model.questions.map((q, i) => [q.name, { q, i }]));
  return d.joined(
    names
      .map((n) => byName.get(n))
      .filter((x): x is NonNullable<typeof x> => !!x)
      .sort((a, b) => a.i - b.i)
      .map(({ q, i }) => d.link(`${d.s.questions.question(i + 1)}. ${d.label(q.label)}`, anchor.question(q.name))),
    "; ",
  );
}

function variableView(d: Describer, v: VariableModel): EntryView {
  const { s } = d;
  const C = s.codebook;
  const facts: FactRow[] = [fact(C.definition, [text(v.definition ? d.label(v.definition) : C.noDefinition)])];
  facts.push(fact(C.type, d.type(v, false)));
  if (v.unit) facts.push(fact(C.unit, [text(d.plain(v.unit))]));
  if (v.type.kind === "integer" || v.type.kind === "decimal") {
    const r = d.range(v.type.min, v.type.max);
    if (r) facts.push(fact(C.range, [text(r)]));
  }
  facts.push(fact(C.timepoints, d.joined(v.timepoints.map((t) => d.link(d.timepoint(t), anchor.timepoint(t))))));
  facts.push(fact(C.requirement, [text(v.required ? s.schedule.required : s.schedule.optional)]));
  if (v.condition) facts.push(fact(C.condition, [text(d.condition(v.condition, v.timepoints))]));
  if (v.classifications.length) facts.push(fact(C.classification, [text(v.classifications.map((c) => d.classification(c.system, c.version, c.code)).join("; "))]));
  if (v.sensitive.length) facts.push(fact(C.sensitive, [text(d.list(v.sensitive.map((c) => s.protection.categories[c] ?? d.plain(c))))]));
  if (v.reason) facts.push(fact(C.reason, [text(d.plain(v.reason))]));
  const od = v.otherDescription;
  if (od) {
    const codes = d.list(od.codes.map((c) => d.valueLabel({ kind: "variable", name: v.name, timepoint: v.timepoints[0] ?? "" }, c)));
    const part = od.declared ? d.link(d.label(od.label), anchor.variable(od.name)) : text(d.label(od.label));
    facts.push(fact(C.otherDescription, [part, text(" ("), d.code(od.name), text(`) – ${codes}`)]));
  }
  const describes = d.model.variables.find((x) => x.otherDescription?.declared && x.otherDescription.name === v.name);
  if (v.usedBy.length) facts.push(fact(C.usedBy, questionLinks(d, v.usedBy)));
  else if (describes) facts.push(fact(C.usedBy, [text(C.describesOther), d.link(d.label(describes.label), anchor.variable(describes.name))]));
  else facts.push(fact(C.usedBy, [text(C.unused)]));
  return { id: anchor.variable(v.name), deep: true, label: d.label(v.label) || d.plain(v.name), name: d.fmt.code(v.name), facts, table: null };
}

function valuesetView(d: Describer, name: string): EntryView {
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

function groupView(d: Describer, name: string): EntryView {
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
      const band = decimal
        ? G.decimalBand(e.low === undefined ? undefined : d.num(e.low), e.high === undefined ? undefined : d.num(e.high))
        : (d.range(e.low, e.high) ?? "");
      covers = [text(`${band}${source?.unit ? ` ${d.plain(source.unit)}` : ""}`)];
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
  const walk = (c: NonNullable<QuestionModel["where"]>): boolean =>
    c.kind === "compare" ? c.subject.name === name : c.kind === "not" ? walk(c.operand) : c.parts.some(walk);
  return q.where ? walk(q.where) : false;
}

function protectionView(d: Describer): Omit<HandbookView["protection"], "id" | "heading"> {
  const { model, s } = d;
  const P = s.protection;
  const varLink = (v: VariableModel) => d.link(d.label(v.label) || d.plain(v.name), anchor.variable(v.name));
  const sensitive = model.variables.filter((v) => v.sensitive.length);
  const freeText: Part[][][] = [];
  for (const v of model.variables) {
    if (v.type.kind === "text") {
      const describes = model.variables.find((x) => x.otherDescription?.declared && x.otherDescription.name === v.name);
      const reason = v.reason ? d.plain(v.reason) : describes ? P.otherDescriptionReason(d.label(describes.label)) : P.noReason;
      freeText.push([[varLink(v)], [d.code(v.name)], [text(reason)]]);
    }
    const od = v.otherDescription;
    if (od && !od.declared) freeText.push([[text(d.label(od.label))], [d.code(od.name)], [text(P.otherDescriptionReason(d.label(v.label)))]]);
  }
  const unused = model.variables.filter((v) => v.usedBy.length === 0 && !model.variables.some((x) => x.otherDescription?.declared && x.otherDescription.name === v.name));
  return {
    personal: P.personal,
    key: P.key,
    smallNumbers: P.smallNumbers(model.minCell),
    sensitive: {
      heading: P.sensitiveHeading,
      intro: P.sensitiveIntro,
      table: sensitive.length
        ? plainTable(
            null,
            [s.schedule.variable, s.schedule.name, P.category, s.codebook.timepoints],
            sensitive.map((v) => [[varLink(v)], [d.code(v.name)], [text(d.list(v.sensitive.map((c) => P.categories[c] ?? d.plain(c))))], [text(d.list(v.timepoints.map((t) => d.timepoint(t))))]]),
          )
        : null,
      none: sensitive.length ? null : P.noSensitive,
    },
    legalBasis: {
      heading: P.legalBasisHeading,
      items: model.legalBasis.map((l) => paragraphs(l).map(d.fmt.text)),
      none: model.legalBasis.length ? null : P.noLegalBasis,
    },
    notes: model.notes.length ? { heading: P.notesHeading, items: model.notes.map((l) => paragraphs(l).map(d.fmt.text)) } : null,
    freeText: {
      heading: P.freeTextHeading,
      intro: P.freeTextIntro,
      table: freeText.length ? plainTable(null, [s.schedule.variable, s.schedule.name, s.codebook.reason], freeText) : null,
      none: freeText.length ? null : P.noFreeText,
    },
    minimisation: {
      heading: P.minimisationHeading,
      intro: unused.length ? P.minimisationIntro : null,
      items: unused.map((v) => [varLink(v), text(" ("), d.code(v.name), text(")")]),
      none: unused.length ? null : P.allUsed,
    },
  };
}

function reliabilityTopics(d: Describer): TopicView[] {
  const { model, s } = d;
  const R = s.reliability;
  return R.topics.map((t) => {
    const view: TopicView = { heading: t.heading, paragraphs: [...t.paragraphs], listIntro: null, items: [], table: null };
    if (t.key === "missing") {
      const rows = model.valuesets.flatMap((vs) =>
        vs.values.filter((v) => v.missing).map((v) => [[d.link(d.label(vs.label), anchor.valueset(vs.name))], [d.code(v.code)], [text(d.label(v.label))]]),
      );
      if (rows.length) {
        view.listIntro = R.missingCodesIntro;
        view.table = plainTable(null, [s.codebook.valueset, s.codebook.code, s.codebook.label], rows);
      } else view.paragraphs.push(R.missingCodesNone);
    } else if (t.key === "small") {
      view.paragraphs.push(R.smallNumbers(model.minCell, model.expected));
    } else if (t.key === "interpretation") {
      const undefinedVars = model.variables.filter((v) => !v.definition);
      if (undefinedVars.length) {
        view.listIntro = R.withoutDefinition;
        view.items = undefinedVars.map((v) => [d.link(d.label(v.label) || d.plain(v.name), anchor.variable(v.name))]);
      } else view.paragraphs.push(R.allDefined);
    }
    return view;
  });
}

function checklistParts(s: HandbookStrings): HandbookView["checklist"]["parts"] {
  let number = 0;
  return s.checklist.parts.map((p) => ({ heading: p.heading, items: p.items.map((t) => ({ number: ++number, text: t })) }));
}

function diagnosticsView(d: Describer): Omit<HandbookView["diagnostics"], "id" | "heading"> {
  const { model, s } = d;
  const D = s.diagnostics;
  const root = model.files[model.files.length - 1];
  const base = root ? nodePath.dirname(root) : "";
  const rows = model.openDiagnostics.map((x) => {
    const file = nodePath.relative(base, x.file) || nodePath.basename(x.file);
    const message: Part[] = [text(d.plain(x.message))];
    if (x.hint) message.push(text(` — ${D.hint}: ${d.plain(x.hint)}`));
    return [[d.code(x.code)], [text(D.severities[x.severity] ?? x.severity)], message, [d.code(`${file}:${x.range.start.line}`)]];
  });
  return {
    intro: rows.length ? D.intro : null,
    table: rows.length ? plainTable(null, [D.code, D.severity, D.message, D.place], rows) : null,
    none: rows.length ? null : D.none,
  };
}
