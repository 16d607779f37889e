// The outline (document symbols, from one parsed file: it works while names
// do not resolve) and workspace symbols (every declaration in the open
// documents and the files they import).
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from "vscode-languageserver/node.js";
import type * as A from "../compiler/syntax/ast.js";
import { describeRange, describeType, valueMarkers } from "./describe.js";
import { toLspRange } from "./positions.js";
import type { Workspace } from "./workspace.js";

const KIND: Record<Exclude<A.Declaration["kind"], "Import">, SymbolKind> = {
  Plan: SymbolKind.Module,
  Timepoint: SymbolKind.Event,
  Valueset: SymbolKind.Enum,
  Variable: SymbolKind.Variable,
  Group: SymbolKind.Struct,
  Question: SymbolKind.Function,
};

function detailOf(d: A.Declaration): string {
  switch (d.kind) {
    case "Variable":
      return `${d.label.text?.value ?? ""} : ${describeType(d.type)}${d.timepoints.length ? " at " + d.timepoints.map((t) => t.text).join(", ") : ""}`.trim();
    case "Group":
      return `${d.label.text?.value ?? ""} from ${d.source.name.text}`.trim();
    case "Import":
      return "";
    default:
      return d.label.text?.value ?? "";
  }
}

function symbol(name: string, detail: string, kind: SymbolKind, range: A.Range, selection: A.Range, children?: DocumentSymbol[]): DocumentSymbol {
  const s: DocumentSymbol = { name: name || "?", detail, kind, range: toLspRange(range), selectionRange: toLspRange(selection) };
  if (children?.length) s.children = children;
  return s;
}

export function documentSymbols(ws: Workspace, path: string): DocumentSymbol[] {
  const sf = ws.parsed(path);
  const out: DocumentSymbol[] = [];
  for (const d of sf.ast.declarations) {
    if (d.kind === "Import") {
      out.push(symbol(d.path.value, "import", SymbolKind.File, d.range, d.path.range));
      continue;
    }
    let children: DocumentSymbol[] | undefined;
    if (d.kind === "Valueset") {
      children = d.values.map((v) => symbol(v.code.value, [v.label.text.value, valueMarkers(v)].filter(Boolean).join(" — "), SymbolKind.EnumMember, v.range, v.code.range));
    } else if (d.kind === "Group") {
      children = d.entries.map((e, i) =>
        symbol(
          e.name?.text ?? String(i + 1),
          `${e.label.text.value} = ${e.band ? describeRange(e.band) : e.values.map((v) => v.raw).join(", ")}`,
          SymbolKind.EnumMember,
          e.range,
          e.name?.range ?? e.label.text.range,
        ),
      );
    }
    out.push(symbol(d.name.text, detailOf(d), KIND[d.kind], d.range, d.name.range, children));
  }
  return out;
}

/** Every declaration (and value) whose name contains the query's letters in order. */
export function workspaceSymbols(ws: Workspace, query: string): SymbolInformation[] {
  const q = query.toLowerCase();
  const matches = (name: string): boolean => {
    let i = 0;
    const n = name.toLowerCase();
    for (const ch of n) if (ch === q[i]) i++;
    return i === q.length;
  };
  const files = new Set<string>();
  for (const od of ws.openDocuments()) {
    files.add(od.path);
    for (const f of ws.lastProgramFiles(od.path) ?? ws.resolution(od.path).program.byPath.keys()) files.add(f);
  }
  const out: SymbolInformation[] = [];
  for (const f of files) {
    const uri = ws.uriOf(f);
    for (const d of ws.parsed(f).ast.declarations) {
      if (d.kind === "Import") continue;
      if (matches(d.name.text)) out.push({ name: d.name.text, kind: KIND[d.kind], location: { uri, range: toLspRange(d.name.range) }, containerName: d.label.text?.value ?? "" });
      if (d.kind === "Valueset") {
        for (const v of d.values)
          if (matches(v.code.value)) out.push({ name: v.code.value, kind: SymbolKind.EnumMember, location: { uri, range: toLspRange(v.code.range) }, containerName: d.name.text });
      }
    }
  }
  return out;
}
