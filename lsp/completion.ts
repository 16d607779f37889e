// Completion that depends on the place. The place is read from the tokens
// before the cursor (they are there even when the text does not parse yet):
// the block the cursor is in, the clause within it and the last few tokens.
// What may stand there comes from the resolved program: value sets after `:`,
// time points after `at`, variables of the right kind after `count`, `summary`,
// `by` …, the codes of the subject's value set after `=` or `in (`.
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { tokenMatcher, type IToken, type TokenType } from "chevrotain";
import { CompletionItemKind, type CompletionItem } from "vscode-languageserver/node.js";
import * as T from "../grammar/tokens.js";
import { BLOCK_ITEM_KEYWORDS, DECLARATION_KEYWORDS, KEYWORDS, type BlockKind } from "../grammar/keywords.js";
import type * as A from "../compiler/syntax/ast.js";
import { allRules } from "../compiler/checks/engine/registry.js";
import { SENSITIVE_CATEGORIES } from "../compiler/vocabulary/sensitive.js";
import { LANGUAGE_NAMES } from "../compiler/vocabulary/languages.js";
import { KNOWN_SYSTEMS } from "../compiler/vocabulary/classifications.js";
import { valuesetOf, type Resolution, type Sym } from "../compiler/semantics/resolve.js";
import { describeType, documentation } from "./describe.js";
import type { Workspace } from "./workspace.js";

/** The word a keyword token stands for. */
export function keywordText(t: TokenType): string {
  return (t.PATTERN as RegExp).source;
}

const DECLARATIONS = T.keywordTokensOf(DECLARATION_KEYWORDS);

type Frame = BlockKind | "other";

/** The items each kind of block holds, by their first keyword (grammar/keywords.ts). */
export const BLOCK_KEYWORDS = Object.fromEntries(Object.entries(BLOCK_ITEM_KEYWORDS).map(([k, words]) => [k, T.keywordTokensOf(words)])) as Record<BlockKind, TokenType[]>;

const TYPE_KEYWORDS = T.keywordTokensOf(KEYWORDS.type);
const MARKERS = T.keywordTokensOf(KEYWORDS.marker);
/** A token that is (the start of) a name or a hyphenated rule name. */
const NAME_START = new RegExp(`^[${T.NAME_CHARS}-]`);

/** What a measure (variable or group) must be to stand in a place. */
type Need = "any" | "categorical" | "split" | "numeric" | "ordinal" | "groupSource";

const is = (t: IToken | undefined, ...types: TokenType[]): boolean => !!t && types.some((tt) => tokenMatcher(t, tt));
const isName = (t: IToken | undefined): boolean => is(t, T.Identifier);
const isString = (t: IToken | undefined): boolean => is(t, T.StringLiteral, T.TripleString);

interface Place {
  /** The tokens before the cursor, without the word being typed. */
  before: IToken[];
}

export function complete(ws: Workspace, path: string, offset: number): CompletionItem[] {
  const lexed = ws.lex(path);
  if (insideTextOrComment(lexed.tokens, lexed.comments, offset)) return [];
  const before: IToken[] = [];
  for (const t of lexed.tokens) {
    if (t.startOffset >= offset) break;
    // The word under or just before the cursor is what is being typed: the client filters by it.
    if ((t.endOffset ?? t.startOffset) + 1 >= offset && NAME_START.test(t.image)) break;
    before.push(t);
  }
  const c = new Completer(ws, path, { before });
  return c.run();
}

function insideTextOrComment(tokens: IToken[], comments: IToken[], offset: number): boolean {
  const inside = (t: IToken, open: boolean): boolean => t.startOffset < offset && (offset <= (t.endOffset ?? t.startOffset) || (open && offset === (t.endOffset ?? t.startOffset) + 1));
  for (const t of comments) if (inside(t, t.image.startsWith("//"))) return true;
  for (const t of tokens) {
    if (t.startOffset >= offset) break;
    if (is(t, T.UnterminatedString, T.UnterminatedTriple) && inside(t, true)) return true;
    if ((t.tokenType === T.StringLiteral || t.tokenType === T.TripleString) && inside(t, false)) return true;
  }
  return false;
}

