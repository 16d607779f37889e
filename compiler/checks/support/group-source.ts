// What a comparison group is formed from: the source variable and the kind of
// values it holds, which decides whether the group maps bands or codes.
import type * as A from "../../syntax/ast.js";
import type { Resolution, Sym } from "../../semantics/resolve.js";
import { valueKind, type ValueKind } from "./measure-kind.js";

export interface GroupSource {
  variable: Sym<A.VariableDecl>;
  kind: ValueKind;
  /** The value set of a choice source, when it resolves. */
  valueset?: Sym<A.ValuesetDecl>;
}

/** The group's source, when it names a declared variable (else ISU0101/ISU0102 report it). */
export function groupSource(r: Resolution, g: A.GroupDecl): GroupSource | undefined {
  const variable = r.variables.get(g.source.name.text);
  if (!variable) return undefined;
  const t = variable.decl.type;
  const out: GroupSource = { variable, kind: valueKind(t) };
  const vs = t.kind === "valueset" ? r.valuesets.get(t.valueset.text) : undefined;
  if (vs) out.valueset = vs;
  return out;
}
