// The formatter's tree: the parser's CST reshaped into lines. Unlike the AST
// (compiler/syntax/ast.ts) it keeps every item of a block in source order, keeps
// keywords as nodes (so a comment next to one stays next to it) and knows
// which block was written on one line. Offsets are half-open [start, end).
import type { CstElement, CstNode, IToken } from "chevrotain";
import type * as C from "../../grammar/cst.js";

/** A keyword, name, number or text, printed exactly as written. */
export interface TokenNode {
  type: "Token";
  text: string;
  start: number;
  end: number;
}

/** A declaration or an item of a block: one line of its own (plus its block). */
export interface Statement {
  type: "Statement";
  /** The grammar rule it came from (planDecl, variableItem, …). */
  kind: string;
  parts: InlineNode[];
  block?: Block;
  start: number;
  end: number;
}

export interface Block {
  type: "Block";
  items: Statement[];
  /** Written on one line, with no comment inside: printed `{ a  b }`. */
  inline: boolean;
  start: number;
  end: number;
}

/** Words printed with one space between them (`kon at bedomning`, `alder >= 65`). */
export interface Phrase {
  type: "Phrase";
  parts: InlineNode[];
  start: number;
  end: number;
}

/** `a, b`, `kon * aldersgrupp` or `(1, 2)`. */
export interface ListNode {
  type: "List";
  sep: "," | "*";
  parens: boolean;
  items: InlineNode[];
  start: number;
  end: number;
}

/** `18..120`, `80..`, `..64`. */
export interface RangeNode {
  type: "Range";
  low?: TokenNode;
  high?: TokenNode;
  start: number;
  end: number;
}

export interface OrNode {
  type: "Or";
  parts: InlineNode[];
  start: number;
  end: number;
}

export interface AndNode {
  type: "And";
  parts: InlineNode[];
  start: number;
  end: number;
}

export interface NotNode {
  type: "Not";
  operand: InlineNode;
  start: number;
  end: number;
}

export type InlineNode = TokenNode | Phrase | ListNode | RangeNode | OrNode | AndNode | NotNode;

export interface CommentNode {
  type: "Comment";
  value: string;
  block: boolean;
  start: number;
  end: number;
}

export interface FileNode {
  type: "File";
  body: Statement[];
  comments: CommentNode[];
  start: number;
  end: number;
}

export type FormatNode = FileNode | Statement | Block | InlineNode | CommentNode;

const isToken = (e: CstElement): e is IToken => (e as IToken).image !== undefined;
const startOf = (e: CstElement): number => (isToken(e) ? e.startOffset : e.location!.startOffset);

function sortedChildren(n: CstNode): CstElement[] {
  const out: CstElement[] = [];
  for (const list of Object.values(n.children)) for (const e of list ?? []) out.push(e);
  return out.sort((a, b) => startOf(a) - startOf(b));
}

function token(t: IToken): TokenNode {
  return { type: "Token", text: t.image, start: t.startOffset, end: t.endOffset! + 1 };
}

const span = <T extends { start: number; end: number }>(first: { start: number }, last: { end: number }, node: Omit<T, "start" | "end">): T => ({ ...node, start: first.start, end: last.end }) as T;

function firstToken(n: CstNode): IToken {
  const e = sortedChildren(n)[0]!;
  return isToken(e) ? e : firstToken(e);
}

function range(n: C.RangeCstNode): RangeNode {
  const low = n.children.low?.[0];
  const high = n.children.high?.[0];
  const dots = n.children.DotDot?.[0] as IToken;
  const out: RangeNode = { type: "Range", start: (low ?? dots).startOffset, end: (high ?? dots).endOffset! + 1 };
  if (low) out.low = token(low);
  if (high) out.high = token(high);
  return out;
}

function varRef(n: CstNode): Phrase {
  const parts = sortedChildren(n).map((e) => token(e as IToken));
  return span<Phrase>(parts[0]!, parts[parts.length - 1]!, { type: "Phrase", parts });
}

/** Mirrors build-ast: a one-part `or`/`and` is its part, parentheses leave no node. */
function condition(n: C.ConditionCstNode | C.ConjunctionCstNode | C.UnaryCstNode | C.ComparisonCstNode): InlineNode {
  switch (n.name) {
    case "condition":
    case "conjunction": {
      const parts = (n.children.part ?? []).map(condition);
      if (parts.length === 1) return parts[0]!;
      return span<OrNode | AndNode>(parts[0]!, parts[parts.length - 1]!, { type: n.name === "condition" ? "Or" : "And", parts } as OrNode);
    }
    case "unary": {
      const not = n.children.Not?.[0];
      if (not) {
        const operand = condition(n.children.negated![0]!);
        return { type: "Not", operand, start: not.startOffset, end: operand.end };
      }
      return condition(n.children.inner?.[0] ?? n.children.comparison![0]!);
    }
    default:
      return comparison(n);
  }
}

