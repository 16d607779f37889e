// The prettier printer for the formatter's tree (tree.ts): the canonical
// layout of docs/language.md "Formatting". Prettier attaches the comments to
// nodes; this printer places them itself (willPrintOwnComments), because
// ISU's rule is about lines: a `// …` comment must end a line, and a line
// comment written inside a statement that spans lines must not land on the
// same output line as another one (the second would become part of the first).
import { doc, util, type AstPath, type Doc, type ParserOptions, type Printer } from "prettier";
import type { Block, CommentNode, FileNode, FormatNode, InlineNode, Statement } from "./tree.js";

const { hardline, indent, join } = doc.builders;

/** A comment after prettier's attachment step. */
type Attached = CommentNode & {
  leading?: boolean;
  trailing?: boolean;
  printed?: boolean;
  marker?: string;
  placement?: "ownLine" | "endOfLine" | "remaining";
  enclosingNode?: FormatNode;
  precedingNode?: FormatNode;
};

type Print = Parameters<Printer<FormatNode>["print"]>[2];
type Path = AstPath<FormatNode>;
type Options = ParserOptions<FormatNode>;

const commentsOf = (n: FormatNode): Attached[] => (n as { comments?: Attached[] }).comments ?? [];
const isDangling = (c: Attached): boolean => !c.leading && !c.trailing;
/** Trailing blanks are trimmed from every line, a line comment's too. */
const textOf = (c: Attached): string => (c.block ? c.value : c.value.trimEnd());
const byStart = (a: { start: number }, b: { start: number }): number => a.start - b.start;

const VISITOR_KEYS: Record<FormatNode["type"], string[]> = {
  File: ["body"],
  Statement: ["parts", "block"],
  Block: ["items"],
  Phrase: ["parts"],
  List: ["items"],
  Range: ["low", "high"],
  Or: ["parts"],
  And: ["parts"],
  Not: ["operand"],
  Token: [],
  Comment: [],
};

/** A block printed over several lines (one written on one line stays there). */
export function isExpanded(b: Block): boolean {
  return !b.inline && (b.items.length > 0 || commentsOf(b).length > 0);
}

/**
 * A comment right after a block's `{`, on that line, stays there: prettier
 * would otherwise make it lead the first item, on a line of its own.
 */
