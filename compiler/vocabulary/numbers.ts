// The numbers a plan may hold, and their exact comparison. Number literals are
// read as JavaScript numbers for the model, which silently rounds beyond 2^53
// and turns very long literals into Infinity; the limits below keep every
// literal exact in every output, and comparisons use the literal's own text.

/** Integer codes, integer bounds and counts: the range of the DDL's `integer`/`int` columns (32-bit signed). */
export const INTEGER_MIN = -2147483648;
export const INTEGER_MAX = 2147483647;

/**
 * Decimal bounds: at most 11 digits before the point and 4 after. SQL Server's
 * decimal(18,4) holds 4 decimals, and below 10^11 a double (SQLite REAL, a
 * JSON number) still tells apart numbers 0.0001 apart, so every allowed bound,
 * and the next number beyond it, is stored exactly in every output.
 */
export const DECIMAL_INTEGER_DIGITS = 11;
export const DECIMAL_FRACTION_DIGITS = 4;
export const DECIMAL_MAX = `${"9".repeat(DECIMAL_INTEGER_DIGITS)}.${"9".repeat(DECIMAL_FRACTION_DIGITS)}`;

interface Parts {
  negative: boolean;
  /** Digits before the point, without leading zeros ("" for zero). */
  whole: string;
  /** Digits after the point, without trailing zeros. */
  fraction: string;
}

function parts(raw: string): Parts {
  const negative = raw.startsWith("-");
  const [w = "", f = ""] = raw.replace(/^-/, "").split(".");
  return { negative, whole: w.replace(/^0+/, ""), fraction: f.replace(/0+$/, "") };
}

/** The literal's value as text, exactly: `01` → `1`, `1.50` → `1.5`, `-0` → `0`. Two literals are equal numbers when these are equal. */
export function canonicalNumber(raw: string): string {
  const p = parts(raw);
  const body = `${p.whole || "0"}${p.fraction ? `.${p.fraction}` : ""}`;
  return p.negative && body !== "0" ? `-${body}` : body;
}

/** Whether a literal lies within INTEGER_MIN..INTEGER_MAX (compared exactly, on its text). */
export function fitsInteger(raw: string): boolean {
  const p = parts(raw);
  if (p.whole.length > 10) return false;
  const whole = BigInt(p.whole || "0");
  const limit = p.negative ? BigInt(-INTEGER_MIN) : BigInt(INTEGER_MAX);
  return whole < limit || (whole === limit && p.fraction === "");
}

/** Whether a literal has at most DECIMAL_INTEGER_DIGITS digits before the point and DECIMAL_FRACTION_DIGITS after. */
export function fitsDecimal(raw: string): boolean {
  const p = parts(raw);
  return p.whole.length <= DECIMAL_INTEGER_DIGITS && p.fraction.length <= DECIMAL_FRACTION_DIGITS;
}
