// What kind of data a variable or group holds, so the measurability checks can
// say whether an analysis or split can be computed on it, and name it in a message.
import type * as A from "../../syntax/ast.js";
import type { Resolution, Sym } from "../../semantics/resolve.js";
import { facts } from "../../semantics/facts.js";

export type MeasureKind = "choice" | "multiple" | "boolean" | "number" | "text" | "date" | "group";

export function measureKind(sym: Sym): MeasureKind {
  if (sym.kind === "group") return "group";
  const t = (sym.decl as A.VariableDecl).type;
  switch (t.kind) {
    case "valueset":
      return t.multiple ? "multiple" : "choice";
    case "integer":
    case "decimal":
      return "number";
    default:
      return t.kind;
  }
}

/** Kinds that fall into a fixed set of categories: a table can have a row or column per category. */
export function isCategorical(kind: MeasureKind): boolean {
  return kind === "choice" || kind === "boolean" || kind === "group";
}

/** "an integer", "free text", "on value set 'kon'" … — completes "'alder' is …". */
export function describeMeasure(sym: Sym): string {
  if (sym.kind === "group") return `a group from '${(sym.decl as A.GroupDecl).source.name.text}'`;
  const t = (sym.decl as A.VariableDecl).type;
  switch (t.kind) {
    case "valueset":
      return t.multiple ? `multiple choice on value set '${t.valueset.text}'` : `on value set '${t.valueset.text}'`;
    case "integer":
      return "an integer";
    case "decimal":
      return "a decimal number";
    case "boolean":
      return "a yes/no (boolean) variable";
    case "date":
      return "a date";
    case "text":
      return "free text";
  }
}

/** "variable" or "group", for messages. */
export function measureWord(sym: Sym): string {
  return sym.kind === "group" ? "group" : "variable";
}

/** The groups formed from a variable, in declaration order. */
export function groupsFrom(r: Resolution, variable: string): Sym<A.GroupDecl>[] {
  return facts(r).groups.filter((g) => g.decl.source.name.text === variable);
}
