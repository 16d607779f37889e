// The rule for the pseudonymous key `individ_id`, stated once. The record
// schema's pattern (record-schema.ts) and every dialect's CHECK constraints
// (dialects/*.ts) are rendered from these lists, and test/hostile-keys.test.ts
// holds them to isWellFormedKey/isPersonnummerShaped below.
//
// 1. Well formed: 1–64 characters, none of them a control character, white
//    space, an invisible format character or a character outside the Basic
//    Multilingual Plane. So a key never has blanks at either end (nor inside),
//    two keys that look alike are alike, and the length is the same count in
//    every engine (SQL Server's nvarchar(64) counts UTF-16 units).
// 2. Not personnummer-shaped: it is not ten or twelve digits, optionally after
//    a prefix such as `SE` or `pnr`, with separators (any dash, minus, plus,
//    colon or full stop, in their compatibility forms too) before and after
//    the prefix and anywhere among the digits. A separator inside the prefix
//    (`p-nr`) is not skipped: that keeps the SQLite check flat enough for the
//    sqlite3 CLI's parser, which overflows on a few dozen nested replace().
//    Digits and prefix letters count in every form NFKC folds to ASCII within
//    the BMP (fullwidth, superscript, subscript, circled). A regex or a SQL
//    CHECK cannot run NFKC itself, so the folding is spelt out as these lists.

export const KEY_MAX_LENGTH = 64;

type Range = readonly [number, number];

/** Code points a key may not hold anywhere (inclusive ranges, sorted). Surrogates stand for every character outside the BMP. */
export const KEY_FORBIDDEN: readonly Range[] = [
  [0x0000, 0x0020], // C0 controls, space
  [0x007f, 0x00a0], // DEL, C1 controls (U+0085 next line), no-break space
  [0x00ad, 0x00ad], // soft hyphen
  [0x034f, 0x034f], // combining grapheme joiner
  [0x061c, 0x061c], // Arabic letter mark
  [0x115f, 0x1160], // Hangul fillers
  [0x1680, 0x1680], // Ogham space mark
  [0x180e, 0x180e], // Mongolian vowel separator
  [0x2000, 0x200f], // spaces, zero-width space/non-joiner/joiner, LRM/RLM
  [0x2028, 0x202f], // line/paragraph separators, bidi embeddings, narrow no-break space
  [0x205f, 0x206f], // medium math space, word joiner, invisible operators, bidi isolates
  [0x3000, 0x3000], // ideographic space
  [0x3164, 0x3164], // Hangul filler
  [0xd800, 0xdfff], // surrogates: anything outside the BMP
  [0xfeff, 0xfeff], // zero-width no-break space (BOM)
  [0xffa0, 0xffa0], // halfwidth Hangul filler
];

/** Removed before the shape test: every Unicode dash (\p{Pd}), minus and plus signs, colons and full stops, with their compatibility forms. */
export const KEY_SEPARATORS: readonly number[] = [
  0x002b, 0x002d, 0x002e, 0x003a, 0x058a, 0x05be, 0x1400, 0x1806, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2024, 0x207a, 0x207b, 0x208a, 0x208b, 0x2212, 0x2e17, 0x2e1a, 0x2e3a, 0x2e3b,
  0x2e40, 0x2e5d, 0x301c, 0x3030, 0x30a0, 0xfb29, 0xfe13, 0xfe31, 0xfe32, 0xfe52, 0xfe55, 0xfe58, 0xfe62, 0xfe63, 0xff0b, 0xff0d, 0xff0e, 0xff1a,
];

/** Everything NFKC folds to an ASCII digit within the BMP, the ASCII digits first (inclusive ranges). */
export const KEY_DIGITS: readonly Range[] = [
  [0x0030, 0x0039],
  [0x00b2, 0x00b3],
  [0x00b9, 0x00b9],
  [0x2070, 0x2070],
  [0x2074, 0x2079],
  [0x2080, 0x2089],
  [0x2460, 0x2468],
  [0x24ea, 0x24ea],
  [0xff10, 0xff19],
];

/** Prefixes a personnummer is written with (`SE`, `pnr`, `pnr:`; the colon is a separator). Lower-case ASCII. */
export const KEY_PREFIXES: readonly string[] = ["se", "pn", "pnr", "snr"];

/** How many digits a personnummer or samordningsnummer has: YYMMDDNNNN or YYYYMMDDNNNN. */
export const PERSONNUMMER_DIGITS: readonly number[] = [10, 12];

/** The forms of a prefix letter NFKC folds to it: upper and lower case, fullwidth, and long s. */
export function letterForms(letter: string): number[] {
  const lower = letter.codePointAt(0)!;
  const upper = letter.toUpperCase().codePointAt(0)!;
  const forms = [lower, upper, upper - 0x41 + 0xff21, lower - 0x61 + 0xff41];
  if (letter === "s") forms.push(0x017f);
  return forms;
}