function keepAfterOpeningBrace(comment: Attached, text: string): boolean {
  const block = comment.enclosingNode;
  if (block?.type !== "Block" || comment.precedingNode) return false;
  // Line breaks inside a block comment between them do not count: that comment is printed after `{` too.
  if (/[\r\n]/.test(text.slice(block.start + 1, comment.start).replace(/\/\*[\s\S]*?\*\//g, ""))) return false;
  util.addDanglingComment(block, comment, "open");
  return true;
}

export const isuPrinter: Printer<FormatNode> = {
  print(path, options, print) {
    const node = path.node;
    switch (node.type) {
      case "File":
        return printFile(path, options, print);
      case "Statement":
        return printStatement(path, options, print);
      case "Comment":
        return textOf(node);
      case "Block":
        // Reached only through a statement, which prints its block itself.
        throw new Error("a block is printed by its statement");
      default:
        return withInlineComments(node, printInline(path, print));
    }
  },
  getVisitorKeys: (node) => VISITOR_KEYS[node.type] ?? [],
  canAttachComment: (node) => node.type !== "Comment",
  isBlockComment: (node) => node.type === "Comment" && node.block,
  printComment: (path) => textOf(path.node as Attached),
  willPrintOwnComments: () => true,
  handleComments: {
    ownLine: (comment: Attached, text: string) => keepAfterOpeningBrace(comment, text),
    endOfLine: (comment: Attached, text: string) => keepAfterOpeningBrace(comment, text),
    remaining: (comment: Attached, text: string) => keepAfterOpeningBrace(comment, text),
  },
};

function printFile(path: Path, options: Options, print: Print): Doc {
  const file = path.node as FileNode;
  const text = options.originalText;
  if (file.body.length === 0) {
    // Only comments (or nothing): each on its own line, blank lines kept.
    const comments = commentsOf(file);
    const out: Doc[] = [];
    comments.forEach((c, i) => {
      c.printed = true;
      if (i > 0) out.push(hardline, util.isNextLineEmpty(text, comments[i - 1]!.end) ? hardline : "");
      out.push(textOf(c));
    });
    return comments.length ? [...out, hardline] : "";
  }
  const docs = path.map(print, "body");
  const out: Doc[] = [];
  file.body.forEach((d, i) => {
    if (i > 0) {
      const prev = file.body[i - 1]!;
      // A run of one-line declarations of one kind (imports, time points,
      // variables without a block) may stay together; all else is apart.
      const together = prev.kind === d.kind && isOneLine(prev) && isOneLine(d) && !util.isNextLineEmpty(text, prev.end);
      out.push(hardline, together ? "" : hardline);
    }
    out.push(docs[i]!);
  });
  out.push(hardline);
  return out;
}

const isOneLine = (s: Statement): boolean => !s.block || !isExpanded(s.block);

/** Line comments written anywhere in a statement's first line (its words, and before or just after its `{`). */
function lineCommentsOf(s: Statement): Attached[] {
  const out: Attached[] = [];
  const walk = (n: InlineNode): void => {
    for (const c of commentsOf(n)) if (!c.block) out.push(c);
    switch (n.type) {
      case "Phrase":
      case "Or":
      case "And":
        n.parts.forEach(walk);
        break;
      case "List":
        n.items.forEach(walk);
        break;
      case "Range":
        if (n.low) walk(n.low);
        if (n.high) walk(n.high);
        break;
      case "Not":
        walk(n.operand);
        break;
    }
  };
  s.parts.forEach(walk);
  if (s.block) for (const c of commentsOf(s.block)) if (!c.block && (c.leading || c.marker === "open")) out.push(c);
  return out;
}

function printStatement(path: Path, options: Options, print: Print): Doc {
  const s = path.node as Statement;
  const text = options.originalText;
  const expanded = !!s.block && isExpanded(s.block);
  const own = commentsOf(s);
  for (const c of own) c.printed = true;

  const firstLine = lineCommentsOf(s);
  const closingLine: Attached[] = [];
  const sameLineAfter: Doc[] = [];
  const below: Doc[] = [];
  for (const c of own) {
    if (!c.trailing) continue;
    if (c.placement === "ownLine") below.push(hardline, isPreviousLineEmpty(text, c.start) ? hardline : "", textOf(c));
    else if (c.block) sameLineAfter.push(" ", textOf(c));
    else (expanded ? closingLine : firstLine).push(c);
  }
  for (const c of [...firstLine, ...closingLine]) c.printed = true;
  firstLine.sort(byStart);
  // One line comment can end a line; others written on the same (joined)
  // line move above the statement, each on a line of its own.
  const endOfFirstLine = firstLine.pop();
  const endOfLastLine = expanded ? closingLine.pop() : endOfFirstLine;
  const hoisted = [...firstLine, ...closingLine];

  const above: Doc[] = [];
  const before: Doc[] = [];
  for (const c of own) {
    if (!c.leading) continue;
    if (c.block && !/[\r\n]/.test(text.slice(c.end, s.start))) before.push(textOf(c), " ");
    else above.push(textOf(c), hardline, util.isNextLineEmpty(text, c.end) ? hardline : "");
  }
  for (const c of hoisted) above.push(textOf(c), hardline);

  const out: Doc[] = [...above, ...before, join(" ", path.map(print, "parts"))];
  if (s.block) {
    const block = s.block;
    out.push(
      " ",
      path.call((bp) => printBlock(bp as Path, block, options, print, expanded ? endOfFirstLine : undefined), "block"),
    );
  }
  out.push(...sameLineAfter);
  if (endOfLastLine) out.push(" ", textOf(endOfLastLine));
  out.push(...below);
  return out;
}

function printBlock(path: Path, b: Block, options: Options, print: Print, endOfOpeningLine: Attached | undefined): Doc {
  const text = options.originalText;
  const comments = commentsOf(b);
  for (const c of comments) c.printed = true;
  const before = comments.filter((c) => c.leading && c.block).flatMap((c) => [textOf(c), " "]);
  const items = path.map(print, "items");
  if (!isExpanded(b)) return [...before, items.length ? ["{ ", join("  ", items), " }"] : "{}"];

  const afterOpen = comments.filter((c) => isDangling(c) && c.marker === "open" && c.block).flatMap((c) => [" ", textOf(c)]);
  if (endOfOpeningLine) afterOpen.push(" ", textOf(endOfOpeningLine));
  const body: Doc[] = [];
  b.items.forEach((item, i) => {
    if (i > 0) body.push(hardline, util.isNextLineEmpty(text, b.items[i - 1]!.end) ? hardline : "");
    body.push(items[i]!);
  });
  // Comments in an otherwise empty block: each on its own line inside it.
  for (const c of comments.filter((c) => isDangling(c) && c.marker !== "open").sort(byStart)) {
    if (body.length) body.push(hardline);
    body.push(textOf(c));
  }
  return [...before, "{", ...afterOpen, body.length ? indent([hardline, ...body]) : "", hardline, "}"];
}

function isPreviousLineEmpty(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
  if (text[i] !== "\n") return false;
  i--;
  if (text[i] === "\r") i--;
  while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
  return text[i] === "\n" || text[i] === "\r";
}

/** Block comments inside a line stay beside the word they were beside; line comments go to the statement. */
function withInlineComments(node: FormatNode, printed: Doc): Doc {
  const comments = commentsOf(node);
  if (comments.length === 0) return printed;
  const before: Doc[] = [];
  const after: Doc[] = [];
  for (const c of comments) {
    if (!c.block) continue;
    c.printed = true;
    if (c.leading) before.push(textOf(c), " ");
    else after.push(" ", textOf(c));
  }
  return [...before, printed, ...after];
}

/** Parentheses only where the tree needs them: `or` inside `and`, and a nested `and`/`or` of the same kind (kept so the parsed tree is unchanged). */
function parenthesised(child: FormatNode, needs: FormatNode["type"][], printed: Doc): Doc {
  return needs.includes(child.type) ? ["(", printed, ")"] : printed;
}

function printInline(path: Path, print: Print): Doc {
  const node = path.node;
  switch (node.type) {
    case "Token":
      return node.text;
    case "Phrase":
      return join(" ", path.map(print, "parts"));
    case "List": {
      const items = join(node.sep === "," ? ", " : " * ", path.map(print, "items"));
      return node.parens ? ["(", items, ")"] : items;
    }
    case "Range":
      return [node.low ? print("low") : "", "..", node.high ? print("high") : ""];
    case "Or":
      return join(
        " or ",
        path.map((p) => parenthesised(p.node, ["Or"], print()), "parts"),
      );
    case "And":
      return join(
        " and ",
        path.map((p) => parenthesised(p.node, ["Or", "And"], print()), "parts"),
      );
    case "Not":
      return ["not ", parenthesised(node.operand, ["Or", "And"], print("operand"))];
    default:
      throw new Error(`unexpected ${node.type} inside a line`);
  }
}
