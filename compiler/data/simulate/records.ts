// Plausible synthetic registration records for a plan, shaped exactly like
// its record schemas (record.<tp>.schema.json): the form's fields with their
// codes, ranges and conditions. Real registers are messy, and a team should
// see that before collection: answers lean to a few categories so some groups
// are small, missing codes and empty optional answers occur, `other` answers
// come with their description, multiple choice is sometimes left empty, and
// not everyone is followed up. Follow-ups move from the earlier answer by
// small steps, so changes look like changes.
import { buildForm, type Code, type FormComparison, type FormCondition, type FormField, type FormOption, type FormTimepoint, type FormValueset } from "../../generate/form/index.js";
import type { PlanModel } from "../../model/index.js";
import { hashText, scramble, seededRandom, type Random } from "./random.js";

export type SimulatedValue = string | number | boolean | null | Code[];
export type SimulatedRecord = { individ_id: string; registrerad_datum: string | null; [field: string]: SimulatedValue };

export interface SimulatedData {
  seed: number;
  /** Every individual's pseudonymous key, in the order they were drawn. */
  individuals: string[];
  /** The records at each time point (by name); an individual without a record there was not registered then. */
  registrations: Record<string, SimulatedRecord[]>;
}

export interface SimulateOptions {
  individuals: number;
  seed?: number;
}

export const DEFAULT_SEED = 1;

/** Chance of a registration at the first time point, and of staying in at each later one (else of coming back). */
const FIRST_REGISTERED = 0.97;
const STAYS = 0.85;
const COMES_BACK = 0.3;
/** An optional answer left empty; a missing code given instead of an answer. */
const EMPTY_OPTIONAL = 0.08;
const MISSING_CODE = 0.04;
/** Multiple choice with nothing chosen. */
const NONE_CHOSEN = 0.12;

const WORDS = ["stöd", "vardag", "boende", "familj", "ekonomi", "hälsa", "kontakt", "arbete", "skola", "trygghet", "fritid", "nätverk", "rutiner", "sömn", "mat"];
const OTHER_WORDS = ["annan form", "delvis", "tillfälligt", "enligt överenskommelse", "efter önskemål", "varierar"];

/** The first day a baseline registration may fall on; follow-ups come at intervals after it. Fixed, so the data do not depend on today's date. */
const START = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const INTERVAL_DAYS = 182;

/** A pseudonymous key: letters in it, so it is never ten or twelve digits (a personnummer's shape). */
export function simulatedKey(index: number, seed: number): string {
  return `sim-${scramble(index, seed).toString(36).padStart(7, "0")}`;
}

/** Individuals per batch of simulateBatches: small enough to keep memory flat at millions of individuals. */
export const BATCH_INDIVIDUALS = 10_000;

/**
 * The simulation in consecutive slices of individuals, each with its own
 * records: the same draws in the same order as simulate(), so the batches
 * joined are exactly simulate()'s data, without holding them all at once.
 */
export function* simulateBatches(model: PlanModel, opts: SimulateOptions, batch = BATCH_INDIVIDUALS): Generator<SimulatedData> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const n = Math.max(0, Math.floor(opts.individuals));
  const form = buildForm(model, { lang: model.language });
  const plan = new PlanProfile(form.valuesets, form.timepoints, seed);
  const rnd = seededRandom(hashText("records", seed));
  for (let from = 0; from < n; from += batch) {
    const individuals = Array.from({ length: Math.min(batch, n - from) }, (_, i) => simulatedKey(from + i, seed));
    const registrations: Record<string, SimulatedRecord[]> = Object.fromEntries(form.timepoints.map((tp) => [tp.name, []]));
    for (const id of individuals) {
      const person = new Person(id, plan, rnd);
      let registered = false;
      form.timepoints.forEach((tp, k) => {
        registered = k === 0 ? rnd.chance(FIRST_REGISTERED) : rnd.chance(registered ? STAYS : COMES_BACK);
        if (registered) registrations[tp.name]!.push(person.register(tp, k));
      });
    }
    yield { seed, individuals, registrations };
  }
}

export function simulate(model: PlanModel, opts: SimulateOptions): SimulatedData {
  const seed = opts.seed ?? DEFAULT_SEED;
  const all: SimulatedData = { seed, individuals: [], registrations: Object.fromEntries(model.timepoints.map((tp) => [tp.name, []])) };
  for (const b of simulateBatches(model, opts)) {
    for (const id of b.individuals) all.individuals.push(id);
    for (const [tp, records] of Object.entries(b.registrations)) for (const r of records) all.registrations[tp]!.push(r);
  }
  return all;
}

interface ChoicePlan {
  options: FormOption[];
  missing: FormOption[];
  /** The answers that are steps of the scale (neither missing nor other), in order. */
  scale: FormOption[];
  vs?: FormValueset;
  weights: number[];
  top: number;
}

