// Folding ranges from the tokens: every `{ … }` block over several lines
// (declarations, values, entries), multi-line texts and block comments, runs
// of line comments, and a run of imports. Tokens are there even when the file
// does not parse, so folding keeps working while the text is broken.
import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver/node.js";
import type { IToken } from "chevrotain";
import * as T from "../grammar/tokens.js";
import { tokenEndLine, tokenStart } from "./positions.js";
import type { Workspace } from "./workspace.js";

const line = (t: IToken): number => tokenStart(t).line;
const endLine = tokenEndLine;

export function foldingRanges(ws: Workspace, path: string): FoldingRange[] {
  const { tokens, comments } = ws.lex(path);
  const out: FoldingRange[] = [];
  const open: IToken[] = [];
  for (const t of tokens) {
    if (t.tokenType === T.LBrace) open.push(t);
    else if (t.tokenType === T.RBrace) {
      const o = open.pop();
      // The closing brace stays visible: the fold ends on the line before it.
      if (o && line(t) - 1 > line(o)) out.push({ startLine: line(o), endLine: line(t) - 1 });
    } else if ((t.tokenType === T.TripleString || t.tokenType === T.UnterminatedTriple) && endLine(t) > line(t)) {
      out.push({ startLine: line(t), endLine: endLine(t) });
    }
  }
  let run: IToken[] = [];
  const flush = () => {
    if (run.length > 1) out.push({ startLine: line(run[0]!), endLine: line(run[run.length - 1]!), kind: FoldingRangeKind.Comment });
    run = [];
  };
  // A comment after code on its line belongs to that line, not to a run of comments.
  const codeStarts = new Map<number, number>();
  for (const t of tokens) if (!codeStarts.has(line(t))) codeStarts.set(line(t), t.startOffset);
  for (const c of comments) {
    const code = codeStarts.get(line(c));
    if (code !== undefined && code < c.startOffset) {
      flush();
      continue;
    }
    if (c.image.startsWith("/*")) {
      flush();
      if (endLine(c) > line(c)) out.push({ startLine: line(c), endLine: endLine(c), kind: FoldingRangeKind.Comment });
      continue;
    }
    const prev = run[run.length - 1];
    if (prev && line(c) !== line(prev) + 1) flush();
    run.push(c);
  }
  flush();
  // Consecutive imports fold together.
  const imports = tokens.filter((t) => t.tokenType === T.Import);
  if (imports.length > 1 && line(imports[imports.length - 1]!) > line(imports[0]!)) {
    out.push({ startLine: line(imports[0]!), endLine: line(imports[imports.length - 1]!), kind: FoldingRangeKind.Imports });
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}
