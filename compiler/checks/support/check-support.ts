// Small pieces the checks share: walking declarations, finding what a name
// resolved to (exactly as the resolver decided), and building text edits.
import type * as A from "../../syntax/ast.js";
import type { Fix, TextEdit } from "../../syntax/diagnostic.js";
import { timepointsSetting, type Resolution, type Sym } from "../../semantics/resolve.js";
import { tpOrder } from "../../semantics/time.js";
import { insertAt, replace } from "./source-edits.js";

/** Every declaration of a kind in every file, duplicates included, in program order. */
export function declarationsOf<K extends A.Declaration["kind"]>(r: Resolution, kind: K): { decl: Extract<A.Declaration, { kind: K }>; file: string }[] {
  const out: { decl: Extract<A.Declaration, { kind: K }>; file: string }[] = [];
  for (const sf of r.program.files) for (const d of sf.ast.declarations) if (d.kind === kind) out.push({ decl: d as Extract<A.Declaration, { kind: K }>, file: sf.path });
  return out;
}

/** A declaration seen as a symbol, for helpers that take one (duplicates are not in the symbol tables). */
export function asSym<D extends A.VariableDecl | A.GroupDecl>(r: Resolution, decl: D, file: string): Sym<D> {
  const table = decl.kind === "Variable" ? r.variables : r.groups;
  const sym = table.get(decl.name.text);
  if (sym && sym.decl === decl) return sym as unknown as Sym<D>;
  return { kind: decl.kind === "Variable" ? "variable" : "group", name: decl.name.text, decl, file, index: -1 };
}

const targetCache = new WeakMap<Resolution, Map<string, Sym | null>>();

/** What the name at this place resolved to; undefined when it did not resolve (ISU0101/ISU0102 say why). */
export function refTarget(r: Resolution, file: string, name: A.Name): Sym | undefined {
  let map = targetCache.get(r);
  if (!map) {
    map = new Map();
    for (const ref of r.refs) map.set(`${ref.file}:${ref.range.start.offset}`, ref.target ?? null);
    targetCache.set(r, map);
  }
  return map.get(`${file}:${name.range.start.offset}`) ?? undefined;
}

export function quoteList(names: string[], last = "and"): string {
  const q = names.map((n) => `'${n}'`);
  return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} ${last} ${q[q.length - 1]}`;
}

/** The range of the first `length` characters of a range that starts a keyword (e.g. `summary`). */
export function leading(range: A.Range, length: number): A.Range {
  return { start: range.start, end: { offset: range.start.offset + length, line: range.start.line, column: range.start.column + length } };
}

/** Sets a reference's time point: replaces its `at <tp>`, or inserts one after the name. */
export function setTimepointEdit(file: string, ref: A.VarRef, tp: string): TextEdit {
  return ref.timepoint ? replace(file, ref.timepoint.range, tp) : insertAt(file, ref.name.range.end, ` at ${tp}`);
}

/**
 * The variable whose `at` list decides when a measure is recorded: the
 * variable itself, or a group's source (unless the group fixes its own time point).
 */
export function recordingVariable(r: Resolution, sym: Sym): Sym<A.VariableDecl> | undefined {
  if (sym.kind === "variable") return sym as Sym<A.VariableDecl>;
  if (sym.kind !== "group") return undefined;
  const g = sym.decl as A.GroupDecl;
  if (g.source.timepoint) return undefined;
  return r.variables.get(g.source.name.text);
}

/** A fix that adds a time point to a variable's `at` list, in plan order. */
export function addTimepointFix(r: Resolution, variable: Sym<A.VariableDecl>, tp: string): Fix | undefined {
  const v = variable.decl;
  if (!v.atRange || v.timepoints.some((t) => t.text === tp)) return undefined;
  const order = tpOrder(r, tp);
  const later = v.timepoints.find((t) => r.timepoints.has(t.text) && tpOrder(r, t.text) > order);
  const edit = later ? insertAt(variable.file, later.range.start, `${tp}, `) : insertAt(variable.file, v.atRange.end, `, ${tp}`);
  return { title: `Record '${v.name.text}' at '${tp}' too`, edits: [edit] };
}

/**
 * An addition to a hint that rests on time point order: imported time points
 * come first unless the plan states the order, which surprises readers.
 */
export function importedOrderNote(r: Resolution, tps: string[]): string {
  if (!r.plan || timepointsSetting(r)) return "";
  const imported = tps.some((t) => {
    const sym = r.timepoints.get(t);
    return sym !== undefined && sym.file !== r.program.root;
  });
  return imported ? "; time points from imported files come first; state the order with 'timepoints a, b, c' in the plan block" : "";
}

/**
 * Every change or attainment whose measured variable resolves, with the name
 * as written: the analyses that need an ordered scale (ISU0306, ISU0307).
 */
export function scaleAnalyses(r: Resolution): { q: A.QuestionDecl; file: string; a: A.Analysis & { kind: "change" | "attainment" }; name: A.Name; sym: Sym<A.VariableDecl> }[] {
  const out: ReturnType<typeof scaleAnalyses> = [];
  for (const { decl: q, file } of declarationsOf(r, "Question")) {
    for (const a of q.analyses) {
      if (a.kind !== "change" && a.kind !== "attainment") continue;
      const name = a.kind === "change" ? a.variable : a.target.name;
      const sym = refTarget(r, file, name);
      if (sym?.kind === "variable") out.push({ q, file, a, name, sym: sym as Sym<A.VariableDecl> });
    }
  }
  return out;
}