/** The distinct letters of the prefixes, in first-use order. */
export const PREFIX_LETTERS: readonly string[] = [...new Set(KEY_PREFIXES.join(""))];

const inRanges = (cp: number, ranges: readonly Range[]): boolean => ranges.some(([a, b]) => cp >= a && cp <= b);

/** Reference implementation of rule 1 (tests hold every rendering of the rule to it). */
export function isWellFormedKey(key: string): boolean {
  const units = key.length;
  if (units < 1 || units > KEY_MAX_LENGTH) return false;
  for (let i = 0; i < units; i++) if (inRanges(key.charCodeAt(i), KEY_FORBIDDEN)) return false;
  return true;
}

/** Reference implementation of rule 2, for a well-formed key. */
export function isPersonnummerShaped(key: string): boolean {
  const letter = new Map<number, string>();
  for (const l of PREFIX_LETTERS) for (const cp of letterForms(l)) letter.set(cp, l);
  const chars = [...key].map((c) => c.codePointAt(0)!);
  let i = 0;
  while (i < chars.length && KEY_SEPARATORS.includes(chars[i]!)) i++;
  let prefix = "";
  while (i < chars.length && letter.has(chars[i]!)) prefix += letter.get(chars[i++]!)!;
  if (prefix && !KEY_PREFIXES.includes(prefix)) return false;
  const rest = chars.slice(i).filter((cp) => !KEY_SEPARATORS.includes(cp));
  return PERSONNUMMER_DIGITS.includes(rest.length) && rest.every((cp) => inRanges(cp, KEY_DIGITS));
}

// ---------------------------------------------------------------- regular expressions

/** A code point in a regex, escaped unless it is an ASCII letter or digit: valid in ECMAScript (with or without the u flag) and PostgreSQL. */
const reChar = (cp: number): string => (/[A-Za-z0-9]/.test(String.fromCodePoint(cp)) ? String.fromCodePoint(cp) : `\\u${cp.toString(16).toUpperCase().padStart(4, "0")}`);
const reClass = (ranges: readonly Range[], negate = false): string => `[${negate ? "^" : ""}${ranges.map(([a, b]) => (a === b ? reChar(a) : `${reChar(a)}-${reChar(b)}`)).join("")}]`;
/** Sorted code points as ranges, neighbours merged. */
const singles = (cps: readonly number[]): Range[] => {
  const out: [number, number][] = [];
  for (const cp of [...cps].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && cp === last[1] + 1) last[1] = cp;
    else out.push([cp, cp]);
  }
  return out;
};

/** One well-formed key character: a positive class of the BMP minus KEY_FORBIDDEN (no surrogate in it, so it means the same with or without the u flag). */
export function allowedClass(): string {
  const allowed: Range[] = [];
  let from = 0;
  for (const [a, b] of KEY_FORBIDDEN) {
    if (a > from) allowed.push([from, a - 1]);
    from = b + 1;
  }
  if (from <= 0xffff) allowed.push([from, 0xffff]);
  return reClass(allowed);
}

/** The personnummer shape as a regex without `^`, ending in `$`: separators before and after the prefix and among the digits. */
export function personnummerRegex(): string {
  const sep = `${reClass(singles(KEY_SEPARATORS))}*`;
  const digit = `${reClass(KEY_DIGITS)}${sep}`;
  const letter = (l: string) => reClass(singles(letterForms(l)));
  const prefixes = KEY_PREFIXES.map((p) => [...p].map(letter).join(""));
  const [short, long] = PERSONNUMMER_DIGITS as [number, number];
  return `${sep}(?:(?:${prefixes.join("|")})${sep})?(?:${digit}){${short}}(?:(?:${digit}){${long - short}})?$`;
}

// ---------------------------------------------------------------- for SQL without regular expressions

/** Every code point of the ranges. */
export const codePoints = (ranges: readonly Range[]): number[] => ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));

/** Forms of the prefix letters other than lower-case ASCII, each with the letter it folds to. */
export const letterFolds = (): [number, string][] =>
  PREFIX_LETTERS.flatMap((l) =>
    letterForms(l)
      .slice(1)
      .map((cp) => [cp, l] as [number, string]),
  );

/**
 * The personnummer shape as "prefix, `mark`, length without separators":
 * `10`, `12`, `se12`, `se14`... For a text whose prefix (all before its
 * trailing digits and separators, leading separators cut) and length are
 * known, matching one of these is the shape.
 */
export const shapeSignatures = (mark = ""): string[] => ["", ...KEY_PREFIXES].flatMap((p) => PERSONNUMMER_DIGITS.map((n) => `${p}${mark}${p.length + n}`));
