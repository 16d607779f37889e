// Go to definition: from a name, a value code or an import to where it is
// declared; go to type definition: from a variable to its value set.
import type { Location } from "vscode-languageserver/node.js";
import type * as A from "../compiler/syntax/ast.js";
import { valuesetOf } from "../compiler/semantics/resolve.js";
import { declarationOf, occurrences } from "./occurrences.js";
import { toLspRange } from "./positions.js";
import type { Workspace } from "./workspace.js";

export function definition(ws: Workspace, path: string, offset: number): Location | null {
  const o = occurrences(ws.resolution(path)).at(path, offset);
  if (!o) return null;
  if (o.target.kind === "import") {
    return { uri: ws.uriOf(o.target.target), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  }
  const d = declarationOf(o.target);
  return d ? { uri: ws.uriOf(d.file), range: toLspRange(d.range) } : null;
}

/** Go to type definition: from a variable (or a value code) to its value set. */
export function typeDefinition(ws: Workspace, path: string, offset: number): Location | null {
  const r = ws.resolution(path);
  const o = occurrences(r).at(path, offset);
  if (!o) return null;
  const t = o.target;
  const vs = t.kind === "value" ? t.valueset : t.kind === "symbol" && t.sym.kind === "variable" ? valuesetOf(r, t.sym.decl as A.VariableDecl) : undefined;
  return vs ? { uri: ws.uriOf(vs.file), range: toLspRange(vs.decl.name.range) } : null;
}
