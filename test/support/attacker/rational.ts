// Exact rationals over BigInt: the attacker reasons without floating point,
// so a relation it derives is never off by a rounding error of its own.

/** num / den, den > 0, in lowest terms. */
export interface Q {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function q(num: bigint | number, den: bigint | number = 1n): Q {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new Error("rational with denominator 0");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

export const ZERO = q(0);
export const ONE = q(1);

export const add = (a: Q, b: Q): Q => (a.den === b.den ? q(a.num + b.num, a.den) : q(a.num * b.den + b.num * a.den, a.den * b.den));
export const sub = (a: Q, b: Q): Q => add(a, neg(b));
export const mul = (a: Q, b: Q): Q => q(a.num * b.num, a.den * b.den);
export const div = (a: Q, b: Q): Q => q(a.num * b.den, a.den * b.num);
export const neg = (a: Q): Q => ({ num: -a.num, den: a.den });
export const isZero = (a: Q): boolean => a.num === 0n;
export const sign = (a: Q): number => (a.num > 0n ? 1 : a.num < 0n ? -1 : 0);
export const cmp = (a: Q, b: Q): number => sign(sub(a, b));
export const eq = (a: Q, b: Q): boolean => a.num === b.num && a.den === b.den;
export const min = (a: Q, b: Q): Q => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Q, b: Q): Q => (cmp(a, b) >= 0 ? a : b);

export function floor(a: Q): Q {
  const f = a.num / a.den; // truncates toward 0
  return q(a.num < 0n && f * a.den !== a.num ? f - 1n : f);
}

export function ceil(a: Q): Q {
  return neg(floor(neg(a)));
}

export const isInteger = (a: Q): boolean => a.den === 1n;

/** A number as JSON wrote it, exactly: "76.03436426116838" is 7603436426116838 / 10^14, not the double nearest 22126/291. */
export function fromNumber(v: number): Q {
  if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  const { digits, exponent } = decimal(v);
  return exponent >= 0 ? q(BigInt(digits) * 10n ** BigInt(exponent)) : q(BigInt(digits), 10n ** BigInt(-exponent));
}

/** Decimal places in the shortest form of `v` (as JSON prints it): 0.25 → 2, 3 → 0, 1e-7 → 7. */
export function decimals(v: number): number {
  return Math.max(0, -decimal(v).exponent);
}

/** v = digits · 10^exponent, digits a signed integer string. */
function decimal(v: number): { digits: string; exponent: number } {
  const [mantissa, e = "0"] = String(v).toLowerCase().split("e");
  const [whole, frac = ""] = mantissa!.split(".");
  return { digits: `${whole}${frac}`.replace(/^(-?)0+(?=\d)/, "$1"), exponent: Number(e) - frac.length };
}

/** 10^-d. */
export const unit = (d: number): Q => q(1n, 10n ** BigInt(d));

export function toNumber(a: Q): number {
  return Number(a.num) / Number(a.den);
}

export function show(a: Q): string {
  return a.den === 1n ? String(a.num) : `${a.num}/${a.den}`;
}