/** What stays the same for every individual: each field's leaning, fixed per plan and seed. */
class PlanProfile {
  readonly valuesets: Map<string, FormValueset>;
  /** Per time point, its fields in an order where a condition's fields come before the field it shows. */
  readonly order = new Map<string, FormField[]>();
  private readonly choicePlans = new Map<string, ChoicePlan>();
  private readonly numbers = new Map<string, { skew: number; p: number }>();

  constructor(
    valuesets: FormValueset[],
    timepoints: FormTimepoint[],
    private readonly seed: number,
  ) {
    this.valuesets = new Map(valuesets.map((v) => [v.name, v]));
    for (const tp of timepoints) this.order.set(tp.name, conditionOrder(tp));
  }

  private stream(name: string): Random {
    return seededRandom(hashText(name, this.seed));
  }

  /**
   * A choice field's answers and their weights: a steep, field-specific lean,
   * so the last categories are small; `other` rare; missing codes apart.
   */
  choices(f: FormField): ChoicePlan {
    let c = this.choicePlans.get(f.name);
    if (!c) {
      const r = this.stream(`weights:${f.name}`);
      const options = f.options ?? [];
      const scale = options.filter((o) => !o.missing && !o.other);
      const vs = f.valueset ? this.valuesets.get(f.valueset) : undefined;
      // Ordinal scales peak somewhere inside; nominal ones fall off from a field-specific first answer.
      const peak = r.int(0, Math.max(0, scale.length - 1));
      const steep = 0.6 + r.next() * 0.8;
      const weights = options.map((o) => {
        if (o.missing) return 0;
        if (o.other) return 0.04;
        const i = scale.indexOf(o);
        const distance = vs?.scale === "ordinal" ? Math.abs(i - peak) : (i - peak + scale.length) % scale.length;
        return Math.exp(-steep * distance);
      });
      c = { options, missing: options.filter((o) => o.missing), scale, vs, weights, top: Math.max(...weights, 1e-9) };
      this.choicePlans.set(f.name, c);
    }
    return c;
  }

  /** A numeric field's shape: skew > 1 leans low, < 1 high; p is a boolean's chance of true. */
  numberShape(f: FormField): { skew: number; p: number } {
    let s = this.numbers.get(f.name);
    if (!s) {
      const r = this.stream(`number:${f.name}`);
      s = { skew: 0.5 + r.next() * 2, p: 0.15 + r.next() * 0.5 };
      this.numbers.set(f.name, s);
    }
    return s;
  }
}

/** One individual's answers over the time points. */
class Person {
  private readonly records = new Map<string, SimulatedRecord>();
  private readonly previous = new Map<string, SimulatedValue>();
  /** Days after START of this individual's first registration. */
  private readonly start: number;

  constructor(
    private readonly id: string,
    private readonly plan: PlanProfile,
    private readonly rnd: Random,
  ) {
    this.start = rnd.int(0, 364);
  }

  register(tp: FormTimepoint, k: number): SimulatedRecord {
    const day = this.start + k * INTERVAL_DAYS + this.rnd.int(0, 30);
    const record: SimulatedRecord = { individ_id: this.id, registrerad_datum: isoDate(day) };
    this.records.set(tp.name, record);
    for (const f of this.plan.order.get(tp.name) ?? []) {
      const shown = f.visibleWhen === undefined || this.holds(f.visibleWhen);
      const value = shown ? this.answer(f, day) : null;
      record[f.name] = value;
      if (value !== null) this.previous.set(f.name, value);
    }
    return record;
  }

  /** A condition as the record schema reads it: a test on an unanswered field is false. */
  private holds(c: FormCondition): boolean {
    if ("all" in c) return c.all.every((p) => this.holds(p));
    if ("any" in c) return c.any.some((p) => this.holds(p));
    if ("not" in c) return !this.holds(c.not);
    return compare(c, this.records.get(c.timepoint)?.[c.field]);
  }

  private answer(f: FormField, day: number): SimulatedValue {
    const r = this.rnd;
    if (!f.required && r.chance(EMPTY_OPTIONAL)) return null;
    switch (f.type) {
      case "choice":
        return this.choice(f);
      case "multiple":
        return this.multiple(f);
      case "integer":
      case "decimal":
        return this.number(f);
      case "boolean": {
        const before = this.previous.get(f.name);
        if (typeof before === "boolean" && r.chance(0.8)) return before;
        return r.chance(this.plan.numberShape(f).p);
      }
      case "date":
        // A date asked about (a decision, an event) lies before the registration.
        return isoDate(day - r.int(0, 365));
      case "text":
        if (f.describesOther) return `${r.pick(OTHER_WORDS)}: ${r.pick(WORDS)}`;
        return `${r.pick(WORDS)} och ${r.pick(WORDS)}`;
    }
  }

