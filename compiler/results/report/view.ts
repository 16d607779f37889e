// Builds the report's view from results.json: every section in the report's
// language, in reading order — title and plan, the data basis, the seeds'
// reliability questions answered with this report's figures, each question
// with its tables, chart and reference level, the protection, the scenarios.
import type { Figure, PublishedQuestion, Results } from "../published.js";
import { describeChart } from "./charts/render.js";
import { Numbers } from "./numbers.js";
import { referenceLevel } from "./reference.js";
import { reportStrings, type ReportStrings } from "./strings.js";
import { HIDDEN_REASONS, QuestionTables } from "./tables.js";
import type { ChartView, FactRow, QuestionView, ReportView, TableView, TopicView } from "./view-types.js";

const IDS = { basis: "basis", reliability: "reliability", questions: "questions", protection: "protection", scenarios: "scenarios" } as const;

/** The handbook's reliability topics the report repeats as they are: they need no figures. */
const HANDBOOK_TOPICS = ["interpretation", "few", "cause"] as const;

export const questionId = (q: PublishedQuestion) => `q-${q.name}`;

export function buildView(results: Results, charts: Map<string, ChartView> | null): ReportView {
  const s = reportStrings(results.language);
  const num = new Numbers(s.locale, results.precision);
  const tables = new QuestionTables(s, num);
  const S = s.sections;
  const n = (i: number, h: string) => `${i}. ${h}`;

  const questions = results.questions.map((q, i) => questionView(q, i + 1, s, num, tables, charts?.get(q.name) ?? null));
  const facts: FactRow[] = [
    { key: s.facts.plan, value: results.plan },
    ...(results.version ? [{ key: s.facts.version, value: results.version }] : []),
    { key: s.facts.period, value: results.basis.period ? s.basis.period(results.basis.period.from, results.basis.period.to) : s.basis.noPeriod },
    { key: s.facts.source, value: s.sources[results.source] ?? results.source },
    { key: s.facts.minCell, value: String(results.minCell) },
    { key: s.facts.questions, value: String(results.questions.length) },
  ];
  const scenarioStrings = s.fromHandbook.scenarios;
  return {
    lang: s.htmlLang,
    title: results.title,
    subtitle: s.subtitle,
    intro: s.intro,
    facts,
    toc: {
      heading: s.toc,
      entries: [
        { href: IDS.basis, text: n(1, S.basis) },
        { href: IDS.reliability, text: n(2, S.reliability) },
        { href: IDS.questions, text: n(3, S.questions) },
        ...questions.map((q) => ({ href: q.id, text: `3.${q.number} ${q.title}` })),
        { href: IDS.protection, text: n(4, S.protection) },
        { href: IDS.scenarios, text: n(5, S.scenarios) },
      ],
    },
    basis: { id: IDS.basis, heading: n(1, S.basis), intro: s.basis.intro, facts: basisFacts(results, s, num), tables: basisTables(results, s, num) },
    reliability: { id: IDS.reliability, heading: n(2, S.reliability), intro: s.reliability.intro, topics: reliability(results, s, num) },
    questions: { id: IDS.questions, heading: n(3, S.questions), legend: s.shareOfGroup, items: questions },
    protection: { id: IDS.protection, heading: n(4, S.protection), intro: s.protection.intro, facts: protectionFacts(results, s), statement: results.protection.statement },
    scenarios: {
      id: IDS.scenarios,
      heading: n(5, S.scenarios),
      intro: scenarioStrings.intro,
      table: {
        id: "scenarios",
        caption: "",
        header: [[scenarioStrings.scenario, scenarioStrings.shows, scenarioStrings.next].map((text) => ({ text, colspan: 1, rowspan: 1, scope: "col" as const }))],
        rows: scenarioStrings.list.map((x) => ({
          head: `${x.letter}. ${x.name}`,
          cells: [x.shows, x.next].map((text) => ({ text, hidden: null, cls: null })),
          cls: null,
        })),
        notes: [],
        hidden: [],
      },
      outro: scenarioStrings.outro,
    },
    hiddenNotes: HIDDEN_REASONS.map((reason, i) => ({ reason, marker: i + 1, text: s.hidden[reason](results.minCell) })),
  };
}

function questionView(q: PublishedQuestion, number: number, s: ReportStrings, num: Numbers, tables: QuestionTables, chart: ChartView | null): QuestionView {
  const ref = q.reference;
  return {
    id: questionId(q),
    number,
    heading: s.question(number),
    title: q.title,
    name: q.name,
    description: q.description,
    reference: ref ? s.referenceValue(referenceLevel(ref, q.analysis, s, num), ref.label, ref.source) : null,
    tables: tables.tables(q, number),
    chart,
    chartSummary: chart?.summary ?? describeChart(q, s, num).summary,
    notes: q.notes,
  };
}

