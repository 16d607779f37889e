// Builds the plan model from a resolution without errors (see index.ts for its types).
import type * as A from "../syntax/ast.js";
import { DEFAULT_MIN_CELL } from "../vocabulary/defaults.js";
import { DEFAULT_LANGUAGE } from "../vocabulary/languages.js";
import { otherDescriptionLabel } from "../vocabulary/other-answer.js";
import type { Diagnostic } from "../syntax/diagnostic.js";
import { lookupMeasure, type Resolution } from "../semantics/resolve.js";
import { facts } from "../semantics/facts.js";
import { otherCodes } from "../semantics/usage.js";
import { analysisReads, contextTimepoint, recordedAt, targetTimepoint } from "../semantics/time.js";
import type {
  AnalysisModel,
  ClassificationModel,
  ConditionModel,
  GroupEntryModel,
  GroupModel,
  Localized,
  MeasureRef,
  PlanModel,
  QuestionModel,
  SplitModel,
  TimepointModel,
  ValueModel,
  ValuesetModel,
  VariableModel,
  VariableType,
} from "./index.js";

/**
 * A text by language: the untagged text (else the fallback, where one is given)
 * in the plan's language, then each translation into a language not yet given.
 */
function localized(t: A.LocalizedText, lang: string, fallback?: string): Localized {
  const out: Localized = {};
  const own = t.text?.value ?? fallback;
  if (own !== undefined) out[lang] = own;
  for (const tr of t.translations) if (!(tr.lang.text in out)) out[tr.lang.text] = tr.text.value;
  return out;
}

function classifications(cs: A.Classification[]): ClassificationModel[] {
  return cs.map((c) => (c.version ? { system: c.system.text.toLowerCase(), version: c.version.value, code: c.code.value } : { system: c.system.text.toLowerCase(), code: c.code.value }));
}