class Completer {
  private r: Resolution | undefined;

  constructor(
    private readonly ws: Workspace,
    private readonly path: string,
    private readonly place: Place,
  ) {}

  private get resolution(): Resolution {
    return (this.r ??= this.ws.resolution(this.path));
  }

  run(): CompletionItem[] {
    const toks = this.place.before;
    // Walk the tokens: which declaration, which blocks are open. A declaration
    // keyword inside a block ends the block, as in the parser's recovery.
    let declAt = -1;
    const stack: { frame: Frame; at: number }[] = [];
    toks.forEach((t, i) => {
      if (is(t, ...DECLARATIONS)) {
        stack.length = 0;
        declAt = i;
      } else if (t.tokenType === T.LBrace) {
        const top = stack[stack.length - 1];
        const frame: Frame = !top ? frameOf(toks[declAt]) : top.frame === "valueset" ? "value" : top.frame === "group" ? "groupEntry" : "other";
        stack.push({ frame, at: i });
      } else if (t.tokenType === T.RBrace) stack.pop();
    });
    const top = stack[stack.length - 1];
    if (!top) return this.topLevel(declAt < 0 ? [] : flatten(toks.slice(declAt)));
    const seg = flatten(toks.slice(top.at + 1));
    const header = declAt < 0 ? [] : toks.slice(declAt, stack[0]!.at);
    switch (top.frame) {
      case "question":
        return this.question(seg);
      case "variable":
        return this.variableBlock(seg);
      case "plan":
        return this.planBlock(seg);
      case "timepoint":
        return this.simpleBlock("timepoint", seg);
      case "valueset":
        return this.valuesetBlock(seg);
      case "value":
        return this.simpleBlock("value", seg);
      case "group":
        return this.groupBlock(seg, header);
      case "groupEntry":
        return this.simpleBlock("groupEntry", seg);
      default:
        return [];
    }
  }

  // ------------------------------------------------------------ top level

  private topLevel(seg: IToken[]): CompletionItem[] {
    const last = seg[seg.length - 1];
    const decl = seg[0];
    if (!decl || last?.tokenType === T.RBrace) return this.topKeywords();
    if (decl.tokenType === T.Variable) {
      const colon = seg.findIndex((t) => t.tokenType === T.Colon);
      if (colon < 0) return [];
      const rest = seg.slice(colon + 1);
      const at = rest.findIndex((t) => t.tokenType === T.At);
      if (rest.length === 0) return [...this.valuesets(), ...keywords(TYPE_KEYWORDS)];
      if (last?.tokenType === T.Multiple) return this.valuesets();
      if (at >= 0) {
        if (is(last, T.At, T.Comma)) return this.timepoints();
        return this.topKeywords();
      }
      if (is(last, T.Unit, T.DotDot)) return [];
      return [...keywords([T.At, T.Unit]), ...this.topKeywords()];
    }
    if (decl.tokenType === T.Group) {
      const from = seg.findIndex((t) => t.tokenType === T.From);
      if (from < 0) return seg.length >= 2 ? keywords([T.From]) : [];
      const rest = seg.slice(from + 1);
      if (rest.length === 0) return this.measures("groupSource", false);
      if (last?.tokenType === T.At) return this.timepoints(rest[0]?.image);
      if (rest.length === 1 && isName(last)) return keywords([T.At]);
      return [];
    }
    if (decl.tokenType === T.Valueset) {
      if (last?.tokenType === T.Ordinal) return keywords([T.Better]);
      if (last?.tokenType === T.Better) return keywords([T.Higher, T.Lower]);
      if (seg.length >= 2 && (isString(last) || (seg.length === 2 && isName(last)))) return keywords([T.Nominal, T.Ordinal]);
      return [];
    }
    if (decl.tokenType === T.Import) return last === decl ? this.importFiles() : this.topKeywords();
    if (decl.tokenType === T.Timepoint && seg.length >= 2) return this.topKeywords();
    // A plan, question or time point header: a new name or label is being typed.
    return seg.length <= 2 ? [] : this.topKeywords();
  }

