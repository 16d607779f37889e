// Characters a plan may not hide: control characters (ISU0005) and
// bidirectional controls (ISU0006). They are invisible or move text around in
// editors and terminals, so a plan could read one way and mean another.
import { isuLexer } from "../../grammar/tokens.js";

const C0 = "NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US".split(" ");
const C1 = "PAD HOP BPH NBH IND NEL SSA ESA HTS HTJ VTS PLD PLU RI SS2 SS3 DCS PU1 PU2 STS CCH MW SPA EPA SOS SGC SCI CSI ST OSC PM APC".split(" ");
const NAMED: Record<number, string> = {
  0x7f: "DEL",
  0x2028: "LINE SEPARATOR",
  0x2029: "PARAGRAPH SEPARATOR",
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
};

/**
 * ISU0005's characters: C0 controls but tab, line feed and carriage return
 * (those two are line ends wherever they can stand: between tokens, in a
 * comment, in a """…""" text; in a "…" text they end it), DEL, C1, and the
 * Unicode line/paragraph separators, which no tool of ours counts as a line
 * end but JavaScript and some editors do.
 */
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/g;

/** ISU0006's characters: embeddings, overrides and isolates ("Trojan Source"). */
export const BIDI_CHARS = /[\u202A-\u202E\u2066-\u2069]/g;

/** "U+001B ESC": the code point and its name. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = cp < 0x20 ? C0[cp] : cp >= 0x80 && cp <= 0x9f ? C1[cp - 0x80] : NAMED[cp];
  return name ? `${hex} ${name}` : hex;
}

// Non-global copies: a /g pattern's test() keeps state between calls.
const CONTROL_CHAR = new RegExp(CONTROL_CHARS.source);
const BIDI_CHAR = new RegExp(BIDI_CHARS.source);
export const isControlChar = (ch: string): boolean => CONTROL_CHAR.test(ch);
export const isBidiChar = (ch: string): boolean => BIDI_CHAR.test(ch);

/** Every control and bidirectional character, tab and line end included: what a terminal must never receive raw. */
const TERMINAL_UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * `s` with each control or bidirectional character written as a `\u001b`
 * escape, so text from a plan or a file name cannot move the cursor, clear
 * the screen or reorder what a terminal shows.
 */
export function escapeForTerminal(s: string): string {
  return s.replace(TERMINAL_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export type Place = "string" | "triple" | "comment" | "between";

export interface HiddenChar {
  offset: number;
  ch: string;
  place: Place;
}

/** Each match of `re` (a /g pattern above) in `text`, with the kind of token it stands in. */
export function findHidden(text: string, re: RegExp): HiddenChar[] {
  const hits: { offset: number; ch: string }[] = [];
  for (const m of text.matchAll(new RegExp(re.source, "g"))) hits.push({ offset: m.index, ch: m[0] });
  if (hits.length === 0) return [];
  // Lexed again only when there is something to place, which is rare.
  const lexed = isuLexer.tokenize(text);
  const spans = [...lexed.tokens, ...(lexed.groups["comments"] ?? [])].map((t) => ({ start: t.startOffset, end: t.endOffset! + 1, type: t.tokenType.name })).sort((a, b) => a.start - b.start);
  let i = 0;
  return hits.map(({ offset, ch }) => {
    while (i < spans.length && spans[i]!.end <= offset) i++;
    const s = spans[i];
    const type = s && s.start <= offset ? s.type : undefined;
    const place: Place =
      type === "TripleString" || type === "UnterminatedTriple"
        ? "triple"
        : type === "StringLiteral" || type === "UnterminatedString"
          ? "string"
          : type === "LineComment" || type === "BlockComment"
            ? "comment"
            : "between";
    return { offset, ch, place };
  });
}
