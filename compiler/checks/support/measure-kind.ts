// What kind of data a variable or group holds, so the measurability checks can
// say whether an analysis or split can be computed on it, and name it in a message.
import type * as A from "../../syntax/ast.js";
import type { Resolution, Sym } from "../../semantics/resolve.js";
import { facts } from "../../semantics/facts.js";

/** What a variable holds, by its declared type: the one vocabulary the checks use for it. */
export type ValueKind = "integer" | "decimal" | "choice" | "multiple" | "boolean" | "date" | "text";
/** What a variable or a group holds. */
export type MeasureKind = ValueKind | "group";

export function valueKind(t: A.TypeRef): ValueKind {
  return t.kind === "valueset" ? (t.multiple ? "multiple" : "choice") : t.kind;
}

export function measureKind(sym: Sym): MeasureKind {
  return sym.kind === "group" ? "group" : valueKind((sym.decl as A.VariableDecl).type);
}

export const isNumeric = (kind: MeasureKind): boolean => kind === "integer" || kind === "decimal";

/** Kinds that fall into a fixed set of categories: a table can have a row or column per category. */
export function isCategorical(kind: MeasureKind): boolean {
  return kind === "choice" || kind === "boolean" || kind === "group";
}

/** Each kind in words: what it is ("an integer") and as a variable ("an integer variable"). */
const KIND_WORDS: Record<ValueKind, { is: string; variable: string }> = {
  integer: { is: "an integer", variable: "an integer variable" },
  decimal: { is: "a decimal number", variable: "a decimal variable" },
  choice: { is: "a choice", variable: "a choice variable" },
  multiple: { is: "multiple choice", variable: "a multiple-choice variable" },
  boolean: { is: "a yes/no (boolean) variable", variable: "a yes/no (boolean) variable" },
  date: { is: "a date", variable: "a date variable" },
  text: { is: "free text", variable: "a free-text variable" },
};

/** "an integer variable", "a free-text variable" … — completes "'alder' is …" where the kind alone matters. */
export function kindAsVariable(kind: ValueKind): string {
  return KIND_WORDS[kind].variable;
}

/** "an integer", "free text", "on value set 'kon'" … — completes "'alder' is …", naming the value set where there is one. */
export function describeMeasure(sym: Sym): string {
  if (sym.kind === "group") return `a group from '${(sym.decl as A.GroupDecl).source.name.text}'`;
  const t = (sym.decl as A.VariableDecl).type;
  if (t.kind === "valueset") return t.multiple ? `multiple choice on value set '${t.valueset.text}'` : `on value set '${t.valueset.text}'`;
  return KIND_WORDS[t.kind].is;
}

/** "variable" or "group", for messages. */
export function measureWord(sym: Sym): string {
  return sym.kind === "group" ? "group" : "variable";
}

/** The groups formed from a variable, in declaration order. */
export function groupsFrom(r: Resolution, variable: string): Sym<A.GroupDecl>[] {
  return facts(r).groups.filter((g) => g.decl.source.name.text === variable);
}
