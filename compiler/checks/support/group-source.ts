// What a comparison group is formed from: the source variable and the kind of
// values it holds, which decides whether the group maps bands or codes.
import type * as A from "../../syntax/ast.js";
import type { Resolution, Sym } from "../../semantics/resolve.js";

export type SourceKind = "integer" | "decimal" | "choice" | "multiple" | "boolean" | "date" | "text";

export interface GroupSource {
  variable: Sym<A.VariableDecl>;
  kind: SourceKind;
  /** The value set of a choice source, when it resolves. */
  valueset?: Sym<A.ValuesetDecl>;
}

/** The group's source, when it names a declared variable (else ISU0101/ISU0102 report it). */
export function groupSource(r: Resolution, g: A.GroupDecl): GroupSource | undefined {
  const variable = r.variables.get(g.source.name.text);
  if (!variable) return undefined;
  const t = variable.decl.type;
  if (t.kind !== "valueset") return { variable, kind: t.kind };
  const out: GroupSource = { variable, kind: t.multiple ? "multiple" : "choice" };
  const vs = r.valuesets.get(t.valueset.text);
  if (vs) out.valueset = vs;
  return out;
}

export const SOURCE_KIND_WORDS: Record<SourceKind, string> = {
  integer: "an integer variable",
  decimal: "a decimal variable",
  choice: "a choice variable",
  multiple: "a multiple-choice variable",
  boolean: "a yes/no (boolean) variable",
  date: "a date variable",
  text: "a free-text variable",
};