function comparison(n: CstNode): Phrase {
  const parts: InlineNode[] = [];
  let list: ListNode | undefined;
  for (const e of sortedChildren(n)) {
    if (!isToken(e)) {
      if (e.name === "varRef") parts.push(varRef(e));
      else if (e.name === "range") parts.push(range(e as C.RangeCstNode));
      else if (list) list.items.push(token(firstToken(e)));
      else parts.push(token(firstToken(e)));
      continue;
    }
    const kind = e.tokenType.name;
    if (kind === "LParen") list = { type: "List", sep: ",", parens: true, items: [], start: e.startOffset, end: e.startOffset };
    else if (kind === "RParen") {
      list!.end = e.endOffset! + 1;
      parts.push(list!);
      list = undefined;
    } else if (kind !== "Comma") parts.push(token(e));
  }
  return span<Phrase>(parts[0]!, parts[parts.length - 1]!, { type: "Phrase", parts });
}

function split(n: C.SplitCstNode): InlineNode {
  const parts = (n.children.part ?? []).map(varRef);
  if (parts.length === 1) return parts[0]!;
  return span<ListNode>(parts[0]!, parts[parts.length - 1]!, { type: "List", sep: "*", parens: false, items: parts });
}

/** Sub-rules that become one node; every other sub-rule is read through. */
const LEAVES: Record<string, (n: CstNode) => InlineNode> = {
  text: (n) => token(firstToken(n)),
  value: (n) => token(firstToken(n)),
  // The table is keyed by rule name, so each entry gets the node type of its rule.
  range: (n) => range(n as C.RangeCstNode),
  varRef,
  condition: (n) => condition(n as C.ConditionCstNode),
  split: (n) => split(n as C.SplitCstNode),
};

type Piece = IToken | InlineNode | { item: CstNode };

/** The pieces of a statement: its tokens and leaves in order; the items of its block stay whole. */
function pieces(n: CstNode, out: Piece[]): Piece[] {
  const children = sortedChildren(n);
  const open = children.find((e) => isToken(e) && e.tokenType.name === "LBrace") as IToken | undefined;
  for (const e of children) {
    if (isToken(e)) out.push(e);
    else if (open && e.location!.startOffset > open.startOffset) out.push({ item: e });
    else if (LEAVES[e.name]) out.push(LEAVES[e.name]!(e));
    else pieces(e, out);
  }
  return out;
}

function statement(n: CstNode, hasCommentIn: (start: number, end: number) => boolean, text: string): Statement {
  const seq: (InlineNode | ",")[] = [];
  let block: Block | undefined;
  for (const p of pieces(n, [])) {
    if ("item" in p) block!.items.push(statement(p.item, hasCommentIn, text));
    else if (!("image" in p)) seq.push(p);
    else if (p.tokenType.name === "LBrace") block = { type: "Block", items: [], inline: false, start: p.startOffset, end: p.startOffset + 1 };
    else if (p.tokenType.name === "RBrace") {
      block!.end = p.endOffset! + 1;
      block!.inline = !/[\r\n]/.test(text.slice(block!.start, block!.end)) && !hasCommentIn(block!.start, block!.end);
    } else if (p.tokenType.name === "Comma") seq.push(",");
    else seq.push(token(p));
  }
  const parts = withLists(seq);
  // From the CST: a condition's node ends before a closing `)`, the statement after it.
  const out: Statement = { type: "Statement", kind: n.name, parts, start: n.location!.startOffset, end: n.location!.endOffset! + 1 };
  if (block) out.block = block;
  return out;
}

/** `at a, b` and `by kon, alder`: the comma-separated run becomes one list node. */
function withLists(seq: (InlineNode | ",")[]): InlineNode[] {
  const parts: InlineNode[] = [];
  for (let i = 0; i < seq.length; i++) {
    const x = seq[i] as InlineNode;
    if (seq[i + 1] !== ",") {
      parts.push(x);
      continue;
    }
    const items = [x];
    while (seq[i + 1] === ",") {
      items.push(seq[i + 2] as InlineNode);
      i += 2;
    }
    parts.push(span<ListNode>(items[0]!, items[items.length - 1]!, { type: "List", sep: ",", parens: false, items }));
  }
  return parts;
}

/** The formatter's tree of a file that parsed without errors. */
export function buildFormatTree(cst: CstNode, commentTokens: IToken[], text: string): FileNode {
  const comments: CommentNode[] = commentTokens.map((c) => ({
    type: "Comment",
    value: c.image,
    block: c.image.startsWith("/*"),
    start: c.startOffset,
    end: c.endOffset! + 1,
  }));
  const starts = comments.map((c) => c.start);
  const hasCommentIn = (start: number, end: number): boolean => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length && starts[lo]! < end;
  };
  const body = sortedChildren(cst)
    .filter((e): e is CstNode => !isToken(e))
    .map((d) => statement(d, hasCommentIn, text));
  return { type: "File", body, comments, start: 0, end: text.length };
}
