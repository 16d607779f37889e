// Builds the handbook's view from the plan model: every section's content in
// the chosen language, escaped for the chosen format.
import type { PlanModel } from "../../model/index.js";
import { Describer, text } from "./describe.js";
import { paragraphs, type TextFormat } from "./escape.js";
import { QuestionTables } from "./question-tables.js";
import { valuesetView, variableView } from "./sections/codebook.js";
import { diagnosticsView } from "./sections/diagnostics.js";
import { groupView } from "./sections/groups.js";
import { protectionView } from "./sections/protection.js";
import { questionView } from "./sections/questions.js";
import { reliabilityTopics } from "./sections/reliability.js";
import { timepointView } from "./sections/schedule.js";
import type { HandbookStrings } from "./strings.js";
import { fact, planFile, plainTable } from "./view-parts.js";
import type { FactRow, HandbookView, TocEntry } from "./view-types.js";

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

  const purpose = paragraphs(model.purpose && d.local(model.purpose)).map(fmt.text);
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
  rows.push(fact(F.files, d.joined(model.files.map((f) => d.code(planFile(model, f))))));
  rows.push(fact(F.minCell, [text(d.num(model.minCell))]));
  if (model.expected !== undefined) rows.push(fact(F.expected, [text(d.num(model.expected))]));
  rows.push(fact(F.contents, [text(F.contentsValue(model.questions.length, model.variables.length, model.timepoints.length))]));
  return rows;
}

function checklistParts(s: HandbookStrings): HandbookView["checklist"]["parts"] {
  let number = 0;
  return s.checklist.parts.map((p) => ({ heading: p.heading, items: p.items.map((t) => ({ number: ++number, text: t })) }));
}
