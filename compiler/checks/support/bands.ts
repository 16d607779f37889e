// Numeric bands of a comparison group as intervals, and the arithmetic the
// group checks share: overlaps, gaps between bands, and the parts of the
// source's declared range no band covers. Integer bands are inclusive at both
// ends (65..79, then 80..); decimal bands include their low end and exclude
// their high end, so 0..5 and 5..10 meet without overlapping. A variable's
// declared range is inclusive at both ends for both kinds.
import type * as A from "../../syntax/ast.js";

export type NumberKind = "integer" | "decimal";

/** A set of numbers between lo and hi; the ends may be infinite. */
export interface Interval {
  lo: number;
  hi: number;
  loIncluded: boolean;
  hiIncluded: boolean;
}

export interface Band {
  entry: A.GroupEntry;
  band: A.RangeLit;
  interval: Interval;
}

/** The values a band holds. Integer bounds are rounded inward (a decimal bound on an integer is ISU0206's concern). */
export function bandInterval(band: A.RangeLit, kind: NumberKind): Interval {
  const lo = band.low?.value ?? -Infinity;
  const hi = band.high?.value ?? Infinity;
  if (kind === "integer") return { lo: Math.ceil(lo), hi: Math.floor(hi), loIncluded: true, hiIncluded: true };
  return { lo, hi, loIncluded: true, hiIncluded: !band.high };
}

/** The source variable's declared range (unbounded ends when it declares none). */
export function declaredInterval(type: A.TypeRef): Interval {
  const b = type.kind === "integer" || type.kind === "decimal" ? type.bounds : undefined;
  return { lo: b?.low?.value ?? -Infinity, hi: b?.high?.value ?? Infinity, loIncluded: true, hiIncluded: true };
}

/** A group's bands, sorted by where they start (then by where they end). */
export function sortedBands(g: A.GroupDecl, kind: NumberKind): Band[] {
  return g.entries
    .filter((e): e is A.GroupEntry & { band: A.RangeLit } => !!e.band)
    .map((e) => ({ entry: e, band: e.band, interval: bandInterval(e.band, kind) }))
    .sort((a, b) => a.interval.lo - b.interval.lo || a.interval.hi - b.interval.hi);
}

function isEmpty(i: Interval): boolean {
  // Nothing lies beyond an open-ended band (∞ + 1 is still ∞).
  if (i.lo === Infinity || i.hi === -Infinity) return true;
  return i.lo > i.hi || (i.lo === i.hi && !(i.loIncluded && i.hiIncluded));
}

/** The common part of two intervals, or undefined when they share no value. */
export function intersect(a: Interval, b: Interval): Interval | undefined {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  const out: Interval = {
    lo,
    hi,
    loIncluded: (a.lo !== lo || a.loIncluded) && (b.lo !== lo || b.loIncluded),
    hiIncluded: (a.hi !== hi || a.hiIncluded) && (b.hi !== hi || b.hiIncluded),
  };
  return isEmpty(out) ? undefined : out;
}

/** The values between the end of `covered` and the start of `next` that neither holds. */
function between(coveredHi: number, coveredHiIncluded: boolean, next: Interval, kind: NumberKind): Interval | undefined {
  if (kind === "integer") {
    const out = { lo: coveredHi + 1, hi: next.lo - 1, loIncluded: true, hiIncluded: true };
    return isEmpty(out) ? undefined : out;
  }
  const out = { lo: coveredHi, hi: next.lo, loIncluded: !coveredHiIncluded, hiIncluded: !next.loIncluded };
  return isEmpty(out) ? undefined : out;
}

export interface Gap {
  /** The uncovered values, clipped to the declared range. */
  values: Interval;
  /** The band that reaches furthest before the gap. */
  before: Band;
  /** The band that starts after the gap. */
  after: Band;
}

/**
 * Gaps between sorted bands, judged against the declared range: values no
 * band holds that lie between two bands and that the variable can take.
 */
export function gapsBetween(bands: Band[], declared: Interval, kind: NumberKind): Gap[] {
  const out: Gap[] = [];
  let reach: Band | undefined;
  for (const b of bands) {
    if (reach) {
      const gap = between(reach.interval.hi, reach.interval.hiIncluded, b.interval, kind);
      const clipped = gap && intersect(gap, declared);
      if (clipped) out.push({ values: clipped, before: reach, after: b });
    }
    if (!reach || b.interval.hi > reach.interval.hi || (b.interval.hi === reach.interval.hi && b.interval.hiIncluded)) reach = b;
  }
  return out;
}

/** The parts of the declared range below the first band and above the last. */
export function uncoveredEnds(bands: Band[], declared: Interval, kind: NumberKind): Interval[] {
  if (bands.length === 0) return [];
  const first = bands[0]!.interval;
  let hi = bands[0]!.interval;
  for (const b of bands) if (b.interval.hi > hi.hi || (b.interval.hi === hi.hi && b.interval.hiIncluded)) hi = b.interval;
  const out: Interval[] = [];
  const below = kind === "integer" ? { lo: -Infinity, hi: first.lo - 1, loIncluded: true, hiIncluded: true } : { lo: -Infinity, hi: first.lo, loIncluded: true, hiIncluded: !first.loIncluded };
  const above = kind === "integer" ? { lo: hi.hi + 1, hi: Infinity, loIncluded: true, hiIncluded: true } : { lo: hi.hi, hi: Infinity, loIncluded: !hi.hiIncluded, hiIncluded: true };
  for (const part of [below, above]) {
    const clipped = intersect(part, declared);
    if (clipped) out.push(clipped);
  }
  return out;
}

function num(n: number): string {
  return String(n);
}

/** Values in the plan's own notation where it can say them (`18..64`, `..64`, `80..`), else in words. */
export function describeInterval(i: Interval, kind: NumberKind): string {
  if (i.lo === i.hi) return num(i.lo);
  if (kind === "integer") return `${Number.isFinite(i.lo) ? num(i.lo) : ""}..${Number.isFinite(i.hi) ? num(i.hi) : ""}`;
  if (!Number.isFinite(i.lo)) return i.hiIncluded ? `up to ${num(i.hi)}` : `below ${num(i.hi)}`;
  if (!Number.isFinite(i.hi)) return i.loIncluded ? `${num(i.lo)} and above` : `above ${num(i.lo)}`;
  return `${i.loIncluded ? `from ${num(i.lo)}` : `above ${num(i.lo)}`} ${i.hiIncluded ? `up to ${num(i.hi)}` : `to below ${num(i.hi)}`}`;
}

/** How a band reads in the source (`65..79`). */
export function bandText(b: A.RangeLit): string {
  return `${b.low?.raw ?? ""}..${b.high?.raw ?? ""}`;
}

/** How a group entry is named in messages: its label. */
export function entryName(e: A.GroupEntry): string {
  return `'${e.label.text.value}'`;
}

/** "value 80" or "values 80..84", for messages. */
export function valuesPhrase(i: Interval, kind: NumberKind): { text: string; single: boolean } {
  const single = i.lo === i.hi;
  return { text: `${single ? "value" : "values"} ${describeInterval(i, kind)}`, single };
}
