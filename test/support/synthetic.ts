// Seeded synthetic registration records for any plan model, shaped like the
// JSON registration records (record.<tp>.schema.json): one record per
// individual and time point, with the messiness real registers have — missing
// registrations (not everyone is followed up), NULLs, `missing` codes, `other`
// answers with a description, multiple choice with none chosen, skewed
// categories so that some cells are small. Scales to any number of
// individuals (the benchmark uses 100,000).
import type { PlanModel, ValuesetModel, VariableModel } from "../../compiler/model/index.js";

export type RecordValue = string | number | boolean | null | (string | number)[];
export type RegistrationRecord = { individ_id: string } & { [field: string]: RecordValue };

export interface SyntheticData {
  individuals: string[];
  /** Registration records per time point name; an individual without a record there has none. */
  registrations: Record<string, RegistrationRecord[]>;
}

export interface SyntheticOptions {
  individuals?: number;
  seed?: number;
}

/** mulberry32: small, fast and good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["behov", "stöd", "hjälp", "familj", "boende", "arbete", "hälsa", "kontakt", "trygghet", "vardag", "ekonomi", "skola"];

export function syntheticRecords(model: PlanModel, opts: SyntheticOptions = {}): SyntheticData {
  const n = opts.individuals ?? 800;
  const rnd = seededRandom(opts.seed ?? 1);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const valuesets = new Map(model.valuesets.map((v) => [v.name, v]));
  const individuals = Array.from({ length: n }, (_, i) => `p${(i + 1).toString(36).padStart(6, "0")}`);
  const registrations: Record<string, RegistrationRecord[]> = {};
  // The previous answer per individual and variable, so that later time points move by small steps.
  const previous = new Map<string, RecordValue>();

  const codeValue = (vs: ValuesetModel, code: string): string | number => (vs.codeType === "integer" ? Number(code) : code);

  /** Skewed weights: the first answers are common, the last rare; `other` rarer still; missing codes now and then. */
  const chooseCode = (vs: ValuesetModel): string => {
    const weights = vs.values.map((v, i) => (v.missing ? 0.05 : (v.other ? 0.25 : 1) / Math.pow(i + 1, 1.4)));
    const total = weights.reduce((a, b) => a + b, 0);
    let x = rnd() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i]!;
      if (x <= 0) return vs.values[i]!.code;
    }
    return vs.values[vs.values.length - 1]!.code;
  };

  const numberIn = (v: VariableModel, decimal: boolean): number => {
    const t = v.type as { min?: number; max?: number };
    const lo = t.min ?? 0;
    const hi = t.max ?? lo + 100;
    const x = lo + rnd() * (hi - lo);
    return decimal ? Math.round(x * 4) / 4 : Math.min(hi, Math.floor(x + rnd()));
  };

  const nullChance = (v: VariableModel): number => (v.condition ? 0.5 : v.required ? 0.03 : 0.2);

  const valueOf = (v: VariableModel, id: string, tpIndex: number): RecordValue => {
    // A multiple-choice answer cannot be NULL in storage: no codes chosen is "none".
    if (rnd() < nullChance(v)) return v.type.kind === "choice" && v.type.multiple ? [] : null;
    switch (v.type.kind) {
      case "choice": {
        const vs = valuesets.get(v.type.valueset)!;
        if (v.type.multiple) {
          const answers = vs.values.filter((x) => !x.missing);
          if (rnd() < 0.04 && vs.values.some((x) => x.missing)) return [codeValue(vs, vs.values.find((x) => x.missing)!.code)];
          return answers.filter((_, i) => rnd() < 0.55 / (1 + i * 0.6)).map((x) => codeValue(vs, x.code));
        }
        const before = previous.get(`${id}:${v.name}`);
        if (tpIndex > 0 && before !== undefined && before !== null && vs.scale === "ordinal") {
          // Follow-ups: mostly the same or one step away on the scale.
          const scale = vs.values.filter((x) => !x.missing);
          const at = scale.findIndex((x) => String(codeValue(vs, x.code)) === String(before));
          const r = rnd();
          if (at >= 0 && r < 0.85) {
            const step = r < 0.4 ? 0 : r < 0.65 ? -1 : 1;
            return codeValue(vs, scale[Math.max(0, Math.min(scale.length - 1, at + step))]!.code);
          }
        }
        return codeValue(vs, chooseCode(vs));
      }
      case "integer":
        return numberIn(v, false);
      case "decimal":
        return numberIn(v, true);
      case "boolean":
        return rnd() < 0.6;
      case "date": {
        const d = new Date(Date.UTC(2026, 0, 1) + Math.floor(rnd() * 700) * 86_400_000);
        return d.toISOString().slice(0, 10);
      }
      case "text":
        return `${pick(WORDS)} ${pick(WORDS)}`;
    }
  };

  model.timepoints.forEach((tp, tpIndex) => {
    const records: RegistrationRecord[] = [];
    const variables = model.variables.filter((v) => v.timepoints.includes(tp.name));
    // Everyone is registered at the first time point but a few; fewer at each later one.
    const registered = tpIndex === 0 ? 0.96 : 0.8 - 0.08 * (tpIndex - 1);
    for (const id of individuals) {
      if (rnd() >= registered) continue;
      const rec: RegistrationRecord = { individ_id: id };
      for (const v of variables) {
        // A declared `other` description is filled below, with the answer it describes.
        if (model.variables.some((x) => x.otherDescription?.declared && x.otherDescription.name === v.name && x.timepoints.includes(tp.name))) continue;
        const value = valueOf(v, id, tpIndex);
        rec[v.name] = value;
        if (v.type.kind === "choice" && !v.type.multiple) previous.set(`${id}:${v.name}`, value);
        const od = v.otherDescription;
        if (od) {
          const chosen = Array.isArray(value) ? value.map(String) : value === null ? [] : [String(value)];
          const describes = chosen.some((c) => od.codes.includes(c));
          if (!od.declared || variables.some((x) => x.name === od.name)) rec[od.name] = describes && rnd() < 0.9 ? `${pick(WORDS)} (${v.name})` : null;
        }
      }
      records.push(rec);
    }
    registrations[tp.name] = records;
  });
  return { individuals, registrations };
}
