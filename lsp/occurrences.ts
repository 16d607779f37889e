// Every place a name or a value code stands in a resolved program, with what
// it denotes: the common ground of hover, go to definition, references,
// highlights, rename and semantic tokens. Built from the resolver's symbol
// tables, `refs` and `valueRefs`; nothing here resolves a name itself.
import type * as A from "../compiler/syntax/ast.js";
import type { Reference, Resolution, Sym, SymbolKind } from "../compiler/semantics/resolve.js";

export type Target =
  | { kind: "symbol"; sym: Sym }
  | { kind: "value"; valueset: Sym<A.ValuesetDecl>; value: A.ValueDecl }
  | { kind: "entry"; group: Sym<A.GroupDecl>; entry: A.GroupEntry; index: number }
  | { kind: "unresolved"; ref: Reference }
  | { kind: "import"; target: string };

export interface Occurrence {
  file: string;
  range: A.Range;
  target: Target;
  /** The declaring occurrence (a declaration's name, a value's code, an entry's name). */
  declaration: boolean;
}

/** The name of a symbol's declaration (symbols are never imports). */
export function symName(sym: Sym): A.Name {
  return (sym.decl as Exclude<A.Declaration, A.ImportDecl>).name;
}

/** Which names may not be used twice together: variables and groups share one. */
export function namespaceOf(kind: SymbolKind): string {
  return kind === "group" ? "variable" : kind;
}

/** A key that is the same for one declaration in every compilation that loads its file. */
export function targetKey(t: Target): string | undefined {
  switch (t.kind) {
    case "symbol":
      return `${namespaceOf(t.sym.kind)}:${t.sym.file}:${symName(t.sym).range.start.offset}`;
    case "value":
      return `value:${t.valueset.file}:${t.value.code.range.start.offset}`;
    case "entry":
      return `entry:${t.group.file}:${t.entry.range.start.offset}`;
    default:
      return undefined;
  }
}

/** Where the target is declared: file and the range of its name or code. */
export function declarationOf(t: Target): { file: string; range: A.Range } | undefined {
  switch (t.kind) {
    case "symbol":
      return { file: t.sym.file, range: symName(t.sym).range };
    case "value":
      return { file: t.valueset.file, range: t.value.code.range };
    case "entry":
      return { file: t.group.file, range: t.entry.name?.range ?? t.entry.label.text.range };
    default:
      return undefined;
  }
}

export class OccurrenceIndex {
  private byFile = new Map<string, Occurrence[]>();

  constructor(readonly resolution: Resolution) {
    const r = resolution;
    const add = (o: Occurrence) => {
      let list = this.byFile.get(o.file);
      if (!list) this.byFile.set(o.file, (list = []));
      list.push(o);
    };
    const all: Sym[] = [...r.plans, ...r.timepoints.values(), ...r.valuesets.values(), ...r.variables.values(), ...r.groups.values(), ...r.questions.values(), ...r.duplicates.map((d) => d.sym)];
    for (const sym of all) {
      add({ file: sym.file, range: symName(sym).range, target: { kind: "symbol", sym }, declaration: true });
      if (sym.kind === "valueset") {
        const vs = sym as Sym<A.ValuesetDecl>;
        for (const value of vs.decl.values) add({ file: sym.file, range: value.code.range, target: { kind: "value", valueset: vs, value }, declaration: true });
      }
      if (sym.kind === "group") {
        const g = sym as Sym<A.GroupDecl>;
        g.decl.entries.forEach((entry, index) => {
          if (entry.name) add({ file: sym.file, range: entry.name.range, target: { kind: "entry", group: g, entry, index }, declaration: true });
        });
      }
    }
    for (const ref of r.refs) {
      add({ file: ref.file, range: ref.range, target: ref.target ? { kind: "symbol", sym: ref.target } : { kind: "unresolved", ref }, declaration: false });
    }
    for (const vr of r.valueRefs) {
      if (vr.value && vr.valueset) add({ file: vr.file, range: vr.range, target: { kind: "value", valueset: vr.valueset, value: vr.value }, declaration: false });
      else if (vr.entry && vr.subject.kind === "group") {
        const g = vr.subject as Sym<A.GroupDecl>;
        add({ file: vr.file, range: vr.range, target: { kind: "entry", group: g, entry: vr.entry, index: g.decl.entries.indexOf(vr.entry) }, declaration: false });
      }
    }
    for (const sf of r.program.files) {
      const targets = r.program.imports.get(sf.path) ?? [];
      let i = 0;
      for (const d of sf.ast.declarations) {
        if (d.kind !== "Import") continue;
        const target = targets[i++];
        if (target) add({ file: sf.path, range: d.path.range, target: { kind: "import", target }, declaration: false });
      }
    }
    for (const list of this.byFile.values()) list.sort((a, b) => a.range.start.offset - b.range.start.offset);
  }

  inFile(file: string): Occurrence[] {
    return this.byFile.get(file) ?? [];
  }

  /** The occurrence under an offset; a cursor just after a name still counts as on it. */
  at(file: string, offset: number): Occurrence | undefined {
    const list = this.inFile(file);
    let lo = 0;
    let hi = list.length - 1;
    let best: Occurrence | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const o = list[mid]!;
      if (o.range.start.offset <= offset) {
        best = o;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Prefer the occurrence that starts at the offset over one that ends there.
    if (best && offset <= best.range.end.offset) return best;
    return undefined;
  }

  /** Every occurrence, in every file, of the target with this key. */
  withKey(key: string): Occurrence[] {
    const out: Occurrence[] = [];
    for (const list of this.byFile.values()) for (const o of list) if (targetKey(o.target) === key) out.push(o);
    return out;
  }
}

const indexes = new WeakMap<Resolution, OccurrenceIndex>();

/** The index of a resolution, built once. */
export function occurrences(r: Resolution): OccurrenceIndex {
  let ix = indexes.get(r);
  if (!ix) indexes.set(r, (ix = new OccurrenceIndex(r)));
  return ix;
}