  private topKeywords(): CompletionItem[] {
    return keywords(DECLARATIONS);
  }

  private importFiles(): CompletionItem[] {
    const dir = nodePath.dirname(this.path);
    let names: string[] = [];
    try {
      names = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".isu") && nodePath.join(dir, f) !== this.path)
        .sort();
    } catch {
      return [];
    }
    return names.map((f) => ({ label: `"./${f}"`, kind: CompletionItemKind.File, detail: "import this file's declarations", insertText: `"./${f}"` }));
  }

  // ------------------------------------------------------------ blocks

  private simpleBlock(frame: "timepoint" | "value" | "groupEntry", seg: IToken[]): CompletionItem[] {
    const last = seg[seg.length - 1];
    if (is(last, T.Label, T.Definition)) return languages();
    if (last?.tokenType === T.Code) return values(KNOWN_SYSTEMS.map((s) => [s, "classification system"]));
    return keywords(BLOCK_KEYWORDS[frame]);
  }

  private planBlock(seg: IToken[]): CompletionItem[] {
    const k = lastIndexOf(seg, BLOCK_KEYWORDS.plan);
    const kw = seg[k];
    const rest = seg.slice(k + 1);
    const last = seg[seg.length - 1];
    if (kw?.tokenType === T.Language && rest.length === 0) return languages();
    if (kw?.tokenType === T.Translations && (rest.length === 0 || last?.tokenType === T.Comma)) return languages();
    if (kw?.tokenType === T.Timepoints && (rest.length === 0 || last?.tokenType === T.Comma)) {
      // The order lists each time point once: offer those not yet listed.
      const listed = new Set(rest.map((t) => t.image));
      return this.timepoints().filter((c) => !listed.has(c.label));
    }
    if (kw?.tokenType === T.Label && rest.length === 0) return languages();
    if (kw?.tokenType === T.Rule && rest.length === 0) {
      return allRules.flatMap((r) => [
        { label: r.meta.code, kind: CompletionItemKind.Value, detail: r.meta.name, documentation: r.meta.description },
        { label: r.meta.name, kind: CompletionItemKind.Value, detail: r.meta.code, documentation: r.meta.description },
      ]);
    }
    if (kw?.tokenType === T.Rule && rest.length === 1)
      return values([
        ["error", "severity"],
        ["warning", "severity"],
        ["info", "severity"],
        ["off", "turn the rule off"],
      ]);
    return keywords(BLOCK_KEYWORDS.plan);
  }

  private valuesetBlock(seg: IToken[]): CompletionItem[] {
    const last = seg[seg.length - 1];
    const prev = seg[seg.length - 2];
    if (is(last, T.Label, T.Definition)) return languages();
    // After `code "label"` (and its markers) a value may be marked.
    if ((isString(last) && (is(prev, T.NumberLiteral) || isName(prev))) || is(last, ...MARKERS)) {
      return [...keywords(MARKERS), ...keywords(BLOCK_KEYWORDS.valueset)];
    }
    return keywords(BLOCK_KEYWORDS.valueset);
  }

  private variableBlock(seg: IToken[]): CompletionItem[] {
    const k = lastIndexOf(seg, BLOCK_KEYWORDS.variable);
    const kw = seg[k];
    const rest = seg.slice(k + 1);
    if (kw?.tokenType === T.When) return this.condition(rest, BLOCK_KEYWORDS.variable);
    if (rest.length === 0 && kw) {
      if (kw.tokenType === T.Sensitive) return values(SENSITIVE_CATEGORIES.map((c) => [c, "special category of personal data"]));
      if (kw.tokenType === T.Code) return values(KNOWN_SYSTEMS.map((s) => [s, "classification system"]));
      if (is(kw, T.Label, T.Definition)) return languages();
    }
    return keywords(BLOCK_KEYWORDS.variable);
  }

  private groupBlock(seg: IToken[], header: IToken[]): CompletionItem[] {
    const last = seg[seg.length - 1];
    if (last?.tokenType === T.Label) return languages();
    // In an entry's mapping: `= a, b, |`.
    let i = seg.length - 1;
    while (i >= 0 && (seg[i]!.tokenType === T.Comma || isName(seg[i]) || is(seg[i], T.NumberLiteral))) i--;
    if (seg[i]?.tokenType === T.Equals && (i === seg.length - 1 || last?.tokenType === T.Comma)) {
      const from = header.findIndex((t) => t.tokenType === T.From);
      const source = from >= 0 ? header[from + 1] : undefined;
      return source ? this.codesOf(source.image) : [];
    }
    return keywords(BLOCK_KEYWORDS.group);
  }

  private question(seg: IToken[]): CompletionItem[] {
    const clauses = [...BLOCK_KEYWORDS.question, T.Against];
    const k = lastIndexOf(seg, clauses);
    const kw = seg[k];
    if (!kw) return keywords(BLOCK_KEYWORDS.question);
    const rest = seg.slice(k + 1);
    const next = BLOCK_KEYWORDS.question;
    switch (kw.tokenType) {
      case T.Where:
        return this.condition(rest, next);
      case T.Change:
        return this.change(rest);
      case T.Label:
        return rest.length === 0 ? languages() : keywords(next);
      case T.Note:
        return keywords(next);
      case T.Count:
        return this.measureList(rest, "categorical", [T.At], false);
      case T.Crosstab:
        return this.measureList(rest, "categorical", [T.By, T.At], false);
      case T.Summary:
        return this.measureList(rest, "numeric", [T.At], false);
      case T.Attainment:
        return this.measureList(rest, "ordinal", [T.Against, T.At], false);
      case T.Against:
        return this.measureList(rest, "ordinal", [T.At], false);
      case T.By: {
        // `crosstab a by b`: the `by` is the crosstab's, not a split.
        const k2 = lastIndexOf(seg.slice(0, k), clauses);
        const crosstab = seg[k2]?.tokenType === T.Crosstab && seg.slice(k2 + 1, k).every((t) => isName(t) || t.tokenType === T.At);
        return crosstab ? this.measureList(rest, "categorical", [T.At], false) : this.measureList(rest, "split", [T.At], true);
      }
      default:
        return keywords(next);
    }
  }

  /** After an analysis keyword or `by`: a measure of the right kind, `at` a time point, then what may follow. */
  private measureList(rest: IToken[], need: Need, follow: TokenType[], list: boolean): CompletionItem[] {
    const last = rest[rest.length - 1];
    if (rest.length === 0 || (list && is(last, T.Comma, T.Star))) return this.measures(need, true);
    if (last?.tokenType === T.At) return this.timepoints(rest[rest.length - 2]?.image);
    if (isName(last)) {
      const afterAt = rest[rest.length - 2]?.tokenType === T.At;
      const more = afterAt ? follow.filter((t) => t !== T.At) : follow;
      return [...keywords(more), ...keywords(BLOCK_KEYWORDS.question)];
    }
    return keywords(BLOCK_KEYWORDS.question);
  }

  private change(rest: IToken[]): CompletionItem[] {
    const last = rest[rest.length - 1];
    if (rest.length === 0) return this.measures("ordinal", false);
    if (is(last, T.From, T.To)) return this.timepoints(rest[0]?.image);
    if (rest.length === 1 && isName(last)) return keywords([T.From]);
    if (rest.length === 3 && isName(last)) return keywords([T.To]);
    return keywords(BLOCK_KEYWORDS.question);
  }

  /** Inside a `where` or `when` condition. */
  private condition(rest: IToken[], next: TokenType[]): CompletionItem[] {
    const last = rest[rest.length - 1];
    const prev = rest[rest.length - 2];
    const subjects = () => [...this.measures("any", true), ...keywords([T.Not])];
    if (!last || is(last, T.And, T.Or, T.Not)) return subjects();
    if (last.tokenType === T.LParen) return prev?.tokenType === T.In ? this.codesOf(subjectBefore(rest, rest.length - 2)) : subjects();
    if (last.tokenType === T.Comma) {
      // `in (a, b, |`: back to the `(`.
      let i = rest.length - 1;
      while (i >= 0 && rest[i]!.tokenType !== T.LParen) i--;
      return rest[i - 1]?.tokenType === T.In ? this.codesOf(subjectBefore(rest, i - 1)) : [];
    }
    if (last.tokenType === T.At) return this.timepoints(prev?.image);
    if (is(last, T.Equals, T.NotEquals)) return this.codesOf(subjectBefore(rest, rest.length - 1));
    if (is(last, T.In, T.Less, T.LessEq, T.Greater, T.GreaterEq, T.DotDot)) return [];
    if (isName(last) && (!prev || is(prev, T.And, T.Or, T.Not, T.LParen))) return keywords([T.In, T.At]);
    if (isName(last) && prev?.tokenType === T.At) return keywords([T.In]);
    return [...keywords([T.And, T.Or]), ...keywords(next)];
  }

  // ------------------------------------------------------------ names

  private measures(need: Need, groups: boolean): CompletionItem[] {
    const r = this.resolution;
    const out: CompletionItem[] = [];
    for (const v of r.variables.values()) {
      if (!fits(r, v.decl, need)) continue;
      out.push({
        label: v.name,
        kind: CompletionItemKind.Variable,
        detail: `${v.decl.label.text ? v.decl.label.text.value + " — " : ""}${describeType(v.decl.type)}${v.decl.timepoints.length ? " at " + v.decl.timepoints.map((t) => t.text).join(", ") : ""}`,
        ...documentation(v.decl.definition),
        sortText: order(v),
      });
    }
    if (groups && (need === "any" || need === "categorical" || need === "split")) {
      for (const g of r.groups.values()) {
        out.push({
          label: g.name,
          kind: CompletionItemKind.Struct,
          detail: `${g.decl.label.text ? g.decl.label.text.value + " — " : ""}group from ${g.decl.source.name.text}`,
          sortText: order(g),
        });
      }
    }
    return out;
  }

  private valuesets(): CompletionItem[] {
    return [...this.resolution.valuesets.values()].map((vs) => ({
      label: vs.name,
      kind: CompletionItemKind.Enum,
      detail: `${vs.decl.label.text?.value ?? "value set"}${vs.decl.scale ? ` (${vs.decl.scale.value})` : ""}: ${vs.decl.values.map((v) => v.code.value).join(", ")}`,
      sortText: order(vs),
    }));
  }

  /** Time points; those the variable is recorded at first. */
  private timepoints(variable?: string): CompletionItem[] {
    const recorded = new Set((variable ? this.resolution.variables.get(variable)?.decl.timepoints.map((t) => t.text) : undefined) ?? []);
    return [...this.resolution.timepoints.values()].map((tp) => ({
      label: tp.name,
      kind: CompletionItemKind.Event,
      detail: `${tp.decl.label.text?.value ?? "time point"}${tp.decl.when?.text ? ` (${tp.decl.when.text.value})` : ""}${recorded.has(tp.name) ? ` — ${variable} is recorded here` : ""}`,
      sortText: `${recorded.size && !recorded.has(tp.name) ? "1" : "0"}${order(tp)}`,
      ...(recorded.has(tp.name) && recorded.size === 1 ? { preselect: true } : {}),
    }));
  }

  /** The codes a variable's (or group's) values may be compared with, labels as detail. */
  private codesOf(subject: string | undefined): CompletionItem[] {
    if (!subject) return [];
    const r = this.resolution;
    const g = r.groups.get(subject);
    if (g) {
      return g.decl.entries.map((e, i) => ({
        label: e.name?.text ?? String(i + 1),
        kind: CompletionItemKind.EnumMember,
        detail: e.label.text.value,
        sortText: String(i).padStart(5, "0"),
      }));
    }
    const v = r.variables.get(subject);
    if (!v) return [];
    if (v.decl.type.kind === "boolean") return keywords([T.True, T.False]);
    const vs = valuesetOf(r, v.decl);
    if (!vs) return [];
    return vs.decl.values.map((x, i) => ({
      label: x.code.value,
      kind: CompletionItemKind.EnumMember,
      detail: `${x.label.text.value}${x.other ? " (other)" : ""}${x.missing ? " (missing)" : ""}`,
      ...documentation(x.definition),
      sortText: String(i).padStart(5, "0"),
    }));
  }
}