export function buildModel(r: Resolution, diagnostics: Diagnostic[]): PlanModel {
  const plan = r.plan!.decl;
  const setting = <K extends A.PlanSetting["key"]>(k: K) => plan.settings.filter((s): s is A.PlanSetting & { key: K } => s.key === k);
  const language = setting("language")[0]?.lang.text ?? DEFAULT_LANGUAGE;
  /** A label, or the name where the declaration has none. */
  const L = (label: A.LocalizedText, fallback: string) => localized(label, language, fallback);
  /** A text the plan writes in its own language, or nothing where it writes only translations. */
  const T = (t: A.LocalizedText | undefined) => (t?.text ? localized(t, language) : undefined);
  /** A definition: in the plan's language or only in others. */
  const D = (t: A.LocalizedText | undefined) => (t ? localized(t, language) : undefined);

  const measureRef = (ref: A.VarRef, tp: string | undefined): MeasureRef => {
    const sym = lookupMeasure(r, ref.name.text)!;
    return { kind: sym.kind === "group" ? "group" : "variable", name: sym.name, timepoint: tp ?? recordedAt(r, sym)[0] ?? "" };
  };

  const condition = (c: A.Condition, reads: string[]): ConditionModel => {
    switch (c.kind) {
      case "or":
      case "and":
        return { kind: c.kind, parts: c.parts.map((p) => condition(p, reads)) };
      case "not":
        return { kind: "not", operand: condition(c.operand, reads) };
      case "compare": {
        const out: ConditionModel = {
          kind: "compare",
          subject: measureRef(c.subject, contextTimepoint(r, c.subject, reads)),
          op: c.op,
          values: c.values.map((v) => v.value),
        };
        if (c.band?.low) out.low = c.band.low.value;
        if (c.band?.high) out.high = c.band.high.value;
        return out;
      }
    }
  };

  const timepoints: TimepointModel[] = [...r.timepoints.values()]
    .sort((a, b) => r.timepointOrder.get(a.name)! - r.timepointOrder.get(b.name)!)
    .map((s, order) => {
      const d = s.decl;
      const m: TimepointModel = { name: d.name.text, label: L(d.label, d.name.text), order };
      const when = T(d.when);
      if (when) m.when = when;
      const def = D(d.definition);
      if (def) m.definition = def;
      return m;
    });

  const valuesets: ValuesetModel[] = facts(r).valuesets.map((s) => {
    const d = s.decl;
    const m: ValuesetModel = {
      name: d.name.text,
      label: L(d.label, d.name.text),
      scale: d.scale?.value ?? "nominal",
      codeType: d.values.length > 0 && d.values.every((v) => /^-?\d+$/.test(v.code.value)) ? "integer" : "text",
      values: d.values.map((v, i) => {
        const vm: ValueModel = {
          code: v.code.value,
          label: L(v.label, v.code.value),
          order: i + 1,
          other: !!v.other,
          missing: !!v.missing,
          classifications: classifications(v.classifications),
        };
        const def = D(v.definition);
        if (def) vm.definition = def;
        return vm;
      }),
    };
    if (d.direction) m.direction = d.direction.value;
    const def = D(d.definition);
    if (def) m.definition = def;
    return m;
  });

  const questions: QuestionModel[] = [];
  // Who reads what comes from usage.ts, which the data-minimisation checks share.
  const usedBy = facts(r).readers;
  for (const s of facts(r).questions) {
    const d = s.decl;
    const a = d.analyses[0];
    if (!a) continue;
    const reads = analysisReads(r, a);
    let analysis: AnalysisModel;
    switch (a.kind) {
      case "count":
      case "summary":
        analysis = { kind: a.kind, target: measureRef(a.target, targetTimepoint(r, a.target).tp) };
        break;
      case "crosstab":
        analysis = { kind: "crosstab", row: measureRef(a.target, targetTimepoint(r, a.target).tp), column: measureRef(a.other, targetTimepoint(r, a.other).tp) };
        break;
      case "change":
        analysis = { kind: "change", variable: a.variable.text, from: a.from.text, to: a.to.text };
        break;
      case "attainment":
        analysis = { kind: "attainment", target: measureRef(a.target, targetTimepoint(r, a.target).tp), goal: measureRef(a.goal, targetTimepoint(r, a.goal).tp) };
        break;
    }
    const splits: SplitModel[] = d.splits.map((sp) => {
      const parts = sp.parts.map((p) => measureRef(p, contextTimepoint(r, p, reads)));
      return { id: parts.map((p) => p.name).join("_x_"), parts };
    });
    const q: QuestionModel = { name: d.name.text, label: L(d.label, d.name.text), analysis, splits, notes: d.notes.map((n) => n.value), reads };
    if (d.where.length) {
      const conds = d.where.map((w) => condition(w, reads));
      q.where = conds.length === 1 ? conds[0]! : { kind: "and", parts: conds };
    }
    if (d.reference) {
      const ref = d.reference;
      q.reference = { kind: ref.percent ? "share" : "value", value: ref.value.value, label: localized(ref.label, language) };
      if (ref.source) q.reference.source = localized(ref.source, language);
    }
    questions.push(q);
  }

  const variables: VariableModel[] = facts(r).variables.map((s) => {
    const d = s.decl;
    let type: VariableType;
    if (d.type.kind === "valueset") type = { kind: "choice", valueset: d.type.valueset.text, multiple: d.type.multiple };
    else if (d.type.kind === "integer" || d.type.kind === "decimal") {
      type = { kind: d.type.kind };
      if (d.type.bounds?.low) type.min = d.type.bounds.low.value;
      if (d.type.bounds?.high) type.max = d.type.bounds.high.value;
    } else type = { kind: d.type.kind };
    const tps = recordedAt(r, s);
    const m: VariableModel = {
      name: d.name.text,
      label: L(d.label, d.name.text),
      type,
      timepoints: tps,
      classifications: classifications(d.classifications),
      required: d.required ? d.required.value : !d.condition,
      sensitive: d.sensitive.map((x) => x.text),
      usedBy: [...(usedBy.get(d.name.text) ?? [])],
    };
    const unit = T(d.unit);
    if (unit) m.unit = unit;
    const def = D(d.definition);
    if (def) m.definition = def;
    if (d.condition) {
      m.condition = condition(d.condition, tps.slice(0, 1));
      m.conditionAt = Object.fromEntries(tps.map((tp) => [tp, condition(d.condition!, [tp])]));
    }
    const reason = T(d.reason);
    if (reason) m.reason = reason;
    return m;
  });

  // `other` descriptions: a declared text variable conditioned on the other
  // code(s), or else an implicit `<variable>_annat` field.
  const byName = new Map(variables.map((v) => [v.name, v]));
  const declaredDescriptions = new Map([...facts(r).otherDescriptions].map(([choice, text]) => [choice.name, byName.get(text.name)!]));
  for (const v of variables) {
    const sym = r.variables.get(v.name)!;
    const codes = otherCodes(r, sym.decl);
    if (codes.length === 0) continue;
    const declared = declaredDescriptions.get(v.name);
    if (declared) {
      v.otherDescription = { name: declared.name, label: declared.label, codes, declared: true };
      // An `other` answer is only useful with its description: required when
      // shown unless the plan says `optional`; and as sensitive as the answer.
      const decl = r.variables.get(declared.name)!.decl;
      if (!decl.required) declared.required = true;
      declared.sensitive = [...new Set([...declared.sensitive, ...v.sensitive])];
      continue;
    }
    let name = `${v.name}_annat`;
    while (byName.has(name)) name += "_beskrivning";
    const label: Localized = {};
    for (const [lang, text] of Object.entries(v.label)) label[lang] = otherDescriptionLabel(lang, text);
    v.otherDescription = { name, label, codes, declared: false };
  }

  const groups: GroupModel[] = facts(r).groups.map((s) => {
    const d = s.decl;
    const bands = d.entries.some((e) => e.band);
    const m: GroupModel = {
      name: d.name.text,
      label: L(d.label, d.name.text),
      source: d.source.name.text,
      kind: bands ? "bands" : "codes",
      entries: d.entries.map((e, i) => {
        const em: GroupEntryModel = { code: e.name?.text ?? String(i + 1), label: L(e.label, e.label.text.value), order: i + 1 };
        if (e.band?.low) em.low = e.band.low.value;
        if (e.band?.high) em.high = e.band.high.value;
        if (!e.band) em.values = e.values.map((v) => v.raw);
        return em;
      }),
    };
    if (d.source.timepoint) m.sourceTimepoint = d.source.timepoint.text;
    return m;
  });

  const minCell = setting("min_cell")[0]?.number.value;
  const expected = setting("expected")[0]?.number.value;
  const model: PlanModel = {
    name: plan.name.text,
    title: L(plan.label, plan.name.text),
    language,
    translations: setting("translations").flatMap((s) => s.langs.map((l) => l.text)),
    minCell: minCell ?? DEFAULT_MIN_CELL,
    notes: plan.notes.map((n) => localized(n, language)),
    legalBasis: plan.legalBases.map((n) => localized(n, language)),
    timepoints,
    valuesets,
    variables,
    groups,
    questions,
    openDiagnostics: diagnostics.filter((d) => d.severity !== "error"),
    files: r.program.files.map((f) => f.path),
  };
  const org = setting("organisation")[0];
  if (org) model.organisation = org.text.value;
  const ver = setting("version")[0];
  if (ver) model.version = ver.text.value;
  const purpose = T(plan.purpose);
  if (purpose) model.purpose = purpose;
  if (expected !== undefined) model.expected = expected;
  return model;
}