/** n as a share of the individuals, when both are shown. */
function ofIndividuals(f: Figure, individuals: Figure, num: Numbers): string {
  if (f.value === null || individuals.value === null) return num.count({ value: null, hidden: "derived" });
  return individuals.value === 0 ? "" : num.percent(f.value / individuals.value);
}

function basisFacts(r: Results, s: ReportStrings, num: Numbers): FactRow[] {
  return [
    { key: s.facts.period, value: r.basis.period ? s.basis.period(r.basis.period.from, r.basis.period.to) : s.basis.noPeriod },
    { key: s.basis.individuals, value: num.count(r.basis.individuals) },
  ];
}

function basisTables(r: Results, s: ReportStrings, num: Numbers): TableView[] {
  const B = s.basis;
  const col = (text: string) => ({ text, colspan: 1, rowspan: 1, scope: "col" as const });
  const fig = (f: Figure) => ({ text: num.count(f), hidden: f.hidden ?? null, cls: null });
  const share = (f: Figure) => ({ text: ofIndividuals(f, r.basis.individuals, num), hidden: f.value === null || r.basis.individuals.value === null ? ("derived" as const) : null, cls: null });
  const label = new Map(r.basis.registrations.map((t) => [t.timepoint, t.label]));
  const withHidden = (t: Omit<TableView, "hidden">): TableView => ({ ...t, hidden: HIDDEN_REASONS.filter((x) => t.rows.some((row) => row.cells.some((c) => c.hidden === x))) });
  return [
    withHidden({
      id: "registrations",
      caption: B.registrations,
      header: [[col(B.timepoint), col(s.cells.n), col(B.shareOfIndividuals)]],
      rows: r.basis.registrations.map((t) => ({ head: t.label, cells: [fig(t.n), share(t.n)], cls: null })),
      notes: [],
    }),
    withHidden({
      id: "missing",
      caption: B.missing,
      header: [[col(B.variable), col(B.timepoint), col(s.cells.n), col(B.shareOfIndividuals)]],
      rows: r.basis.missing.map((m) => ({ head: m.label, cells: [{ text: label.get(m.timepoint) ?? m.timepoint, hidden: null, cls: null }, fig(m.n), share(m.n)], cls: null })),
      notes: [],
    }),
  ];
}

/** The seeds' questions before any conclusion, each answered from this report's figures where it can be. */
function reliability(r: Results, s: ReportStrings, num: Numbers): TopicView[] {
  const R = s.reliability;
  const ind = r.basis.individuals.value;
  const shown = r.basis.registrations.filter((t) => t.n.value !== null);
  const lowest = shown.reduce<(typeof shown)[number] | undefined>((a, b) => (!a || b.n.value! < a.n.value! ? b : a), undefined);
  const worst = r.basis.missing.filter((m) => m.n.value !== null && m.n.value > 0).reduce<(typeof r.basis.missing)[number] | undefined>((a, b) => (!a || b.n.value! > a.n.value! ? b : a), undefined);
  const hidden = r.protection.hiddenPrimary + r.protection.hiddenSecondary;
  const topics: TopicView[] = [
    { heading: R.questions.asPlanned, paragraphs: [lowest && ind ? R.asPlanned(lowest.label, num.percent(lowest.n.value! / ind)) : R.asPlannedNone] },
    { heading: R.questions.enough, paragraphs: [ind !== null ? R.enough(num.count(r.basis.individuals), r.minCell, hidden, r.protection.cells) : R.enoughUnknown] },
    { heading: R.questions.missing, paragraphs: [worst && ind ? R.missing(worst.label, num.percent(worst.n.value! / ind)) : R.missingNone] },
    { heading: R.questions.generalise, paragraphs: [R.generalise] },
  ];
  for (const key of HANDBOOK_TOPICS) {
    const t = s.fromHandbook.reliability.topics.find((x) => x.key === key);
    if (t) topics.push({ heading: t.heading, paragraphs: t.paragraphs });
  }
  return topics;
}

function protectionFacts(r: Results, s: ReportStrings): FactRow[] {
  const P = s.protection;
  const p = r.protection;
  const a = p.audit;
  return [
    { key: P.method, value: P.methods[p.method] },
    { key: P.minCell, value: String(p.minCell) },
    { key: P.cells, value: String(p.cells) },
    { key: P.hiddenPrimary, value: String(p.hiddenPrimary) },
    { key: P.hiddenSecondary, value: String(p.hiddenSecondary) },
    {
      key: P.narrowest,
      value:
        a.narrowestRange === null
          ? P.none
          : a.narrowestCell
            ? `${a.narrowestRange} — ${P.narrowestCell(a.narrowestCell.table, a.narrowestCell.description, a.narrowestCell.low, a.narrowestCell.high)}`
            : String(a.narrowestRange),
    },
    { key: P.pinned, value: String(a.pinned) },
  ];
}