// ------------------------------------------------------------ helpers

function frameOf(decl: IToken | undefined): Frame {
  switch (decl?.tokenType) {
    case T.Plan:
      return "plan";
    case T.Timepoint:
      return "timepoint";
    case T.Valueset:
      return "valueset";
    case T.Variable:
      return "variable";
    case T.Group:
      return "group";
    case T.Question:
      return "question";
    default:
      return "other";
  }
}

/** The tokens with every closed `{ … }` reduced to its `}`: nested blocks are items already finished. */
function flatten(toks: IToken[]): IToken[] {
  const out: IToken[] = [];
  let depth = 0;
  for (const t of toks) {
    if (t.tokenType === T.LBrace) depth++;
    else if (t.tokenType === T.RBrace) {
      depth = Math.max(0, depth - 1);
      if (depth === 0) out.push(t);
    } else if (depth === 0) out.push(t);
  }
  return out;
}

function lastIndexOf(seg: IToken[], types: TokenType[]): number {
  for (let i = seg.length - 1; i >= 0; i--) if (is(seg[i], ...types)) return i;
  return -1;
}

/** The subject of a comparison whose operator is at `op`: `x = …` or `x at tp = …`. */
function subjectBefore(rest: IToken[], op: number): string | undefined {
  const a = rest[op - 1];
  if (isName(a) && rest[op - 2]?.tokenType === T.At && isName(rest[op - 3])) return rest[op - 3]!.image;
  return isName(a) ? a!.image : undefined;
}