  private choice(f: FormField): SimulatedValue {
    const { options, missing, scale, vs, weights } = this.plan.choices(f);
    const r = this.rnd;
    if (missing.length && r.chance(MISSING_CODE)) return r.pick(missing).code;
    const before = this.previous.get(f.name);
    const at = before === undefined ? -1 : scale.findIndex((o) => o.code === before);
    if (vs?.scale === "ordinal" && at >= 0) {
      // A follow-up: mostly the same step or one away, a little more often towards the better end.
      const better = vs.direction === "higher" ? 1 : -1;
      const x = r.next();
      const step = x < 0.5 ? 0 : x < 0.78 ? better : x < 0.95 ? -better : 2 * better;
      return scale[Math.max(0, Math.min(scale.length - 1, at + step))]!.code;
    }
    if (!vs || vs.scale === "nominal") {
      // A nominal answer (kön, boendeform) mostly stays what it was.
      if (before !== undefined && !Array.isArray(before) && r.chance(0.9) && options.some((o) => o.code === before)) return before;
    }
    return options[r.weighted(weights)]!.code;
  }

  private multiple(f: FormField): SimulatedValue {
    const r = this.rnd;
    const { options, missing, weights, top } = this.plan.choices(f);
    if (missing.length && r.chance(MISSING_CODE)) return [r.pick(missing).code];
    if (r.chance(NONE_CHOSEN)) return [];
    const chosen: Code[] = [];
    for (let i = 0; i < options.length; i++) if (!options[i]!.missing && r.chance((0.55 * weights[i]!) / top)) chosen.push(options[i]!.code);
    return chosen;
  }

  private number(f: FormField): number {
    const r = this.rnd;
    const lo = f.min ?? (f.max !== undefined ? Math.min(0, f.max) : 0);
    const hi = f.max ?? lo + (f.type === "integer" ? 100 : 10);
    const before = this.previous.get(f.name);
    let x: number;
    // A follow-up keeps the earlier figure more often than not, else moves a little.
    if (typeof before === "number") x = r.chance(0.6) ? before : before + (r.next() - 0.5) * (hi - lo) * 0.1;
    else x = lo + Math.pow(r.next(), this.plan.numberShape(f).skew) * (hi - lo);
    x = Math.min(hi, Math.max(lo, x));
    return f.type === "integer" ? Math.min(Math.floor(hi), Math.max(Math.ceil(lo), Math.round(x))) : Math.min(hi, Math.max(lo, Math.round(x * 10) / 10));
  }
}

/** One comparison against an answer, exactly as the record schema's `if` reads it (conditionSchema). */
function compare(c: FormComparison, value: SimulatedValue | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) {
    if (c.op === "in") return c.values.some((x) => value.includes(x as Code));
    if (c.op === "=") return value.includes(c.value as Code);
    if (c.op === "!=") return !value.includes(c.value as Code);
    return false;
  }
  switch (c.op) {
    case "in":
      return c.values.includes(value);
    case "=":
      return value === c.value;
    case "!=":
      return value !== c.value;
  }
  if (typeof value !== "number" || typeof c.value !== "number") return false;
  switch (c.op) {
    case "<":
      return value < c.value;
    case "<=":
      return value <= c.value;
    case ">":
      return value > c.value;
    case ">=":
      return value >= c.value;
  }
}

/** The fields of a time point with every field its condition reads at that time point placed before it (plan order otherwise). */
function conditionOrder(tp: FormTimepoint): FormField[] {
  const byName = new Map(tp.fields.map((f) => [f.name, f]));
  const reads = (c: FormCondition | undefined, out: string[] = []): string[] => {
    if (!c) return out;
    if ("all" in c) c.all.forEach((p) => reads(p, out));
    else if ("any" in c) c.any.forEach((p) => reads(p, out));
    else if ("not" in c) reads(c.not, out);
    else if (c.timepoint === tp.name && byName.has(c.field)) out.push(c.field);
    return out;
  };
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const order: FormField[] = [];
  const place = (f: FormField): void => {
    if (placed.has(f.name) || visiting.has(f.name)) return;
    visiting.add(f.name);
    for (const name of reads(f.visibleWhen)) place(byName.get(name)!);
    visiting.delete(f.name);
    placed.add(f.name);
    order.push(f);
  };
  tp.fields.forEach(place);
  return order;
}

/** Days are few (a couple of years): each date text is made once. */
const dates = new Map<number, string>();
function isoDate(day: number): string {
  let d = dates.get(day);
  if (d === undefined) {
    d = new Date(START + day * DAY).toISOString().slice(0, 10);
    dates.set(day, d);
  }
  return d;
}
