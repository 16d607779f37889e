// The Results object (results.json) from the true tables and what protection
// decided: hidden counts become null with their reason, a share, mean,
// median or quartile is hidden when a count it needs is, and the rest is
// rounded to the published precision.
import type { GrainColumn } from "../../model/grain.js";
import { tr, type PlanModel, type ReferenceModel } from "../../model/index.js";
import type { ProtectionOutcome, ProtectionProblem } from "../protect/problem.js";
import type { Figure, HiddenReason, ProtectionSummary, PublishedGroup, PublishedMember, PublishedQuestion, PublishedReference, PublishedRow, PublishedTable, Results } from "../published.js";
import { basisIndividualsId, basisMissingId, basisRegistrationsId, groupFigureId, rowCountId, rowShareId } from "./ids.js";
import { Labels } from "./labels.js";
import { PRECISION, round } from "./precision.js";
import type { BasisFigures, Coordinate, QuestionTables, RowKey } from "./types.js";

export interface PublishOptions {
  lang: string;
  source: string;
}

/** At most one whole number lies in [low, high]: the hidden count is known exactly. */
export const pinned = (low: number, high: number): boolean => Math.floor(high + 1e-6) - Math.ceil(low - 1e-6) < 1;

function summary(problem: ProtectionProblem, outcome: ProtectionOutcome, labels: Labels): ProtectionSummary {
  const items = new Map(problem.counts.map((c) => [c.id, c]));
  const reasons = problem.counts.map((c) => outcome.hidden.get(c.id));
  const ranges = outcome.ranges.filter((r) => items.has(r.id));
  const narrowest = ranges.reduce<(typeof ranges)[number] | undefined>((best, r) => (!best || r.high - r.low < best.high - best.low ? r : best), undefined);
  const cell = narrowest && items.get(narrowest.id)!;
  return {
    method: "suppression",
    minCell: problem.minCell,
    cells: problem.counts.length,
    hiddenPrimary: reasons.filter((r) => r === "primary").length,
    hiddenSecondary: reasons.filter((r) => r === "secondary").length,
    audit: {
      narrowestRange: narrowest ? narrowest.high - narrowest.low : null,
      ...(narrowest && cell ? { narrowestCell: { table: cell.table, description: cell.description, low: narrowest.low, high: narrowest.high } } : {}),
      pinned: ranges.filter((r) => pinned(r.low, r.high)).length,
    },
    statement: labels.texts.suppression,
  };
}

export function publish(model: PlanModel, questions: QuestionTables[], basis: BasisFigures, problem: ProtectionProblem, outcome: ProtectionOutcome, opts: PublishOptions): Results {
  const labels = new Labels(model, opts.lang);
  // Small or protecting a small one: published alike (published.ts says why).
  const hidden = (id: string): HiddenReason | undefined => {
    const why = outcome.hidden.get(id);
    return why === undefined ? undefined : why === "derived" ? "derived" : "suppressed";
  };
  const count = (id: string, value: number): Figure => {
    const why = hidden(id);
    return why ? { value: null, hidden: why } : { value };
  };
  /** A figure computed from counts: hidden with any of them; null without reason when there is nothing to compute. */
  const derived = (id: string, value: number | null, needs: string[], decimals: number): Figure => {
    if (value === null) return { value: null };
    const why = hidden(id) ?? (needs.some((n) => hidden(n) !== undefined) ? "derived" : undefined);
    return why ? { value: null, hidden: why } : { value: round(value, decimals) };
  };
  const member = (col: GrainColumn, at: Coordinate): PublishedMember => ({ code: at === null ? null : col.members[at]!.code, label: labels.member(col, at) });

  const published: PublishedQuestion[] = questions.map((qt) => {
    const { grain, question } = qt;
    const key = (k: RowKey): PublishedRow["key"] => {
      const m = (i: number, at: number) => member(grain.keys[i]!, at);
      if ("category" in k) return { category: m(0, k.category) };
      if ("row" in k) return { row: m(0, k.row), column: m(1, k.column) };
      if ("from" in k) return { from: m(0, k.from), to: m(1, k.to) };
      return { outcome: { code: k.outcome, label: labels.outcome(k.outcome) } };
    };
    const tables: PublishedTable[] = qt.tables.map((t) => {
      const groups: PublishedGroup[] = [];
      const rows: PublishedRow[] = [];
      for (const g of t.groups) {
        const split = (t.split?.dims ?? []).map((d, i) => member(grain.dims[d]!, g.members[i]!));
        const sizeId = groupFigureId(t, g, "size");
        const pg: PublishedGroup = { split, size: count(sizeId, g.size.value), missing: count(groupFigureId(t, g, "missing"), g.missing.value) };
        const s = g.summary;
        if (s) {
          const nId = groupFigureId(t, g, "n");
          pg.n = count(nId, s.n.value);
          for (const what of ["mean", "median", "q1", "q3"] as const) pg[what] = derived(groupFigureId(t, g, what), s[what], [nId], PRECISION.mean);
        }
        groups.push(pg);
        for (const r of g.rows) {
          const nId = rowCountId(t, g, r.key);
          rows.push({ split, key: key(r.key), n: count(nId, r.n.value), share: derived(rowShareId(t, g, r.key), g.size.value > 0 ? r.n.value / g.size.value : null, [nId, sizeId], PRECISION.share) });
        }
      }
      const split = t.split && {
        id: t.split.id,
        parts: t.split.dims.map((d) => {
          const ref = grain.dims[d]!.ref;
          return { kind: ref.kind, name: ref.name, timepoint: ref.timepoint, label: labels.measure(ref) };
        }),
      };
      return { id: t.id, split, groups, rows };
    });
    return {
      name: question.name,
      title: tr(question.label, opts.lang, model.language),
      analysis: grain.analysis,
      description: labels.describe(question, grain),
      multiple: grain.choices,
      ...(question.reference ? { reference: publishedReference(question.reference, opts.lang, model.language) } : {}),
      tables,
      notes: [...question.notes],
    };
  });

  return {
    plan: model.name,
    title: tr(model.title, opts.lang, model.language),
    ...(model.version !== undefined ? { version: model.version } : {}),
    language: opts.lang,
    minCell: model.minCell,
    precision: { ...PRECISION },
    source: opts.source,
    basis: {
      individuals: count(basisIndividualsId, basis.individuals),
      registrations: basis.registrations.map((r) => ({ timepoint: r.timepoint, label: labels.timepoint(r.timepoint), n: count(basisRegistrationsId(r.timepoint), r.n) })),
      missing: basis.missing.map((m) => ({
        variable: m.variable,
        label: labels.measure({ kind: "variable", name: m.variable, timepoint: m.timepoint }),
        timepoint: m.timepoint,
        n: count(basisMissingId(m.variable, m.timepoint), m.n),
      })),
      ...(basis.period ? { period: basis.period } : {}),
    },
    questions: published,
    protection: summary(problem, outcome, labels),
  };
}

/** The plan's reference level as published: a share as a fraction, like every share in the file. */
function publishedReference(ref: ReferenceModel, lang: string, planLanguage: string): PublishedReference {
  // 60 % is 0.6; toFixed drops binary noise only, so the level stays as the plan states it (62.55 % is 0.6255).
  const value = ref.kind === "share" ? Number((ref.value / 100).toFixed(10)) : ref.value;
  const out: PublishedReference = { kind: ref.kind, value, label: tr(ref.label, lang, planLanguage) };
  if (ref.source) out.source = tr(ref.source, lang, planLanguage);
  return out;
}