function fits(r: Resolution, v: A.VariableDecl, need: Need): boolean {
  const t = v.type;
  switch (need) {
    case "any":
      return true;
    case "categorical":
      return t.kind === "valueset" || t.kind === "boolean";
    case "split":
      return (t.kind === "valueset" && !t.multiple) || t.kind === "boolean";
    case "numeric":
      return t.kind === "integer" || t.kind === "decimal";
    case "ordinal":
      return t.kind === "valueset" && !t.multiple && valuesetOf(r, v)?.decl.scale?.value === "ordinal";
    case "groupSource":
      return (t.kind === "valueset" && !t.multiple) || t.kind === "integer" || t.kind === "decimal";
  }
}

function order(s: Sym): string {
  return String(s.index).padStart(6, "0");
}

function keywords(types: TokenType[]): CompletionItem[] {
  return types.map((t, i) => ({ label: keywordText(t), kind: CompletionItemKind.Keyword, sortText: `~${String(i).padStart(3, "0")}` }));
}

function languages(): CompletionItem[] {
  return values(Object.entries(LANGUAGE_NAMES));
}

function values(pairs: string[][]): CompletionItem[] {
  return pairs.map(([label, detail], i) => ({ label: label!, kind: CompletionItemKind.Value, detail: detail!, sortText: String(i).padStart(3, "0") }));
}
